// The state of each host notification of one visit, parcel or invitation (V-10): queued (with the next retry and
// the last reason), sent, failed (with the reason, and "send again"), or — the phone fallback — a call to make.
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Flex, Input, Popover, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, staffClient } from '../../api/client';
import { useBuilding } from '../../ui/use-building';
import { formatTime } from '../../../../shared/rules/time';
import type { Notification, NotifySubject } from '../../../../shared/contract/notify';

const COLOR: Record<Notification['status'], string> = { queued: 'gold', sending: 'blue', sent: 'green', failed: 'red' };

function PhoneActions({ n, onDone }: { n: Notification; onDone(): void }) {
  const { t } = useTranslation('notify');
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const mark = async (reached: boolean) => {
    try {
      await api.notify.markCalled({ id: n.id, reached, note });
      onDone();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <Space.Compact>
      <Button size="small" type="primary" onClick={() => void mark(true)} data-testid={`notify-called-${n.id}`}>
        {t('called')}
      </Button>
      <Input size="small" style={{ width: 140 }} placeholder={t('notReachedNote')} value={note} onChange={(e) => setNote(e.target.value)} />
      <Button size="small" onClick={() => void mark(false)}>
        {t('notReached')}
      </Button>
    </Space.Compact>
  );
}

/** Loads its own list and follows `notify.changed` for its subject, so a retry or a delivery shows at once. */
export function NotificationTags({ subjectKind, subjectId }: { subjectKind: NotifySubject; subjectId: string }) {
  const { t } = useTranslation('notify');
  const timeZone = useBuilding((s) => s.timeZone);
  const [list, setList] = useState<Notification[]>([]);
  const load = useCallback(async () => {
    setList((await api.notify.forSubject({ subjectKind, subjectId })).notifications);
  }, [subjectKind, subjectId]);
  useEffect(() => {
    void load();
    return staffClient.on('notify.changed', (e) => {
      if (e.subjectId === subjectId) void load();
    });
  }, [load, subjectId]);
  if (list.length === 0) return null;
  return (
    <Flex gap={4} wrap="wrap" data-testid={`notifications-${subjectId}`}>
      {list.map((n) => {
        const label = `${t(`channel.${n.channel}`)} · ${n.channel === 'phone' && n.status === 'queued' ? t('phoneQueued', { target: n.target }) : t(`status.${n.status}`)}`;
        const why =
          n.status === 'queued' && n.nextAttemptAt && n.lastError
            ? t('retryAt', { time: formatTime(n.nextAttemptAt, timeZone), attempts: n.attempts, reason: n.lastError })
            : n.status === 'failed'
              ? (n.lastError ?? '')
              : n.target;
        const tag = (
          <Tag color={COLOR[n.status]} data-testid={`notification-${n.channel}-${n.status}`}>
            {label}
            {n.status === 'failed' && n.lastError ? `：${n.lastError}` : ''}
          </Tag>
        );
        if (n.channel === 'phone' && n.status === 'queued') {
          return (
            <Popover key={n.id} trigger="click" content={<PhoneActions n={n} onDone={() => void load()} />}>
              <span style={{ cursor: 'pointer' }}>{tag}</span>
            </Popover>
          );
        }
        return (
          <Tooltip key={n.id} title={why}>
            <span>
              {tag}
              {n.status === 'failed' && n.channel !== 'phone' && (
                <Typography.Link onClick={() => void api.notify.retry({ id: n.id }).then(load)} style={{ fontSize: 12 }}>
                  {t('retry')}
                </Typography.Link>
              )}
            </span>
          </Tooltip>
        );
      })}
    </Flex>
  );
}
