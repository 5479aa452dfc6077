// The desk's side of visits: register and check in, confirm or decline self-registrations, sign out, returning
// visitors, the lobby lists and the history.
import type { CallContext, FeatureHandlers } from '../context';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { requireBuildingProfile } from '../settings';
import { writeSection } from '../settings';
import { tenantRow } from '../directory';
import { dayKey } from '../../../shared/rules/time';
import { maskIdNumber } from '../../../shared/rules/id-number';
import { formatPassNumber, parsePassInput, passQrText } from '../../../shared/rules/visitor-pass';
import type { Visit, VisitorSettings } from '../../../shared/contract/visitors';
import { visitorSettings, VISITORS_SECTION } from './settings';
import { matchWatchList } from './watch-list';
import { notifyVisitorArrived } from '../notify';
import { insertVisit } from './new-visit';
import { anyLike, containsPattern, Where } from '../store/sql';
import { toVisit, visitRow, VISIT_SELECT, type VisitJoinRow, type VisitRow } from './rows';

export function visitOut(ctx: CallContext, id: string): Visit {
  return toVisit(ctx.db, visitRow(ctx.db, id), ctx.now, visitorSettings(ctx.db).overstayMinutes);
}

/** The tenant must exist and be active (and listed, for the visitor screen). */
export function checkTenant(ctx: CallContext, tenantId: string, options: { listedOnly: boolean }): void {
  let ok = false;
  try {
    const t = tenantRow(ctx.db, tenantId);
    ok = t.active === 1 && (!options.listedOnly || t.listed === 1);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  if (!ok) throw ValidationError.field('tenantId', 'visitors:error.tenantUnknown');
}

export function checkPurpose(settings: VisitorSettings, purpose: string): void {
  if (!settings.purposes.some((p) => p.zh === purpose)) throw ValidationError.field('purpose', 'visitors:error.purpose');
}

/** The ID number as stored: always masked; in full only when the building's setting allows (V-1). */
export function idNumberColumns(settings: VisitorSettings, idNumber: string | null): { id_number_masked: string | null; id_number: string | null } {
  if (!idNumber) return { id_number_masked: null, id_number: null };
  return { id_number_masked: maskIdNumber(idNumber), id_number: settings.storeFullIdNumber ? idNumber : null };
}

/** The day's next pass number in the building's time zone: 1127-001, 1127-002 … */
export function nextPassNumber(ctx: CallContext): string {
  const day = dayKey(ctx.now, requireBuildingProfile(ctx.db).timeZone);
  return formatPassNumber(day, ctx.tx.nextNumber(`visit-pass:${day}`));
}

export function staffId(ctx: CallContext): string | null {
  return ctx.caller.kind === 'staff' ? ctx.caller.user.id : null;
}

export function announce(ctx: CallContext, row: Pick<VisitRow, 'id' | 'status' | 'source' | 'watch_matches'>): void {
  ctx.emit('visitors.changed', { visitId: row.id, status: row.status, source: row.source, watchListMatch: row.watch_matches !== '[]' });
}

function signOutRow(ctx: CallContext, row: VisitJoinRow, via: 'click' | 'pass' | 'scan'): Visit {
  if (row.status !== 'in') throw new ConflictError('visitors:error.notIn');
  const { after } = ctx.tx.update<VisitRow>('visits', row.id, {
    status: 'out',
    checked_out_at: ctx.now,
    checked_out_by: staffId(ctx),
    checkout_via: via,
  });
  announce(ctx, after);
  return visitOut(ctx, row.id);
}

type DeskHandlers = Pick<
  FeatureHandlers<'visitors'>,
  'settings' | 'updateSettings' | 'lobby' | 'history' | 'get' | 'lastByMobile' | 'register' | 'confirm' | 'decline' | 'signOut' | 'signOutByPass' | 'revealIdNumber'
>;

export const deskHandlers: DeskHandlers = {
  settings: (ctx) => visitorSettings(ctx.db),

  updateSettings: (ctx, input) => {
    writeSection(ctx.tx, VISITORS_SECTION, input);
    return input;
  },

  lobby: (ctx) => {
    const { overstayMinutes } = visitorSettings(ctx.db);
    const shape = (rows: VisitJoinRow[]) => rows.map((r) => toVisit(ctx.db, r, ctx.now, overstayMinutes));
    return {
      pending: shape(ctx.db.prepare(`${VISIT_SELECT} WHERE v.status = 'pending' ORDER BY v.registered_at, v.id`).all() as VisitJoinRow[]),
      inBuilding: shape(ctx.db.prepare(`${VISIT_SELECT} WHERE v.status = 'in' ORDER BY v.checked_in_at, v.id`).all() as VisitJoinRow[]),
      overstayMinutes,
    };
  },

  history: (ctx, input) => {
    const where = new Where().when(input.from, 'v.registered_at >= ?').when(input.to, 'v.registered_at < ?').when(input.before, 'v.registered_at < ?');
    const q = input.q.normalize('NFKC').trim();
    if (q) {
      const like = containsPattern(q);
      const columns = ['v.visitor_name', 'v.mobile', 'v.pass_number', 't.name', 't.display_name', 'v.host_name', 'v.vehicle_plate'];
      // Plates are stored upper-case.
      where.add(anyLike(columns), ...columns.map((c) => (c === 'v.vehicle_plate' ? like.toUpperCase() : like)));
    }
    const rows = ctx.db
      .prepare(`${VISIT_SELECT} ${where.clause} ORDER BY v.registered_at DESC, v.id DESC LIMIT ?`)
      .all(...where.params, input.limit) as VisitJoinRow[];
    const { overstayMinutes } = visitorSettings(ctx.db);
    return { visits: rows.map((r) => toVisit(ctx.db, r, ctx.now, overstayMinutes)) };
  },

  get: (ctx, input) => visitOut(ctx, input.id),

  lastByMobile: (ctx, input) => {
    const row = ctx.db
      .prepare(`${VISIT_SELECT} WHERE v.mobile = ? AND v.redacted_at IS NULL AND v.status IN ('in','out') ORDER BY v.registered_at DESC, v.id DESC LIMIT 1`)
      .get(input.mobile) as VisitJoinRow | undefined;
    if (!row) return { last: null };
    const { n } = ctx.db.prepare("SELECT COUNT(*) AS n FROM visits WHERE mobile = ? AND status IN ('in','out')").get(input.mobile) as { n: number };
    return {
      last: {
        visitorName: row.visitor_name,
        tenant: { id: row.tenant_id, name: row.t_name, displayName: row.t_display_name, floor: row.t_floor, room: row.t_room, active: row.t_active === 1 },
        hostName: row.host_name,
        purpose: row.purpose,
        partySize: row.party_size,
        vehiclePlate: row.vehicle_plate,
        lastVisitAt: row.registered_at,
        visitCount: n,
      },
    };
  },

  register: (ctx, input) => {
    const settings = visitorSettings(ctx.db);
    checkTenant(ctx, input.tenantId, { listedOnly: false });
    checkPurpose(settings, input.purpose);
    const matches = matchWatchList(ctx, input);
    if (matches.length > 0 && !input.overrideWatchList) throw new ConflictError('visitors:error.watchListMatch');
    const row = insertVisit(ctx, settings, input, { source: 'desk', checkIn: true, lang: ctx.lang, matches });
    announce(ctx, row);
    notifyVisitorArrived(ctx, row);
    return visitOut(ctx, row.id);
  },

  confirm: (ctx, input) => {
    const row = visitRow(ctx.db, input.id);
    if (row.status !== 'pending') throw new ConflictError('visitors:error.notPending');
    if (row.watch_matches !== '[]' && !input.overrideWatchList) throw new ConflictError('visitors:error.watchListMatch');
    const passNumber = nextPassNumber(ctx);
    const { after } = ctx.tx.update<VisitRow>('visits', row.id, {
      status: 'in',
      pass_number: passNumber,
      checked_in_at: ctx.now,
      decided_at: ctx.now,
      decided_by: staffId(ctx),
      host_contacted: input.hostContacted ? 1 : 0,
      badge_number: input.badgeNumber,
    });
    announce(ctx, after);
    // The host is told through the tenant's channels; the desk's call (hostContacted) stays the fallback.
    notifyVisitorArrived(ctx, after);
    if (row.device_id) {
      // Addressed to the visitor screen it came from: no other screen learns this visitor's pass.
      ctx.emit(
        'visitors.registrationDecided',
        { registrationId: row.id, outcome: 'confirmed', passNumber, qrText: passQrText(passNumber) },
        { deviceId: row.device_id },
      );
    }
    return visitOut(ctx, row.id);
  },

  decline: (ctx, input) => {
    const row = visitRow(ctx.db, input.id);
    if (row.status !== 'pending') throw new ConflictError('visitors:error.notPending');
    const { after } = ctx.tx.update<VisitRow>('visits', row.id, {
      status: 'declined',
      decided_at: ctx.now,
      decided_by: staffId(ctx),
      decline_reason: input.reason,
    });
    announce(ctx, after);
    if (row.device_id) {
      // The reason stays at the desk: the visitor screen only asks the visitor to see the front desk.
      ctx.emit('visitors.registrationDecided', { registrationId: row.id, outcome: 'declined', passNumber: null, qrText: null }, { deviceId: row.device_id });
    }
    return visitOut(ctx, row.id);
  },

  signOut: (ctx, input) => signOutRow(ctx, visitRow(ctx.db, input.id), 'click'),

  signOutByPass: (ctx, input) => {
    const query = parsePassInput(input.pass);
    let rows: VisitJoinRow[];
    if (query.kind === 'invalid') throw ValidationError.field('pass', 'visitors:error.passInvalid');
    if (query.kind === 'full') {
      rows = ctx.db.prepare(`${VISIT_SELECT} WHERE v.status = 'in' AND v.pass_number = ?`).all(query.passNumber) as VisitJoinRow[];
    } else {
      rows = ctx.db
        .prepare(`${VISIT_SELECT} WHERE v.status = 'in' AND CAST(substr(v.pass_number, instr(v.pass_number, '-') + 1) AS INTEGER) = ?`)
        .all(query.sequence) as VisitJoinRow[];
    }
    const shown = query.kind === 'full' ? query.passNumber : input.pass.trim();
    if (rows.length === 0) throw new NotFoundError('visitors:error.passNotFound', { pass: shown });
    if (rows.length > 1) throw new ConflictError('visitors:error.passAmbiguous', { pass: shown });
    return signOutRow(ctx, rows[0]!, input.via);
  },

  revealIdNumber: (ctx, input) => {
    const row = visitRow(ctx.db, input.id);
    ctx.tx.note('visits', row.id, { revealed: 'id_number', stored: row.id_number !== null });
    return { idNumber: row.id_number };
  },
};
