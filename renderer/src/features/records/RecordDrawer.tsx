// The detail drawer: everything about an item, its dated handling trail, and the actions this person may take now.
import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Empty, Space, Spin, Timeline, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RecordAction, RecordDetail, TrailEntry } from '../../../../shared/contract/records';
import { PHONE_DESK } from '../../../../shared/contract/calls';
import { useSession } from '../auth';
import { ActionModal } from './ActionModal';
import { RecordFlags, StatusTag, TypeTag } from './RecordTags';
import { at } from './format';
import { useRecords } from './store';

const BUTTONS: Array<{ action: RecordAction; primary?: boolean; danger?: boolean }> = [
  { action: 'resolve', primary: true },
  { action: 'reply' },
  { action: 'forward' },
  { action: 'progress' },
  { action: 'note' },
  { action: 'followUp', primary: true },
  { action: 'repair' },
  { action: 'edit' },
  { action: 'audit' },
  { action: 'unresolvable', danger: true },
];

const TRAIL_COLOR: Partial<Record<TrailEntry['kind'], string>> = {
  escalate_supervisor: 'red',
  escalate_manager: 'red',
  breach_answer: 'red',
  warn_supervisor: 'orange',
  warn_manager: 'orange',
  warn_answer: 'orange',
  follow_up_overdue: 'orange',
  resolve: 'green',
  reopen: 'red',
  unresolvable: 'gray',
  audit: 'blue',
};

function TrailLine({ entry, timeZone }: { entry: TrailEntry; timeZone: string }) {
  const { t } = useTranslation('records');
  // Corrections and repair updates store the names of the fields that changed.
  const fieldNames = (list: string) =>
    list
      .split(',')
      .filter(Boolean)
      .map((f) => t(entry.kind === 'repair' ? `repair.${f}` : `fields.${f === 'aboutStaffId' ? 'aboutStaff' : f}`))
      .join('、');
  const title =
    entry.kind === 'edit' || entry.kind === 'repair'
      ? t(`trail.${entry.kind}`, { fields: fieldNames(entry.text) })
      : t(`trail.${entry.kind}`, { department: entry.department ?? '' });
  const showText = entry.text && entry.kind !== 'edit' && entry.kind !== 'repair';
  return (
    <div data-testid={`trail-${entry.kind}`}>
      <Space size={8} wrap>
        <Typography.Text type="secondary">{at(entry.at, timeZone)}</Typography.Text>
        <Typography.Text strong>{title}</Typography.Text>
        {entry.result && <Typography.Text type={entry.result === 'satisfied' ? 'success' : 'danger'}>{t(`trail.${entry.result}`)}</Typography.Text>}
        <Typography.Text type="secondary">{entry.byName ?? (entry.dueAt !== null ? t('trail.system') : '')}</Typography.Text>
      </Space>
      {entry.dueAt !== null && (
        <div>
          <Typography.Text type="secondary">{t('trail.due', { time: at(entry.dueAt, timeZone) })}</Typography.Text>
        </div>
      )}
      {showText && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{entry.text}</Typography.Paragraph>}
    </div>
  );
}

/** The call the item was made from (P-3), and the way back to it for those who work the phone. */
function LinkedCall({ call, timeZone }: { call: NonNullable<RecordDetail['call']>; timeZone: string }) {
  const { t } = useTranslation('records');
  const role = useSession((s) => s.user?.role);
  const navigate = useNavigate();
  const close = useRecords((s) => s.closeItem);
  const caller = [call.callerName, call.callerNumber].filter(Boolean).join(' ') || t('fromCall.unknownCaller');
  return (
    <Space size={8} wrap data-testid="record-linked-call">
      <PhoneOutlined />
      <span>{t('fromCall.line', { time: at(call.ringStartedAt, timeZone), caller, topic: call.topic || '—' })}</span>
      {role && PHONE_DESK.includes(role) && (
        <Button
          size="small"
          type="link"
          onClick={() => {
            close();
            void navigate(`/calls?call=${call.id}`);
          }}
          data-testid="record-view-call"
        >
          {t('fromCall.view')}
        </Button>
      )}
    </Space>
  );
}

