// The handover page (S-1), at the desk and on the guard's terminal (/handover): this shift's handover, handovers
// waiting to be acknowledged, past handovers by date and person, and (admin) where the template is set (管理). `?print=<id>` shows
// the printable sheet.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, DatePicker, Drawer, Empty, Flex, Input, Table, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, staffClient } from '../../api/client';
import type { Handover, HandoverSummary } from '../../../../shared/contract/handover';
import { DUTY } from '../../../../shared/contract/shifts';
import { useSession } from '../auth';
import { useLocalizer } from '../../ui/localize';
import { useHandover } from './store';
import { HandoverDraft } from './HandoverDraft';
import { HandoverSheet } from './HandoverSheet';
import { AcknowledgeModal, useMayAcknowledge } from './AcknowledgeModal';
import { PrintFrame } from '../../ui/PrintFrame';
import { SetUpLink } from '../../ui/SetUpLink';

const STATE_COLOR = { draft: 'default', signed: 'orange', acknowledged: 'green' } as const;

function SummaryTable({ rows, onView, onAck }: { rows: HandoverSummary[]; onView: (id: string) => void; onAck?: (h: HandoverSummary) => void }) {
  const { t } = useTranslation('handover');
  const { at } = useLocalizer();
  const mayAcknowledge = useMayAcknowledge();
  return (
    <Table<HandoverSummary>
      rowKey="id"
      size="middle"
      dataSource={rows}
      pagination={{ pageSize: 20 }}
      columns={[
        { title: t('page.number'), dataIndex: 'number' },
        { title: t('page.outgoing'), render: (_: unknown, h) => h.outgoing.name },
        { title: t('page.signedAt'), render: (_: unknown, h) => (h.signedAt ? at(h.signedAt) : t('page.notSignedYet')) },
        { title: t('page.incoming'), render: (_: unknown, h) => h.incoming?.name ?? '—' },
        { title: t('page.acknowledgedAt'), render: (_: unknown, h) => at(h.acknowledgedAt) },
        { title: t('page.lines'), render: (_: unknown, h) => t('page.linesCount', { lines: h.lines, unticked: h.unticked }) },
        { title: '', render: (_: unknown, h) => <Tag color={STATE_COLOR[h.state]}>{t(`state.${h.state}`)}</Tag> },
        {
          title: '',
          render: (_: unknown, h) => (
            <Flex gap={8}>
              <Button size="small" onClick={() => onView(h.id)} data-testid={`view-${h.number}`}>
                {t('page.view')}
              </Button>
              {onAck && h.state === 'signed' && mayAcknowledge(h) && (
                <Button size="small" type="primary" onClick={() => onAck(h)} data-testid={`ack-${h.number}`}>
                  {t('page.acknowledge')}
                </Button>
              )}
            </Flex>
          ),
        },
      ]}
    />
  );
}

function History({ onView }: { onView: (id: string) => void }) {
  const { t } = useTranslation('handover');
  const [rows, setRows] = useState<HandoverSummary[]>([]);
  const [person, setPerson] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const search = useCallback(async () => {
    const result = await api.handover.search({
      person: person || undefined,
      from: range?.[0]?.startOf('day').valueOf(),
      to: range?.[1]?.endOf('day').valueOf(),
      limit: 200,
    });
    setRows(result.handovers);
  }, [person, range]);
  useEffect(() => {
    void search();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <Flex vertical gap={12} data-testid="handover-history">
      <Flex gap={8} wrap>
        <Input placeholder={t('page.searchPerson')} value={person} onChange={(e) => setPerson(e.target.value)} onPressEnter={() => void search()} style={{ width: 220 }} allowClear data-testid="history-person" />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} />
        <Button type="primary" onClick={() => void search()} data-testid="history-search">
          {t('common:actions.search')}
        </Button>
      </Flex>
      <SummaryTable rows={rows} onView={onView} />
    </Flex>
  );
}

