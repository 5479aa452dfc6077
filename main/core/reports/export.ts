// The report as a file: one table of figures — section, figure, value — then the breakdowns, in the
// reader's language. XLSX with a sheet per part (exceljs, already used for imports); CSV as one table with a
// byte-order mark so Excel opens the Chinese correctly.
import type { Language } from '../../../shared/i18n';
import type { ReportFigures } from '../../../shared/contract/reports';
import { formatDateTime } from '../../../shared/rules/time';
import { translate } from '../i18n';

type Cell = string | number | null;
interface Table {
  /** Sheet name and section label. */
  name: string;
  header: string[];
  rows: Cell[][];
  /** Columns holding shares (0–1), shown as percentages. */
  percentColumns?: number[];
}

const SHARE_METRICS = new Set(['withinTargetShare', 'answeredShare', 'complaintTimelyRate', 'followUpRate', 'satisfactionRate']);

function tables(f: ReportFigures, lang: Language, timeZone: string, now: number): { title: string; note: string | null; parts: Table[] } {
  const t = (key: string, params?: Record<string, unknown>) => translate(lang, `reports:${key}`, params);
  const building = lang === 'en' && f.building.nameEn ? f.building.nameEn : f.building.name;
  const title = t('title', { building, period: t(`period.${f.period}`), first: f.firstDay, last: f.lastDay });
  const note = f.complete ? null : t('incomplete', { at: formatDateTime(now, timeZone) });
  const summary: Cell[][] = [];
  const add = (section: 'visitors' | 'calls' | 'items' | 'incidents' | 'handovers', values: Record<string, unknown>) => {
    for (const [metric, value] of Object.entries(values)) {
      if (typeof value !== 'number' && value !== null) continue;
      const shown = metric === 'peakHour' && typeof value === 'number' ? t('hour', { from: value, to: value + 1 }) : (value as number | null);
      summary.push([t(`section.${section}`), t(`metric.${metric}`), shown]);
    }
  };
  add('visitors', f.visitors);
  add('calls', f.calls);
  add('items', f.items);
  add('incidents', f.incidents);
  add('handovers', f.handovers);
  const keyed = (section: string, rows: Array<{ key: string; count: number }>, label: (key: string) => string): Table => ({
    name: t(`section.${section}`),
    header: [t('column.key'), t('column.count')],
    rows: rows.map((r) => [label(r.key), r.count]),
  });
  const parts: Table[] = [
    { name: t('column.metric'), header: [t('column.section'), t('column.metric'), t('column.value')], rows: summary, percentColumns: [] },
    keyed('byPurpose', f.visitors.byPurpose, (k) => k),
    { name: t('section.byHour'), header: [t('column.hour'), t('column.count')], rows: f.visitors.byHour.map((n, h) => [t('hour', { from: h, to: h + 1 }), n]) },
    keyed('byType', f.items.byType, (k) => translate(lang, `records:type.${k}`)),
    keyed('byChannel', f.items.byChannel, (k) => translate(lang, `records:channel.${k}`)),
    keyed('byStatus', f.items.byStatus, (k) => translate(lang, `records:status.${k}`)),
    keyed('byDepartment', f.items.byDepartment, (k) => k || t('noDepartment')),
    keyed('byCategory', f.incidents.byCategory, (k) => translate(lang, `incidents:category.${k}`)),
    {
      name: t('section.people'),
      header: [t('column.person'), ...['visitorsRegistered', 'callsAnswered', 'callsWithinTarget', 'itemsEntered'].map((m) => t(`metric.${m}`))],
      rows: f.people.map((p) => [p.name, p.visitorsRegistered, p.callsAnswered, p.callsWithinTarget, p.itemsEntered]),
    },
  ];
  // Which summary rows are shares: by the metric's position, so the sheet can format them as percentages.
  const shareLabels = new Set([...SHARE_METRICS].map((m) => t(`metric.${m}`)));
  parts[0]!.percentColumns = summary.map((row, i) => (shareLabels.has(String(row[1])) ? i : -1)).filter((i) => i >= 0);
  return { title, note, parts };
}

export function reportFileName(f: ReportFigures, format: 'xlsx' | 'csv'): string {
  return `report-${f.period}-${f.firstDay}.${format}`;
}

export async function reportXlsx(f: ReportFigures, lang: Language, timeZone: string, now: number): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const { title, note, parts } = tables(f, lang, timeZone, now);
  const book = new ExcelJS.Workbook();
  book.creator = 'Lobby Desk';
  for (const [index, part] of parts.entries()) {
    // Sheet names: at most 31 characters, no []:*?/\ — the labels are ours and short, but keep them safe.
    const sheet = book.addWorksheet(part.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
    if (index === 0) {
      sheet.addRow([title]).font = { bold: true, size: 14 };
      if (note) sheet.addRow([note]);
      sheet.addRow([]);
    }
    sheet.addRow(part.header).font = { bold: true };
    const first = sheet.rowCount + 1;
    for (const row of part.rows) sheet.addRow(row);
    for (const i of part.percentColumns ?? []) sheet.getRow(first + i).getCell(part.header.length).numFmt = '0.0%';
    sheet.columns.forEach((column, c) => (column.width = c === 0 ? 24 : 16));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function reportCsv(f: ReportFigures, lang: Language, timeZone: string, now: number): Promise<Buffer> {
  const { writeToBuffer } = await import('fast-csv');
  const { title, note, parts } = tables(f, lang, timeZone, now);
  const rows: Cell[][] = [[title], ...(note ? [[note]] : []), []];
  for (const part of parts) {
    rows.push([part.name], part.header, ...part.rows, []);
  }
  return writeToBuffer(rows.map((r) => r.map((c) => (c === null ? '' : c))), { writeBOM: true });
}
