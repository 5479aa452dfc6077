// /records-review: the manager's Monday review of last week's record (R-6, 篇4 §4.9): counts, escalations,
// complaint breaches, unresolvable and overdue items, follow-up results; signed off once the week is over.
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Input, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { SignOffModal, type SignOff } from './SignOffModal';
import { useSession } from '../auth';
import { addDays, dayKey, startOfWeek } from '../../../../shared/rules/time';
import { CHANNELS, ITEM_STATUSES, ITEM_TYPES, type RecordSummary, type WeeklyReview } from '../../../../shared/contract/records';
import { RecordFlags, StatusTag, TypeTag } from './RecordTags';
import { at } from './format';
import { useRecords } from './store';
import { ReportLink } from '../reports';

function ItemTable<T extends RecordSummary>({ items, extra = [], testId }: { items: T[]; extra?: object[]; testId: string }) {
  const { t } = useTranslation('records');
  const openItem = useRecords((s) => s.openItem);
  const timeZone = useRecords((s) => s.timeZone);
  if (items.length === 0) return <Typography.Text type="secondary">{t('review.none')}</Typography.Text>;
  return (
    <Table<T>
      rowKey={(i) => `${i.id}-${(i as { escalatedTo?: string }).escalatedTo ?? ''}`}
      size="small"
      pagination={false}
      dataSource={items}
      onRow={(i) => ({ onClick: () => void openItem(i.id), style: { cursor: 'pointer' } })}
      data-testid={testId}
      columns={[
        { title: t('fields.number'), dataIndex: 'number', width: 140 },
        { title: t('fields.receivedAt'), dataIndex: 'receivedAt', width: 150, render: (v: number) => at(v, timeZone) },
        { title: t('fields.type'), dataIndex: 'type', width: 80, render: (v: RecordSummary['type']) => <TypeTag type={v} /> },
        { title: t('fields.ownerName'), render: (_: unknown, i: T) => `${i.ownerName}${i.unit ? ` · ${i.unit}` : ''}` },
        { title: t('fields.matter'), dataIndex: 'matter', ellipsis: true },
        ...extra,
        {
          title: t('fields.status'),
          width: 220,
          render: (_: unknown, i: T) => (
            <Space size={2} wrap>
              <StatusTag item={i} />
              <RecordFlags item={i} />
            </Space>
          ),
        },
      ]}
    />
  );
}

