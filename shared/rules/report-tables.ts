// The report laid out as tables: a summary — section, figure, value — then one table per breakdown and the
// people on duty. The exported XLSX/CSV and the printed sheet use this one layout, each in the reader's language.
import type { ReportFigures } from '../contract/reports';

export type ReportCell = string | number | null;
export type ReportTableKey = 'summary' | 'byPurpose' | 'byHour' | 'byType' | 'byChannel' | 'byStatus' | 'byDepartment' | 'byCategory' | 'people';
export interface ReportTable {
  key: ReportTableKey;
  /** Sheet name and section label. */
  name: string;
  header: string[];
  rows: ReportCell[][];
  /** Rows of the summary holding shares (0–1), shown as percentages. */
  percentRows?: number[];
}

/** Translates a namespaced key (`reports:metric.total`, `records:type.complaint`). */
export type ReportTranslate = (key: string, params?: Record<string, unknown>) => string;

export const SHARE_METRICS: ReadonlySet<string> = new Set(['withinTargetShare', 'answeredShare', 'complaintTimelyRate', 'followUpRate', 'satisfactionRate']);

const SECTIONS = ['visitors', 'calls', 'items', 'incidents', 'handovers'] as const;

export function reportTitle(f: ReportFigures, t: ReportTranslate, lang: string): string {
  const building = lang === 'en' && f.building.nameEn ? f.building.nameEn : f.building.name;
  return t('reports:title', { building, period: t(`reports:period.${f.period}`), first: f.firstDay, last: f.lastDay });
}

export function reportTables(f: ReportFigures, t: ReportTranslate): ReportTable[] {
  const r = (key: string, params?: Record<string, unknown>) => t(`reports:${key}`, params);
  const summary: ReportCell[][] = [];
  const percentRows: number[] = [];
  for (const section of SECTIONS) {
    for (const [metric, value] of Object.entries(f[section])) {
      if (typeof value !== 'number' && value !== null) continue;
      if (SHARE_METRICS.has(metric)) percentRows.push(summary.length);
      const shown = metric === 'peakHour' && typeof value === 'number' ? r('hour', { from: value, to: value + 1 }) : value;
      summary.push([r(`section.${section}`), r(`metric.${metric}`), shown]);
    }
  }
  const keyed = (section: ReportTableKey, rows: Array<{ key: string; count: number }>, label: (key: string) => string): ReportTable => ({
    key: section,
    name: r(`section.${section}`),
    header: [r('column.key'), r('column.count')],
    rows: rows.map((c) => [label(c.key), c.count]),
  });
  const personMetrics = ['visitorsRegistered', 'callsAnswered', 'callsWithinTarget', 'itemsEntered'] as const;
  return [
    { key: 'summary', name: r('column.metric'), header: [r('column.section'), r('column.metric'), r('column.value')], rows: summary, percentRows },
    keyed('byPurpose', f.visitors.byPurpose, (k) => k),
    { key: 'byHour', name: r('section.byHour'), header: [r('column.hour'), r('column.count')], rows: f.visitors.byHour.map((n, h) => [r('hour', { from: h, to: h + 1 }), n]) },
    keyed('byType', f.items.byType, (k) => t(`records:type.${k}`)),
    keyed('byChannel', f.items.byChannel, (k) => t(`records:channel.${k}`)),
    keyed('byStatus', f.items.byStatus, (k) => t(`records:status.${k}`)),
    keyed('byDepartment', f.items.byDepartment, (k) => k || r('noDepartment')),
    keyed('byCategory', f.incidents.byCategory, (k) => t(`incidents:category.${k}`)),
    {
      key: 'people',
      name: r('section.people'),
      header: [r('column.person'), ...personMetrics.map((m) => r(`metric.${m}`))],
      rows: f.people.map((p) => [p.name, ...personMetrics.map((m) => p[m])]),
    },
  ];
}

/** A share as a percentage with one decimal, or a dash when there was nothing to divide by. */
export function percent(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(1)}%`;
}

/** A cell as the screen and the sheet show it: shares of the summary as percentages, nothing as a dash. */
export function reportCell(table: ReportTable, row: ReportCell[], column: number, index: number): string | number {
  const value = row[column] ?? null;
  if (column === row.length - 1 && table.percentRows?.includes(index)) return percent(typeof value === 'number' ? value : null);
  return value ?? '—';
}
