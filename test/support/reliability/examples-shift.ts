// Examples for the shift's records: incidents (drafted, corrected, signed with the author's own PIN, amended,
// reviewed, with photos), the key register (lent, returned), shifts (the opening check, the diary, a lead closing
// a shift) and the handover (prepared, every line marked, signed, acknowledged by the incoming guard).
import { ATTACHMENTS_PER_INCIDENT, INCIDENT_CATEGORIES } from '../../../shared/contract/incidents';
import { LOAN_KINDS } from '../../../shared/contract/keys';
import { DEFAULT_SHIFT_SETTINGS } from '../../../main/core/shifts/settings';
import { DEFAULT_HANDOVER_SETTINGS } from '../../../main/core/handover/settings';
import { idOf, personWith, type EarlierCall, type Example, type ExampleEnv } from './example-env';
import { byId } from './examples-visitors';

type Incident = { id: string; state: string; author: { id: string } };
type Summary = Incident & { attachments: number };
type Handover = { id: string; state: string; lines: Array<{ id: string; ticked: boolean; comment: string }> };

const DRAFTS = ['incidents.create', 'incidents.update'];
const SIGNED = ['incidents.sign', 'incidents.amend', 'incidents.review'];
const incidentOf = (c: EarlierCall) => c.output as Incident;

/** A PNG of one pixel (the type is checked by its first bytes). */
const PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function incidentDraft(env: ExampleEnv) {
  return {
    occurredAt: env.now() - env.rng.int(1, 90) * 60_000,
    place: env.rng.pick(['大堂入口', '地下车库 B2', '3 号电梯厅', '东侧消防通道']),
    peoplePresent: `${personWith(env.rng, '')}（保安）、${personWith(env.rng, '')}（访客）`,
    course: `访客与快递员因停车发生争执，值班保安到场劝解 ${env.marker}`,
    outcome: '双方已离开，未造成损失',
    category: env.rng.pick(INCIDENT_CATEGORIES),
    needsFollowUp: env.rng.chance(0.3),
  };
}

/** The caller's handover draft as the screen shows it, or null without one. */
async function ownDraft(env: ExampleEnv): Promise<Handover | null> {
  const current = await env.query<{ handover: Handover | null }>('handover.current', {});
  return current?.handover?.state === 'draft' ? current.handover : null;
}

/** An opening check of the given template's items (labels carry the marker where the admin changed them). */
function checklist(items: ReadonlyArray<{ key: string; label: string; labelEn: string }>, marker: string) {
  return items.map((item, index) => ({ key: item.key, label: index === 0 ? `${item.label} ${marker}` : item.label, labelEn: item.labelEn }));
}

