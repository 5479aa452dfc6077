// Messages the shifts core produces (namespace `shifts`); the screens add their own strings to the namespace.
export const shiftsZhCN = {
  errors: {
    checklistEmpty: '清单至少要有一项。',
    checklistTooLong: '清单最多 30 项。',
    checklistDuplicate: '清单项目重复。',
    alreadyOnDuty: '您已在当班中，无需重复开班。',
    checkUnknown: '开班检查中没有这一项，请刷新后重试。',
    checkMissing: '请完成开班检查：“{{label}}”。',
    checkComment: '“{{label}}”未勾选，请说明情况。',
    notYourShift: '这不是您的班次。',
    ended: '该班次已结束。',
  },
};

export const shiftsEn: typeof shiftsZhCN = {
  errors: {
    checklistEmpty: 'A checklist needs at least one item.',
    checklistTooLong: 'A checklist has at most 30 items.',
    checklistDuplicate: 'The same item appears twice.',
    alreadyOnDuty: 'You are already on duty.',
    checkUnknown: 'This item is not on the opening check; please reload.',
    checkMissing: 'Please complete the opening check: “{{label}}”.',
    checkComment: '“{{label}}” is not ticked: please say what is wrong.',
    notYourShift: 'This is not your shift.',
    ended: 'This shift has ended.',
  },
};
