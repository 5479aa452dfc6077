// Every line the features put on the handover, and every diary item, renders in Chinese and in English as the
// screens render it (the renderer's own i18n resources and parameter rules), with no missing key.
import { afterEach, describe, expect, it } from 'vitest';
import i18next, { type i18n as I18n } from 'i18next';
import { as, createDesk, type TestDesk } from '../../support/core';
import { seedDirectory } from '../../support/visitors';
import { incidentDraft, startShift } from '../../support/shift';
import { sharedMessages } from '../../../shared/i18n';
import { commonEn, commonZhCN } from '../../../renderer/src/i18n/common';
import { featureMessages } from '../../../renderer/src/app/catalogues';
import { localizeParams } from '../../../renderer/src/ui/line-params';
import type { LineParams } from '../../../shared/contract/shifts';
import { DEFAULT_VISITOR_SETTINGS } from '../../../shared/contract/visitors';

type Namespaces = Record<string, Record<string, unknown>>;

/** An i18next like the screen's (namespaces merged per feature), without fallback, recording missing keys. */
function screenI18n(lang: 'zh-CN' | 'en', missing: string[]): I18n {
  const merged: Namespaces = {};
  for (const source of [sharedMessages[lang] as Namespaces, { common: lang === 'en' ? commonEn : commonZhCN }, featureMessages[lang] as Namespaces]) {
    for (const [ns, messages] of Object.entries(source)) merged[ns] = { ...merged[ns], ...messages };
  }
  const instance = i18next.createInstance();
  void instance.init({
    resources: { [lang]: merged },
    lng: lang,
    fallbackLng: false,
    initAsync: false,
    saveMissing: true,
    missingKeyHandler: (_lngs, ns, key) => missing.push(`${lang} ${ns}:${key}`),
    interpolation: { escapeValue: false },
  });
  return instance;
}

const TZ = 'Asia/Shanghai';
let desk: TestDesk;
afterEach(() => desk?.close());

