// Strings of callbacks / messages for tenants (namespace `callbacks`, with the core's own messages).
import { callbacksCoreEn, callbacksCoreZhCN } from '../../../../shared/i18n/callbacks';

const zhCN = {
  ...callbacksCoreZhCN,
  title: '留言 / 回电',
  add: '记录留言',
  withShortcut: '{{action}}（{{key}}）',
  shortcut: 'F7',
  none: '没有待办的留言',
  rule: '按规定不对外提供租户的联系方式：请记下对方的电话和留言，由前台联系租户。',
  field: {
    tenant: '给哪个租户',
    callerName: '留言人',
    callerPhone: '留言人电话',
    message: '留言内容',
    dueMinutes: '多少分钟内联系租户',
    owner: '负责人',
    note: '说明',
  },
  dueAt: '时限',
  due: '{{time}} 前',
  overdue: '已超时',
  dueIn: '还剩 {{minutes}} 分钟',
  source: { desk: '前台', visitor: '访客', phone: '来电' },
  outcome: {
    relayed: '已转告租户',
    tenantWillCall: '租户将回电',
    unreachable: '联系不上租户',
    tenantDeclined: '租户不便联系',
    other: '其他',
  },
  record: '登记结果',
  takeOver: '接手',
  mine: '我的',
  created: '已记录留言，{{time}} 前联系租户',
  contacts: '租户联系人',
  handover: {
    section: '待联系租户的留言',
    open: '{{caller}} 给 {{tenant}}（{{where}}）留言，请于 {{dueAt}} 前联系租户（负责人：{{owner}}）。{{message}}',
    overdue: '已超时：{{caller}} 给 {{tenant}}（{{where}}）留言，应于 {{dueAt}} 前联系租户（负责人：{{owner}}）。{{message}}',
  },
  diary: {
    section: '留言 / 回电',
    taken: '记录留言 {{count}} 条',
    closed: '办结 {{count}} 条',
    open: '待联系 {{count}} 条（已超时 {{overdue}} 条）',
    entryTaken: '{{caller}} 给 {{tenant}} 留言（$t(callbacks:source.{{source}})）',
    entryClosed: '给 {{tenant}} 的留言：$t(callbacks:outcome.{{outcome}})（{{by}}）',
  },
};

export type CallbacksMessages = typeof zhCN;

const en: CallbacksMessages = {
  ...callbacksCoreEn,
  title: 'Messages / callbacks',
  add: 'Take a message',
  withShortcut: '{{action}} ({{key}})',
  shortcut: 'F7',
  none: 'No open messages',
  rule: 'Tenants’ contact details are not given out: note the person’s number and message, and the desk contacts the tenant.',
  field: {
    tenant: 'For tenant',
    callerName: 'From',
    callerPhone: 'Their phone',
    message: 'Message',
    dueMinutes: 'Contact the tenant within (minutes)',
    owner: 'Owner',
    note: 'Note',
  },
  dueAt: 'Due',
  due: 'by {{time}}',
  overdue: 'Overdue',
  dueIn: '{{minutes}} min left',
  source: { desk: 'Desk', visitor: 'Visitor', phone: 'Call' },
  outcome: {
    relayed: 'Passed on to the tenant',
    tenantWillCall: 'Tenant will call back',
    unreachable: 'Tenant unreachable',
    tenantDeclined: 'Tenant declined',
    other: 'Other',
  },
  record: 'Record outcome',
  takeOver: 'Take over',
  mine: 'Mine',
  created: 'Message taken; contact the tenant by {{time}}',
  contacts: 'Tenant contacts',
  handover: {
    section: 'Messages for tenants still to pass on',
    open: 'Message from {{caller}} for {{tenant}} ({{where}}): contact the tenant by {{dueAt}} (owner: {{owner}}). {{message}}',
    overdue: 'Overdue: message from {{caller}} for {{tenant}} ({{where}}): the tenant was to be contacted by {{dueAt}} (owner: {{owner}}). {{message}}',
  },
  diary: {
    section: 'Messages / callbacks',
    taken: '{{count}} messages taken',
    closed: '{{count}} closed',
    open: '{{count}} still open ({{overdue}} overdue)',
    entryTaken: 'Message from {{caller}} for {{tenant}} ($t(callbacks:source.{{source}}))',
    entryClosed: 'Message for {{tenant}}: $t(callbacks:outcome.{{outcome}}) ({{by}})',
  },
};

export const callbacksMessages = { 'zh-CN': zhCN, en };
