// The lobby's callbacks list (V-3, P-1): open messages for tenants and call backs owed to callers, by due time;
// overdue ones in red. Each says which it is; a call back without a tenant shows its caller. F7 takes a message.
import { useEffect, useState } from 'react';
import { App, Button, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import { MessageOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useBuilding } from '../../ui/use-building';
import { api } from '../../api/client';
import { useSession } from '../auth';
import { useNow } from '../../ui/use-now';
import type { Callback } from '../../../../shared/contract/callbacks';
import { formatTime } from '../../../../shared/rules/time';
import { useCallbacks } from './store';
import { CallbackForm } from './CallbackForm';
import { OutcomeDialog } from './OutcomeDialog';
import { DESK_KEYS } from '../../../../shared/rules/accelerator';

export function CallbacksPanel() {
  const { t } = useTranslation('callbacks');
  const timeZone = useBuilding((s) => s.timeZone);
  const { message } = App.useApp();
  const user = useSession((s) => s.user);
  const { open, load, listen } = useCallbacks();
  useNow(15_000); // re-renders the due times; each render reads the clock afresh
  const now = Date.now();
  const [adding, setAdding] = useState(false);
  const [recording, setRecording] = useState<Callback | null>(null);

  useEffect(() => {
    void load();
    const off = listen();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === DESK_KEYS.message) {
        e.preventDefault();
        setAdding(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      off();
      window.removeEventListener('keydown', onKey);
    };
  }, [load, listen]);

  const callerOf = (cb: Callback) => cb.callerName || t('unknownCaller');

  const takeOver = async (cb: Callback) => {
    if (!user) return;
    try {
      await api.callbacks.assign({ id: cb.id, ownerId: user.id });
      void load();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <MessageOutlined /> {t('title')}
          {open.length > 0 && <Tag color={open.some((c) => c.dueAt <= now) ? 'red' : 'blue'}>{open.length}</Tag>}
        </Flex>
      }
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="callback-add">
          {t('withShortcut', { action: t('add'), key: t('shortcut') })}
        </Button>
      }
      data-testid="callbacks-panel"
    >
      <Table<Callback>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={open}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('none')} /> }}
        columns={[
          {
            title: t('dueAt'),
            width: 120,
            render: (_: unknown, cb) =>
              cb.dueAt <= now ? (
                <Tag color="red">{t('overdue')}</Tag>
              ) : (
                <span>
                  {t('due', { time: formatTime(cb.dueAt, timeZone) })}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t('dueIn', { minutes: Math.ceil((cb.dueAt - now) / 60_000) })}
                  </Typography.Text>
                </span>
              ),
          },
          {
            title: t('field.about'),
            render: (_: unknown, cb) => (
              <span data-testid={`callback-about-${cb.id}`}>
                <Tag color={cb.kind === 'callBack' ? 'orange' : 'geekblue'} data-testid={`callback-kind-${cb.kind}`}>
                  {t(`kind.${cb.kind}`)}
                </Tag>
                {cb.tenant ? `${cb.tenant.displayName} · ${cb.tenant.floor}F` : callerOf(cb)}
              </span>
            ),
          },
          {
            title: t('field.who'),
            render: (_: unknown, cb) => (
              <>
                {callerOf(cb)} <Typography.Text type="secondary">{cb.callerPhone}</Typography.Text>
                <Tag style={{ marginLeft: 4 }}>{t(`source.${cb.source}`)}</Tag>
              </>
            ),
          },
          { title: t('field.message'), dataIndex: 'message', ellipsis: true },
          { title: t('field.owner'), render: (_: unknown, cb) => (cb.owner.id === user?.id ? <Tag color="blue">{t('mine')}</Tag> : cb.owner.name) },
          {
            title: '',
            width: 150,
            render: (_: unknown, cb) => (
              <Flex gap={4}>
                {cb.owner.id !== user?.id && (
                  <Button size="small" onClick={() => void takeOver(cb)}>
                    {t('takeOver')}
                  </Button>
                )}
                <Button size="small" type="primary" onClick={() => setRecording(cb)} data-testid={`callback-record-${cb.callerName || cb.callerPhone}`}>
                  {t('record')}
                </Button>
              </Flex>
            ),
          },
        ]}
      />
      {adding && <CallbackForm onClose={() => setAdding(false)} />}
      {recording && <OutcomeDialog callback={recording} onClose={() => setRecording(null)} />}
    </Card>
  );
}
