// Reads the first sheet of a CSV or XLSX file into rows of text, within limits on rows, columns, cells and what the
// file unpacks to, and stops at the first limit passed. Runs inside the sheet worker (sheet.worker.ts), whose heap
// is bounded as well; a test may call it directly.
import { Readable } from 'node:stream';
import { cellText, columnLetters } from './cells';
import { storedZip, unpackZip, ZipRefusal } from './zip';
import { DEFAULT_SHEET_LIMITS, type SheetLimits, type SheetRefusalReason, type SheetRow } from './limits';

export { DEFAULT_SHEET_LIMITS, type SheetLimits, type SheetRefusalReason, type SheetRow } from './limits';

export class SheetRefusal extends Error {
  constructor(
    readonly reason: SheetRefusalReason,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`spreadsheet refused: ${reason} ${JSON.stringify(params)}`);
    this.name = 'SheetRefusal';
  }
}

/** Collects rows and enforces the limits as they arrive. */
class RowCollector {
  readonly rows: SheetRow[] = [];
  private cells = 0;
  constructor(private readonly limits: SheetLimits) {}

  add(line: number, values: ReadonlyArray<[column: number, text: string]>): void {
    const cells: string[] = [];
    for (const [column, raw] of values) {
      const text = raw.trim();
      if (text === '') continue;
      if (column > this.limits.maxColumns) {
        throw new SheetRefusal('tooManyColumns', { column: columnLetters(column), last: columnLetters(this.limits.maxColumns), max: this.limits.maxColumns });
      }
      this.cells += 1;
      if (this.cells > this.limits.maxCells) throw new SheetRefusal('tooManyCells', { max: this.limits.maxCells });
      while (cells.length < column - 1) cells.push('');
      cells[column - 1] = text;
    }
    if (cells.length === 0) return;
    for (let i = 0; i < cells.length; i += 1) cells[i] ??= '';
    this.rows.push({ line, cells });
    if (this.rows.length > this.limits.maxRows + this.limits.headerRows) throw new SheetRefusal('tooManyRows', { max: this.limits.maxRows });
  }
}

/** UTF-8 (with or without BOM), else GB18030 — what Excel on a Chinese Windows saves as "CSV". */
export function decodeCsv(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

async function readCsv(buffer: Buffer, limits: SheetLimits): Promise<SheetRow[]> {
  const collector = new RowCollector(limits);
  let line = 0;
  // Loaded for the format at hand only: a worker's start is most of a small file's cost.
  const { parse: parseCsv } = await import('fast-csv');
  await new Promise<void>((resolve, reject) => {
    const parser = parseCsv({ ignoreEmpty: false })
      .on('error', () => reject(new SheetRefusal('fileUnreadable')))
      .on('data', (record: string[]) => {
        line += 1;
        try {
          collector.add(line, record.map((text, index) => [index + 1, text] as [number, string]));
        } catch (error) {
          parser.destroy();
          reject(error);
        }
      })
      .on('end', () => resolve());
    parser.end(decodeCsv(buffer));
  });
  return collector.rows;
}

const WORKBOOK_PARTS = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];
const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * The parts of the XLSX the streaming reader needs, unpacked within the budget and stored again in the order it
 * reads best (relationships, workbook, styles and strings before the sheets, so it never spools a sheet to disk).
 */
function repack(buffer: Buffer, limits: SheetLimits): Readable {
  let parts: Map<string, Buffer>;
  try {
    parts = unpackZip(buffer, (name) => WORKBOOK_PARTS.includes(name) || SHEET_PART.test(name), limits);
  } catch (error) {
    if (error instanceof ZipRefusal && error.reason === 'tooLarge') {
      throw new SheetRefusal('tooLargeUnpacked', { maxMb: Math.round(limits.maxUnpackedBytes / 1024 / 1024) });
    }
    throw new SheetRefusal('fileUnreadable');
  }
  const sheets = [...parts.keys()].filter((n) => SHEET_PART.test(n)).sort((a, b) => Number(SHEET_PART.exec(a)![1]) - Number(SHEET_PART.exec(b)![1]));
  if (sheets.length === 0) throw new SheetRefusal('fileUnreadable');
  // Without a strings part the reader would wait for one; an empty one says there are none.
  if (!parts.has('xl/sharedStrings.xml')) parts.set('xl/sharedStrings.xml', Buffer.from('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'));
  if (!parts.has('xl/_rels/workbook.xml.rels')) parts.set('xl/_rels/workbook.xml.rels', Buffer.from('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'));
  const order = [...WORKBOOK_PARTS.filter((n) => parts.has(n)), ...sheets];
  return Readable.from(storedZip(order.map((n) => [n, parts.get(n)!] as const)));
}

interface ReaderState {
  model?: { sheets?: Array<{ name?: string }> };
}

async function readXlsx(buffer: Buffer, limits: SheetLimits): Promise<SheetRow[]> {
  const input = repack(buffer, limits);
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  const collector = new RowCollector(limits);
  let found = false;
  try {
    for await (const worksheet of reader) {
      // The first sheet in the workbook's own order (the zip may list them otherwise).
      const first = (reader as unknown as ReaderState).model?.sheets?.[0]?.name;
      if (found || (first !== undefined && (worksheet as unknown as { name?: string }).name !== first)) continue;
      found = true;
      for await (const row of worksheet) {
        const values: Array<[number, string]> = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          values.push([column, cellText(cell.value, cell.numFmt)]);
        });
        collector.add(row.number, values);
      }
    }
  } catch (error) {
    if (error instanceof SheetRefusal) throw error;
    throw new SheetRefusal('fileUnreadable');
  }
  if (!found) throw new SheetRefusal('fileUnreadable');
  return collector.rows;
}

/** Reads the first sheet of `fileName` (`.csv` or `.xlsx`) into rows of text, or refuses it. */
export async function parseSpreadsheet(fileName: string, bytes: Uint8Array, limits: SheetLimits = DEFAULT_SHEET_LIMITS): Promise<SheetRow[]> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length === 0) throw new SheetRefusal('fileEmpty');
  const rows = /\.csv$/i.test(fileName) ? await readCsv(buffer, limits) : await readXlsx(buffer, limits);
  if (rows.length === 0) throw new SheetRefusal('fileEmpty');
  return rows;
}