function Counts({ title, counts, label }: { title: string; counts: Record<string, number>; label: (k: string) => string }) {
  return (
    <Descriptions size="small" column={1} bordered title={title}>
      {Object.entries(counts).map(([k, n]) => (
        <Descriptions.Item key={k} label={label(k)}>
          {n}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

export function ReviewPage() {
  const { t } = useTranslation('records');
  const { message } = App.useApp();
  const user = useSession((s) => s.user);
  const version = useRecords((s) => s.version);
  const timeZone = useRecords((s) => s.timeZone);
  const [weekKey, setWeekKey] = useState<string | null>(null);
  const [review, setReview] = useState<WeeklyReview | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    setReview(await api.records.weeklyReview(weekKey ? { weekKey } : {}));
  }, [weekKey]);
  useEffect(() => {
    void load();
  }, [load, version]);

  const thisWeek = dayKey(startOfWeek(Date.now(), timeZone), timeZone);
  const shift = (days: number) => review && setWeekKey(dayKey(addDays(review.weekStart, days, timeZone), timeZone));

  const [signing, setSigning] = useState(false);
  const sign = () => setSigning(true);
  const signWithPin = async ({ comment: signedComment, pin }: SignOff) => {
    if (!review) return;
    setReview(await api.records.signWeeklyReview({ weekKey: review.weekKey, comment: signedComment, pin }));
    setSigning(false);
    void message.success(t('saved'));
  };

  const extraEscalated = [
    { title: t('review.escalatedTo'), dataIndex: 'escalatedTo', width: 100, render: (v: 'supervisor' | 'manager') => <Tag color="volcano">{t(`level.${v}`)}</Tag> },
    { title: t('review.dueAt'), dataIndex: 'dueAt', width: 150, render: (v: number) => at(v, timeZone) },
    { title: t('review.detectedAt'), dataIndex: 'detectedAt', width: 150, render: (v: number) => at(v, timeZone) },
  ];

  return (
    <div data-testid="records-review-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('review.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('review.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button onClick={() => shift(-7)} data-testid="review-previous">
          {t('review.previous')}
        </Button>
        <Button onClick={() => setWeekKey(null)}>{t('review.lastWeek')}</Button>
        <Button onClick={() => setWeekKey(thisWeek)} data-testid="review-this-week">
          {t('review.thisWeek')}
        </Button>
        <Button onClick={() => shift(7)} disabled={!review || review.weekKey >= thisWeek}>
          {t('review.next')}
        </Button>
        {review && (
          <Typography.Text strong data-testid="review-week">
            {t('review.week', { start: review.weekKey, end: dayKey(addDays(review.weekEnd, -1, timeZone), timeZone) })}
          </Typography.Text>
        )}
        {review && <ReportLink period="week" day={review.weekKey} />}
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {review && (
        <SignOffModal
          open={signing}
          title={t('signOff.reviewTitle', { week: review.weekKey })}
          okText={t('signOff.reviewOk')}
          commentMax={500}
          initialComment={comment}
          covers={t('signOff.reviewCovers', { total: review.items.length, overdue: review.overdue.length, escalated: review.escalated.length })}
          onSubmit={signWithPin}
          onClose={() => setSigning(false)}
        />
      )}
      {review && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {review.signed ? (
            <Alert type="success" showIcon data-testid="review-signed" message={t('review.signedBy', { name: review.signed.byName, time: at(review.signed.at, timeZone) })} description={review.signed.comment || undefined} />
          ) : user?.role === 'manager' && review.isOver ? (
            <Space>
              <Input placeholder={t('review.signComment')} value={comment} onChange={(e) => setComment(e.target.value)} style={{ width: 360 }} maxLength={500} />
              <Button type="primary" onClick={sign} data-testid="review-sign">
                {t('review.sign')}
              </Button>
            </Space>
          ) : !review.isOver ? (
            <Alert type="info" showIcon message={t('review.notOver')} />
          ) : null}
          <Row gutter={16}>
            {(
              [
                ['total', review.counts.total],
                ['escalated', review.escalated.length],
                ['breached', review.breached.length],
                ['unresolvable', review.unresolvable.length],
                ['overdue', review.overdue.length],
              ] as const
            ).map(([k, n]) => (
              <Col key={k} span={4}>
                <Card size="small">
                  <Statistic title={t(`review.${k}`)} value={n} valueStyle={k !== 'total' && n > 0 ? { color: '#cf1322' } : undefined} />
                </Card>
              </Col>
            ))}
            <Col span={4}>
              <Card size="small">
                <Statistic title={t('review.followUps')} value={t('review.followUpCounts', { satisfied: review.followUps.satisfied, unsatisfied: review.followUps.unsatisfied })} valueStyle={{ fontSize: 15 }} />
              </Card>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={8}>
              <Counts title={t('review.byType')} counts={review.counts.byType} label={(k) => t(`type.${k as (typeof ITEM_TYPES)[number]}`)} />
            </Col>
            <Col span={8}>
              <Counts title={t('review.byChannel')} counts={review.counts.byChannel} label={(k) => t(`channel.${k as (typeof CHANNELS)[number]}`)} />
            </Col>
            <Col span={8}>
              <Counts title={t('review.byStatus')} counts={review.counts.byStatus} label={(k) => t(`status.${k as (typeof ITEM_STATUSES)[number]}`)} />
            </Col>
          </Row>
          <Card size="small" title={t('review.escalated')}>
            <ItemTable items={review.escalated} extra={extraEscalated} testId="review-escalated" />
          </Card>
          <Card size="small" title={t('review.breached')}>
            <ItemTable items={review.breached} testId="review-breached" />
          </Card>
          <Card size="small" title={t('review.unresolvable')}>
            <ItemTable items={review.unresolvable} extra={[{ title: t('fields.unresolvableReason'), dataIndex: 'reason' }]} testId="review-unresolvable" />
          </Card>
          <Card size="small" title={t('review.overdue')}>
            <ItemTable items={review.overdue} testId="review-overdue" />
          </Card>
          <Card size="small" title={`${t('review.followUps')} · ${t('review.followUpCounts', { satisfied: review.followUps.satisfied, unsatisfied: review.followUps.unsatisfied })}`}>
            <Table
              rowKey={(f) => `${f.itemId}-${f.at}`}
              size="small"
              pagination={false}
              dataSource={review.followUps.entries}
              data-testid="review-follow-ups"
              columns={[
                { title: t('fields.number'), dataIndex: 'number', width: 140 },
                { title: t('review.followUpAt'), dataIndex: 'at', width: 150, render: (v: number) => at(v, timeZone) },
                { title: t('actionForm.followUpResult'), dataIndex: 'result', width: 100, render: (v: 'satisfied' | 'unsatisfied') => <Tag color={v === 'satisfied' ? 'green' : 'red'}>{t(`trail.${v}`)}</Tag> },
                { title: t('actionForm.note'), dataIndex: 'note' },
                { title: t('review.followUpBy'), dataIndex: 'byName', width: 100 },
              ]}
            />
          </Card>
          <Card size="small" title={t('review.items')}>
            <ItemTable items={review.items} testId="review-items" />
          </Card>
        </Space>
      )}
    </div>
  );
}
