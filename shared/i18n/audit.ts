// What the trail's check reports (namespace `audit`, keys `problem.<code>`, `notice.<code>`, `state.<state>`),
// for the verify command, the admin's audit page and the banner.
export const auditCoreZhCN = {
  state: {
    ok: '审计记录完整',
    broken: '审计记录校验未通过',
    unverified: '审计记录未能完全校验',
  },
  problem: {
    chain: {
      gap: '第 {{seq}} 条审计记录缺失（下一条是第 {{detail}} 条）：有记录被删除',
      link: '第 {{seq}} 条审计记录用本机安装密钥校验不通过：它被改动、插入，或在没有密钥的情况下被重新计算',
      payload: '第 {{seq}} 条审计记录的内容在脱敏之后又被改动（{{detail}}）',
      redaction: '第 {{seq}} 条审计记录的内容被清空，但没有对应的、经审计的脱敏记录',
      unreadable: '第 {{seq}} 条审计记录无法读取（内容已损坏）',
      term: '第 {{seq}} 条审计记录引用的操作、对象或操作人不在名称表中',
    },
    key: {
      epoch: '第 {{seq}} 条起改用密钥 {{detail}}，但没有记录密钥变更',
      unrecorded: '审计记录没有登记它是用哪把安装密钥写的',
    },
    anchors: {
      beyond: '锚点文件（{{detail}}）记录过第 {{seq}} 条，但审计记录中已经没有这一条：末尾的记录被截掉，或数据库被换回了旧副本',
      differs: '第 {{seq}} 条与锚点文件（{{detail}}）记录的不一致：审计记录被重写',
      missing: '数据库旁的锚点文件不见了',
      damaged: '锚点文件第 {{detail}} 行已损坏',
      unauthentic: '锚点文件第 {{detail}} 行（第 {{seq}} 条）不是用密钥写的，不可信',
      foreign: '锚点文件第 {{detail}} 行属于另一套安装',
    },
    backup: {
      beyond: '备份 {{detail}} 中有到第 {{seq}} 条的记录，而审计记录中已经没有：末尾的记录被截掉，或数据库被换回了旧副本',
      differs: '第 {{seq}} 条与备份 {{detail}} 中的不一致：其中之一被重写',
    },
    paper: {
      beyond: '纸面上记下的位置（{{detail}}）超出了审计记录的末尾',
      differs: '第 {{seq}} 条与纸面上记下的不一致',
    },
    table: {
      field: '{{table}} {{id}}：字段 {{field}} 与审计记录不符（最后一条是第 {{seq}} 条）',
      untracked: '{{table}} {{id}} 没有任何审计记录：它是绕过本系统写入的',
      missing: '{{table}} {{id}} 在审计记录中存在，但表中已经没有：它被删除了',
      inconsistent: '{{table}} {{id}}：第 {{seq}} 条与之前的记录接不上（{{field}}）',
    },
    content: {
      incident: '已签署的特殊事件 {{detail}}（{{id}}）的内容与其内容哈希不符',
      handover: '已签署的交接单 {{detail}}（{{id}}）的内容与其内容哈希不符',
      file: '事件附件 {{id}} 的内容与其 SHA-256 不符',
    },
    trigger: {
      missing: '保护触发器 {{detail}} 不见了',
      changed: '保护触发器 {{detail}} 与本系统的定义不同（被改动或被改成不起作用）',
      unexpected: '触发器 {{detail}} 不是本系统创建的',
    },
    alert: {
      open: '{{detail}} 发现了问题（第 {{seq}} 条），管理员尚未确认处理',
    },
    legacy: {
      broken: '旧格式的审计记录在第 {{seq}} 条处断开：{{detail}}',
    },
    file: {
      noTrail: '此文件中没有审计记录',
      unreadable: '此文件无法读取：{{detail}}',
    },
    check: {
      failed: '校验未能完成：{{detail}}',
    },
  },
  notice: {
    key: {
      missing: '这里没有安装密钥：未能校验记录的真实性',
      unavailable: '第 {{from}}–{{to}} 条是用安装密钥 {{detail}} 写的，本机没有这把密钥，因此未能校验（可用 lobby-desk key:import 导入）',
      different: '本机的安装密钥不是写这份审计记录的那把（{{detail}}）',
      changed: '安装密钥在第 {{from}} 条处更换为 {{detail}}：数据库被搬到了没有原密钥的电脑上',
    },
    anchors: {
      tornLine: '锚点文件最后一行不完整（写入时断电），已忽略',
      recreated: '锚点文件曾经丢失，从第 {{from}} 条起重新开始',
      restore: '在第 {{from}} 条处恢复了备份 {{detail}}；恢复之前记录的、更靠后的锚点已被取代',
    },
    legacy: {
      format: '此文件中的审计记录是旧的、没有密钥的格式（第 {{from}}–{{to}} 条）',
    },
  },
};

