// Messages the phone desk's core and contract produce (namespace `calls`), zh-CN and en. The lobby's own strings
// live in renderer/src/features/calls/i18n.ts, which merges these in (one namespace per feature).
export const callsSharedZhCN = {
  field: {
    day: '日期无效（格式为 年-月-日）。',
    outcome: '请选择处理结果。',
    step: '未知的通话步骤。',
    tenant: '客户档案中找不到该客户。',
  },
  hotkey: {
    empty: '请设置快捷键。',
    unknownModifier: '不支持的修饰键（可用 Ctrl、Alt、Shift、Super）。',
    unknownKey: '无法识别的按键（可用字母、数字、F1–F24、方向键等）。',
    duplicateModifier: '修饰键重复。',
    noKey: '快捷键需要一个主键，不能只有修饰键。',
    twoKeys: '快捷键只能有一个主键。',
    needsModifier: '字母、数字等按键须配合 Ctrl、Alt 或 Super 使用（功能键 F1–F24 可单独使用）。',
    reserved: '该按键已被系统或前台其他功能占用（如 F1–F8、F10–F12、Alt+F4、Ctrl+C），请换一个。',
  },
  error: {
    notRinging: '没有正在响铃的来电。',
    notAnswered: '该来电尚未接听。',
    stillRinging: '来电仍在响铃，请先接听或标记为未接。',
    tooManyLines: '同时响铃的线路已达上限（{{max}} 条）。',
    rangeReversed: '开始日期不能晚于结束日期。',
    rangeTooLong: '查询范围最多 {{days}} 天。',
    alreadyLinked: '该来电已关联其他记录。',
    notYours: '已保存的通话记录只能由接听人、保存人或主管修改。',
    giveUpTooSoon: '自动记为未接的时间不能短于达标时限（{{seconds}} 秒）。',
    notSaved: '请先保存通话记录（或在通话中留言）。',
  },
  missed: {
    callbackMessage: '{{time}} 来电未接，请回电。',
  },
};

export type CallsSharedMessages = typeof callsSharedZhCN;

export const callsSharedEn: CallsSharedMessages = {
  field: {
    day: 'Invalid date (use year-month-day).',
    outcome: 'Please choose an outcome.',
    step: 'Unknown call-script step.',
    tenant: 'That tenant is not in the directory.',
  },
  hotkey: {
    empty: 'Please set a hotkey.',
    unknownModifier: 'Unsupported modifier (use Ctrl, Alt, Shift or Super).',
    unknownKey: 'Unknown key (letters, digits, F1–F24, arrows and the like).',
    duplicateModifier: 'A modifier appears twice.',
    noKey: 'A hotkey needs a main key, not only modifiers.',
    twoKeys: 'A hotkey has only one main key.',
    needsModifier: 'Letters, digits and similar keys need Ctrl, Alt or Super (F1–F24 may stand alone).',
    reserved: 'That key is taken by the system or another desk function (F1–F8, F10–F12, Alt+F4, Ctrl+C …); choose another.',
  },
  error: {
    notRinging: 'No call is ringing.',
    notAnswered: 'That call has not been answered.',
    stillRinging: 'The call is still ringing: answer it or mark it missed first.',
    tooManyLines: 'Already {{max}} lines ringing at once.',
    rangeReversed: 'The start date cannot be after the end date.',
    rangeTooLong: 'At most {{days}} days at a time.',
    alreadyLinked: 'This call is already linked to another record.',
    notYours: 'A saved call record can be changed only by who answered or saved it, or by a supervisor.',
    giveUpTooSoon: 'An unanswered ring cannot be closed as missed before the target time ({{seconds}} s).',
    notSaved: 'Save the call record first (or take the message during the call).',
  },
  missed: {
    callbackMessage: 'Missed call at {{time}}: please call back.',
  },
};