function Details({ item, timeZone }: { item: RecordDetail; timeZone: string }) {
  const { t } = useTranslation('records');
  const active = item.status === 'open' || item.status === 'forwarded';
  const labelStyle = { styles: { label: { width: 124 } } };
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={1} {...labelStyle}>
        <Descriptions.Item label={t('fields.matter')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="record-matter-text">
            {item.matter}
          </Typography.Paragraph>
        </Descriptions.Item>
        {item.result && (
          <Descriptions.Item label={t('fields.result')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{item.result}</Typography.Paragraph>
            <Typography.Text type="secondary">
              {item.resolvedByName} · {at(item.resolvedAt, timeZone)}
            </Typography.Text>
          </Descriptions.Item>
        )}
        {item.unresolvableReason && (
          <Descriptions.Item label={t('fields.unresolvableReason')}>
            {item.unresolvableReason} · {item.resolvedByName} · {at(item.resolvedAt, timeZone)}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Descriptions size="small" bordered column={2} {...labelStyle}>
        <Descriptions.Item label={t('fields.receivedAt')}>{at(item.receivedAt, timeZone)}</Descriptions.Item>
        <Descriptions.Item label={t('fields.channel')}>
          {t(`channel.${item.channel}`)}
          {item.relayedBy ? ` · ${item.relayedBy}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.ownerName')}>{item.ownerName}</Descriptions.Item>
        <Descriptions.Item label={t('fields.ownerPhone')}>{item.ownerPhone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.unit')}>{item.unit ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.department')}>{item.department ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.createdBy')}>{item.createdByName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('fields.aboutStaff')}>{item.aboutStaffName ?? '—'}</Descriptions.Item>
        {item.call && (
          <Descriptions.Item label={t('fromCall.label')} span={2}>
            <LinkedCall call={item.call} timeZone={timeZone} />
          </Descriptions.Item>
        )}
        {active && item.level === 'desk' && <Descriptions.Item label={t('deadline.supervisorShort')}>{at(item.deadlines.supervisorAt, timeZone)}</Descriptions.Item>}
        {active && item.level !== 'manager' && <Descriptions.Item label={t('deadline.managerShort')}>{at(item.deadlines.managerAt, timeZone)}</Descriptions.Item>}
        {item.deadlines.answerBy !== null && <Descriptions.Item label={t('fields.answerBy')}>{at(item.deadlines.answerBy, timeZone)}</Descriptions.Item>}
        {item.deadlines.answerBy !== null && <Descriptions.Item label={t('fields.answeredAt')}>{at(item.answeredAt, timeZone)}</Descriptions.Item>}
        {item.followUpDueAt !== null && <Descriptions.Item label={t('fields.followUpDue')}>{at(item.followUpDueAt, timeZone)}</Descriptions.Item>}
      </Descriptions>
      {item.type === 'repair' && (
        <Descriptions size="small" bordered column={2} title={t('repair.title')} {...labelStyle}>
          <Descriptions.Item label={t('repair.location')}>{item.repair.location ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('repair.appointmentAt')}>{at(item.repair.appointmentAt, timeZone)}</Descriptions.Item>
          <Descriptions.Item label={t('repair.worker')}>{item.repair.worker ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('repair.completedAt')}>{at(item.repair.completedAt, timeZone)}</Descriptions.Item>
          <Descriptions.Item label={t('repair.materials')} span="filled">
            {item.repair.materials ?? '—'}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Space>
  );
}

export function RecordDrawer() {
  const { t } = useTranslation('records');
  const selectedId = useRecords((s) => s.selectedId);
  const item = useRecords((s) => s.detail);
  const close = useRecords((s) => s.closeItem);
  const timeZone = useRecords((s) => s.timeZone);
  const me = useSession((s) => s.user);
  const [action, setAction] = useState<RecordAction | null>(null);
  const active = item && (item.status === 'open' || item.status === 'forwarded');
  return (
    <Drawer
      open={selectedId !== null}
      onClose={close}
      size="large"
      width={760}
      destroyOnHidden
      title={
        item ? (
          <Space wrap>
            <span data-testid="record-number">{item.number}</span>
            <TypeTag type={item.type} />
            <StatusTag item={item} />
            <RecordFlags item={item} />
          </Space>
        ) : null
      }
      data-testid="record-drawer"
    >
      {!item ? (
        <Spin />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {item.aboutStaffId !== null && item.aboutStaffId === me?.id && <Alert type="warning" showIcon message={t('ownerNotice.subject')} />}
          {active && item.level !== 'desk' && <Alert type="error" showIcon message={t('ownerNotice.ownedBy', { level: t(`level.${item.level}`) })} />}
          <Space wrap data-testid="record-actions">
            {BUTTONS.filter((b) => item.can[b.action]).map((b) => (
              <Button key={b.action} type={b.primary ? 'primary' : 'default'} danger={b.danger} onClick={() => setAction(b.action)} data-testid={`record-action-${b.action}`}>
                {b.action === 'forward' && item.department ? t('actions.reforward') : t(`actions.${b.action}`)}
              </Button>
            ))}
          </Space>
          <Details item={item} timeZone={timeZone} />
          <div>
            <Typography.Title level={5}>{t('trail.title')}</Typography.Title>
            {item.trail.length === 0 ? (
              <Empty />
            ) : (
              <Timeline
                data-testid="record-trail"
                items={item.trail.map((entry) => ({ key: entry.id, color: TRAIL_COLOR[entry.kind] ?? 'blue', children: <TrailLine entry={entry} timeZone={timeZone} /> }))}
              />
            )}
          </div>
        </Space>
      )}
      {item && action && <ActionModal action={action} item={item} onClose={() => setAction(null)} />}
    </Drawer>
  );
}
