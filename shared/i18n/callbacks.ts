// Messages the callbacks core produces (namespace `callbacks`, under `error`).
export const callbacksCoreZhCN = {
  error: {
    outcome: '请选择联系结果。',
    noteRequired: '选择“其他”时请写明情况。',
    closed: '该回电已办结。',
    notOwner: '只有负责人或主管可以登记结果，请先接手。',
    ownerInvalid: '只能交给在岗的前台人员。',
    notFound: '找不到该回电事项。',
    tenantRequired: '留言须注明给哪个租户。',
    outcomeForKind: '该结果不适用于此类事项，请重新选择。',
  },
  unknownCaller: '未知来电人',
};

export type CallbacksCoreMessages = typeof callbacksCoreZhCN;

export const callbacksCoreEn: CallbacksCoreMessages = {
  error: {
    outcome: 'Please choose the outcome.',
    noteRequired: 'Please say what happened when choosing “Other”.',
    closed: 'This callback has already been closed.',
    notOwner: 'Only its owner or a lead can record the outcome; take it over first.',
    ownerInvalid: 'It can be given only to active desk staff.',
    notFound: 'That callback was not found.',
    tenantRequired: 'A message must say which tenant it is for.',
    outcomeForKind: 'That outcome does not apply to this kind of item; please choose another.',
  },
  unknownCaller: 'Unknown caller',
};
