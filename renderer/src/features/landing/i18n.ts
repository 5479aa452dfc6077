// "My work": what each role finds first on the lobby after signing in.
const zhCN = {
  title: '我的工作',
  audit: {
    title: '今日审核',
    pending: '待审核 {{count}} 条',
    none: '没有待审核的记录。',
    day: '{{day}}：{{count}} 条',
    open: '去审核',
  },
  owned: {
    supervisor: '我负责的事项（已升至主管）',
    manager: '我负责的事项（已升至经理）',
    none: '没有升至您这一级的事项。',
  },
  escalations: {
    title: '超期与临近到期',
    none: '没有超期或 24 小时内到期的事项。',
  },
  review: {
    title: '周审核',
    due: '上周（{{week}} 起）的接待记录待您审核签字。',
    notDue: '本周没有待签字的周审核。',
    open: '去周审核',
  },
  forwarded: {
    title: '转给{{department}}的事项',
    titleAny: '转给本部门的事项',
    none: '没有转给本部门、尚未办结的事项。',
    noDepartment: '您的账号还没有指定部门，请管理员在「管理 → 人员与岗位」中选择。',
  },
  more: '另有 {{count}} 条',
};

const en: typeof zhCN = {
  title: 'My work',
  audit: {
    title: 'Today’s audit',
    pending: '{{count}} entries to audit',
    none: 'Nothing waits for the audit.',
    day: '{{day}}: {{count}}',
    open: 'Audit now',
  },
  owned: {
    supervisor: 'Items I own (escalated to the supervisor)',
    manager: 'Items I own (escalated to the manager)',
    none: 'No item is escalated to you.',
  },
  escalations: {
    title: 'Overdue and due within 24 h',
    none: 'Nothing is overdue or due within 24 hours.',
  },
  review: {
    title: 'Weekly review',
    due: 'Last week’s record (from {{week}}) waits for your review and signature.',
    notDue: 'No weekly review waits for your signature.',
    open: 'Open the review',
  },
  forwarded: {
    title: 'Items forwarded to {{department}}',
    titleAny: 'Items forwarded to my department',
    none: 'Nothing forwarded to this department is open.',
    noDepartment: 'Your account has no department yet: an administrator chooses it under Admin → People and roles.',
  },
  more: '{{count}} more',
};

export const landingMessages = { 'zh-CN': zhCN, en };
