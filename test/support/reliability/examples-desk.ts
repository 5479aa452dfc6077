// Examples for the phone desk (ring → answer → script → save, or the caller gives up: what the lobby's phone panel
// shows, each line claimed by one call) and the reception record (an item's life: entered, corrected, noted,
// forwarded, resolved by its owner, followed up, audited, reviewed; each step takes the item from the pools of the
// steps before it, so no two calls act on the same item at once).
import { SCRIPT_STEPS } from '../../../shared/contract/calls';
import { CHANNELS, DEFAULT_RECORDS_SETTINGS, ITEM_TYPES } from '../../../shared/contract/records';
import { dayKey, startOfWeek } from '../../../shared/rules/time';
import { idOf, mobileNumber, personWith, type EarlierCall, type Example, type ExampleEnv } from './example-env';
import { byId } from './examples-visitors';

/** The time zone the harnesses set the building up with (callers.ts setUpBuilding, core.ts createDesk). */
const BUILDING_TZ = 'Asia/Shanghai';

type Call = { id: string; status: string; scriptSteps: string[]; confidentialityAsked: boolean };
type Item = { id: string; status: string; level: string; type: string; department: string | null; followUpDueAt: number | null };

/** Lines a desk has (main/core/calls/ring-timer.ts). */
const MAX_LINES = 9;

/** What the lobby's phone panel shows: lines ringing and answered calls not yet saved. */
function activeCalls(env: ExampleEnv): Promise<{ ringing: Call[]; inProgress: Call[] } | null> {
  return env.query('calls.active', {});
}

/** Every step that leaves an item in the pools (each item is in one of them at a time). */
const RECORD_STEPS = [
  'records.create',
  'records.update',
  'records.addNote',
  'records.forward',
  'records.followUp',
  'records.updateRepair',
  'records.resolve',
  'records.closeUnresolvable',
];
const itemOf = (c: EarlierCall) => c.output as Item;
/** Types whose resolution makes a follow-up visit due. */
const FOLLOWED_UP = ['repair', 'complaint'];
const active = (c: EarlierCall) => ['open', 'forwarded'].includes(itemOf(c).status);

function takeActive(env: ExampleEnv, filter: (item: Item) => boolean = () => true): Item | null {
  return (env.take(RECORD_STEPS, (c) => active(c) && filter(itemOf(c)))?.output as Item | undefined) ?? null;
}

async function departments(env: ExampleEnv): Promise<string[]> {
  const settings = await env.query<{ departments: string[] }>('records.settings', {});
  return settings?.departments.length ? settings.departments : DEFAULT_RECORDS_SETTINGS.departments;
}

const MATTERS: Record<string, string> = {
  complaint: '投诉夜间装修噪音',
  repair: '卫生间水龙头漏水',
  inquiry: '咨询停车月卡办理',
  suggestion: '建议大堂增加休息座椅',
  move_in: '办理入伙手续',
  renovation: '申请装修备案',
  other: '遗失物品登记',
};

