// Spreadsheets built by hand for the import tests — zip and SpreadsheetML written here with Node's zlib, not with
// the library the import reads them with, so a file's bytes are exactly what a test says (a cell in column XFD,
// a compression bomb, a number format, sheets listed out of order).
import zlib from 'node:zlib';

export interface ZipPart {
  name: string;
  /** Chunks of the part's bytes (a bomb is written as many chunks, never held whole). */
  chunks: Iterable<Buffer | string>;
}

/**
 * Deflates chunk by chunk: each chunk is its own run of blocks ended by a full flush (byte-aligned, no shared
 * dictionary), and an empty final block closes the stream — valid deflate, and the same chunk object repeated
 * (a bomb) is compressed once.
 */
function deflate(chunks: Iterable<Buffer | string>): { data: Buffer; crc: number; size: number } {
  const out: Buffer[] = [];
  const seen = new Map<Buffer, Buffer>();
  let crc = 0;
  let size = 0;
  let text: string[] = [];
  let textLength = 0;
  const put = (chunk: Buffer, cache: boolean) => {
    crc = zlib.crc32(chunk, crc);
    size += chunk.length;
    let packed = cache ? seen.get(chunk) : undefined;
    if (!packed) {
      packed = zlib.deflateRawSync(chunk, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
      if (cache) seen.set(chunk, packed);
    }
    out.push(packed);
  };
  const flushText = () => {
    if (text.length > 0) put(Buffer.from(text.join(''), 'utf8'), false);
    text = [];
    textLength = 0;
  };
  for (const raw of chunks) {
    if (typeof raw === 'string') {
      // Text is gathered into large runs (compressed together); a Buffer chunk is compressed once however often it repeats.
      text.push(raw);
      textLength += raw.length;
      if (textLength > 1 << 20) flushText();
    } else {
      flushText();
      put(raw, true);
    }
  }
  flushText();
  out.push(Buffer.from([0x03, 0x00])); // a final, empty fixed-Huffman block
  return { data: Buffer.concat(out), crc: crc >>> 0, size };
}

/** A zip of deflated parts, laid out as the spec says (local headers, data, central directory, end record). */
export function zip(parts: ZipPart[]): Buffer {
  const body: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const { data, crc, size } = deflate(part.chunks);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    body.push(local, name, data);
    central.push(entry, name);
    offset += 30 + name.length + data.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...body, ...central, end]);
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Column letters of a 1-based column number (1 → A, 16384 → XFD). */
export function col(n: number): string {
  let out = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) out = String.fromCharCode(65 + ((c - 1) % 26)) + out;
  return out;
}

/** One cell: text (inline string), a number, or a number with a style index (its number format). */
export type Cell = string | number | { n: number; style: number } | null;

/** A `<row>`: cells from column A on, and any cells further right at the columns given. */
export function rowXml(r: number, cells: Cell[], far: Record<number, Cell> = {}): string {
  const parts: string[] = [];
  const put = (c: number, cell: Cell) => {
    const ref = `${col(c)}${r}`;
    if (cell === null) return;
    if (typeof cell === 'string') parts.push(`<c r="${ref}" t="inlineStr"><is><t>${escape(cell)}</t></is></c>`);
    else if (typeof cell === 'number') parts.push(`<c r="${ref}"><v>${cell}</v></c>`);
    else parts.push(`<c r="${ref}" s="${cell.style}"><v>${cell.n}</v></c>`);
  };
  cells.forEach((cell, i) => put(i + 1, cell));
  for (const [c, cell] of Object.entries(far)) put(Number(c), cell);
  return `<row r="${r}">${parts.join('')}</row>`;
}

export function sheetXml(rows: Iterable<string | Buffer>, extra = ''): Iterable<string | Buffer> {
  return (function* () {
    yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    yield* rows;
    yield `</sheetData>${extra}</worksheet>`;
  })();
}

/** styles.xml with custom number formats; style index i+1 uses formats[i] (index 0 is General). */
export function stylesXml(formats: string[]): string {
  const numFmts = formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escape(f)}"/>`).join('');
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', ...formats.map((_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)];
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    (formats.length ? `<numFmts count="${formats.length}">${numFmts}</numFmts>` : '') +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
    '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs></styleSheet>`
  );
}

export interface WorkbookOptions {
  /** Sheets in the workbook's order; each goes into xl/worksheets/sheet<file>.xml. */
  sheets: Array<{ name: string; file: number; xml: Iterable<string | Buffer> }>;
  formats?: string[];
  /** Order of the parts in the zip (default: as Excel writes them, sheets before styles). */
  order?: 'excel' | 'sheetsLast';
}

/** A whole .xlsx: content types, relationships, workbook, styles and the sheets. */
export function xlsx(options: WorkbookOptions): Buffer {
  const sheets = options.sheets;
  const workbook =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
    sheets.map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    '</sheets></workbook>';
  const rels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${s.file}.xml"/>`).join('') +
    `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
  const types =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets.map((s) => `<Override PartName="/xl/worksheets/sheet${s.file}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>';
  const root =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
  const head: ZipPart[] = [
    { name: '[Content_Types].xml', chunks: [types] },
    { name: '_rels/.rels', chunks: [root] },
    { name: 'xl/workbook.xml', chunks: [workbook] },
    { name: 'xl/_rels/workbook.xml.rels', chunks: [rels] },
  ];
  const sheetParts = sheets.map((s) => ({ name: `xl/worksheets/sheet${s.file}.xml`, chunks: s.xml }));
  const styles = { name: 'xl/styles.xml', chunks: [stylesXml(options.formats ?? [])] };
  return zip(options.order === 'sheetsLast' ? [...head, styles, ...sheetParts] : [...head, ...sheetParts, styles]);
}

/** A one-sheet workbook from rows of cells (row 1 first). */
export function simpleXlsx(rows: Cell[][], options: { formats?: string[]; far?: Record<number, Record<number, Cell>> } = {}): Buffer {
  return xlsx({ sheets: [{ name: 'Sheet1', file: 1, xml: sheetXml(rows.map((cells, i) => rowXml(i + 1, cells, options.far?.[i + 1]))) }], formats: options.formats });
}

export const base64 = (bytes: Buffer) => bytes.toString('base64');

/** The directory import's header, as a desk's spreadsheet has it. */
export const DIRECTORY_HEADER = ['类型', '名称', '显示名称', '楼层', '房号', '联系人', '联系电话'];

/** 2 000 rows of tenants, each with one cell far out in column XFD (16 384): a 56 KB file that once took 4 GB. */
export function xfdWorkbook(rows = 2000): Buffer {
  const lines = function* () {
    yield rowXml(1, DIRECTORY_HEADER);
    for (let r = 2; r <= rows; r += 1) yield rowXml(r, ['公司', `公司${r}`, '', String(r % 40), '', '', ''], { 16384: 'x' });
  };
  return xlsx({ sheets: [{ name: '租户', file: 1, xml: sheetXml(lines()) }] });
}

/** A sheet that unpacks to `mb` MB of whitespace between its elements (valid XML), zipped to about a thousandth. */
export function bombWorkbook(mb: number): Buffer {
  const blank = Buffer.alloc(1024 * 1024, 0x20);
  const lines = function* (): Iterable<string | Buffer> {
    yield rowXml(1, DIRECTORY_HEADER);
    for (let i = 0; i < mb; i += 1) yield blank;
    yield rowXml(2, ['公司', '华信', '', '12', '', '', '']);
  };
  return xlsx({ sheets: [{ name: '租户', file: 1, xml: sheetXml(lines()) }] });
}
