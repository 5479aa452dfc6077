// The records timer, owned by main: records each warning, escalation, complaint breach and overdue
// follow-up once, with when it was due and when it was detected, and tells the lobby, the new owner's screen and
// the OS. State is derived from stored timestamps, so a restart catches up: an item left alone for a week goes
// straight to the manager with both steps recorded and one notice each.
import type Database from 'better-sqlite3';
import type { CallContext } from '../context';
import type { Job } from '../jobs';
import { translate } from '../i18n';
import { DEFAULT_LANGUAGE } from '../../../shared/i18n';
import type { ClockKind, Level } from '../../../shared/contract/records';
import { ESCALATES_TO, SUPERSEDED_BY, ladderSteps, type ClockStep } from './escalation';
import { complaintSteps, followUpSteps } from './complaints';
import { ITEM_SELECT, LEVEL_RANK, OWNER_ROLE, type ListedRow } from './rows';
import { recordsEnv, type RecordsEnv } from './settings';
import { newId } from './trail-notes';

export const CLOCK_JOB_NAME = 'records.clock';

export function clockSteps(item: ListedRow, env: RecordsEnv): ClockStep[] {
  return [...ladderSteps(item, env), ...complaintSteps(item, env), ...followUpSteps(item)];
}

const stepKey = (kind: ClockKind, cycle: number) => `${kind}:${cycle}`;

/** Items the clock still watches: open ones, and resolved ones waiting for their follow-up visit. */
export function watchedItems(db: Database.Database): ListedRow[] {
  return db.prepare(`${ITEM_SELECT} WHERE i.status IN ('open','forwarded') OR i.follow_up_due_at IS NOT NULL`).all() as ListedRow[];
}

function recordedSteps(db: Database.Database, itemId: string): Set<string> {
  const rows = db.prepare('SELECT kind, cycle FROM record_clock_events WHERE item_id = ?').all(itemId) as Array<{ kind: ClockKind; cycle: number }>;
  return new Set(rows.map((r) => stepKey(r.kind, r.cycle)));
}

function allRecordedSteps(db: Database.Database): Map<string, Set<string>> {
  const rows = db
    .prepare(
      `SELECT e.item_id, e.kind, e.cycle FROM record_clock_events e JOIN record_items i ON i.id = e.item_id
       WHERE i.status IN ('open','forwarded') OR i.follow_up_due_at IS NOT NULL`,
    )
    .all() as Array<{ item_id: string; kind: ClockKind; cycle: number }>;
  const byItem = new Map<string, Set<string>>();
  for (const r of rows) {
    let set = byItem.get(r.item_id);
    if (!set) byItem.set(r.item_id, (set = new Set()));
    set.add(stepKey(r.kind, r.cycle));
  }
  return byItem;
}

export function pendingSteps(item: ListedRow, env: RecordsEnv, recorded: ReadonlySet<string>): ClockStep[] {
  return clockSteps(item, env)
    .filter((s) => !recorded.has(stepKey(s.kind, s.cycle)))
    .sort((a, b) => a.dueAt - b.dueAt);
}

/** The earliest moment the clock has something to do, or null when nothing is pending. Reads only. */
export function nextClockDue(db: Database.Database, env: RecordsEnv = recordsEnv(db)): number | null {
  const recorded = allRecordedSteps(db);
  let next: number | null = null;
  for (const item of watchedItems(db)) {
    const first = pendingSteps(item, env, recorded.get(item.id) ?? new Set())[0];
    if (first && (next === null || first.dueAt < next)) next = first.dueAt;
  }
  return next;
}

export interface ClockNotice {
  kind: ClockKind;
  itemId: string;
  number: string;
  level: Level;
  dueAt: number;
  deadline: number;
  detectedAt: number;
}

const ASSIGNED_REASON: Record<ClockKind, 'escalated' | 'warning' | 'breach' | 'followUpOverdue'> = {
  warn_supervisor: 'warning',
  escalate_supervisor: 'escalated',
  warn_manager: 'warning',
  escalate_manager: 'escalated',
  warn_answer: 'warning',
  breach_answer: 'breach',
  follow_up_overdue: 'followUpOverdue',
};

/**
 * Records whatever of the item's clock is due at `ctx.now` and sends its notices. Idempotent: a step is recorded
 * once (unique per item, kind and cycle), and a warning whose deadline has passed as well is left out.
 */
export function advanceItemClock(ctx: CallContext, item: ListedRow, env: RecordsEnv): ClockNotice[] {
  const due = pendingSteps(item, env, recordedSteps(ctx.db, item.id)).filter((s) => s.dueAt <= ctx.now);
  if (due.length === 0) return [];
  const dueKinds = new Set(due.map((s) => s.kind));
  let level = item.level;
  let breachedAt = item.breached_at;
  const notices: ClockNotice[] = [];
  for (const step of due) {
    const supersededBy = SUPERSEDED_BY[step.kind];
    if (supersededBy && dueKinds.has(supersededBy)) continue;
    ctx.tx.insert('record_clock_events', {
      id: newId(ctx.now),
      item_id: item.id,
      kind: step.kind,
      cycle: step.cycle,
      due_at: step.dueAt,
      detected_at: ctx.now,
    });
    const target = ESCALATES_TO[step.kind];
    if (target && LEVEL_RANK[target] > LEVEL_RANK[level]) level = target;
    if (step.kind === 'breach_answer' && breachedAt === null) breachedAt = ctx.now;
    notices.push({ kind: step.kind, itemId: item.id, number: item.number, level, dueAt: step.dueAt, deadline: step.deadline, detectedAt: ctx.now });
  }
  if (level !== item.level || breachedAt !== item.breached_at) {
    ctx.tx.update('record_items', item.id, { level, breached_at: breachedAt, updated_at: ctx.now });
  }
  for (const notice of notices) {
    ctx.emit('records.notice', { kind: notice.kind, itemId: item.id, number: item.number, type: item.type, level: notice.level, dueAt: notice.dueAt, detectedAt: notice.detectedAt });
    // Escalations go to the new owner; warnings and breaches to whoever owns the item now; follow-ups to the desk.
    const to = ESCALATES_TO[notice.kind] ?? (notice.kind === 'follow_up_overdue' ? 'desk' : notice.level);
    ctx.emit(
      'records.assigned',
      {
        itemId: item.id,
        number: item.number,
        type: item.type,
        reason: ASSIGNED_REASON[notice.kind],
        level: notice.level,
        department: item.department,
        dueAt: notice.deadline,
      },
      { roles: [OWNER_ROLE[to]] },
    );
  }
  if (notices.length > 0) ctx.emit('records.changed', { itemId: item.id });
  return notices;
}

/** Shows the notices as OS notifications (desktop app only; web mode has none). */
export function notifyHost(ctx: CallContext, notices: readonly ClockNotice[]): void {
  const notify = ctx.host.notify;
  if (!notify) return;
  for (const notice of notices) {
    try {
      notify(
        translate(DEFAULT_LANGUAGE, 'records:notice.title'),
        translate(DEFAULT_LANGUAGE, `records:notice.${notice.kind}`, { number: notice.number }),
      );
    } catch (error) {
      ctx.logger.warn('OS notification failed', { error: String(error) });
    }
  }
}

export const recordsClockJob: Job = {
  name: CLOCK_JOB_NAME,
  nextDueAt: (services) => nextClockDue(services.db),
  run(ctx) {
    const env = recordsEnv(ctx.db);
    const notices: ClockNotice[] = [];
    for (const item of watchedItems(ctx.db)) notices.push(...advanceItemClock(ctx, item, env));
    notifyHost(ctx, notices);
  },
};
