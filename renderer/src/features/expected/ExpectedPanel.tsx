// The lobby's panel of today's expected visitors (V-8): by start time, arrived or not; "check in" registers the visit
// in one step, and so does a scanned (keyboard-wedge) or typed invitation code. Adding one gives the code to print or
// send. Self-contained: it loads its own data and follows the pushed events.
import { useCallback, useEffect, useState } from 'react';
import { App, Badge, Button, Card, Empty, Flex, Input, Tag, Typography } from 'antd';
import { PlusOutlined, PrinterOutlined, ScanOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError, staffClient } from '../../api/client';
import { useBuilding } from '../../ui/use-building';
import { useWedgeScan } from '../../ui/wedge';
import { usePrintView } from '../../ui/print-view';
import { NotificationTags } from '../notify';
import { looksLikeInvitation } from '../../../../shared/rules/invitation';
import { DEFAULT_PURPOSES } from '../../../../shared/contract/visitors';
import type { Expected } from '../../../../shared/contract/expected';
import { ExpectedForm } from './ExpectedForm';
import { InvitationSlip, invitationQr } from './InvitationSlip';

function errorText(e: unknown): string {
  return e instanceof ApiError ? (e.issues[0]?.message ?? e.message) : String(e);
}

export function ExpectedPanel() {
  const { t, i18n } = useTranslation('expected');
  const { message, modal } = App.useApp();
  const building = useBuilding();
  const [list, setList] = useState<Expected[]>([]);
  const [adding, setAdding] = useState(false);
  const [purposes, setPurposes] = useState(DEFAULT_PURPOSES);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const { view, print } = usePrintView();

  const load = useCallback(async () => setList((await api.expected.today({})).expected), []);
  useEffect(() => {
    void load();
    void api.visitors.settings({}).then((s) => setPurposes(s.purposes));
    const offExpected = staffClient.on('expected.changed', () => void load());
    const offVisits = staffClient.on('visitors.changed', () => void load());
    return () => {
      offExpected();
      offVisits();
    };
  }, [load]);

  /** One step: arrive (by id or code); a watch-list match asks the receptionist first. */
  const arrive = async (how: { id: string } | { code: string }, override = false) => {
    setCodeError(null);
    try {
      const { visit } = 'id' in how ? await api.expected.arrive({ id: how.id, overrideWatchList: override }) : await api.expected.arriveByCode({ code: how.code, overrideWatchList: override });
      void message.success(t('panel.registered', { name: visit.visitorName, pass: visit.passNumber }));
      setCode('');
      void load();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict' && !override && e.message === t('visitors:error.watchListMatch')) {
        modal.confirm({ title: e.message, onOk: () => void arrive(how, true) });
        return;
      }
      setCodeError(errorText(e));
    }
  };
  useWedgeScan(looksLikeInvitation, (text) => void arrive({ code: text }));

  const buildingName = i18n.language === 'en' && building.nameEn ? building.nameEn : building.name;
  const printSlip = async (e: Expected) => print(<InvitationSlip expected={e} qr={await invitationQr(e.code)} building={buildingName} />);
  const waiting = list.filter((e) => e.today && !e.today.arrived).length;

  return (
    <Card
      size="small"
      data-testid="expected-panel"
      title={
        <Badge count={waiting} offset={[12, 0]} color="blue">
          <span>{t('panel.title')}</span>
        </Badge>
      }
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="expected-add">
          {t('panel.add')}
        </Button>
      }
    >
      {view}
      <Input
        prefix={<ScanOutlined />}
        value={code}
        onChange={(e) => {
          setCode(e.target.value);
          setCodeError(null);
        }}
        onPressEnter={() => code.trim() && void arrive({ code })}
        placeholder={t('panel.codeBox')}
        status={codeError ? 'error' : undefined}
        autoComplete="off"
        data-testid="expected-code"
      />
      {codeError && (
        <Typography.Text type="danger" data-testid="expected-code-error">
          {codeError}
        </Typography.Text>
      )}
      {list.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('panel.none')} />
      ) : (
        <Flex vertical gap={6} style={{ marginTop: 8 }}>
          {list.map((e) => (
            <Flex key={e.id} justify="space-between" align="center" gap={8} style={{ padding: '6px 10px', borderRadius: 6, background: e.today?.arrived ? '#f6ffed' : '#f0f5ff' }} data-testid={`expected-${e.visitorName}`}>
              <Flex vertical>
                <span>
                  <Typography.Text strong>{e.visitorName}</Typography.Text> · {e.tenant.displayName}
                  {e.hostName ? ` · ${e.hostName}` : ''} · {e.partySize}
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    {t('panel.window', { from: e.startTime, to: e.endTime })}
                    {e.recurrence !== 'once' ? ` · ${t(e.recurrence === 'weekdays' ? 'panel.recurring' : 'panel.daily')}` : ''}
                  </Typography.Text>
                </span>
                <NotificationTags subjectKind="expected" subjectId={e.id} />
              </Flex>
              <Flex gap={4}>
                <Button size="small" icon={<PrinterOutlined />} onClick={() => void printSlip(e)} data-testid={`expected-print-${e.visitorName}`}>
                  {t('panel.slip')}
                </Button>
                {e.today?.arrived ? (
                  <Tag color="green">{t('panel.arrived')}</Tag>
                ) : (
                  <Button size="small" type="primary" onClick={() => void arrive({ id: e.id })} data-testid={`expected-arrive-${e.visitorName}`}>
                    {t('panel.arrive')}
                  </Button>
                )}
              </Flex>
            </Flex>
          ))}
        </Flex>
      )}
      {adding && (
        <ExpectedForm
          purposes={purposes}
          onClose={() => setAdding(false)}
          onCreated={(created) => {
            setAdding(false);
            modal.success({
              title: t('form.created', { code: created.code }),
              content: <Typography.Text copyable data-testid="expected-created-code">{created.code}</Typography.Text>,
              okText: t('form.print'),
              onOk: () => void printSlip(created),
            });
            void load();
          }}
        />
      )}
    </Card>
  );
}
