// Error and validation messages, shared by the server (localized error bodies) and the renderer (forms).
// Namespace `errors`; schema messages refer to these as `errors:<key>`.
export const errorsZhCN = {
  code: {
    bad_request: '请求格式有误，无法处理。',
    validation_failed: '填写的内容有误，请检查标出的项目。',
    unauthenticated: '请先登录。',
    device_required: '此设备尚未配对，请联系管理员获取配对码。',
    pin_incorrect: 'PIN 码不正确。',
    forbidden: '您的岗位无权进行此操作。',
    not_found: '找不到该记录。',
    conflict: '当前状态不允许此操作。',
    payload_too_large: '提交的内容过大。',
    rate_limited: '尝试次数过多，请稍后再试。',
    internal: '系统出错，已记录。请重试或联系管理员。',
  },
  field: {
    text: '请输入文字。',
    tooLong: '内容过长（最多 {{max}} 个字）。',
    malformed: '包含无法识别的字符。',
    control: '包含不允许的控制字符。',
    required: '此项必填。',
    mobile: '请输入 11 位手机号码。',
    phone: '请输入有效的电话号码。',
    pin: 'PIN 码为 4 至 8 位数字。',
    id: '编号无效。',
    time: '时间无效。',
    timeZone: '时区无效。',
    language: '语言无效。',
    role: '岗位无效。',
    idNumber: '身份证号码无效（校验位不符）。',
    documentNumber: '证件号码只能包含字母和数字（5 至 30 位）。',
    plate: '车牌号格式无效。',
  },
  auth: {
    pinIncorrect: 'PIN 码不正确，还可尝试 {{remaining}} 次。',
    lockedOut: '错误次数过多，已锁定，请 {{minutes}} 分钟后再试。',
    inactive: '该账号已停用。',
    sessionEnded: '登录已结束，请重新登录。',
    kioskOnly: '访客屏不能进行此操作。',
  },
  setup: {
    already: '系统已完成初始设置。',
    required: '请先完成初始设置。',
  },
  staff: {
    lastAdmin: '至少需要保留一名启用的管理员。',
  },
  request: {
    tooLarge: '提交的内容过大：最多 {{mb}} MB。',
  },
  devices: {
    codeInvalid: '配对码无效或已过期。',
    revoked: '此设备已被停用，请重新配对。',
  },
};

export type ErrorMessages = typeof errorsZhCN;

export const errorsEn: ErrorMessages = {
  code: {
    bad_request: 'The request could not be read.',
    validation_failed: 'Some entries are not valid; please check the marked fields.',
    unauthenticated: 'Please sign in first.',
    device_required: 'This device is not paired yet. Ask an administrator for a pairing code.',
    pin_incorrect: 'Wrong PIN.',
    forbidden: 'Your role may not do this.',
    not_found: 'That record was not found.',
    conflict: 'This cannot be done in the record’s current state.',
    payload_too_large: 'What was sent is too large.',
    rate_limited: 'Too many attempts; please try again later.',
    internal: 'Something went wrong and was logged. Please retry or call the administrator.',
  },
  field: {
    text: 'Please enter text.',
    tooLong: 'Too long (at most {{max}} characters).',
    malformed: 'Contains characters that cannot be read.',
    control: 'Contains control characters that are not allowed.',
    required: 'Required.',
    mobile: 'Please enter an 11-digit mobile number.',
    phone: 'Please enter a valid telephone number.',
    pin: 'A PIN is 4 to 8 digits.',
    id: 'Invalid id.',
    time: 'Invalid time.',
    timeZone: 'Unknown time zone.',
    language: 'Unknown language.',
    role: 'Unknown role.',
    idNumber: 'Invalid ID number (check digit does not match).',
    documentNumber: 'A document number has 5 to 30 letters and digits.',
    plate: 'Invalid licence plate.',
  },
  auth: {
    pinIncorrect: 'Wrong PIN; {{remaining}} attempts left.',
    lockedOut: 'Too many wrong PINs. Locked; try again in {{minutes}} minutes.',
    inactive: 'This account is deactivated.',
    sessionEnded: 'Your session has ended; please sign in again.',
    kioskOnly: 'A visitor screen cannot do this.',
  },
  setup: {
    already: 'Setup has already been completed.',
    required: 'Please complete the first-run setup.',
  },
  staff: {
    lastAdmin: 'At least one active administrator must remain.',
  },
  request: {
    tooLarge: 'What was sent is too large: {{mb}} MB at most.',
  },
  devices: {
    codeInvalid: 'The pairing code is wrong or has expired.',
    revoked: 'This device has been revoked; pair it again.',
  },
};
