// Messages the visitors core produces (namespace `visitors`, under `error`).
export const visitorsCoreZhCN = {
  error: {
    consent: '请先阅读并同意隐私说明。',
    idConsent: '提供身份证号码前需单独同意。',
    idRequired: '本楼要求登记身份证号码。',
    idNotAsked: '此处不登记身份证号码。',
    purpose: '请选择来访事由。',
    purposesEmpty: '至少保留一个来访事由。',
    partySize: '来访人数为 1 至 99。',
    tenantUnknown: '请选择要拜访的租户。',
    watchListMatch: '该访客在禁止入内名单上，请核实后再决定是否放行。',
    notPending: '该登记已处理过。',
    notIn: '该访客已签离。',
    passInvalid: '请输入或扫描访客证号码。',
    passNotFound: '没有在楼内找到访客证 {{pass}}。',
    passAmbiguous: '有多张访客证以 {{pass}} 结尾，请输入完整号码。',
    tooManyPending: '请到前台登记。',
    registrationNotFound: '找不到该登记。',
    watchEmpty: '姓名、手机号、证件号码至少填一项。',
    watchNotFound: '找不到该名单记录。',
    refuseWhich: '请指明不予放行的是哪一位访客。',
    rollAnswered: '这一条清点已经确认过了。',
    expireBeforeAlert: '过期时间须长于提醒时间。',
    rollTime: '请按 时:分 填写清点时间，例如 23:30。',
  },
  refused: {
    title: '不予放行',
    body: '前台已对访客 {{name}} 不予放行，请留意。',
  },
};

export type VisitorsCoreMessages = typeof visitorsCoreZhCN;

export const visitorsCoreEn: VisitorsCoreMessages = {
  error: {
    consent: 'Please read and accept the privacy notice first.',
    idConsent: 'Giving an ID number needs its own consent.',
    idRequired: 'This building requires an ID number.',
    idNotAsked: 'ID numbers are not taken here.',
    purpose: 'Please choose the purpose of the visit.',
    purposesEmpty: 'Keep at least one purpose.',
    partySize: 'Party size is 1 to 99.',
    tenantUnknown: 'Please choose whom you are visiting.',
    watchListMatch: 'This visitor is on the watch list. Check before deciding whether to admit them.',
    notPending: 'This registration has already been dealt with.',
    notIn: 'This visitor has already signed out.',
    passInvalid: 'Type or scan a pass number.',
    passNotFound: 'No visitor in the building has pass {{pass}}.',
    passAmbiguous: 'Several passes end in {{pass}}; type the full number.',
    tooManyPending: 'Please register at the front desk.',
    registrationNotFound: 'That registration was not found.',
    watchEmpty: 'Give at least a name, a mobile or a document number.',
    watchNotFound: 'That watch-list entry was not found.',
    refuseWhich: 'Say which visitor is refused.',
    rollAnswered: 'This entry of the roll has been answered already.',
    expireBeforeAlert: 'The expiry must be later than the alert.',
    rollTime: 'Give the roll time as HH:MM, for example 23:30.',
  },
  refused: {
    title: 'Visitor refused',
    body: 'The desk refused entry to {{name}}; please keep watch.',
  },
};
