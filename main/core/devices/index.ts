// Pairing visitor screens and LAN terminals: an admin issues a one-time code, the device trades it for a token.
import { newId } from '../ids';
import type { FeatureHandlers } from '../context';
import { newPairingCode, newToken, normalizePairingCode, tokenHash } from '../auth';
import { NotFoundError, ValidationError } from '../errors';
import { remainingOf } from '../clock';
import type { Device } from '../../../shared/contract/devices';

export const PAIRING_CODE_MINUTES = 10;

interface DeviceRow {
  id: string;
  name: string;
  kind: 'kiosk' | 'desk';
  paired_at: number;
  revoked_at: number | null;
}

/** When each device was last heard from: kept in memory, it is not worth a write per request. */
export const deviceLastSeen = new Map<string, number>();

function toDevice(row: DeviceRow): Device {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    pairedAt: row.paired_at,
    lastSeenAt: deviceLastSeen.get(row.id) ?? null,
    revokedAt: row.revoked_at,
  };
}

export const devicesHandlers: FeatureHandlers<'devices'> = {
  createPairingCode: (ctx, input) => {
    const code = newPairingCode();
    const expiresAt = ctx.now + PAIRING_CODE_MINUTES * 60_000;
    ctx.tx.insert('pairing_codes', {
      id: newId(ctx.now),
      code_hash: tokenHash(code),
      name: input.name,
      kind: input.kind,
      created_at: ctx.now,
      expires_at: expiresAt,
      used_at: null,
      device_id: null,
    });
    return { code, expiresAt };
  },

  pair: (ctx, input) => {
    const code = normalizePairingCode(input.code);
    const pending = ctx.db.prepare('SELECT * FROM pairing_codes WHERE code_hash = ?').get(tokenHash(code)) as
      | { id: string; name: string; kind: 'kiosk' | 'desk'; created_at: number; expires_at: number; used_at: number | null }
      | undefined;
    // A code lives its ten minutes at most, also when the wall clock went back after it was issued.
    if (!pending || pending.used_at !== null || remainingOf(pending.created_at, pending.expires_at - pending.created_at, ctx.now) <= 0) {
      throw ValidationError.field('code', 'errors:devices.codeInvalid');
    }
    const token = newToken();
    const row: DeviceRow & { token_hash: string } = {
      id: newId(ctx.now),
      name: pending.name,
      kind: pending.kind,
      token_hash: tokenHash(token),
      paired_at: ctx.now,
      revoked_at: null,
    };
    ctx.tx.insert('devices', row);
    ctx.tx.update('pairing_codes', pending.id, { used_at: ctx.now, device_id: row.id });
    ctx.emit('devices.changed', { deviceId: row.id });
    return { device: toDevice(row), token };
  },

  whoami: (ctx) => {
    const device = ctx.caller.kind === 'kiosk' || ctx.caller.kind === 'anonymous' || ctx.caller.kind === 'staff' ? ctx.caller.device : null;
    return { device: device ? { id: device.id, name: device.name, kind: device.kind } : null };
  },

  list: (ctx) => ({
    devices: (ctx.db.prepare('SELECT id, name, kind, paired_at, revoked_at FROM devices ORDER BY paired_at DESC').all() as DeviceRow[]).map(toDevice),
  }),

  revoke: (ctx, input) => {
    const row = ctx.tx.get('devices', input.id);
    if (!row) throw new NotFoundError();
    if (row.revoked_at === null) {
      // Its next call is refused and its event channel closes (code 4401): it shows the pairing screen.
      ctx.tx.update('devices', input.id, { revoked_at: ctx.now });
      ctx.emit('devices.changed', { deviceId: input.id });
    }
    return { ok: true as const };
  },
};

/**
 * The visitor screen on this PC's second display needs no pairing code: the desktop shell registers it as a
 * kiosk device once (audited as the system) and keeps its id. Returns null when an admin revoked it.
 */
export function ensureLocalKiosk(
  host: { db: import('better-sqlite3').Database; runAsSystem<T>(method: string, work: (ctx: import('../context').CallContext) => T): T },
  knownId: string | null,
  name: string,
): { id: string; name: string; kind: 'kiosk' } | null {
  if (knownId) {
    const row = host.db.prepare('SELECT id, name, revoked_at FROM devices WHERE id = ?').get(knownId) as
      | { id: string; name: string; revoked_at: number | null }
      | undefined;
    if (row) return row.revoked_at === null ? { id: row.id, name: row.name, kind: 'kiosk' } : null;
  }
  return host.runAsSystem('devices.registerLocalKiosk', (ctx) => {
    const id = newId(ctx.now);
    // The token is never used (the window is identified by main, not by a token); it only fills the column.
    ctx.tx.insert('devices', { id, name, kind: 'kiosk', token_hash: tokenHash(newToken()), paired_at: ctx.now, revoked_at: null });
    return { id, name, kind: 'kiosk' as const };
  });
}
