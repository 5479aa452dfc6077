// Messages the records core produces (validation, refusals, OS notifications). Namespace `records`.
export const recordsZhCN = {
  channel: { walk_in: '上门', phone: '致电', online: '网上', relayed: '其它岗位' },
  type: { complaint: '投诉', repair: '报修', inquiry: '咨询', suggestion: '建议', move_in: '入伙', renovation: '装修', other: '其他' },
  status: { open: '处理中', forwarded: '已转部门', resolved: '已办结', unresolvable: '无法处理' },
  field: {
    date: '请输入有效日期（年-月-日）。',
    channel: '请选择接待渠道。',
    type: '请选择类别。',
    department: '“{{name}}”不在责任部门列表中。',
    aboutOnlyComplaints: '只有投诉可以指明被投诉的员工。',
    aboutStaff: '找不到被投诉的员工。',
    receivedInFuture: '接待时间不能晚于现在。',
    receivedTooEarly: '接待时间最多只能补记 7 天以内。',
    relayedBy: '其它岗位转来的，请填写转告人。',
    relayedOnlyRelayed: '只有其它岗位转来的事项才有转告人。',
    repairOnlyRepairs: '只有报修事项才有维修信息。',
    tenant: '客户档案中找不到该业主 / 租户。',
  },
  settings: {
    departmentsRequired: '至少需要一个责任部门。',
    managerAfterSupervisor: '转经理的天数必须多于转客服主管的天数。',
    departmentTwice: '部门“{{name}}”重复了。',
    holidayAndMakeUp: '{{date}} 不能既是节假日又是调休上班日。',
  },
  item: {
    notFound: '找不到该接待记录。',
    nothingChanged: '没有需要保存的修改。',
    alreadyWithDepartment: '该事项已在此部门处理中。',
  },
  auth: {
    subject: '您是此投诉的被投诉人，只能查看，不能修改、转交、办结或关闭。',
    notTheirDepartment: '该事项不在您的部门。',
    owner: {
      desk: '此事项现由前台接待员负责，处理结果由前台记录。',
      supervisor: '此事项已超过期限，转由客服主管负责，处理结果由客服主管记录。',
      manager: '此事项已超过一周，转由物业经理负责，处理结果由经理记录。',
    },
    managerOnly: '只有物业经理可以将事项以“无法处理”关闭。',
  },
  state: {
    closed: '该事项已办结或已关闭。',
    notForwarded: '该事项尚未转交责任部门。',
    notRepair: '该事项不是报修。',
    noFollowUpDue: '该事项目前没有待做的回访。',
    alreadyAudited: '该记录已审核过。',
  },
  followUp: {
    noteRequired: '业主不满意时，请写明原因。',
  },
  review: {
    notMonday: '周审核按周一开始的一周进行，请选择周一。',
    weekNotOver: '这一周还没有结束，结束后才能签字。',
    alreadySigned: '这一周的审核已签字。',
  },
  notice: {
    title: '接待记录提醒',
    warn_supervisor: '{{number}} 即将超过 2 天未办结，届时转客服主管负责。',
    escalate_supervisor: '{{number}} 超过期限未办结，已转客服主管负责。',
    warn_manager: '{{number}} 即将超过一周未办结，届时转物业经理负责。',
    escalate_manager: '{{number}} 超过一周未办结，已转物业经理负责。',
    warn_answer: '投诉 {{number}} 即将超过 24 小时未答复。',
    breach_answer: '投诉 {{number}} 超过 24 小时未解决或答复。',
    follow_up_overdue: '{{number}} 的回访已到期。',
  },
};

export type RecordsMessages = typeof recordsZhCN;

export const recordsEn: RecordsMessages = {
  channel: { walk_in: 'Walk-in', phone: 'Phone', online: 'Online', relayed: 'Another post' },
  type: { complaint: 'Complaint', repair: 'Repair', inquiry: 'Inquiry', suggestion: 'Suggestion', move_in: 'Move-in', renovation: 'Renovation', other: 'Other' },
  status: { open: 'Open', forwarded: 'With department', resolved: 'Resolved', unresolvable: 'Unresolvable' },
  field: {
    date: 'Please enter a valid date (year-month-day).',
    channel: 'Please choose how the owner reached us.',
    type: 'Please choose a type.',
    department: '“{{name}}” is not one of the responsible departments.',
    aboutOnlyComplaints: 'Only a complaint can name the member of staff it is about.',
    aboutStaff: 'The member of staff named was not found.',
    receivedInFuture: 'The time received cannot be later than now.',
    receivedTooEarly: 'An item can be entered late by at most 7 days.',
    relayedBy: 'Relayed by another post: please say who relayed it.',
    relayedOnlyRelayed: 'Only items relayed by another post have a relayer.',
    repairOnlyRepairs: 'Only repairs have repair details.',
    tenant: 'That owner / tenant is not in the directory.',
  },
  settings: {
    departmentsRequired: 'At least one responsible department is needed.',
    managerAfterSupervisor: 'The manager’s step must come later than the supervisor’s.',
    departmentTwice: 'Department “{{name}}” is listed twice.',
    holidayAndMakeUp: '{{date}} cannot be both a holiday and a make-up working day.',
  },
  item: {
    notFound: 'That record item was not found.',
    nothingChanged: 'There is nothing to save.',
    alreadyWithDepartment: 'The item is already with that department.',
  },
  auth: {
    subject: 'This complaint is about you: you can read it but not change, forward, resolve or close it.',
    notTheirDepartment: 'This item is not with your department.',
    owner: {
      desk: 'The desk owns this item; a receptionist records its result.',
      supervisor: 'This item is past its deadline and owned by the customer-service supervisor, who records its result.',
      manager: 'This item is over a week old and owned by the manager, who records its result.',
    },
    managerOnly: 'Only the property manager may close an item as unresolvable.',
  },
  state: {
    closed: 'The item is already resolved or closed.',
    notForwarded: 'The item has not been forwarded to a department.',
    notRepair: 'The item is not a repair.',
    noFollowUpDue: 'No follow-up visit is due for this item.',
    alreadyAudited: 'The entry has already been audited.',
  },
  followUp: {
    noteRequired: 'When the owner is not satisfied, please note why.',
  },
  review: {
    notMonday: 'A weekly review starts on a Monday; please choose a Monday.',
    weekNotOver: 'The week is not over yet; it can be signed afterwards.',
    alreadySigned: 'This week’s review is already signed.',
  },
  notice: {
    title: 'Reception record',
    warn_supervisor: '{{number}} will soon be 2 days open and pass to the customer-service supervisor.',
    escalate_supervisor: '{{number}} is past its deadline and now owned by the customer-service supervisor.',
    warn_manager: '{{number}} will soon be a week open and pass to the manager.',
    escalate_manager: '{{number}} is over a week open and now owned by the manager.',
    warn_answer: 'Complaint {{number}} will soon be 24 hours without an answer.',
    breach_answer: 'Complaint {{number}} was not resolved or answered within 24 hours.',
    follow_up_overdue: 'The follow-up visit for {{number}} is due.',
  },
};
