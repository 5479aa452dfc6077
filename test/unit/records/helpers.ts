// Shared set-up for the records tests: a desk with one person per role, sessions renewed as the fake clock moves
// days ahead, and a quick way to enter items.
import { createDesk, as as credentials, LOCAL, type TestDesk } from '../../support/core';
import type { Credentials } from '../../../main/core/auth/callers';
import type { OutgoingEvent } from '../../../main/core/context';
import type { RecordDetail } from '../../../shared/contract/records';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface Person {
  id: string;
  name: string;
  pin: string;
  token: string;
  expiresAt: number;
}

export interface RecordsDesk extends TestDesk {
  lee: Person;
  zhou: Person;
  wang: Person;
  gong: Person;
  boss: Person;
  events: OutgoingEvent[];
  /** Credentials of a person, signing in again when the session has run out (the clock moves days). */
  as(person: Person): Promise<Credentials>;
  enter(overrides?: Record<string, unknown>, by?: Person): Promise<RecordDetail>;
}

export async function recordsDesk(options: Parameters<typeof createDesk>[0] = {}): Promise<RecordsDesk> {
  const desk = await createDesk(options);
  const person = async (role: Parameters<TestDesk['person']>[0], name: string, department: string | null = null): Promise<Person> => {
    const p = await desk.person(role, name, '135790', department);
    return { ...p, expiresAt: desk.clock.now() + 14 * HOUR };
  };
  const lee = await person('receptionist', '李前台');
  const zhou = await person('supervisor', '周主管');
  const wang = await person('manager', '王经理');
  const gong = await person('department', '龚师傅', '工程部');
  const boss: Person = { id: desk.admin.id, name: '管理员', pin: desk.admin.pin, token: desk.admin.token, expiresAt: desk.clock.now() + 14 * HOUR };
  const events: OutgoingEvent[] = [];
  desk.core.onEvent((e) => events.push(e));
  const records: Omit<RecordsDesk, keyof TestDesk> = {
    lee,
    zhou,
    wang,
    gong,
    boss,
    events,
    async as(p) {
      if (desk.clock.now() >= p.expiresAt - MINUTE) {
        const session = await desk.core.invoke(LOCAL, 'auth.signIn', { userId: p.id, pin: p.pin });
        p.token = session.token;
        p.expiresAt = session.expiresAt;
      }
      return credentials(p.token);
    },
    async enter(overrides = {}, by = lee) {
      return desk.core.invoke(await records.as(by), 'records.create', {
        channel: 'walk_in',
        type: 'inquiry',
        ownerName: '张业主',
        ownerPhone: '138 0013 8000',
        unit: '3-1201',
        matter: '咨询停车月卡办理',
        ...overrides,
      } as never);
    },
  };
  return Object.assign(desk, records);
}

export { failure } from '../../support/core';

export function clockEvents(desk: TestDesk, itemId: string): Array<{ kind: string; due_at: number; detected_at: number; cycle: number }> {
  return desk.core.db
    .prepare('SELECT kind, due_at, detected_at, cycle FROM record_clock_events WHERE item_id = ? ORDER BY detected_at, id')
    .all(itemId) as Array<{ kind: string; due_at: number; detected_at: number; cycle: number }>;
}
