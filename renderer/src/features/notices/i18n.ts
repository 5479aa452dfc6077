// Strings of notices (namespace `notices`, with the core's own messages).
import { noticesCoreEn, noticesCoreZhCN } from '../../../../shared/i18n/notices';

const zhCN = {
  ...noticesCoreZhCN,
  title: '通知公告',
  lobbyTitle: '当前通知',
  none: '暂无通知',
  add: '发布通知',
  edit: '修改',
  withdraw: '撤下',
  withdrawConfirm: '撤下后不能再修改，确定撤下？',
  includeEnded: '含已结束和已撤下',
  field: {
    title: '标题',
    titleEn: '英文标题',
    body: '内容',
    bodyEn: '英文内容',
    public: '在访客屏显示（公开）',
    target: '通知对象',
    targetValue: '楼栋 / 房号',
    period: '有效期',
  },
  target: { all: '全体', building: '楼栋', unit: '单元 / 房号' },
  state: { current: '生效中', upcoming: '未开始', ended: '已结束', withdrawn: '已撤下' },
  public: '公开',
  internal: '内部',
  until: '至 {{time}}',
  untilOpen: '长期',
  handover: {
    section: '有效通知',
    until: '$t(notices:handover.visibility.{{public}})「{{title}}」，对象：$t(notices:handover.for.{{target}})，有效至 {{untilAt}}',
    openEnded: '$t(notices:handover.visibility.{{public}})「{{title}}」，对象：$t(notices:handover.for.{{target}})，长期有效',
    visibility: { true: '【公开】', false: '【内部】' },
    for: { all: '全体', building: '{{targetValue}}', unit: '{{targetValue}}' },
  },
};

export type NoticesMessages = typeof zhCN;

const en: NoticesMessages = {
  ...noticesCoreEn,
  title: 'Notices',
  lobbyTitle: 'Current notices',
  none: 'No notices',
  add: 'Publish notice',
  edit: 'Edit',
  withdraw: 'Withdraw',
  withdrawConfirm: 'A withdrawn notice cannot be changed again. Withdraw it?',
  includeEnded: 'Include ended and withdrawn',
  field: {
    title: 'Title',
    titleEn: 'English title',
    body: 'Text',
    bodyEn: 'English text',
    public: 'Show on the visitor screen (public)',
    target: 'For',
    targetValue: 'Building / unit',
    period: 'Valid',
  },
  target: { all: 'Everyone', building: 'Building', unit: 'Unit' },
  state: { current: 'Current', upcoming: 'Upcoming', ended: 'Ended', withdrawn: 'Withdrawn' },
  public: 'Public',
  internal: 'Internal',
  until: 'until {{time}}',
  untilOpen: 'no end',
  handover: {
    section: 'Notices in force',
    until: '$t(notices:handover.visibility.{{public}}) “{{title}}” for $t(notices:handover.for.{{target}}), until {{untilAt}}',
    openEnded: '$t(notices:handover.visibility.{{public}}) “{{title}}” for $t(notices:handover.for.{{target}}), no end date',
    visibility: { true: '[Public]', false: '[Internal]' },
    for: { all: 'everyone', building: 'building {{targetValue}}', unit: 'unit {{targetValue}}' },
  },
};

export const noticesMessages = { 'zh-CN': zhCN, en };
