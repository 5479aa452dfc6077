// Every kind of caller the contract knows, set up through the HTTP API: a signed-in person of each role, a paired
// kiosk (visitor screen) and an anonymous client; and which of them a method lets in.
import { ROLES, type MethodSpec, type Principal, type Role } from '../../../shared/contract/define';
import type { httpClient } from '../web-server';

export type Call = ReturnType<typeof httpClient>;

export interface TestCaller {
  /** 'admin', 'receptionist' …, 'kiosk' or 'anonymous'. */
  name: Role | 'kiosk' | 'anonymous';
  token?: string;
  device?: string;
  /** A person's id and PIN, to sign in again when a test ended the session. */
  userId?: string;
  pin?: string;
}

export const ADMIN_PIN = '246810';
/** The PIN of every person the harnesses add. */
export const STAFF_PIN = '975310';

export function callerOptions(caller: TestCaller): { token?: string; device?: string } {
  return { ...(caller.token ? { token: caller.token } : {}), ...(caller.device ? { device: caller.device } : {}) };
}

async function expectOk<T>(what: string, response: Promise<{ status: number; body: unknown }>): Promise<T> {
  const { status, body } = await response;
  if (status !== 200) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body as T;
}

/** First-run setup over HTTP; returns the administrator's id and session token. */
export async function setUpBuilding(call: Call): Promise<{ adminId: string; adminToken: string }> {
  const { adminId } = await expectOk<{ adminId: string }>(
    'setup.initialize',
    call('setup.initialize', {
      building: { name: '华信大厦', nameEn: 'Huaxin Tower', postName: '华信大厦前台', postNameEn: 'Huaxin Tower front desk', timeZone: 'Asia/Shanghai' },
      admin: { name: '管理员', pin: ADMIN_PIN },
    }),
  );
  const { token } = await expectOk<{ token: string }>('auth.signIn', call('auth.signIn', { userId: adminId, pin: ADMIN_PIN }));
  return { adminId, adminToken: token };
}

/** A paired kiosk device's token (a visitor screen). */
export async function pairDevice(call: Call, adminToken: string, name: string, kind: 'kiosk' | 'desk' = 'kiosk'): Promise<{ token: string; id: string }> {
  const { code } = await expectOk<{ code: string }>('devices.createPairingCode', call('devices.createPairingCode', { name, kind }, { token: adminToken }));
  const paired = await expectOk<{ token: string; device: { id: string } }>('devices.pair', call('devices.pair', { code }));
  return { token: paired.token, id: paired.device.id };
}

/** A person of the role, signed in. */
export async function signedInPerson(call: Call, adminToken: string, role: Role, name: string): Promise<{ id: string; token: string }> {
  const member = await expectOk<{ id: string }>('staff.create', call('staff.create', { name, role, pin: STAFF_PIN }, { token: adminToken }));
  const { token } = await expectOk<{ token: string }>('auth.signIn', call('auth.signIn', { userId: member.id, pin: STAFF_PIN }));
  return { id: member.id, token };
}

/** Every role signed in (the admin from setup), a paired kiosk and an anonymous client. */
export async function everyCaller(call: Call, admin: { token: string; id?: string; pin?: string }): Promise<TestCaller[]> {
  const adminToken = admin.token;
  const callers: TestCaller[] = [{ name: 'admin', token: adminToken, userId: admin.id, pin: admin.pin }];
  for (const role of ROLES) {
    if (role === 'admin') continue;
    const person = await signedInPerson(call, adminToken, role, `测试-${role}`);
    callers.push({ name: role, token: person.token, userId: person.id, pin: STAFF_PIN });
  }
  callers.push({ name: 'kiosk', device: (await pairDevice(call, adminToken, '大堂访客屏')).token });
  callers.push({ name: 'anonymous' });
  return callers;
}

/** Mirrors the core's rule: what each kind of caller may call. */
export function mayCall(allow: readonly Principal[], caller: TestCaller): boolean {
  if (caller.name === 'kiosk') return allow.includes('kiosk');
  if (caller.name === 'anonymous') return allow.includes('public');
  return allow.includes('public') || allow.includes(caller.name);
}

/** The caller a generated test uses for a method: an administrator if allowed, else a role, a kiosk, anonymous. */
export function callerFor(spec: MethodSpec, callers: readonly TestCaller[]): TestCaller {
  const allowedStaff = callers.filter((c) => c.name !== 'kiosk' && c.name !== 'anonymous' && spec.allow.includes(c.name));
  const admin = allowedStaff.find((c) => c.name === 'admin');
  if (admin) return admin;
  if (allowedStaff[0]) return allowedStaff[0];
  const kiosk = callers.find((c) => c.name === 'kiosk');
  if (spec.allow.includes('kiosk') && !spec.allow.includes('public') && kiosk) return kiosk;
  const anonymous = callers.find((c) => c.name === 'anonymous');
  if (anonymous) return anonymous;
  throw new Error('no caller for the method');
}
