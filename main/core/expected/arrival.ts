// Arrival of an expected visitor (V-8): the invitation is checked (tag, cancelled, window, once a day) and the visit
// is registered in the same transaction — checked in at once, or awaiting the desk's confirmation (visitor screen,
// by the building's setting, and always after a watch-list match there).
import { newId } from '../ids';
import type { CallContext } from '../context';
import { ConflictError, ValidationError } from '../errors';
import { requireBuildingProfile } from '../settings';
import { announce, insertVisit, visitOut, visitorSettings } from '../visitors';
import { matchWatchList } from '../visitors';
import { notifyVisitorArrived } from '../notify';
import { dayKey, formatTime } from '../../../shared/rules/time';
import type { Visit } from '../../../shared/contract/visitors';
import { expectedByNumber, expectedRow, hhmm, lastOccurrence, nextOccurrence, occursOn, windowOn, type ExpectedRow } from './rows';
import { invitationNumber, tagMatches } from './invitation';
import { expectedSettings } from './settings';

type Found = ReturnType<typeof expectedRow>;

/** The invitation a code names, if the code is genuine; every other case is the same "not valid" answer. */
export function invitationFor(ctx: CallContext, code: string): Found {
  const parsed = invitationNumber(code);
  const row = parsed ? expectedByNumber(ctx.db, parsed.number) : undefined;
  if (!parsed || !row || row.redacted_at !== null || !tagMatches(ctx.keys, row.invite_number, row.invite_rev, parsed.tag)) {
    throw ValidationError.field('code', 'expected:error.invitationInvalid');
  }
  return row;
}

/** Today's day key if the invitation may be used now; otherwise a clear reason (cancelled, not yet, expired). */
export function usableDay(ctx: CallContext, row: ExpectedRow): string {
  if (row.status === 'cancelled') throw new ConflictError('expected:error.invitationCancelled');
  const tz = requireBuildingProfile(ctx.db).timeZone;
  const { earlyMinutes } = expectedSettings(ctx.db);
  const today = dayKey(ctx.now, tz);
  const window = { from: hhmm(row.start_minute), to: hhmm(row.end_minute) };
  if (occursOn(row, today, tz)) {
    const w = windowOn(row, today, tz);
    if (ctx.now >= w.from - earlyMinutes * 60_000 && ctx.now < w.to) return today;
    if (ctx.now < w.from) throw new ConflictError('expected:error.invitationNotYet', { date: today, ...window });
  }
  const tomorrow = dayKey(ctx.now + 24 * 3600_000, tz);
  const next = nextOccurrence(row, today < row.first_day ? row.first_day : tomorrow, tz);
  if (next) throw new ConflictError('expected:error.invitationNotYet', { date: next, ...window });
  throw new ConflictError('expected:error.invitationExpired', { date: lastOccurrence(row, tz), to: window.to, now: formatTime(ctx.now, tz) });
}

export interface Admission {
  via: 'kiosk' | 'scan' | 'desk';
  /** Checked in now, or left awaiting the desk's confirmation. */
  checkIn: boolean;
  overrideWatchList: boolean;
}

/** Registers the visit of an expected visitor in one step and links it to the invitation for that day. */
export function admit(ctx: CallContext, row: Found, day: string, how: Admission): Visit {
  if (ctx.db.prepare('SELECT 1 FROM expected_arrivals WHERE expected_id = ? AND day = ?').get(row.id, day)) {
    throw new ConflictError('expected:error.alreadyArrived');
  }
  const matches = matchWatchList(ctx, { visitorName: row.visitor_name, mobile: row.mobile });
  const atKiosk = how.via === 'kiosk';
  if (matches.length > 0 && !atKiosk && !how.overrideWatchList) throw new ConflictError('visitors:error.watchListMatch');
  // At the visitor screen a match is never admitted by itself: the desk sees the alert when it confirms.
  const checkIn = how.checkIn && !(atKiosk && matches.length > 0);
  const deviceId = atKiosk && ctx.caller.kind === 'kiosk' ? ctx.caller.device.id : null;
  const draft = { visitorName: row.visitor_name, mobile: row.mobile, tenantId: row.tenant_id, hostName: row.host_name, purpose: row.purpose, partySize: row.party_size };
  const visit = insertVisit(ctx, visitorSettings(ctx.db), draft, { source: atKiosk ? 'kiosk' : 'desk', checkIn, lang: ctx.lang, matches, deviceId });
  ctx.tx.insert('expected_arrivals', { id: newId(ctx.now), expected_id: row.id, day, visit_id: visit.id, via: how.via, arrived_at: ctx.now });
  announce(ctx, visit);
  ctx.emit('expected.changed', { expectedId: row.id });
  if (checkIn) notifyVisitorArrived(ctx, visit);
  return visitOut(ctx, visit.id);
}
