// The work diary page (S-2): this shift's diary, past diaries by date and person, and (admin) where the opening check is set (管理).
import { useCallback, useEffect, useState } from 'react';
import { Button, DatePicker, Drawer, Empty, Flex, Form, Input, Modal, Table, Tabs, Tag, Typography, App } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, ApiError, staffClient } from '../../api/client';
import type { Diary, ShiftSummary } from '../../../../shared/contract/shifts';
import { useSession } from '../auth';
import { useLocalizer } from '../../ui/localize';
import { DiaryView } from './DiaryView';
import { SetUpLink } from '../../ui/SetUpLink';

function CurrentDiary() {
  const { t } = useTranslation('shifts');
  const [diary, setDiary] = useState<Diary | null | undefined>(undefined);
  const load = useCallback(async () => setDiary(await api.shifts.diary({})), []);
  useEffect(() => {
    void load();
  }, [load]);
  if (diary === undefined) return null;
  if (diary === null) return <Empty description={t('diary.noShift')} />;
  return <DiaryView diary={diary} editable />;
}

function History() {
  const { t } = useTranslation('shifts');
  const { message } = App.useApp();
  const { at } = useLocalizer();
  const role = useSession((s) => s.user?.role);
  const [rows, setRows] = useState<ShiftSummary[]>([]);
  const [person, setPerson] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [open, setOpen] = useState<Diary | null>(null);
  const [closing, setClosing] = useState<ShiftSummary | null>(null);
  const [reason, setReason] = useState('');

  const search = useCallback(async () => {
    const result = await api.shifts.list({
      person: person || undefined,
      from: range?.[0]?.startOf('day').valueOf(),
      to: range?.[1]?.endOf('day').valueOf(),
      limit: 200,
    });
    setRows(result.shifts);
  }, [person, range]);
  useEffect(() => {
    void search();
    return staffClient.on('shifts.changed', () => void search());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const close = async () => {
    if (!closing) return;
    try {
      await api.shifts.close({ shiftId: closing.id, reason });
      setClosing(null);
      setReason('');
      await search();
    } catch (e) {
      void message.error(e instanceof ApiError ? (e.issues[0]?.message ?? e.message) : String(e));
    }
  };
  const lead = role === 'supervisor' || role === 'manager' || role === 'admin';

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Input placeholder={t('diary.person')} value={person} onChange={(e) => setPerson(e.target.value)} onPressEnter={() => void search()} style={{ width: 200 }} allowClear />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} />
        <Button type="primary" onClick={() => void search()}>
          {t('diary.search')}
        </Button>
      </Flex>
      <Table<ShiftSummary>
        rowKey="id"
        size="middle"
        dataSource={rows}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('diary.person'), render: (_: unknown, r) => r.person.name },
          { title: t('diary.startedAt'), render: (_: unknown, r) => at(r.startedAt) },
          { title: t('diary.endedAt'), render: (_: unknown, r) => (r.endedAt ? at(r.endedAt) : <Tag color="green">{t('diary.open')}</Tag>) },
          { title: t('diary.openingCheck'), render: (_: unknown, r) => (r.openingAllOk ? <Tag color="success">{t('diary.ok')}</Tag> : <Tag color="warning">{t('diary.issue')}</Tag>) },
          { title: t('diary.handoverNo'), render: (_: unknown, r) => r.handoverNumber ?? '—' },
          {
            title: '',
            render: (_: unknown, r) => (
              <Flex gap={8}>
                <Button size="small" onClick={() => void api.shifts.diary({ shiftId: r.id }).then(setOpen)}>
                  {t('diary.view')}
                </Button>
                {lead && r.endedAt === null && (
                  <Button size="small" danger onClick={() => setClosing(r)}>
                    {t('diary.closeShift')}
                  </Button>
                )}
              </Flex>
            ),
          },
        ]}
      />
      <Drawer open={open !== null} width={820} onClose={() => setOpen(null)} title={open ? t('diary.shiftOf', { name: open.shift.person.name }) : ''} destroyOnHidden>
        {open && <DiaryView diary={open} editable={false} />}
      </Drawer>
      <Modal open={closing !== null} title={t('diary.closeShift')} onOk={() => void close()} onCancel={() => setClosing(null)} okButtonProps={{ disabled: reason.trim() === '' }} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('diary.closeHint')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('diary.closeReason')}>
            <Input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}

export function DiaryPage() {
  const { t } = useTranslation('shifts');
  const role = useSession((s) => s.user?.role);
  const items = [
    { key: 'current', label: t('diary.current'), children: <CurrentDiary /> },
    { key: 'history', label: t('diary.history'), children: <History /> },
  ];
  if (role === 'admin') items.push({ key: 'settings', label: t('diary.settings'), children: <SetUpLink tab="opening" /> });
  return (
    <div data-testid="diary-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('diary.title')}
      </Typography.Title>
      <Tabs destroyOnHidden items={items} />
    </div>
  );
}