describe('handover lines and diary items in both languages', () => {
  it('S-1 S-2 every kind a feature can produce exists in zh-CN and en', () => {
    const kinds = [
      ...['stillIn', 'stillInNoHost', 'overstay', 'overstayNoHost', 'passOut', 'passAndBadgeOut'].map((k) => `visitors:handover.${k}`),
      'callbacks:handover.open',
      'callbacks:handover.overdue',
      ...['open', 'overdue', 'openFor', 'overdueFor'].map((k) => `callbacks:handover.callBack.${k}`),
      ...['supervisor', 'manager', 'answer', 'followUp'].map((step) => `records:handover.soon.${step}`),
      ...['supervisor', 'manager', 'answer', 'followUp', 'escalated'].map((step) => `records:handover.overdue.${step}`),
      'notices:handover.until',
      'notices:handover.openEnded',
      ...['section', 'registered', 'confirmed', 'checkedIn', 'signedOut', 'stillIn', 'entryDeclined', 'entryWatchAdmitted'].map((k) => `visitors:diary.${k}`),
      ...['section', 'calls', 'answered', 'missed', 'withinTarget', 'withinTargetNone', 'entryMissed'].map((k) => `calls:diary.${k}`),
      ...['section', 'taken', 'closed', 'open', 'entryTaken', 'entryClosed'].map((k) => `callbacks:diary.${k}`),
      ...['entryTakenCallBack', 'entryTakenCallBackFor', 'entryClosedCallBack', 'entryClosedCallBackFor'].map((k) => `callbacks:diary.${k}`),
      ...['section', 'opened', 'closed', 'stillOpen', 'entryOpened', 'entryResolved', 'entryUnresolvable'].map((k) => `records:diary.${k}`),
      ...['visitors', 'callbacks', 'records', 'notices'].map((ns) => `${ns}:handover.section`),
    ];
    for (const lang of ['zh-CN', 'en'] as const) {
      const i18n = screenI18n(lang, []);
      expect(kinds.filter((k) => !i18n.exists(k)).map((k) => `${lang} ${k}`)).toEqual([]);
    }
  });

  it('S-1 S-2 V-3 V-4 R-4 the lines and diary of a busy shift render in both languages with no missing key and no raw parameter', async () => {
    desk = await createDesk();
    const dir = await seedDirectory(desk);
    await desk.core.invoke(as(desk.admin.token), 'visitors.updateSettings', { ...DEFAULT_VISITOR_SETTINGS, overstayMinutes: 60 });
    const lee = await desk.person('receptionist', '李前台', '1357');
    const byLee = as(lee.token);
    await startShift(desk, lee.token);
    const now = desk.clock.now();
    await desk.core.invoke(byLee, 'visitors.register', { visitorName: '张三丰', mobile: '13812345678', tenantId: dir.huaxin.id, hostName: '王经理', purpose: '商务拜访', badgeNumber: 'A-07' });
    desk.clock.advance(61 * 60_000);
    await desk.core.invoke(byLee, 'visitors.register', { visitorName: 'John Smith', mobile: '13900001111', tenantId: dir.lawyers.id, purpose: '面试' });
    await desk.core.invoke(byLee, 'callbacks.create', { tenantId: dir.huaxin.id, callerName: '刘先生', callerPhone: '13711112222', message: '请回电', dueAt: now });
    await desk.core.invoke(byLee, 'callbacks.create', { tenantId: dir.lawyers.id, callerName: '陈女士', callerPhone: '0755-88889999', source: 'phone' });
    await desk.core.invoke(byLee, 'records.create', { channel: 'walk_in', type: 'complaint', ownerName: '欧阳先生', unit: '5-0802', matter: '楼上装修噪音', receivedAt: now - 20 * 3_600_000 });
    await desk.core.invoke(byLee, 'notices.create', { title: '本周六停水检修', titleEn: 'No water on Saturday', public: true, activeUntil: now + 86_400_000 });
    await desk.core.invoke(byLee, 'notices.create', { title: '3 号电梯维保停用', target: 'building', targetValue: '3 栋' });
    await desk.core.invoke(byLee, 'keys.lend', { kind: 'key', item: '3F 机房钥匙', itemCode: 'K-301', borrower: '张师傅', borrowerUnit: '工程部' });
    await desk.core.invoke(byLee, 'incidents.create', incidentDraft(desk));
    await desk.core.invoke(byLee, 'calls.ring', {});
    desk.clock.advance(4_000);
    await desk.core.invoke(byLee, 'calls.answer', {});
    // Missed calls: one from a number the directory does not know, one from a tenant's contact (call backs, P-1);
    // the first is called back during the shift.
    await desk.core.invoke(byLee, 'calls.ring', {});
    desk.clock.advance(20_000);
    const unknownCaller = await desk.core.invoke(byLee, 'calls.giveUp', { callerNumber: '13999999999' });
    await desk.core.invoke(byLee, 'calls.ring', {});
    desk.clock.advance(20_000);
    await desk.core.invoke(byLee, 'calls.giveUp', { callerNumber: '13800138000' });
    await desk.core.invoke(byLee, 'callbacks.recordOutcome', { id: unknownCaller.callbackId!, outcome: 'calledBack' });
    await desk.core.invoke(byLee, 'calls.ring', {});
    desk.clock.advance(20_000);
    await desk.core.invoke(byLee, 'calls.giveUp', { callerNumber: '010-87654321' });

    const handover = await desk.core.invoke(byLee, 'handover.prepare', {});
    const diary = (await desk.core.invoke(byLee, 'shifts.diary', {}))!;
    const items: Array<{ kind: string; params: LineParams }> = [
      ...handover.lines,
      ...handover.lines.map((l) => ({ kind: l.sectionTitle, params: {} })),
      ...diary.sections.flatMap((s) => [{ kind: s.title, params: {} }, ...s.figures, ...s.entries]),
    ];
    expect(new Set(handover.lines.map((l) => l.section))).toEqual(new Set(['checklist', 'visitors', 'callbacks', 'keys', 'incidents', 'records', 'notices']));

    const missing: string[] = [];
    const render = { 'zh-CN': screenI18n('zh-CN', missing), en: screenI18n('en', missing) };
    const text = (lang: 'zh-CN' | 'en', item: { kind: string; params: LineParams }) => render[lang].t(item.kind, localizeParams(item.params, lang, TZ));
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const item of items) {
        const out = text(lang, item);
        expect(out, `${lang} ${item.kind}`).not.toMatch(/\{\{|\$t\(|undefined|null/);
      }
    }
    expect(missing).toEqual([]);

    const line = (key: string) => handover.lines.find((l) => l.key.startsWith(key))!;
    expect(text('zh-CN', line('visit:'))).toMatch(/^停留超时：张\*\*（1 人）拜访 华信科技（12F 1201）王经理，2026-11-27 \d\d:\d\d 入楼，访客证 1127-001$/);
    expect(text('en', line('visit:'))).toMatch(/^Overstaying: 张\*\* \(party of 1\) visiting 华信科技 \(12F 1201\) 王经理, in since 2026-11-27 \d\d:\d\d, pass 1127-001$/);
    expect(text('en', line('record:'))).toBe(`${line('record:').params.number} Complaint, 5-0802 欧***: 楼上装修噪音 — the complaint must be answered by ${localizeParams(line('record:').params, 'en', TZ).dueAt}`);
    const water = handover.lines.find((l) => l.params.titleEn === 'No water on Saturday')!;
    expect(text('en', water)).toBe(`[Public] “No water on Saturday” for everyone, until ${localizeParams(water.params, 'en', TZ).untilAt}`);
    expect(text('zh-CN', water)).toBe(`【公开】「本周六停水检修」，对象：全体，有效至 ${localizeParams(water.params, 'zh-CN', TZ).untilAt}`);
    const notices = handover.lines.filter((l) => l.section === 'notices').map((l) => text('en', l));
    expect(notices).toContain('[Internal] “3 号电梯维保停用” for building 3 栋, no end date');
    const calls = diary.sections.find((s) => s.key === 'calls')!;
    expect(calls.figures.map((f) => text('zh-CN', f))).toEqual(['来电 4 通', '接听 1 通', '未接 3 通', '3 声内接听 1/4（25%）']);
    // Call backs (P-1): without a tenant an unknown caller in the screen's language; with one, the tenant.
    const callBacks = handover.lines.filter((l) => l.kind.startsWith('callbacks:handover.callBack.'));
    expect(callBacks.map((l) => text('zh-CN', l))).toEqual([
      expect.stringMatching(/^待回电：王\*\*（华信科技，12F 1201），请于 .+ 前回电（负责人：李前台）。.+来电未接，请回电。$/),
      expect.stringMatching(/^待回电：未知来电人，请于 .+ 前回电（负责人：李前台）。/),
    ]);
    expect(text('en', callBacks[1]!)).toMatch(/^Call back Unknown caller by .+ \(owner: 李前台\)\./);
    const entries = diary.sections.find((s) => s.key === 'callbacks')!.entries.filter((e) => e.kind.includes('CallBack'));
    expect(entries.map((e) => text('en', e))).toEqual([
      'To call back: Unknown caller (Call)',
      'To call back: 王** (华信科技, Call)',
      'Call back to Unknown caller: Called back (李前台)',
      'To call back: Unknown caller (Call)',
    ]);
  });
});
