// Plain reads other parts of the desk use: the lobby panel, and what the shift handover lists — items that will
// escalate (or fall due) within the next 24 hours and those already overdue.
import type { ReadableDB } from '../store/sql';
import { HOUR } from '../../../shared/rules/time';
import type { LobbyView, RecordSummary } from '../../../shared/contract/records';
import { auditReminder } from './daily-audit';
import { reviewReminder } from './weekly-review';
import { watchedItems } from './clock';
import { toSummary } from './rows';
import { recordsEnv, type RecordsEnv } from './settings';

export const DUE_SOON_HORIZON_MS = 24 * HOUR;

/**
 * Open items (and follow-up visits) that are overdue or have a deadline within `horizonMs`: the next step of the
 * ladder, a complaint's answer, a follow-up visit. Most urgent first. For the lobby and the shift handover (S-1).
 */
export function dueSoonAndOverdue(db: ReadableDB, now: number, horizonMs = DUE_SOON_HORIZON_MS, env: RecordsEnv = recordsEnv(db)): RecordSummary[] {
  return watchedItems(db)
    .map((row) => toSummary(row, env, now))
    .filter((s) => s.overdue || (s.nextDeadline !== null && s.nextDeadline.at <= now + horizonMs))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.nextDeadline?.at ?? Infinity) - (b.nextDeadline?.at ?? Infinity));
}

/** Who acts next on an item in the lobby's grouping: follow-up visits are the desk's; otherwise the owner level. */
export function actingLevel(item: RecordSummary): RecordSummary['level'] {
  return item.status === 'resolved' ? 'desk' : item.level;
}

export function lobbyView(db: ReadableDB, now: number): LobbyView {
  const env = recordsEnv(db);
  const groups: LobbyView['groups'] = { desk: [], supervisor: [], manager: [] };
  for (const item of dueSoonAndOverdue(db, now, DUE_SOON_HORIZON_MS, env)) groups[actingLevel(item)].push(item);
  const openCount = (db.prepare("SELECT COUNT(*) AS n FROM record_items WHERE status IN ('open','forwarded')").get() as { n: number }).n;
  return { groups, openCount, auditReminder: auditReminder(db, env, now), reviewReminder: reviewReminder(db, env, now) };
}
