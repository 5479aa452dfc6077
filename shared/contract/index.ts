// The one table of methods and pushed events. Both transports and the renderer's client derive from it.
import { z } from 'zod';
import { event, STAFF, DESK, type ClientOf, type MethodName, type SpecOf, type MethodSpec, type EventSpec, type PayloadOf } from './define';
import { auth } from './auth';
import { setup } from './setup';
import { settings } from './settings';
import { staff } from './staff';
import { devices } from './devices';
import { audit } from './audit';
import { printing } from './printing';
import { calls, CallSettings, CALL_STATUSES } from './calls';
import { records, RecordNotice, RecordAssigned } from './records';
import { backup } from './backup';
import { directory } from './directory';
import { visitors, VISITOR_DESK, VISIT_STATUSES } from './visitors';
import { callbacks } from './callbacks';
import { notices } from './notices';
import { shifts } from './shifts';
import { incidents } from './incidents';
import { keys } from './keys';
import { handover } from './handover';
import { installation } from './installation';
import { hardware, CardForDesk, HARDWARE_DESK } from './hardware';
import { expected } from './expected';
import { parcels, PARCEL_STATUSES } from './parcels';
import { notify, NOTIFICATION_STATUSES, NOTIFY_SUBJECTS } from './notify';
import { photos } from './photos';
import { reports } from './reports';

export const contract = {
  auth,
  setup,
  settings,
  staff,
  devices,
  audit,
  printing,
  calls,
  records,
  backup,
  directory,
  visitors,
  callbacks,
  notices,
  shifts,
  incidents,
  keys,
  handover,
  installation,
  hardware,
  expected,
  parcels,
  notify,
  photos,
  reports,
};

export type Contract = typeof contract;
export type Method = MethodName<Contract>;
export type Spec<N extends Method> = SpecOf<Contract, N>;
export type Api = ClientOf<Contract>;

