// Messages the expected-visitors core produces (namespace `expected`, under `error`).
export const expectedCoreZhCN = {
  error: {
    date: '请填写日期（年-月-日）。',
    time: '请填写时间（时:分）。',
    windowOrder: '结束时间须晚于开始时间。',
    untilRequired: '重复的邀请须填写截止日期。',
    untilBefore: '截止日期不能早于开始日期。',
    datePast: '该日期已经过去。',
    notFound: '找不到该预约访客。',
    invitationInvalid: '邀请码无效（可能输错或被改动），请核对后重试，或到前台登记。',
    invitationCancelled: '该邀请已被取消，请到前台登记。',
    invitationNotYet: '该邀请的有效时间是 {{date}} {{from}}–{{to}}，现在还不能使用，请届时再来或到前台登记。',
    invitationExpired: '该邀请已过期（最后有效时间 {{date}} {{to}}），请到前台登记。',
    alreadyArrived: '今天已凭此邀请登记过，请到前台。',
    fileTooLarge: '文件太大。',
    fileUnreadable: '无法读取该文件。',
    importEmpty: '文件中没有数据行。',
    importTooMany: '一次最多导入 {{max}} 行。',
    importColumn: '缺少“{{column}}”列。',
    importTenant: '第 {{line}} 行：找不到单位“{{tenant}}”。',
    importRows: '有的行有误，未导入任何数据，请改正后重试。',
  },
};

export type ExpectedCoreMessages = typeof expectedCoreZhCN;

export const expectedCoreEn: ExpectedCoreMessages = {
  error: {
    date: 'Please enter a date (year-month-day).',
    time: 'Please enter a time (hh:mm).',
    windowOrder: 'The end time must be after the start time.',
    untilRequired: 'A repeating invitation needs an end date.',
    untilBefore: 'The end date cannot be before the first day.',
    datePast: 'That date has passed.',
    notFound: 'That expected visitor was not found.',
    invitationInvalid: 'This invitation code is not valid (mistyped or altered). Please check it, or register at the front desk.',
    invitationCancelled: 'This invitation was cancelled. Please register at the front desk.',
    invitationNotYet: 'This invitation is valid on {{date}} from {{from}} to {{to}}, not now. Please come back then or register at the front desk.',
    invitationExpired: 'This invitation has expired (last valid {{date}} until {{to}}). Please register at the front desk.',
    alreadyArrived: 'This invitation has already been used today. Please see the front desk.',
    fileTooLarge: 'The file is too large.',
    fileUnreadable: 'The file cannot be read.',
    importEmpty: 'The file has no data rows.',
    importTooMany: 'At most {{max}} rows can be imported at once.',
    importColumn: 'The column “{{column}}” is missing.',
    importTenant: 'Line {{line}}: no tenant called “{{tenant}}”.',
    importRows: 'Some rows have errors; nothing was imported. Please correct them and try again.',
  },
};
