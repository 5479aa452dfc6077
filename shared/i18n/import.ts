// Messages of the spreadsheet reader every import uses (namespace `import`).
export const importZhCN = {
  error: {
    fileEmpty: '文件是空的。',
    fileUnreadable: '无法读取该文件，请确认是 CSV 或 XLSX 格式。',
    tooManyRows: '文件超过 {{max}} 行，请分批导入。',
    tooManyColumns: '文件在 {{column}} 列有内容，最多读取 {{max}} 列（A 至 {{last}} 列）。请删除多余的列后再导入。',
    tooManyCells: '文件的单元格过多（最多 {{max}} 个有内容的单元格），请分批导入。',
    tooLargeUnpacked: '文件解压后超过 {{maxMb}} MB，无法导入。请另存为新的 XLSX 或 CSV 文件后再试。',
    tooComplex: '文件过于复杂，读取所需内存超过 {{mb}} MB，已停止读取。请另存为 CSV 文件后再试。',
    tooSlow: '读取文件超过 {{seconds}} 秒，已停止。请另存为 CSV 文件或分批导入。',
    busy: '正在读取其他文件，请稍后再试。',
  },
};

export type ImportMessages = typeof importZhCN;

export const importEn: ImportMessages = {
  error: {
    fileEmpty: 'The file is empty.',
    fileUnreadable: 'The file cannot be read; is it CSV or XLSX?',
    tooManyRows: 'The file has more than {{max}} rows; import it in parts.',
    tooManyColumns: 'The file has something in column {{column}}; at most {{max}} columns (A to {{last}}) are read. Delete the extra columns and import it again.',
    tooManyCells: 'The file has too many cells (at most {{max}} with something in them); import it in parts.',
    tooLargeUnpacked: 'The file unpacks to more than {{maxMb}} MB and cannot be imported. Save it as a new XLSX or CSV file and try again.',
    tooComplex: 'The file is too complex: reading it needs more than {{mb}} MB of memory, so reading stopped. Save it as CSV and try again.',
    tooSlow: 'Reading the file took more than {{seconds}} seconds and was stopped. Save it as CSV, or import it in parts.',
    busy: 'Another file is being read; try again in a moment.',
  },
};