export function HandoverPage() {
  const { t } = useTranslation('handover');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const printId = params.get('print');
  const user = useSession((s) => s.user);
  const lock = useSession((s) => s.lock);
  const mayAcknowledge = useMayAcknowledge();
  const { pending, loadPending } = useHandover();
  const [justSigned, setJustSigned] = useState<Handover | null>(null);
  const [viewing, setViewing] = useState<Handover | null>(null);
  const [acking, setAcking] = useState<Pick<HandoverSummary, 'id' | 'number' | 'outgoing'> | null>(null);
  const [tab, setTab] = useState<string>(user && DUTY.includes(user.role) ? 'current' : 'pending');
  const [printed, setPrinted] = useState<Handover | null>(null);
  // The guard acknowledges only from the opened sheet, once it has been scrolled to its end (S-1).
  const [readToEnd, setReadToEnd] = useState(false);
  const endSeen = useRef<IntersectionObserver | null>(null);
  // A callback ref: the drawer mounts its content after opening, so the end of the sheet is watched once it exists.
  const sheetEnd = useCallback((end: HTMLDivElement | null) => {
    endSeen.current?.disconnect();
    endSeen.current = null;
    if (!end) return;
    const seen = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setReadToEnd(true));
    seen.observe(end);
    endSeen.current = seen;
  }, []);
  const openId = params.get('open');
  useEffect(() => {
    if (openId) void api.handover.get({ id: openId }).then((h) => (setReadToEnd(false), setViewing(h)));
  }, [openId]);

  useEffect(() => {
    void loadPending();
    return staffClient.on('handover.changed', () => void loadPending());
  }, [loadPending]);
  useEffect(() => {
    if (printId) void api.handover.get({ id: printId }).then(setPrinted);
    else setPrinted(null);
  }, [printId]);

  if (printId) {
    return printed ? (
      <PrintFrame onBack={() => navigate('/handover')} testId="handover-print" fileName={`${printed.number}.pdf`}>
        <HandoverSheet handover={printed} />
      </PrintFrame>
    ) : null;
  }

  const view = async (id: string) => {
    setReadToEnd(false);
    setViewing(await api.handover.get({ id }));
  };
  const duty = user ? DUTY.includes(user.role) : false;
  const items = [
    {
      key: 'current',
      label: t('page.current'),
      children: duty ? (
        <Flex vertical gap={12}>
          {justSigned && (
            <Alert
              type="success"
              showIcon
              message={t('page.handToGuardHint')}
              data-testid="handover-signed"
              action={
                <Flex gap={8}>
                  <Button onClick={() => navigate(`/handover?print=${justSigned.id}`)}>{t('page.print')}</Button>
                  <Button type="primary" onClick={() => void lock('lock')} data-testid="hand-to-guard">
                    {t('page.handToGuard')}
                  </Button>
                </Flex>
              }
            />
          )}
          <HandoverDraft onSigned={setJustSigned} />
        </Flex>
      ) : (
        <Empty description={t('page.notDuty')} />
      ),
    },
    {
      key: 'pending',
      label: `${t('page.pending')}${pending.length ? ` (${pending.length})` : ''}`,
      children: pending.length ? (
        <SummaryTable rows={pending} onView={(id) => void view(id)} onAck={(h) => void view(h.id)} />
      ) : (
        <Empty description={t('page.pendingNone')} />
      ),
    },
    { key: 'history', label: t('page.history'), children: <History onView={(id) => void view(id)} /> },
  ];
  if (user?.role === 'admin') items.push({ key: 'template', label: t('page.template'), children: <SetUpLink tab="handover" /> });

  return (
    <div data-testid="handover-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('page.title')}
      </Typography.Title>
      <Tabs activeKey={tab} onChange={setTab} destroyOnHidden items={items} />
      <Drawer
        open={viewing !== null}
        width={900}
        onClose={() => setViewing(null)}
        title={viewing?.number}
        destroyOnHidden
        extra={
          viewing && (
            <Flex gap={8}>
              {viewing.state === 'signed' && mayAcknowledge(viewing) && (
                <Button type="primary" disabled={!readToEnd} title={readToEnd ? undefined : t('page.readToEnd')} onClick={() => setAcking(viewing)} data-testid="drawer-ack">
                  {t('page.acknowledge')}
                </Button>
              )}
              <Button onClick={() => navigate(`/handover?print=${viewing.id}`)} data-testid="drawer-print">
                {t('page.print')}
              </Button>
            </Flex>
          )
        }
      >
        {viewing && (
          <div className="print-sheet" style={{ boxShadow: 'none', padding: 0, width: 'auto' }}>
            {viewing.state === 'signed' && mayAcknowledge(viewing) && !readToEnd && (
              <Alert type="info" showIcon message={t('page.readToEnd')} style={{ marginBottom: 12 }} data-testid="read-to-end" />
            )}
            <HandoverSheet handover={viewing} />
            <div ref={sheetEnd} data-testid="sheet-end" style={{ textAlign: 'center', color: '#999', padding: 8 }}>
              {t('page.sheetEnd')}
            </div>
          </div>
        )}
      </Drawer>
      <AcknowledgeModal
        handover={acking}
        onClose={() => setAcking(null)}
        onDone={() => {
          const id = acking?.id;
          setAcking(null);
          void loadPending();
          if (id) void view(id);
        }}
      />
    </div>
  );
}
