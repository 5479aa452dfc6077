// What the spreadsheet reader accepts, and the shape of what it reads (no parsing here: the desk's side imports
// this without loading the parser, which runs only in the sheet worker).
export interface SheetLimits {
  /** Data rows (rows with something in them, below the header). */
  maxRows: number;
  /** Rows allowed above the data: the header and title rows over it. */
  headerRows: number;
  /** Columns read; a value further right refuses the file. */
  maxColumns: number;
  /** Cells with a value in the whole sheet. */
  maxCells: number;
  /** What the XLSX's workbook, styles, strings and sheets may unpack to, in bytes. */
  maxUnpackedBytes: number;
  /** Entries in the XLSX's zip. */
  maxEntries: number;
}

export const DEFAULT_SHEET_LIMITS: SheetLimits = {
  maxRows: 5000,
  headerRows: 10,
  maxColumns: 50,
  maxCells: 200_000,
  maxUnpackedBytes: 32 * 1024 * 1024,
  maxEntries: 2000,
};

export interface SheetRow {
  /** The row's number in the sheet (the line a person sees in Excel, or the record's number in a CSV). */
  line: number;
  /** Text of each column from A, trimmed; trailing empty cells left off. */
  cells: string[];
}

/** Why a file is refused: an i18n key of the `import` namespace and its parameters. */
export type SheetRefusalReason = 'fileEmpty' | 'fileUnreadable' | 'tooManyRows' | 'tooManyColumns' | 'tooManyCells' | 'tooLargeUnpacked';

