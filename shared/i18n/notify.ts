// Messages the notify core produces (namespace `notify`, under `error`).
export const notifyCoreZhCN = {
  error: {
    url: '请填写完整的网址（http:// 或 https:// 开头）。',
    email: '请填写有效的电子邮箱地址。',
    smsTemplate: '短信模板须包含手机号和短信内容两个占位符（phone、text，各用两层花括号括起）。',
    secretOnlyDingTalk: '只有钉钉机器人需要加签密钥。',
    recipientNotFound: '找不到该通知渠道。',
    recipientInactive: '该通知渠道已停用。',
    notFound: '找不到该通知。',
    notPhone: '这不是需要电话通知的事项。',
    alreadyDone: '该通知已处理。',
    noteRequired: '未联系上时请写明情况。',
    notFailed: '只有失败的通知可以重发。',
  },
};

export type NotifyCoreMessages = typeof notifyCoreZhCN;

export const notifyCoreEn: NotifyCoreMessages = {
  error: {
    url: 'Please enter a full web address (starting with http:// or https://).',
    email: 'Please enter a valid e-mail address.',
    smsTemplate: 'The SMS template must contain the two placeholders phone and text, each in double curly braces.',
    secretOnlyDingTalk: 'Only a DingTalk robot takes a signing secret.',
    recipientNotFound: 'That channel was not found.',
    recipientInactive: 'That channel is turned off.',
    notFound: 'That notification was not found.',
    notPhone: 'That notification is not a phone call.',
    alreadyDone: 'That notification has already been dealt with.',
    noteRequired: 'Please say what happened when the host could not be reached.',
    notFailed: 'Only a failed notification can be sent again.',
  },
};