export const deskWriteExamples: Record<string, Example> = {
  'calls.updateSettings': { make: () => ({ secondsPerRing: 5, targetRings: 3, giveUpAfterSeconds: 60, hotkey: 'F9' }) },
  'calls.ring': {
    as: 'receptionist',
    // Every line busy (ringing or answered and not saved): a call must be saved first.
    needs: ['calls.save'],
    make: async (env) => {
      const active = await activeCalls(env);
      if (!active || active.ringing.length + active.inProgress.length >= MAX_LINES) return null;
      return { source: env.rng.pick(['button', 'key']), callerNumber: env.rng.chance(0.5) ? mobileNumber(env.rng) : null };
    },
  },
  'calls.answer': {
    as: 'receptionist',
    needs: ['calls.ring'],
    make: async (env) => {
      const call = ((await activeCalls(env))?.ringing ?? []).find((c) => env.claim(`calls.ringing:${c.id}`));
      return call ? { id: call.id } : null;
    },
  },
  'calls.giveUp': {
    as: 'receptionist',
    needs: ['calls.ring'],
    make: async (env) => {
      const call = ((await activeCalls(env))?.ringing ?? []).find((c) => env.claim(`calls.ringing:${c.id}`));
      return call ? { id: call.id, callerNumber: env.rng.chance(0.5) ? mobileNumber(env.rng) : null } : null;
    },
  },
  'calls.tickStep': {
    as: 'receptionist',
    needs: ['calls.answer'],
    make: async (env) => {
      // Each step of a call ticked once (an unchanged script writes nothing, and every acknowledged write is looked
      // for); the save leaves the script as the ticks made it.
      for (const call of (await activeCalls(env))?.inProgress ?? []) {
        const step = SCRIPT_STEPS.find((s) => !call.scriptSteps.includes(s) && env.claim(`calls.step:${call.id}:${s}`));
        if (step) return { id: call.id, step, done: true };
      }
      return null;
    },
  },
  'calls.guard': {
    as: 'receptionist',
    needs: ['calls.answer'],
    make: async (env) => {
      const call = ((await activeCalls(env))?.inProgress ?? []).find((c) => !c.confidentialityAsked && env.claim(`calls.guard:${c.id}`));
      return call ? { id: call.id } : null;
    },
  },
  'calls.save': {
    as: 'receptionist',
    needs: ['calls.answer'],
    make: async (env) => {
      const call = ((await activeCalls(env))?.inProgress ?? []).find((c) => env.claim(`calls.save:${c.id}`));
      if (!call) return null;
      return {
        id: call.id,
        callerName: personWith(env.rng, ''),
        unit: `${env.rng.int(1, 9)}-${env.rng.int(101, 2402)}`,
        topic: `咨询停车月卡 ${env.marker}`,
        note: '已告知办理地点和所需材料',
        outcome: env.rng.pick(['resolved', 'messageTaken', 'forwarded']),
      };
    },
  },

  // A saved call turned into a reception-record item, and that call given a callback to a tenant the harness
  // created (P-3, P-4): each saved call converted once.
  'calls.toRecord': {
    as: 'receptionist',
    needs: ['calls.save'],
    make: (env) => {
      const id = idOf(env.take('calls.save'));
      return id ? { callId: id, draft: { type: 'inquiry', ownerName: '周女士', matter: env.marker } } : null;
    },
  },
  'calls.toCallback': {
    as: 'receptionist',
    needs: ['calls.toRecord', 'directory.create'],
    make: (env) => {
      const callId = (env.peek('calls.toRecord')?.output as { call?: { id?: string } } | undefined)?.call?.id;
      const tenantId = idOf(env.peek('directory.create'));
      if (!callId || !tenantId || !env.claim(`calls.toCallback:${callId}`)) return null;
      return { callId, draft: { tenantId, callerName: '周女士', callerPhone: mobileNumber(env.rng), message: env.marker } };
    },
  },

  'records.updateSettings': { make: () => ({ ...DEFAULT_RECORDS_SETTINGS }) },
  'records.create': {
    as: 'receptionist',
    make: async (env) => {
      const type = (env.hint.type as (typeof ITEM_TYPES)[number] | undefined) ?? env.rng.pick(ITEM_TYPES);
      const channel = env.rng.pick(CHANNELS);
      return {
        channel,
        relayedBy: channel === 'relayed' ? '秩序部岗亭' : null,
        type,
        ownerName: personWith(env.rng, ''),
        ownerPhone: env.rng.chance(0.8) ? mobileNumber(env.rng) : null,
        unit: `${env.rng.int(1, 9)}-${env.rng.int(101, 2402)}`,
        matter: `${MATTERS[type]} ${env.marker}`,
        department: env.rng.chance(0.3) ? env.rng.pick(await departments(env)) : null,
        ...(env.rng.chance(0.2) ? { receivedAt: env.now() - env.rng.int(1, 120) * 60_000 } : {}),
        ...(type === 'repair' ? { repair: { location: '卫生间' } } : {}),
      };
    },
  },
  'records.update': {
    as: 'receptionist',
    needs: ['records.create'],
    make: (env) => {
      const item = takeActive(env);
      return item ? { id: item.id, matter: `${MATTERS[item.type]}（业主补充说明）${env.marker}` } : null;
    },
  },
  'records.addNote': {
    as: 'receptionist',
    needs: ['records.create'],
    make: (env) => {
      const item = takeActive(env);
      if (!item) return null;
      const kind = item.department && env.rng.chance(0.4) ? 'progress' : env.rng.pick(['note', 'reply']);
      return { id: item.id, kind, text: `已电话联系业主 ${env.marker}` };
    },
  },
  'records.forward': {
    as: 'receptionist',
    needs: ['records.create'],
    make: async (env) => {
      const item = takeActive(env);
      if (!item) return null;
      const others = (await departments(env)).filter((d) => d !== item.department);
      return others.length > 0 ? { id: item.id, department: env.rng.pick(others), note: `请尽快处理 ${env.marker}` } : null;
    },
  },
  'records.resolve': {
    as: 'receptionist',
    needs: ['records.create'],
    make: (env) => {
      // Whoever owns the item records its result: the desk's items (escalated ones belong to the leads). Repairs
      // and complaints first: a follow-up visit is due after them.
      const item = takeActive(env, (i) => i.level === 'desk' && FOLLOWED_UP.includes(i.type)) ?? takeActive(env, (i) => i.level === 'desk');
      return item ? { id: item.id, result: `已处理完毕 ${env.marker}` } : null;
    },
  },
  'records.closeUnresolvable': {
    as: 'manager',
    needs: ['records.create'],
    make: (env) => {
      const item = takeActive(env);
      return item ? { id: item.id, reason: `属市政管网问题，物业无法处理 ${env.marker}` } : null;
    },
  },
  'records.followUp': {
    as: 'receptionist',
    needs: [{ method: 'records.create', hint: { type: 'complaint' } }, 'records.resolve'],
    make: (env) => {
      const item = env.take('records.resolve', (c) => itemOf(c).status === 'resolved' && itemOf(c).followUpDueAt !== null)?.output as Item | undefined;
      if (!item) return null;
      const satisfied = env.rng.chance(0.8);
      return { id: item.id, result: satisfied ? 'satisfied' : 'unsatisfied', note: satisfied ? '' : `仍有渗水 ${env.marker}` };
    },
  },
  'records.updateRepair': {
    as: 'receptionist',
    needs: [{ method: 'records.create', hint: { type: 'repair' } }],
    make: (env) => {
      const item = takeActive(env, (i) => i.type === 'repair');
      return item ? { id: item.id, worker: personWith(env.rng, env.marker), appointmentAt: env.now() + 2 * 3600_000 } : null;
    },
  },
  'records.auditItems': {
    as: 'supervisor',
    needs: ['records.create'],
    make: (env) => {
      const ids: string[] = [];
      for (const c of env.rng.shuffle(env.pool(RECORD_STEPS))) {
        if (ids.length >= 3) break;
        const id = idOf(c)!;
        if (env.claim(`records.audit:${id}`)) ids.push(id);
      }
      return ids.length > 0 && env.caller.pin ? { ids, comment: `已核对 ${env.marker}`, pin: env.caller.pin } : null;
    },
  },
  'records.signWeeklyReview': {
    as: 'manager',
    make: (env) => {
      // Each week is signed once: the latest week over that nobody has signed in this run.
      for (let weeks = 1; weeks < 5000; weeks += 1) {
        const key = dayKey(startOfWeek(env.now() - weeks * 7 * 24 * 3600_000, BUILDING_TZ), BUILDING_TZ);
        if (env.caller.pin && env.claim(`records.week:${key}`)) return { weekKey: key, comment: `本周情况已审阅 ${env.marker}`, pin: env.caller.pin };
      }
      return null;
    },
  },
};

export const deskReadExamples: Record<string, Example> = {
  'calls.get': byId(['calls.ring', 'calls.answer', 'calls.save']),
  'records.get': byId(RECORD_STEPS),
};
