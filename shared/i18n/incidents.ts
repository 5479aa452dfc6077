// Messages the incidents core produces (namespace `incidents`); the screens add their own strings to the namespace.
export const incidentsZhCN = {
  category: { security: '治安', facilities: '设施设备', medical: '医疗急救', dispute: '纠纷', loitering: '人员滞留（施工人员、出租车）', other: '其他' },
  errors: {
    category: '请选择事件类别。',
    fileType: '只能附加 JPG、PNG、WebP 图片或 PDF 文件（文件内容须与类型相符）。',
    fileTooLarge: '文件过大（最大 4 MB）。',
    fileUnreadable: '文件内容无法读取。',
    fileEmpty: '文件是空的。',
    notAuthor: '只有记录人本人可以修改或签名。',
    signed: '该事件已签名，不能再修改；请追加更正说明。',
    future: '发生时间不能晚于现在。',
    tooManyFiles: '每个事件最多 {{max}} 个附件。',
    amendDraft: '未签名的记录请直接修改，签名后才追加更正。',
    notOpen: '该事件没有待跟进事项。',
    reviewDraft: '记录人签名后才能审阅。',
  },
};

export const incidentsEn: typeof incidentsZhCN = {
  category: { security: 'Security', facilities: 'Facilities', medical: 'Medical', dispute: 'Dispute', loitering: 'Loitering (workers, taxis)', other: 'Other' },
  errors: {
    category: 'Please choose a category.',
    fileType: 'Only JPG, PNG or WebP pictures and PDF files can be attached (and the content must match the type).',
    fileTooLarge: 'The file is too large (at most 4 MB).',
    fileUnreadable: 'The file cannot be read.',
    fileEmpty: 'The file is empty.',
    notAuthor: 'Only the person who recorded it may change or sign it.',
    signed: 'This incident is signed and cannot change; append an amendment instead.',
    future: 'The time cannot be later than now.',
    tooManyFiles: 'At most {{max}} attachments per incident.',
    amendDraft: 'Change an unsigned record directly; amendments are for signed ones.',
    notOpen: 'This incident has no open follow-up.',
    reviewDraft: 'It can be reviewed once its author has signed it.',
  },
};
