// Messages the notices core produces (namespace `notices`, under `error`).
export const noticesCoreZhCN = {
  error: {
    notFound: '找不到该通知。',
    withdrawn: '该通知已撤下，不能再修改。',
    untilBeforeFrom: '结束时间应晚于开始时间。',
    targetValue: '请填写通知对象（楼栋或房号）。',
  },
};

export type NoticesCoreMessages = typeof noticesCoreZhCN;

export const noticesCoreEn: NoticesCoreMessages = {
  error: {
    notFound: 'That notice was not found.',
    withdrawn: 'This notice was withdrawn and cannot be changed.',
    untilBeforeFrom: 'The end must be after the start.',
    targetValue: 'Say which building or unit the notice is for.',
  },
};
