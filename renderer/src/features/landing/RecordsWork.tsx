// The record's part of "My work" (lobby, after sign-in): the supervisor's audit and escalations, the items a
// supervisor or manager owns, the manager's weekly review when due, and a department's forwarded items.
import { useEffect, useState, type ReactNode } from 'react';
import { Button, Card, Empty, List, Space, Typography } from 'antd';
import { AuditOutlined, CalendarOutlined, FileTextOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { AuditQueue, LobbyView, RecordSummary } from '../../../../shared/contract/records';
import { RecordFlags, TypeTag, deadlineText, useRecords } from '../records';
import { useSession } from '../auth';

const SHOWN = 8;
const REFRESH_MS = 60_000;

/** Loads `read` now, whenever an item changes (the records store's counter) and every minute. */
function useRecordsRead<T>(read: () => Promise<T>): T | null {
  const version = useRecords((s) => s.version);
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      read()
        .then((v) => live && setValue(v))
        .catch(() => undefined);
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `read` is a fresh closure each render
  }, [version]);
  return value;
}

function Items({ items, empty, testId }: { items: RecordSummary[] | null; empty: string; testId: string }) {
  const { t } = useTranslation('landing');
  const openItem = useRecords((s) => s.openItem);
  const now = Date.now();
  if (items === null) return <List loading size="small" dataSource={[]} />;
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} data-testid={`${testId}-empty`} />;
  return (
    <>
      <List
        size="small"
        dataSource={items.slice(0, SHOWN)}
        renderItem={(item) => (
          <List.Item style={{ cursor: 'pointer', paddingInline: 4 }} onClick={() => void openItem(item.id)} data-testid={`${testId}-${item.number}`}>
            <div style={{ width: '100%', minWidth: 0 }}>
              <Space size={4} wrap>
                <Typography.Text strong>{item.number}</Typography.Text>
                <TypeTag type={item.type} />
                <RecordFlags item={item} withLevel={false} />
              </Space>
              <Typography.Paragraph ellipsis style={{ margin: 0 }}>
                {item.unit ? `${item.unit} · ` : ''}
                {item.ownerName} · {item.matter}
              </Typography.Paragraph>
              <Typography.Text type={item.overdue ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
                {deadlineText(item, now, t)}
              </Typography.Text>
            </div>
          </List.Item>
        )}
      />
      {items.length > SHOWN && <Typography.Text type="secondary">{t('more', { count: items.length - SHOWN })}</Typography.Text>}
    </>
  );
}

function WorkCard(props: { icon: ReactNode; title: string; testId: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card
      size="small"
      title={
        <span>
          {props.icon} {props.title}
        </span>
      }
      extra={props.extra}
      data-testid={props.testId}
      style={{ height: '100%' }}
    >
      {props.children}
    </Card>
  );
}

/** Supervisor: the entries waiting for the daily audit, one click from the audit page. */
export function AuditWork() {
  const { t } = useTranslation('landing');
  const navigate = useNavigate();
  const queue = useRecordsRead<AuditQueue>(() => api.records.auditQueue({}));
  const pending = queue ? queue.days.reduce((n, d) => n + d.items.length, 0) : null;
  return (
    <WorkCard
      icon={<AuditOutlined />}
      title={t('audit.title')}
      testId="work-audit"
      extra={
        <Button size="small" type={pending ? 'primary' : 'default'} onClick={() => navigate('/records-audit')} data-testid="work-audit-open">
          {t('audit.open')}
        </Button>
      }
    >
      {pending === null ? null : pending === 0 ? (
        <Typography.Text type="secondary">{t('audit.none')}</Typography.Text>
      ) : (
        <>
          <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="work-audit-count">
            {t('audit.pending', { count: pending })}
          </Typography.Title>
          {queue!.days.map((d) => (
            <div key={d.dayKey}>{t('audit.day', { day: d.dayKey, count: d.items.length })}</div>
          ))}
        </>
      )}
    </WorkCard>
  );
}

/** Supervisor and manager: open items escalated to their level. */
export function OwnedWork() {
  const { t } = useTranslation('landing');
  const role = useSession((s) => s.user?.role);
  const level = role === 'manager' ? 'manager' : 'supervisor';
  const list = useRecordsRead(() => api.records.list({ status: 'active', level, limit: 100 }));
  return (
    <WorkCard icon={<FileTextOutlined />} title={t(`owned.${level}`)} testId="work-owned">
      <Items items={list?.items ?? null} empty={t('owned.none')} testId="work-owned" />
    </WorkCard>
  );
}

/** Supervisor: what is overdue or due within 24 h, at the desk's level and theirs. */
export function EscalationsWork() {
  const { t } = useTranslation('landing');
  const view = useRecordsRead<LobbyView>(() => api.records.lobby({}));
  const items = view ? [...view.groups.supervisor, ...view.groups.manager, ...view.groups.desk] : null;
  return (
    <WorkCard icon={<WarningOutlined />} title={t('escalations.title')} testId="work-escalations">
      <Items items={items} empty={t('escalations.none')} testId="work-escalation" />
    </WorkCard>
  );
}

/** Manager: the Monday review, when one waits for the signature. */
export function ReviewWork() {
  const { t } = useTranslation('landing');
  const navigate = useNavigate();
  const view = useRecordsRead<LobbyView>(() => api.records.lobby({}));
  const due = view?.reviewReminder ?? null;
  return (
    <WorkCard
      icon={<CalendarOutlined />}
      title={t('review.title')}
      testId="work-review"
      extra={
        <Button size="small" type={due ? 'primary' : 'default'} onClick={() => navigate('/records-review')} data-testid="work-review-open">
          {t('review.open')}
        </Button>
      }
    >
      {view === null ? null : due ? (
        <Typography.Text strong data-testid="work-review-due">
          {t('review.due', { week: due.weekKey })}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('review.notDue')}</Typography.Text>
      )}
    </WorkCard>
  );
}

/** Department user: open items forwarded to their department (the core lists only those). */
export function ForwardedWork() {
  const { t } = useTranslation('landing');
  const department = useSession((s) => s.user?.department ?? null);
  const list = useRecordsRead(() => (department ? api.records.list({ status: 'active', limit: 100 }) : Promise.resolve({ items: [], nextBefore: null })));
  return (
    <WorkCard icon={<FileTextOutlined />} title={department ? t('forwarded.title', { department }) : t('forwarded.titleAny')} testId="work-forwarded">
      {department ? (
        <Items items={list?.items ?? null} empty={t('forwarded.none')} testId="work-forwarded" />
      ) : (
        <Typography.Text type="warning">{t('forwarded.noDepartment')}</Typography.Text>
      )}
    </WorkCard>
  );
}
