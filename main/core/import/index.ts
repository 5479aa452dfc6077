// Reading spreadsheets people upload (CSV, XLSX) for any import — the tenant directory today, units and people
// later. The file is parsed in a worker thread with a bounded heap and time, within limits on rows, columns, cells
// and unpacked size, one file at a time, so that no file — however large, wide or compressed — can stop the desk
// or grow the process past the bound below. What a file is refused for comes back as a localized ValidationError.
//
// Memory bound of one read (at most one runs at a time): the worker's heap (SHEET_WORKER_LIMITS.heapMb, 128 MB, plus
// a 16 MB young generation) + what the XLSX may unpack to (32 MB) + the upload itself (≤ 1 MB) + the worker's own
// start-up cost (≈ 15 MB): under 200 MB above the server's usual footprint.
import { ConflictError, ValidationError } from '../errors';
import { runWorker, WorkerError, WorkerFailure, type WorkerLimits } from '../workers';
import { DEFAULT_SHEET_LIMITS, type SheetLimits, type SheetRefusalReason, type SheetRow } from './limits';
import type { SheetTask } from './sheet.worker';

export { DEFAULT_SHEET_LIMITS, type SheetLimits, type SheetRow } from './limits';

export const SHEET_WORKER_LIMITS: WorkerLimits = { heapMb: 128, youngMb: 16, timeoutMs: 30_000 };

/** Reads waiting behind the one running; more are refused (try again in a moment). */
const MAX_WAITING = 3;

let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;

export interface SpreadsheetFile {
  fileName: string;
  contentBase64: string;
}

export interface ReadOptions {
  limits?: Partial<SheetLimits>;
  /** The input field the file came in, for the error's path. */
  field?: string;
  /** For tests: other worker limits (a smaller heap). */
  worker?: WorkerLimits;
}

function refusal(field: string, reason: SheetRefusalReason | 'tooComplex' | 'tooSlow', params: Record<string, unknown> = {}): ValidationError {
  return ValidationError.field(field, `import:error.${reason}`, params);
}

async function readOne(file: SpreadsheetFile, limits: SheetLimits, field: string, worker: WorkerLimits): Promise<SheetRow[]> {
  const bytes = new Uint8Array(Buffer.from(file.contentBase64, 'base64'));
  if (bytes.length === 0) throw refusal(field, 'fileEmpty');
  // An XLSX is a zip: anything else is refused without starting a worker.
  if (!/\.csv$/i.test(file.fileName) && !(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) throw refusal(field, 'fileUnreadable');
  try {
    return await runWorker<SheetTask, SheetRow[]>('sheet', { fileName: file.fileName, bytes, limits }, { limits: worker, transfer: [bytes.buffer] });
  } catch (error) {
    if (error instanceof WorkerError) {
      const data = error.data as { reason?: SheetRefusalReason; params?: Record<string, unknown> } | undefined;
      if (data?.reason) throw refusal(field, data.reason, data.params);
    }
    if (error instanceof WorkerFailure && error.kind === 'memory') throw refusal(field, 'tooComplex', { mb: worker.heapMb });
    if (error instanceof WorkerFailure && error.kind === 'timeout') throw refusal(field, 'tooSlow', { seconds: Math.round((worker.timeoutMs ?? 0) / 1000) });
    throw refusal(field, 'fileUnreadable');
  }
}

/** Reads the first sheet of an uploaded CSV or XLSX into rows of text (off the desk's thread), or refuses it. */
export function readSpreadsheet(file: SpreadsheetFile, options: ReadOptions = {}): Promise<SheetRow[]> {
  const limits = { ...DEFAULT_SHEET_LIMITS, ...options.limits };
  const field = options.field ?? 'contentBase64';
  if (waiting >= MAX_WAITING) return Promise.reject(new ConflictError('import:error.busy'));
  waiting += 1;
  const turn = queue.then(() => {
    waiting -= 1;
    return readOne(file, limits, field, options.worker ?? SHEET_WORKER_LIMITS);
  });
  queue = turn.catch(() => undefined);
  return turn;
}

/** Header cells compared without spaces, punctuation around words, full-width forms or case. */
export function headerKey(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/[\s_\-*（）()：:]/g, '');
}

export interface LocatedHeader<C extends string> {
  /** The header row. */
  header: SheetRow;
  /** Which column (0-based cell index) holds which field; the first matching header wins. */
  columnAt: Map<number, C>;
  /** The rows below the header. */
  dataRows: SheetRow[];
}

/**
 * Finds the header among the first rows: the first row that names every `required` column (spellings in
 * `headers`). Title rows above it (a merged 「2026 年租户名录」 across the top) are skipped. Null when none does.
 */
export function locateHeader<C extends string>(
  rows: readonly SheetRow[],
  headers: Readonly<Record<C, readonly string[]>>,
  required: readonly C[],
  scanRows = DEFAULT_SHEET_LIMITS.headerRows,
): LocatedHeader<C> | null {
  const spellings = (Object.keys(headers) as C[]).map((column) => [column, new Set(headers[column].map(headerKey))] as const);
  for (let index = 0; index < Math.min(rows.length, scanRows); index += 1) {
    const row = rows[index]!;
    const columnAt = new Map<number, C>();
    row.cells.forEach((cell, at) => {
      const key = headerKey(cell);
      const match = spellings.find(([column, names]) => names.has(key) && ![...columnAt.values()].includes(column));
      if (match) columnAt.set(at, match[0]);
    });
    const found = new Set(columnAt.values());
    if (required.every((c) => found.has(c))) return { header: row, columnAt, dataRows: rows.slice(index + 1) };
  }
  return null;
}
