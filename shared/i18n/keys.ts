// Messages the key register's core produces (namespace `keys`); the screens add their own strings to it.
export const keysZhCN = {
  errors: {
    kind: '请选择物品类别。',
    backInPast: '预计归还时间不能早于现在。',
    alreadyReturned: '该物品已登记归还。',
  },
};

export const keysEn: typeof keysZhCN = {
  errors: {
    kind: 'Please choose what kind of item it is.',
    backInPast: 'The expected return cannot be in the past.',
    alreadyReturned: 'This item has already been returned.',
  },
};
