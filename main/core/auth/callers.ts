// Turning what a transport presents (session token, device token, where it came from) into a Caller.
import type { ReadableDB } from '../store/sql';
import type { Caller, DeviceRef } from '../context';
import type { SignedInUser } from '../../../shared/contract/auth';
import type { Role } from '../../../shared/contract/define';
import { tokenHash } from './secrets';
import { UnauthenticatedError } from '../errors';
import { remainingOf, CLOCK_STEP_BACK_TOLERANCE_MS } from '../clock';

/** What a transport knows about a request. Tokens are opaque here; the core looks them up. */
export interface Credentials {
  sessionToken?: string | null;
  deviceToken?: string | null;
  /** 'lan' callers must be paired devices (X-3 LAN rule); loopback and IPC callers are at the PC itself. */
  origin: 'loopback' | 'lan' | 'ipc';
  /** An Electron window the main process created as a visitor screen: always a kiosk caller. */
  kioskDevice?: DeviceRef | null;
  /** The calling Electron window (IPC only). */
  windowId?: number | null;
  /** A caller that must be a paired device even on this PC (the desktop app's visitor window). */
  requirePairing?: boolean;
}

interface SessionJoinRow {
  session_id: string;
  created_at: number;
  expires_at: number;
  ended_at: number | null;
  user_id: string;
  name: string;
  role: Role;
  department: string | null;
  active: number;
}

export function findDeviceByToken(db: ReadableDB, token: string): (DeviceRef & { revokedAt: number | null }) | null {
  const row = db.prepare('SELECT id, name, kind, revoked_at FROM devices WHERE token_hash = ?').get(tokenHash(token)) as
    | { id: string; name: string; kind: 'kiosk' | 'desk'; revoked_at: number | null }
    | undefined;
  return row ? { id: row.id, name: row.name, kind: row.kind, revokedAt: row.revoked_at } : null;
}

// When each session this process made started on the monotonic clock, keyed by the connection (every Core has
// its own). It lets a session outlive a wall clock that went back, for exactly its real length.
const sessionStarts = new WeakMap<ReadableDB, Map<string, number>>();

export function rememberSessionStart(db: ReadableDB, sessionId: string, monotonic: number): void {
  let starts = sessionStarts.get(db);
  if (!starts) sessionStarts.set(db, (starts = new Map()));
  starts.set(sessionId, monotonic);
}

/**
 * Milliseconds a session has left. Bounded when the wall clock goes back: a session this process made is
 * timed on the monotonic clock, so it lasts its length in real time; one whose start lies in the future and
 * that this process cannot time (made before a restart) has ended — its holder signs in again.
 */
export function sessionRemaining(db: ReadableDB, session: { id: string; created_at: number; expires_at: number }, now: number, monotonic?: number): number {
  const length = session.expires_at - session.created_at;
  const start = monotonic === undefined ? undefined : sessionStarts.get(db)?.get(session.id);
  if (start !== undefined && session.created_at > now + CLOCK_STEP_BACK_TOLERANCE_MS) return Math.max(0, length - (monotonic! - start));
  return remainingOf(session.created_at, length, now);
}

export function findLiveSession(
  db: ReadableDB,
  token: string,
  now: number,
  monotonic?: number,
): { sessionId: string; user: SignedInUser; expiresAt: number } | null {
  const row = db
    .prepare(
      `SELECT s.id AS session_id, s.created_at, s.expires_at, s.ended_at, u.id AS user_id, u.name, u.role, u.department, u.active
       FROM sessions s JOIN staff u ON u.id = s.user_id WHERE s.token_hash = ?`,
    )
    .get(tokenHash(token)) as SessionJoinRow | undefined;
  if (!row || row.ended_at !== null || !row.active) return null;
  if (sessionRemaining(db, { id: row.session_id, created_at: row.created_at, expires_at: row.expires_at }, now, monotonic) <= 0) return null;
  return {
    sessionId: row.session_id,
    user: { id: row.user_id, name: row.name, role: row.role, department: row.department },
    expiresAt: row.expires_at,
  };
}

/**
 * Resolves the caller. A device token that is unknown or revoked is refused outright (so a revoked screen
 * stops working at once); a LAN request without a paired device is anonymous-and-unpaired, which the
 * dispatcher lets reach only pairing.
 */
export function resolveCaller(db: ReadableDB, credentials: Credentials, now: number, monotonic?: number): { caller: Caller; paired: boolean } {
  let device: DeviceRef | null = credentials.kioskDevice ?? null;
  if (!device && credentials.deviceToken) {
    const found = findDeviceByToken(db, credentials.deviceToken);
    if (!found || found.revokedAt !== null) throw new UnauthenticatedError('errors:devices.revoked', 'device_required');
    device = { id: found.id, name: found.name, kind: found.kind };
  }
  const paired = device !== null || (credentials.origin !== 'lan' && !credentials.requirePairing);
  if (device?.kind === 'kiosk') return { caller: { kind: 'kiosk', device }, paired };
  if (credentials.sessionToken) {
    const session = findLiveSession(db, credentials.sessionToken, now, monotonic);
    if (session) return { caller: { kind: 'staff', user: session.user, sessionId: session.sessionId, device }, paired };
    // A stale token is not an error by itself: methods open to the public still work; staff methods say 401.
  }
  return { caller: { kind: 'anonymous', device }, paired };
}
