// The one table of methods and pushed events. Both transports and the renderer's client derive from it.
import { z } from 'zod';
import { event, STAFF, type ClientOf, type MethodName, type SpecOf, type MethodSpec, type EventSpec, type PayloadOf } from './define';
import { auth } from './auth';
import { setup } from './setup';
import { settings } from './settings';
import { staff } from './staff';
import { devices } from './devices';
import { audit } from './audit';
import { printing } from './printing';
import { shifts } from './shifts';
import { incidents } from './incidents';
import { keys } from './keys';
import { handover } from './handover';

export const contract = {
  auth,
  setup,
  settings,
  staff,
  devices,
  audit,
  printing,
  shifts,
  incidents,
  keys,
  handover,
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
