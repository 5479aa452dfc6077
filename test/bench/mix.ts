// The load bench's mix: a busy front-desk day for 20 visitor screens and 5 staff screens, as a table. Each entry
// is one method (its input from `writeExamples` or generated from the contract, with a unique marker so every
// acknowledged write is checked afterwards) or a flow — a few calls in the order a person makes them. Screens pick
// entries by weight, think between them, and repeat until the time is up. Extend it when a feature lands.
import type { Role } from '../../shared/contract/define';
import type { Prng } from '../support/reliability/prng';
import type { TestCaller } from '../support/reliability/callers';
import { mobileNumber, personWith } from '../support/reliability/example-env';
import { COMPANIES } from '../support/reliability/examples-visitors';
import { pinyin } from 'pinyin-pro';
import { SCRIPT_STEPS } from '../../shared/contract/calls';

/** What a flow can do on its screen. Every call's latency is recorded; any answer but a success is an error. */
export interface ScreenApi {
  name: string;
  caller: TestCaller;
  rng: Prng;
  /** Calls a method; a mutation's acknowledgement goes into the write ledger (with `marker`, if the input has it). */
  act<T = unknown>(method: string, input?: unknown, marker?: string): Promise<T>;
  /** Calls a method with its example's input; null when there is nothing to act on now. */
  example<T = unknown>(method: string): Promise<T | null>;
  marker(): string;
  /** A pause in ms (scaled by --think-scale); resolves early when the run is over. */
  pause(min: number, max: number): Promise<void>;
  /** The run is over: finish what is in hand quickly. */
  over(): boolean;
  /** The visitor screen's registrations, for the check that each decision's event reached its screen. */
  registrations: Set<string>;
}

export type Flow = (screen: ScreenApi) => Promise<void>;

export interface MixEntry {
  /** A method called with its example's input, or a flow. */
  method?: string;
  flow?: Flow;
  /** Name in the results (a flow's calls are listed by method too). */
  name?: string;
  /** Which screens do it. */
  screens: 'visitor' | 'staff';
  /** How often, relative to the other entries of the same screens. */
  weight: number;
  /** For staff screens: only screens signed in with these roles (default: every role the method allows). */
  roles?: readonly Role[];
}

export interface ScreenPlan {
  visitorScreens: number;
  /** One staff screen per entry, signed in with that role. */
  staffRoles: readonly Role[];
  /** Pause between two entries of a screen, in ms (people read and type); scaled by --think-scale. */
  visitorThinkMs: readonly [number, number];
  staffThinkMs: readonly [number, number];
}

export const plan: ScreenPlan = {
  visitorScreens: 20,
  staffRoles: ['receptionist', 'receptionist', 'supervisor', 'security', 'admin'],
  visitorThinkMs: [3000, 15000],
  staffThinkMs: [300, 2000],
};

/** Pinyin initials of a company (华信科技 → hxkj), as a visitor or the desk types them into the picker. */
function initials(rng: Prng): string {
  return pinyin(rng.pick(COMPANIES), { pattern: 'first', toneType: 'none', type: 'array' }).join('');
}

/** What the search box holds as it is typed: every second letter, then the whole. */
function prefixes(typed: string): string[] {
  const out: string[] = [];
  for (let n = Math.min(2, typed.length); n < typed.length; n += 2) out.push(typed.slice(0, n));
  return [...out, typed];
}