export const shiftWriteExamples: Record<string, Example> = {
  'incidents.create': { as: 'security', make: (env) => incidentDraft(env) },
  'incidents.update': {
    as: 'security',
    needs: ['incidents.create'],
    make: (env) => {
      // Only its author changes a draft.
      const id = idOf(env.take(DRAFTS, (c) => env.mine(c) && incidentOf(c).state === 'draft'));
      return id ? { ...incidentDraft(env), id } : null;
    },
  },
  'incidents.addAttachment': {
    as: 'security',
    needs: ['incidents.create'],
    make: async (env) => {
      // From the list the screen shows: one's own draft, or any signed incident, with room for another file.
      const found = await env.query<{ incidents: Summary[] }>('incidents.search', { limit: 200 });
      const room = (found?.incidents ?? []).filter(
        (i) => i.attachments < ATTACHMENTS_PER_INCIDENT - 1 && (i.state !== 'draft' || i.author.id === env.caller.userId),
      );
      if (room.length === 0) return null;
      const incident = env.rng.pick(room);
      // A note goes with a file added to a signed incident (its amendment); the screen sends none for a draft.
      const note = incident.state === 'draft' ? '' : `补充现场照片 ${env.marker}`;
      return { incidentId: incident.id, name: `现场照片-${env.marker}.png`, mime: 'image/png', dataBase64: PIXEL_PNG, note };
    },
  },
  'incidents.withdrawAttachment': {
    as: 'security',
    needs: ['incidents.addAttachment'],
    make: (env) => {
      // A file on a draft (a signed incident's files stay): taken, so it is withdrawn once.
      const id = idOf(env.take('incidents.addAttachment', (c) => env.mine(c) && (c.output as { amendmentId: string | null }).amendmentId === null));
      return id ? { id } : null;
    },
  },
  'incidents.sign': {
    as: 'security',
    needs: ['incidents.create'],
    make: (env) => {
      const id = idOf(env.take(DRAFTS, (c) => env.mine(c) && incidentOf(c).state === 'draft'));
      return id && env.caller.pin ? { id, pin: env.caller.pin } : null;
    },
  },
  'incidents.amend': {
    as: 'security',
    needs: ['incidents.sign'],
    make: (env) => {
      const incident = env.peek(SIGNED)?.output as Incident | undefined;
      if (!incident) return null;
      const closes = incident.state === 'open' && env.rng.chance(0.3);
      return { id: incident.id, text: `后续：已报警处理 ${env.marker}`, closesFollowUp: closes };
    },
  },
  'incidents.review': {
    as: 'supervisor',
    needs: ['incidents.sign'],
    make: (env) => {
      const id = idOf(env.peek(SIGNED));
      return id ? { id, note: `已阅 ${env.marker}` } : null;
    },
  },

  'keys.lend': {
    as: 'security',
    make: (env) => ({
      kind: env.rng.pick(LOAN_KINDS),
      item: env.rng.pick(['设备间钥匙', '会议室门卡', '人字梯', '对讲机', '天台钥匙']),
      itemCode: `K-${env.rng.int(1, 60)}`,
      borrower: personWith(env.rng, ''),
      borrowerUnit: env.rng.pick(['工程部', '保洁', '1203 室', '华信科技']),
      expectedBackAt: env.rng.chance(0.7) ? env.now() + env.rng.int(1, 8) * 3600_000 : null,
      note: env.marker,
    }),
  },
  'keys.return': {
    as: 'security',
    needs: ['keys.lend'],
    make: (env) => {
      const id = idOf(env.take('keys.lend'));
      return id ? { id, note: `完好归还 ${env.marker}` } : null;
    },
  },

  'shifts.updateSettings': { make: (env) => ({ openingCheck: checklist(DEFAULT_SHIFT_SETTINGS.openingCheck, env.marker) }) },
  'shifts.start': {
    as: 'receptionist',
    make: async (env) => {
      // As the sign-in screen does: the caller is not on duty yet, and answers the opening check it shows.
      const current = await env.query<{ shift: unknown; openingCheck: Array<{ key: string }> }>('shifts.current', {});
      if (!current || current.shift !== null) return null;
      const faulty = env.rng.chance(0.2) ? env.rng.int(0, current.openingCheck.length - 1) : -1;
      return {
        checks: current.openingCheck.map((item, index) =>
          index === faulty ? { key: item.key, ok: false, comment: `打印机缺纸 ${env.marker}` } : { key: item.key, ok: true, comment: '' },
        ),
      };
    },
  },
  'shifts.saveDiary': {
    as: 'receptionist',
    needs: ['shifts.start'],
    make: async (env) => {
      const current = await env.query<{ shift: { id: string } | null }>('shifts.current', {});
      return current?.shift ? { shiftId: current.shift.id, text: `14:00 消防演练通知已张贴 ${env.marker}` } : null;
    },
  },
  'shifts.close': {
    as: 'supervisor',
    needs: ['shifts.start'],
    make: async (env) => {
      // A shift left open, from the list a supervisor sees; each closed once.
      const list = await env.query<{ shifts: Array<{ id: string; endedAt: number | null }> }>('shifts.list', {});
      const open = (list?.shifts ?? []).find((s) => s.endedAt === null && env.claim(`shifts.close:${s.id}`));
      return open ? { shiftId: open.id, reason: `当班人员身体不适提前离岗 ${env.marker}` } : null;
    },
  },

  'handover.updateSettings': { make: (env) => ({ template: checklist(DEFAULT_HANDOVER_SETTINGS.template, env.marker) }) },
  'handover.prepare': {
    as: 'receptionist',
    needs: ['shifts.start'],
    make: async (env) => {
      const current = await env.query<{ shift: unknown }>('handover.current', {});
      return current?.shift ? {} : null;
    },
  },
  'handover.saveNotes': {
    as: 'receptionist',
    needs: ['handover.prepare'],
    make: async (env) => {
      const draft = await ownDraft(env);
      return draft ? { id: draft.id, notes: `夜间有施工队进场，已登记 ${env.marker}` } : null;
    },
  },
  'handover.mark': {
    as: 'receptionist',
    needs: ['handover.prepare'],
    make: async (env) => {
      const draft = await ownDraft(env);
      const line = draft?.lines.find((l) => !l.ticked && l.comment === '') ?? draft?.lines.find((l) => !l.ticked);
      return draft && line ? { id: draft.id, lineId: line.id, ticked: true, comment: env.marker } : null;
    },
  },
  'handover.sign': {
    as: 'receptionist',
    // Every line ticked or commented first: one line per call of handover.mark (which prepares the draft).
    needs: ['handover.mark'],
    attempts: 400,
    make: async (env) => {
      const draft = await ownDraft(env);
      if (!draft || !env.caller.pin || draft.lines.some((l) => !l.ticked && l.comment === '')) return null;
      return { id: draft.id, pin: env.caller.pin };
    },
  },
  'handover.acknowledge': {
    as: 'security',
    needs: ['handover.sign'],
    make: (env) => {
      const id = idOf(env.take('handover.sign'));
      return id && env.caller.userId && env.caller.pin ? { id, userId: env.caller.userId, pin: env.caller.pin, note: `已接班 ${env.marker}` } : null;
    },
  },
};

export const shiftReadExamples: Record<string, Example> = {
  'incidents.get': byId([...DRAFTS, ...SIGNED]),
  'incidents.attachment': {
    as: 'security',
    needs: ['incidents.addAttachment'],
    make: async (env) => {
      const found = await env.query<{ incidents: Summary[] }>('incidents.search', { limit: 200 });
      const withFiles = (found?.incidents ?? []).filter((i) => i.attachments > 0);
      if (withFiles.length === 0) return null;
      const incident = await env.query<{ attachments: Array<{ id: string }> }>('incidents.get', { id: env.rng.pick(withFiles).id });
      return incident && incident.attachments.length > 0 ? { id: env.rng.pick(incident.attachments).id } : null;
    },
  },
  'shifts.diary': {
    as: 'receptionist',
    needs: ['shifts.start'],
    make: async (env) => {
      const list = await env.query<{ shifts: Array<{ id: string }> }>('shifts.list', {});
      return list && list.shifts.length > 0 ? { shiftId: env.rng.pick(list.shifts).id } : null;
    },
  },
  'handover.get': byId(['handover.prepare', 'handover.sign']),
};
