// The caller's file when a call is opened (P-6): who the directory says it is, their last calls, what is still
// open for them — read once per call from `calls.callerFile` (the core decides what this role may see).
import { useEffect, useState } from 'react';
import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useBuilding } from '../../ui/use-building';
import { formatDateTime } from '../../../../shared/rules/time';
import type { CallerFile as CallerFileData } from '../../../../shared/contract/calls';

export function CallerFile({ callId }: { callId: string }) {
  const { t } = useTranslation('calls');
  const timeZone = useBuilding((s) => s.timeZone);
  const [file, setFile] = useState<CallerFileData | null>(null);
  useEffect(() => {
    let live = true;
    api.calls
      .callerFile({ id: callId })
      .then((f) => live && setFile(f))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [callId]);
  if (!file || (!file.caller && file.calls.length === 0 && file.openItems.length === 0 && file.openCallbacks.length === 0)) return null;
  const none = <Typography.Text type="secondary">{t('file.none')}</Typography.Text>;
  return (
    <Descriptions size="small" column={1} bordered title={t('file.title')} style={{ marginBottom: 8 }} data-testid="caller-file">
      {file.caller && (
        <Descriptions.Item label={file.caller.tenantName}>
          {file.caller.contactName} · {t('ring.callerUnit', { floor: file.caller.floor, room: file.caller.room })}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('file.recentCalls')}>
        <span data-testid="caller-file-calls">
          {file.calls.length === 0
            ? none
            : file.calls.map((c) => (
                <div key={c.id}>
                  {t('file.callLine', { time: formatDateTime(c.ringStartedAt, timeZone), topic: c.topic || t('file.noTopic') })}{' '}
                  <Tag>{t(`status.${c.status}`)}</Tag>
                </div>
              ))}
        </span>
      </Descriptions.Item>
      {file.itemsVisible && (
        <Descriptions.Item label={t('file.openItems')}>
          <span data-testid="caller-file-items">
            {file.openItems.length === 0
              ? none
              : file.openItems.map((i) => (
                  <div key={i.id}>
                    {i.number} · {i.matter}
                  </div>
                ))}
          </span>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('file.openCallbacks')}>
        {file.openCallbacks.length === 0 ? none : file.openCallbacks.map((c) => <div key={c.id}>{c.message}</div>)}
      </Descriptions.Item>
    </Descriptions>
  );
}
