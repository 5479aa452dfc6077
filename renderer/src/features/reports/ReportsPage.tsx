// /reports: a day, week or month of the desk in figures — the targets first (calls within the rings,
// 投诉及时处理率, 回访率, 满意率), two charts, the breakdowns and the people on duty — exported as XLSX or CSV, or
// printed on one A4 sheet. The period and day live in the address (#/reports?period=week&day=…) so the daily
// audit and the weekly review link straight to theirs.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Row, Segmented, Space, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useBuilding } from '../../ui/use-building';
import { PrintFrame } from '../../ui/PrintFrame';
import { addDays, dayKey, formatDateTime } from '../../../../shared/rules/time';
import { REPORT_PERIODS, type ReportFigures, type ReportPeriod } from '../../../../shared/contract/reports';
import { percent, reportCell, reportTables, reportTitle, type ReportCell, type ReportTable, type ReportTableKey } from '../../../../shared/rules/report-tables';
import { ArrivalsChart, TypesChart } from './Charts';
import { ReportSheet } from './ReportSheet';

const PICKER = { day: 'date', week: 'week', month: 'month' } as const;

function download(fileName: string, mime: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Kpi({ title, value, detail, testId, warn }: { title: string; value: string | number; detail?: string; testId: string; warn?: boolean }) {
  return (
    <Card size="small" data-testid={testId}>
      <Statistic title={title} value={value} valueStyle={warn ? { color: '#cf1322' } : undefined} />
      {detail && <Typography.Text type="secondary">{detail}</Typography.Text>}
    </Card>
  );
}

function Breakdown({ table, testId }: { table: ReportTable; testId: string }) {
  const { t } = useTranslation('reports');
  return (
    <Card size="small" title={table.name} data-testid={testId}>
      {table.rows.length === 0 ? (
        <Typography.Text type="secondary">{t('page.none')}</Typography.Text>
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey={(row) => String(row[0])}
          dataSource={table.rows}
          columns={table.header.map((title, i) => ({ title, key: i, align: i === 0 ? 'left' : 'right', render: (_: unknown, row: ReportCell[], index: number) => reportCell(table, row, i, index) }))}
        />
      )}
    </Card>
  );
}

export function ReportsPage() {
  const { t, i18n } = useTranslation('reports');
  const { message } = App.useApp();
  const timeZone = useBuilding((s) => s.timeZone);
  const [params, setParams] = useSearchParams();
  const period: ReportPeriod = (REPORT_PERIODS as readonly string[]).includes(params.get('period') ?? '') ? (params.get('period') as ReportPeriod) : 'day';
  const today = dayKey(Date.now(), timeZone);
  const day = /^\d{4}-\d{2}-\d{2}$/.test(params.get('day') ?? '') ? params.get('day')! : today;
  const [figures, setFigures] = useState<ReportFigures | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);

  const go = (next: { period?: ReportPeriod; day?: string }) => setParams({ period: next.period ?? period, day: next.day ?? day }, { replace: true });

  const load = useCallback(async () => {
    setError(null);
    try {
      setFigures(await api.reports.figures({ period, day }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [period, day]);
  useEffect(() => {
    void load();
  }, [load]);

  const lang = i18n.language;
  const tables = useMemo(() => (figures ? reportTables(figures, (key, p) => i18n.t(key, { ...p, lng: lang })) : []), [figures, i18n, lang]);
  const byName = (key: ReportTableKey) => tables.find((x) => x.key === key)!;

  const step = (direction: 1 | -1) => {
    if (!figures) return;
    // The day after the period's last (or before its first) lies in the next (or previous) period.
    const edge = direction === 1 ? figures.end : addDays(figures.start, -1, timeZone);
    go({ day: dayKey(edge, timeZone) });
  };

  const exportAs = async (format: 'xlsx' | 'csv') => {
    try {
      const file = await api.reports.export({ period, day, format });
      download(file.fileName, file.mime, file.base64);
      void message.success(t('page.exported', { name: file.fileName }));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const title = figures ? reportTitle(figures, (key, p) => i18n.t(key, p), i18n.language) : t('page.title');
  if (printing && figures) {
    return (
      <PrintFrame onBack={() => setPrinting(false)} testId="report-print" fileName={`report-${figures.period}-${figures.firstDay}.pdf`}>
        <ReportSheet title={title} note={figures.complete ? null : t('incomplete', { at: formatDateTime(Date.now(), timeZone) })} tables={tables} />
      </PrintFrame>
    );
  }

  const f = figures;
  const share = (value: number | null, n: number, base: number) => ({ value: percent(value), detail: base > 0 ? t('kpi.of', { n, base }) : undefined });
  return (
    <div data-testid="reports-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('page.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('page.hint')}</Typography.Paragraph>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Segmented<ReportPeriod>
          value={period}
          onChange={(value) => go({ period: value })}
          options={REPORT_PERIODS.map((p) => ({ value: p, label: <span data-testid={`report-period-${p}`}>{t(`period.${p}`)}</span> }))}
        />
        <DatePicker
          picker={PICKER[period]}
          value={dayjs(day)}
          allowClear={false}
          aria-label={t('page.day')}
          onChange={(value: Dayjs | null) => value && go({ day: value.format('YYYY-MM-DD') })}
          disabledDate={(d) => d.format('YYYY-MM-DD') > today}
          data-testid="report-day"
        />
        <Button onClick={() => step(-1)} data-testid="report-previous">
          {t('page.previous')}
        </Button>
        <Button onClick={() => go({ day: today })}>{t('page.current')}</Button>
        <Button onClick={() => step(1)} disabled={!f || f.lastDay >= today} data-testid="report-next">
          {t('page.next')}
        </Button>
        <Button icon={<ReloadOutlined />} onClick={() => void load()} aria-label={t('page.refresh')} title={t('page.refresh')} />
        <Space.Compact>
          <Button icon={<DownloadOutlined />} onClick={() => void exportAs('xlsx')} data-testid="report-xlsx">
            {t('page.xlsx')}
          </Button>
          <Button onClick={() => void exportAs('csv')} data-testid="report-csv">
            {t('page.csv')}
          </Button>
        </Space.Compact>
        <Button icon={<PrinterOutlined />} onClick={() => setPrinting(true)} disabled={!f} data-testid="report-print-open">
          {t('page.print')}
        </Button>
      </Flex>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {f && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="report-title">
            {title}
          </Typography.Title>
          {!f.complete && <Alert type="info" showIcon message={t('incomplete', { at: formatDateTime(Date.now(), timeZone) })} data-testid="report-incomplete" />}
          <Row gutter={[12, 12]}>
            <Col xs={12} lg={4}>
              <Kpi testId="kpi-visitors" title={t('kpi.visitors')} value={`${f.visitors.registered} / ${f.visitors.people}`} detail={`${t('metric.fromKiosk')} ${f.visitors.fromKiosk}`} />
            </Col>
            <Col xs={12} lg={4}>
              <Kpi testId="kpi-within-target" title={t('kpi.withinTarget')} {...share(f.calls.withinTargetShare, f.calls.withinTarget, f.calls.total)} />
            </Col>
            <Col xs={12} lg={4}>
              <Kpi testId="kpi-complaints" title={t('kpi.complaintTimely')} warn={f.items.complaintBreaches > 0} {...share(f.items.complaintTimelyRate, f.items.complaintsInTime, f.items.complaints)} />
            </Col>
            <Col xs={12} lg={4}>
              <Kpi testId="kpi-follow-ups" title={t('kpi.followUp')} warn={f.items.followUpsOverdue > 0} {...share(f.items.followUpRate, f.items.followUps, f.items.followUpsDue)} />
            </Col>
            <Col xs={12} lg={4}>
              <Kpi testId="kpi-satisfaction" title={t('kpi.satisfaction')} {...share(f.items.satisfactionRate, f.items.satisfied, f.items.followUps)} />
            </Col>
            <Col xs={12} lg={4}>
              <Kpi testId="kpi-incidents" title={t('kpi.incidents')} value={f.incidents.total} detail={`${t('metric.signed')} ${f.incidents.signed}`} />
            </Col>
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={14}>
              <Card size="small" title={t('chart.byHour')}>
                <ArrivalsChart byHour={f.visitors.byHour} />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('chart.byType')}>
                <TypesChart byType={f.items.byType} />
              </Card>
            </Col>
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <Breakdown table={byName('summary')} testId="report-summary" />
            </Col>
            <Col xs={24} lg={12}>
              <Space direction="vertical" size={12} style={{ width: '100%' }}>
                <Breakdown table={byName('people')} testId="report-people" />
                <Breakdown table={byName('byPurpose')} testId="report-purposes" />
                <Breakdown table={byName('byChannel')} testId="report-channels" />
                <Breakdown table={byName('byStatus')} testId="report-statuses" />
                <Breakdown table={byName('byDepartment')} testId="report-departments" />
                <Breakdown table={byName('byCategory')} testId="report-categories" />
              </Space>
            </Col>
          </Row>
        </Space>
      )}
    </div>
  );
}
