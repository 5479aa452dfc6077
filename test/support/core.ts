// Test fixtures for the core: a real SQLite file in a temp dir, a fake clock, signed-in people.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Core } from '../../main/core/core';
import { FakeClock, systemClock, type Clock } from '../../main/core/clock';
import type { Credentials } from '../../main/core/auth/callers';
import type { Logger } from '../../main/core/context';
import type { Role } from '../../shared/contract/define';
import { AppError, ValidationError, type FieldIssue } from '../../main/core/errors';

export const quietLogger: Logger = { info() {}, warn() {}, error() {} };

export function tempDir(prefix = 'lobby-desk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const LOCAL: Credentials = { origin: 'loopback' };

export function as(token: string): Credentials {
  return { origin: 'loopback', sessionToken: token };
}

export interface TestDesk {
  core: Core;
  clock: FakeClock;
  dataDir: string;
  admin: { id: string; token: string; pin: string };
  /** Adds a person with a role and signs them in. */
  person(role: Role, name?: string, pin?: string, department?: string | null): Promise<{ id: string; token: string; pin: string; name: string }>;
  close(): void;
}

export function openCore(dataDir: string, clock: Clock): Core {
  return Core.open({ dataDir, clock, version: '0.0.0-test', logger: quietLogger });
}

/** A set-up building with a signed-in administrator. */
export async function createDesk(options: { clock?: FakeClock; dataDir?: string } = {}): Promise<TestDesk> {
  const clock = options.clock ?? new FakeClock();
  return setUpDesk(openCore(options.dataDir ?? tempDir(), clock), clock);
}

/**
 * The same on the system clock, for tests against real devices or processes that keep real time (a SIP exchange):
 * `clock` is then the system clock and must not be advanced.
 */
export async function createRealTimeDesk(options: { dataDir?: string } = {}): Promise<Omit<TestDesk, 'clock'> & { clock: Clock }> {
  return setUpDesk(openCore(options.dataDir ?? tempDir(), systemClock), systemClock);
}

async function setUpDesk<C extends Clock>(core: Core, clock: C): Promise<Omit<TestDesk, 'clock'> & { clock: C }> {
  const dataDir = core.dataDir;
  const adminPin = '246810';
  const { adminId } = await core.invoke(LOCAL, 'setup.initialize', {
    building: { name: '华信大厦', nameEn: 'Huaxin Tower', postName: '华信大厦前台', postNameEn: 'Huaxin Tower front desk', timeZone: 'Asia/Shanghai' },
    admin: { name: '管理员', pin: adminPin },
  });
  const session = await core.invoke(LOCAL, 'auth.signIn', { userId: adminId, pin: adminPin });
  let counter = 0;
  const desk = {
    core,
    clock,
    dataDir,
    admin: { id: adminId, token: session.token, pin: adminPin },
    async person(role, name, pin = '135790', department = null) {
      counter += 1;
      const personName = name ?? `${role}-${counter}`;
      const member = await core.invoke(as(session.token), 'staff.create', { name: personName, role, pin, department });
      const signedIn = await core.invoke(LOCAL, 'auth.signIn', { userId: member.id, pin });
      return { id: member.id, token: signedIn.token, pin, name: personName };
    },
    close() {
      if (!core.isClosed) core.close();
    },
  } satisfies Omit<TestDesk, 'clock'> & { clock: C };
  return desk;
}

/** What a failed call threw, for assertions on code, message key and (for validation) the field issues. */
export async function failure(promise: Promise<unknown>): Promise<AppError & { fieldIssues: FieldIssue[] }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return Object.assign(error, { fieldIssues: error instanceof ValidationError ? error.fieldIssues : [] });
    throw error;
  }
  throw new Error('expected the call to fail');
}
