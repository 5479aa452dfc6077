// Notices: everyone on the staff reads them; the desk publishes, corrects and withdraws them.
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Checkbox, Flex, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useBuilding } from '../../ui/use-building';
import { api, staffClient } from '../../api/client';
import { useSession } from '../auth';
import { DESK } from '../../../../shared/contract/define';
import type { Notice } from '../../../../shared/contract/notices';
import { NoticeEditor } from './NoticeEditor';
import { formatDateTime } from '../../../../shared/rules/time';

export function noticeState(n: Notice, now: number): 'current' | 'upcoming' | 'ended' | 'withdrawn' {
  if (n.withdrawnAt !== null) return 'withdrawn';
  if (n.activeFrom > now) return 'upcoming';
  if (n.activeUntil !== null && n.activeUntil <= now) return 'ended';
  return 'current';
}

const STATE_COLOR = { current: 'green', upcoming: 'blue', ended: 'default', withdrawn: 'default' } as const;

export function NoticesPage() {
  const { t } = useTranslation('notices');
  const timeZone = useBuilding((s) => s.timeZone);
  const { modal } = App.useApp();
  const user = useSession((s) => s.user);
  const canEdit = user ? DESK.includes(user.role) : false;
  const [includeEnded, setIncludeEnded] = useState(false);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [editing, setEditing] = useState<Notice | null | 'new'>(null);

  const load = useCallback(async () => setNotices((await api.notices.list({ includeEnded })).notices), [includeEnded]);
  useEffect(() => {
    void load();
    return staffClient.on('notices.changed', () => void load());
  }, [load]);

  const withdraw = (n: Notice) =>
    modal.confirm({ title: t('withdraw'), content: t('withdrawConfirm'), onOk: () => api.notices.withdraw({ id: n.id }).then(load) });

  const now = Date.now();
  return (
    <div data-testid="notices-page">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Flex gap={12} align="center">
          <Checkbox checked={includeEnded} onChange={(e) => setIncludeEnded(e.target.checked)}>
            {t('includeEnded')}
          </Checkbox>
          {canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="notice-add">
              {t('add')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Table<Notice>
        rowKey="id"
        dataSource={notices}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          {
            title: t('field.title'),
            render: (_: unknown, n) => (
              <>
                <Typography.Text strong>{n.title}</Typography.Text>
                {n.titleEn && <div style={{ color: '#888', fontSize: 12 }}>{n.titleEn}</div>}
                {n.body && <div style={{ whiteSpace: 'pre-wrap' }}>{n.body}</div>}
              </>
            ),
          },
          { title: t('field.target'), width: 140, render: (_: unknown, n) => `${t(`target.${n.target}`)}${n.targetValue ? ` · ${n.targetValue}` : ''}` },
          {
            title: t('field.period'),
            width: 220,
            render: (_: unknown, n) => `${formatDateTime(n.activeFrom, timeZone)} ${n.activeUntil ? t('until', { time: formatDateTime(n.activeUntil, timeZone) }) : t('untilOpen')}`,
          },
          {
            title: '',
            width: 260,
            render: (_: unknown, n) => {
              const state = noticeState(n, now);
              return (
                <Flex gap={4} align="center" wrap>
                  <Tag color={STATE_COLOR[state]}>{t(`state.${state}`)}</Tag>
                  <Tag color={n.public ? 'gold' : 'default'}>{n.public ? t('public') : t('internal')}</Tag>
                  {canEdit && n.withdrawnAt === null && (
                    <>
                      <Button size="small" onClick={() => setEditing(n)}>
                        {t('edit')}
                      </Button>
                      <Button size="small" danger type="link" onClick={() => withdraw(n)}>
                        {t('withdraw')}
                      </Button>
                    </>
                  )}
                </Flex>
              );
            },
          },
        ]}
      />
      {editing !== null && (
        <NoticeEditor
          notice={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) void load();
          }}
        />
      )}
    </div>
  );
}