/** A visitor at a visitor screen: welcome, tenant search, self-registration, then waiting for the desk. */
const visitorSelfRegisters: Flow = async (s) => {
  await s.act('visitors.kioskWelcome', {});
  await s.pause(1000, 4000); // reads the privacy notice, taps "register"
  const typed = s.rng.chance(0.7) ? initials(s.rng) : s.rng.pick(COMPANIES).slice(0, 2);
  let tenants: Array<{ id: string }> = [];
  for (const q of prefixes(typed)) {
    if (s.over()) return;
    ({ tenants } = await s.act<{ tenants: Array<{ id: string }> }>('directory.kioskSearch', { q }));
    await s.pause(300, 1200);
  }
  if (tenants.length === 0) ({ tenants } = await s.act<{ tenants: Array<{ id: string }> }>('directory.kioskSearch', { q: '' }));
  if (s.over() || tenants.length === 0) return;
  await s.pause(3000, 10000); // types name and mobile, picks a purpose
  const marker = s.marker();
  const { registrationId } = await s.act<{ registrationId: string }>(
    'visitors.selfRegister',
    {
      visitorName: personWith(s.rng, marker),
      mobile: mobileNumber(s.rng),
      tenantId: s.rng.pick(tenants).id,
      hostName: s.rng.chance(0.5) ? personWith(s.rng, '') : '',
      purpose: s.rng.pick(['商务拜访', '面试', '送货', '快递外卖']),
      partySize: s.rng.pick([1, 1, 1, 2]),
      idNumber: null,
      vehiclePlate: null,
      lang: s.rng.chance(0.85) ? 'zh-CN' : 'en',
      consent: true,
      idConsent: false,
    },
    marker,
  );
  s.registrations.add(registrationId);
  // Waits for the desk: the screen listens for its decision and polls in case the event channel dropped.
  for (let polls = 0; polls < 200 && !s.over(); polls += 1) {
    await s.pause(2000, 3000);
    const { status } = await s.act<{ status: string }>('visitors.kioskStatus', { registrationId });
    if (status !== 'pending') break;
  }
  await s.pause(2000, 5000); // reads the pass number, walks off
};

/** The desk confirms (or declines) the oldest self-registration waiting on the lobby. */
const deskDecides: Flow = async (s) => {
  await s.act('visitors.lobby', {});
  await s.example(s.rng.chance(0.85) ? 'visitors.confirm' : 'visitors.decline');
};

/** A visitor at the desk: the receptionist finds the tenant by pinyin, looks the mobile up, registers and prints. */
const deskRegisters: Flow = async (s) => {
  await s.act('directory.search', { q: initials(s.rng) });
  await s.act('visitors.lastByMobile', { mobile: mobileNumber(s.rng) });
  await s.pause(2000, 6000);
  await s.example('visitors.register');
};

/** A visitor leaves: the pass is scanned or its number typed (now and then clicked in the list). */
const visitorLeaves: Flow = async (s) => {
  if (s.rng.chance(0.3)) await s.act('visitors.lobby', {});
  await s.example(s.rng.chance(0.8) ? 'visitors.signOutByPass' : 'visitors.signOut');
};

/** The phone rings: answered within a few rings (or the caller gives up), the script ticked, the record saved. */
const phoneCall: Flow = async (s) => {
  const ringMarker = s.marker();
  const ring = await s.act<{ id: string }>('calls.ring', { source: s.rng.pick(['button', 'key']), callerNumber: s.rng.chance(0.6) ? mobileNumber(s.rng) : null }, ringMarker);
  await s.pause(1000, 14000);
  if (s.rng.chance(0.1)) {
    await s.act('calls.giveUp', { id: ring.id, callerNumber: s.rng.chance(0.5) ? mobileNumber(s.rng) : null });
    return;
  }
  await s.act('calls.answer', { id: ring.id });
  const steps = SCRIPT_STEPS.slice(0, s.rng.int(2, SCRIPT_STEPS.length));
  for (const step of steps) {
    await s.pause(1000, 4000);
    await s.act('calls.tickStep', { id: ring.id, step, done: true });
  }
  if (s.rng.chance(0.1)) await s.act('calls.guard', { id: ring.id });
  const marker = s.marker();
  await s.act(
    'calls.save',
    { id: ring.id, callerName: personWith(s.rng, ''), unit: `${s.rng.int(1, 9)}-${s.rng.int(101, 2402)}`, topic: `咨询停车月卡 ${marker}`, note: '', outcome: s.rng.pick(['resolved', 'messageTaken', 'forwarded']) },
    marker,
  );
};

/** The lobby's panels refresh (after an event, or on their slow timer). */
const lobbyPanels: Flow = async (s) => {
  await s.act('visitors.lobby', {});
  await s.act('calls.active', {});
  await s.act('records.lobby', {});
  await s.act('callbacks.list', {});
};

const DESK_ROLES: readonly Role[] = ['receptionist', 'supervisor'];