export const auditCoreEn: typeof auditCoreZhCN = {
  state: {
    ok: 'The audit trail is intact',
    broken: 'The audit trail failed its check',
    unverified: 'The audit trail could not be checked completely',
  },
  problem: {
    chain: {
      gap: 'entry #{{seq}} is missing (the next one is #{{detail}}): entries were deleted',
      link: 'entry #{{seq}} does not verify with the installation key: it was changed, inserted, or recomputed without the key',
      payload: "entry #{{seq}}'s content was changed after its redaction ({{detail}})",
      redaction: "entry #{{seq}}'s content was blanked without an audited redaction",
      unreadable: 'entry #{{seq}} cannot be read (its content is damaged)',
      term: 'entry #{{seq}} names a method, record type or person that is not in the term table',
    },
    key: {
      epoch: 'from entry #{{seq}} the trail uses key {{detail}} without a recorded key change',
      unrecorded: 'the trail does not record which installation key it was written with',
    },
    anchors: {
      beyond: 'the anchors file ({{detail}}) recorded entry #{{seq}}, which the trail no longer has: entries were cut off the end, or an older copy of the database was put back',
      differs: 'entry #{{seq}} differs from what the anchors file ({{detail}}) recorded: the trail was rewritten',
      missing: 'the anchors file beside the database is missing',
      damaged: 'line {{detail}} of the anchors file is damaged',
      unauthentic: 'line {{detail}} of the anchors file (entry #{{seq}}) was not written with the key',
      foreign: 'line {{detail}} of the anchors file belongs to another installation',
    },
    backup: {
      beyond: 'backup {{detail}} holds entries up to #{{seq}}, which the trail no longer has: entries were cut off, or an older copy was put back',
      differs: 'entry #{{seq}} differs from backup {{detail}}: one of them was rewritten',
    },
    paper: {
      beyond: 'the head written on paper ({{detail}}) is beyond the end of the trail',
      differs: 'entry #{{seq}} differs from the head written on paper',
    },
    table: {
      field: '{{table}} {{id}}: field {{field}} differs from the audit trail (last entry #{{seq}})',
      untracked: "{{table}} {{id}} has no audit trail: it was written behind the app's back",
      missing: '{{table}} {{id}} is in the audit trail but not in the table: it was deleted',
      inconsistent: '{{table}} {{id}}: entry #{{seq}} does not follow from the one before it ({{field}})',
    },
    content: {
      incident: 'signed incident {{detail}} ({{id}}): its content no longer matches its content hash',
      handover: 'signed handover {{detail}} ({{id}}): its content no longer matches its content hash',
      file: 'incident file {{id}}: its bytes do not match their SHA-256',
    },
    trigger: {
      missing: 'protective trigger {{detail}} is missing',
      changed: "protective trigger {{detail}} is not the app's definition (changed, or made a no-op)",
      unexpected: 'trigger {{detail}} is not one the app creates',
    },
    alert: {
      open: 'problems were found at {{detail}} (entry #{{seq}}) and an administrator has not acknowledged them yet',
    },
    legacy: {
      broken: 'the older-format trail is broken at entry #{{seq}}: {{detail}}',
    },
    file: {
      noTrail: 'this file holds no audit trail',
      unreadable: 'this file cannot be read: {{detail}}',
    },
    check: {
      failed: 'the check could not be completed: {{detail}}',
    },
  },
  notice: {
    key: {
      missing: "no installation key here: the entries' authenticity was not checked",
      unavailable: 'entries #{{from}}–#{{to}} were written with installation key {{detail}}, which is not here, so they were not checked (import it with lobby-desk key:import)',
      different: "this PC's installation key is not the one the trail was written with ({{detail}})",
      changed: 'the installation key changed at entry #{{from}} (to {{detail}}): the database was moved to a PC without its key',
    },
    anchors: {
      tornLine: 'the last line of the anchors file is incomplete (a power cut while it was written); ignored',
      recreated: 'the anchors file was started again at entry #{{from}} because it was missing',
      restore: 'backup {{detail}} was restored at entry #{{from}}; anchors from before it with later entries are superseded',
    },
    legacy: {
      format: 'this file holds the trail in its older, unkeyed form (entries #{{from}}–#{{to}})',
    },
  },
};
