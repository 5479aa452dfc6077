// The report as a file: the tables of shared/rules/report-tables in the reader's language. XLSX with a
// sheet per part (exceljs, already used for imports); CSV as one table with a byte-order mark so Excel opens the
// Chinese correctly.
import type { Language } from '../../../shared/i18n';
import type { ReportFigures } from '../../../shared/contract/reports';
import { formatDateTime } from '../../../shared/rules/time';
import { translate } from '../i18n';
import { reportTables, reportTitle, type ReportCell, type ReportTable } from '../../../shared/rules/report-tables';

function tables(f: ReportFigures, lang: Language, timeZone: string, now: number): { title: string; note: string | null; parts: ReportTable[] } {
  const t = (key: string, params?: Record<string, unknown>) => translate(lang, key, params);
  const note = f.complete ? null : t('reports:incomplete', { at: formatDateTime(now, timeZone) });
  return { title: reportTitle(f, t, lang), note, parts: reportTables(f, t) };
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
    for (const i of part.percentRows ?? []) sheet.getRow(first + i).getCell(part.header.length).numFmt = '0.0%';
    sheet.columns.forEach((column, c) => (column.width = c === 0 ? 24 : 16));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function reportCsv(f: ReportFigures, lang: Language, timeZone: string, now: number): Promise<Buffer> {
  const { writeToBuffer } = await import('fast-csv');
  const { title, note, parts } = tables(f, lang, timeZone, now);
  const rows: ReportCell[][] = [[title], ...(note ? [[note]] : []), []];
  for (const part of parts) {
    rows.push([part.name], part.header, ...part.rows, []);
  }
  return writeToBuffer(rows.map((r) => r.map((c) => (c === null ? '' : c))), { writeBOM: true });
}