export const mix: MixEntry[] = [
  // Visitor screens: a visitor registers and waits for the desk (the screen idles on its welcome in between).
  { screens: 'visitor', name: 'visitor self-registration', flow: visitorSelfRegisters, weight: 1 },
  // Staff screens: the visitor desk.
  { screens: 'staff', name: 'confirm or decline a registration', flow: deskDecides, weight: 8, roles: ['receptionist', 'supervisor'] },
  { screens: 'staff', name: 'desk registration', flow: deskRegisters, weight: 2, roles: ['receptionist'] },
  { screens: 'staff', name: 'sign-out', flow: visitorLeaves, weight: 2, roles: ['receptionist', 'security'] },
  { screens: 'staff', method: 'visitors.history', weight: 0.3, roles: ['receptionist', 'supervisor'] },
  // Parcels and food deliveries held at the desk, expected visitors arriving (V-8, V-9).
  { screens: 'staff', method: 'parcels.log', weight: 0.8, roles: ['receptionist'] },
  { screens: 'staff', method: 'parcels.collect', weight: 0.6, roles: ['receptionist', 'security'] },
  { screens: 'staff', method: 'parcels.held', weight: 1, roles: ['receptionist', 'security'] },
  { screens: 'staff', method: 'expected.today', weight: 1, roles: ['receptionist'] },
  { screens: 'staff', method: 'expected.arriveByCode', weight: 0.3, roles: ['receptionist'] },
  // The phone desk.
  { screens: 'staff', name: 'phone call', flow: phoneCall, weight: 1.5, roles: ['receptionist'] },
  { screens: 'staff', method: 'calls.figures', weight: 0.3, roles: ['supervisor'] },
  // The reception record and callbacks.
  { screens: 'staff', method: 'records.create', weight: 1, roles: DESK_ROLES },
  { screens: 'staff', method: 'records.addNote', weight: 1, roles: DESK_ROLES },
  { screens: 'staff', method: 'records.forward', weight: 0.4, roles: DESK_ROLES },
  { screens: 'staff', method: 'records.resolve', weight: 0.6, roles: ['receptionist'] },
  { screens: 'staff', method: 'records.followUp', weight: 0.2, roles: ['receptionist'] },
  { screens: 'staff', method: 'records.auditItems', weight: 0.4, roles: ['supervisor'] },
  { screens: 'staff', method: 'records.list', weight: 0.5, roles: DESK_ROLES },
  { screens: 'staff', method: 'callbacks.create', weight: 0.6, roles: ['receptionist'] },
  { screens: 'staff', method: 'callbacks.recordOutcome', weight: 0.5, roles: ['receptionist', 'supervisor'] },
  // What every desk screen shows all the time.
  { screens: 'staff', name: 'lobby panels', flow: lobbyPanels, weight: 3, roles: ['receptionist', 'supervisor'] },
  { screens: 'staff', method: 'visitors.lobby', weight: 2, roles: ['security'] },
  { screens: 'staff', method: 'notices.list', weight: 0.5 },
  { screens: 'staff', method: 'auth.me', weight: 1 },
  // The guard: keys and incidents.
  { screens: 'staff', method: 'keys.lend', weight: 0.6, roles: ['security'] },
  { screens: 'staff', method: 'keys.return', weight: 0.5, roles: ['security'] },
  { screens: 'staff', method: 'keys.list', weight: 0.5, roles: ['security'] },
  { screens: 'staff', method: 'incidents.create', weight: 0.15, roles: ['security'] },
  { screens: 'staff', method: 'incidents.sign', weight: 0.1, roles: ['security'] },
  { screens: 'staff', method: 'incidents.search', weight: 0.3, roles: ['security', 'supervisor'] },
  // The administrator's screen.
  { screens: 'staff', method: 'settings.building', weight: 1, roles: ['admin'] },
  { screens: 'staff', method: 'staff.list', weight: 1, roles: ['admin'] },
  { screens: 'staff', method: 'audit.list', weight: 1, roles: ['admin'] },
  { screens: 'staff', method: 'devices.list', weight: 0.5, roles: ['admin'] },
  { screens: 'staff', method: 'notices.create', weight: 0.2, roles: ['admin'] },
  { screens: 'staff', method: 'staff.create', weight: 0.3, roles: ['admin'] },
  { screens: 'staff', method: 'devices.createPairingCode', weight: 0.3, roles: ['admin'] },
  { screens: 'staff', method: 'settings.updateBuilding', weight: 0.3, roles: ['admin'] },
];
