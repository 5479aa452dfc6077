// Messages the handover core produces (namespace `handover`); the screens add their own strings to it.
export const handoverZhCN = {
  errors: {
    notYours: '只有交班人本人可以填写和签名此交接单。',
    signed: '交接单已签名，不能再修改。',
    noShift: '您还没有开班，无法交班。',
    unhandled: '还有 {{count}} 项既未勾选也未备注，请逐项处理后再签名。',
    notSigned: '交班人签名后才能接班确认。',
    alreadyAcknowledged: '该交接单已由接班人确认。',
    ownHandover: '交班人不能为自己的交接单确认接班。',
    cannotTakeOver: '该岗位不能接班确认。',
    ackOwnSession: '接班确认须由接班人员本人登录后进行（可在本机“换人”登录）。',
  },
};

export const handoverEn: typeof handoverZhCN = {
  errors: {
    notYours: 'Only the person handing over may fill in and sign this handover.',
    signed: 'The handover is signed and can no longer change.',
    noShift: 'You have not started a shift, so there is nothing to hand over.',
    unhandled: '{{count}} lines are neither ticked nor commented; go through each before signing.',
    notSigned: 'It can be acknowledged once the outgoing person has signed it.',
    alreadyAcknowledged: 'This handover has already been acknowledged.',
    ownHandover: 'The person handing over cannot acknowledge their own handover.',
    cannotTakeOver: 'This role cannot take over a shift.',
    ackOwnSession: 'The incoming person acknowledges signed in as themselves (switch person at this desk).',
  },
};
