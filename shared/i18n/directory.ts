// Messages the directory core produces (namespace `directory`: `error.*`, and `column.*` for import reports).
export const directoryCoreZhCN = {
  error: {
    kind: '类型应为“公司”或“住户”。',
    notFound: '找不到该租户。',
    contactNotFound: '找不到该联系人。',
    fileType: '请选择 CSV 或 XLSX 文件。',
    fileEmpty: '文件是空的。',
    fileTooLarge: '文件过大（最大 700 KB）。',
    noHeader: '第一行应为表头，至少包含“名称”和“楼层”两列。',
    badKind: '类型“{{value}}”无法识别，应为“公司”或“住户”。',
    contactIncomplete: '联系人和联系电话需同时填写。',
    duplicateInFile: '与第 {{line}} 行重复。',
    tooManyRows: '文件超过 {{max}} 行，请分批导入。',
  },
  column: {
    kind: '类型',
    name: '名称',
    displayName: '显示名称',
    nameEn: '英文名称',
    displayNameEn: '英文显示名称',
    floor: '楼层',
    room: '房号',
    contactName: '联系人',
    contactTitle: '职务',
    contactPhone: '联系电话',
    notes: '备注',
  },
};

export type DirectoryCoreMessages = typeof directoryCoreZhCN;

export const directoryCoreEn: DirectoryCoreMessages = {
  error: {
    kind: 'Type must be “company” or “household”.',
    notFound: 'That tenant was not found.',
    contactNotFound: 'That contact was not found.',
    fileType: 'Please choose a CSV or XLSX file.',
    fileEmpty: 'The file is empty.',
    fileTooLarge: 'The file is too large (700 KB at most).',
    noHeader: 'The first row must be a header with at least the “Name” and “Floor” columns.',
    badKind: 'Type “{{value}}” is unknown; use “company” or “household”.',
    contactIncomplete: 'Give both the contact’s name and phone, or neither.',
    duplicateInFile: 'Same as line {{line}}.',
    tooManyRows: 'The file has more than {{max}} rows; import it in parts.',
  },
  column: {
    kind: 'Type',
    name: 'Name',
    displayName: 'Display name',
    nameEn: 'English name',
    displayNameEn: 'English display name',
    floor: 'Floor',
    room: 'Room',
    contactName: 'Contact',
    contactTitle: 'Title',
    contactPhone: 'Contact phone',
    notes: 'Notes',
  },
};