export const events = {
  'settings.buildingChanged': event({
    summary: 'The building’s name changed (the visitor screen’s welcome shows it).',
    payload: z.object({ name: z.string(), nameEn: z.string() }),
    audience: [...STAFF, 'kiosk'],
  }),
  'devices.changed': event({
    summary: 'A device was paired or revoked (admin screens refresh; every channel re-checks its credentials).',
    payload: z.object({ deviceId: z.string() }),
    audience: ['admin'],
  }),
  'calls.changed': event({
    summary: 'A line started ringing, was answered, given up or saved (every lobby re-reads the active calls).',
    payload: z.object({ id: z.string(), status: z.enum(CALL_STATUSES), line: z.number() }),
    audience: STAFF,
  }),
  'calls.settingsChanged': event({
    summary: 'The ring cadence, target or hotkey changed (the desktop shell re-registers the hotkey).',
    payload: CallSettings,
    audience: STAFF,
  }),
  'calls.hotkeyPressed': event({
    summary: 'The desktop’s global ring hotkey was pressed; sent by the shell to the lobby window, never by the core.',
    payload: z.object({ accelerator: z.string() }),
    audience: STAFF,
  }),
  'records.changed': event({
    summary: 'A reception-record item was entered or changed (lists and the lobby panel refresh).',
    payload: z.object({ itemId: z.string() }),
    audience: ['receptionist', 'supervisor', 'manager', 'department', 'admin'],
  }),
  'records.notice': event({
    summary: 'The escalation timer warned, escalated, marked a complaint breach or a follow-up overdue (lobby banner and sound).',
    payload: RecordNotice,
    audience: ['receptionist', 'supervisor', 'manager'],
  }),
  'records.assigned': event({
    summary: 'An item now needs the addressed role or person (escalated, forwarded to their department, reopened).',
    payload: RecordAssigned,
    audience: ['receptionist', 'supervisor', 'manager', 'department'],
  }),
  'directory.changed': event({
    summary: 'A tenant or contact was added, changed or imported (staff pickers refresh).',
    payload: z.object({ tenantId: z.string().nullable() }),
    audience: STAFF,
  }),
  'visitors.changed': event({
    summary: 'A visit was registered, confirmed, declined or signed out (the lobby refreshes; a new kiosk entry chimes).',
    payload: z.object({
      visitId: z.string(),
      status: z.enum(VISIT_STATUSES),
      source: z.enum(['desk', 'kiosk']),
      watchListMatch: z.boolean(),
    }),
    audience: VISITOR_DESK,
  }),
  'visitors.pendingWaiting': event({
    summary: 'Self-registrations have waited longer than the alert setting (V-2).',
    payload: z.object({ visitIds: z.array(z.string()) }),
    audience: VISITOR_DESK,
  }),
  'visitors.refused': event({
    summary: 'A visitor was refused at the desk (不予放行): the guard is alerted (V-6).',
    payload: z.object({ visitId: z.string() }),
    audience: VISITOR_DESK,
  }),
  'visitors.roll': event({
    summary: 'The end-of-day roll ran or was answered (V-4).',
    payload: z.object({ rollId: z.string(), open: z.number() }),
    audience: VISITOR_DESK,
  }),
  'visitors.overstay': event({
    summary: 'Visitors have been in the building longer than the overstay setting.',
    payload: z.object({ visitIds: z.array(z.string()) }),
    audience: VISITOR_DESK,
  }),
  'visitors.registrationDecided': event({
    summary: 'The desk confirmed or declined a self-registration; sent only to the visitor screen it came from.',
    payload: z.object({
      registrationId: z.string(),
      outcome: z.enum(['confirmed', 'declined']),
      passNumber: z.string().nullable(),
      qrText: z.string().nullable(),
    }),
    audience: ['kiosk'],
  }),
  'callbacks.changed': event({
    summary: 'A callback was taken, reassigned or closed.',
    payload: z.object({ callbackId: z.string() }),
    audience: DESK,
  }),
  'callbacks.due': event({
    summary: 'A callback has reached its due time without an outcome.',
    payload: z.object({ callbackId: z.string() }),
    audience: DESK,
  }),
  'notices.changed': event({
    summary: 'A notice was published, changed or withdrawn (the visitor screen reloads its welcome; no content).',
    payload: z.object({}),
    audience: [...STAFF, 'kiosk'],
  }),
  'shifts.changed': event({
    summary: 'A shift started, its diary changed, or it ended (lobby panels refresh).',
    payload: z.object({ shiftId: z.string() }),
    audience: ['receptionist', 'supervisor', 'manager', 'security', 'admin'],
  }),
  'incidents.changed': event({
    summary: 'An incident was recorded, changed, signed, amended or reviewed.',
    payload: z.object({ incidentId: z.string() }),
    audience: ['receptionist', 'supervisor', 'manager', 'security', 'admin'],
  }),
  'keys.changed': event({
    summary: 'A key, card or item was lent or came back.',
    payload: z.object({ loanId: z.string() }),
    audience: ['receptionist', 'supervisor', 'manager', 'security', 'admin'],
  }),
  'handover.changed': event({
    summary: 'A handover was prepared, signed (the guard’s screen shows it waiting) or acknowledged.',
    payload: z.object({ handoverId: z.string(), state: z.enum(['draft', 'signed', 'acknowledged']) }),
    audience: ['receptionist', 'supervisor', 'manager', 'security', 'admin'],
  }),
  'hardware.settingsChanged': event({
    summary: 'The hardware settings changed (the adapters restart; Admin → Devices refreshes).',
    payload: z.object({ at: z.number() }),
    audience: ['admin'],
  }),
  'hardware.cardRead': event({
    summary: 'A 身份证 was read on this PC’s reader: fills the registration form (only this PC’s own screens receive it).',
    payload: CardForDesk,
    audience: HARDWARE_DESK,
  }),
  'hardware.scanned': event({
    summary: 'The serial (virtual COM) scanner read a code: the lobby treats it like a keyboard-wedge scan.',
    payload: z.object({ code: z.string() }),
    audience: HARDWARE_DESK,
  }),
  'expected.changed': event({
    summary: 'An expected visitor was added, cancelled, re-issued or arrived (today’s list refreshes).',
    payload: z.object({ expectedId: z.string() }),
    audience: VISITOR_DESK,
  }),
  'parcels.changed': event({
    summary: 'A parcel was logged, collected or flagged uncollected (the held list refreshes).',
    payload: z.object({ parcelId: z.string(), status: z.enum(PARCEL_STATUSES), uncollected: z.boolean() }),
    audience: VISITOR_DESK,
  }),
  'notify.changed': event({
    summary: 'A host notification was queued, sent, failed or retried (its state on the visit or parcel refreshes).',
    payload: z.object({ notificationId: z.string(), subjectKind: z.enum(NOTIFY_SUBJECTS), subjectId: z.string(), status: z.enum(NOTIFICATION_STATUSES) }),
    audience: VISITOR_DESK,
  }),
} satisfies Record<string, EventSpec>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = PayloadOf<Events[E]>;

/** Every method as `[name, spec]`, for bindings, docs and generated tests. */
export function listMethods(): Array<[Method, MethodSpec]> {
  const out: Array<[Method, MethodSpec]> = [];
  for (const [feature, methods] of Object.entries(contract)) {
    for (const [name, spec] of Object.entries(methods as Record<string, MethodSpec>)) {
      out.push([`${feature}.${name}` as Method, spec]);
    }
  }
  return out;
}

const byName = new Map<string, MethodSpec>(listMethods());

export function findMethod(name: string): MethodSpec | undefined {
  return byName.get(name);
}

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}

export * from './define';
export * from './errors';
