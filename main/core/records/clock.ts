// The records timer, owned by main: records each warning, escalation, complaint breach and overdue
// follow-up once, with when it was due and when it was detected, and tells the lobby, the new owner's screen and
// the OS. State is derived from stored timestamps, so a restart catches up: an item left alone for a week goes
// straight to the manager with both steps recorded and one notice each.
//
// Each item's next step is computed once per change of the item (a trigger marks its row in record_clock_due
// stale) and once per change of the settings (another basis), stored and indexed: a wake reads the rows that are
// due or stale, at most a batch of them, and never walks every open item's deadlines.
import type { ReadableDB } from '../store/sql';
import type { CallContext, CoreServices } from '../context';
import type { Job } from '../jobs';
import type { Tx } from '../store/tx';
import { boundedDue, waitStartParams, type WallClockJump } from '../clock-jump';
import { translate } from '../i18n';
import { DEFAULT_LANGUAGE } from '../../../shared/i18n';
import type { ClockKind, Level } from '../../../shared/contract/records';
import { ESCALATES_TO, SUPERSEDED_BY, ladderSteps, type ClockStep } from './escalation';
import { complaintSteps, followUpSteps } from './complaints';
import { findItem, ITEM_SELECT, LEVEL_RANK, OWNER_ROLE, type ItemRow, type ListedRow } from './rows';
import { recordsEnv, type RecordsEnv } from './settings';
import { newId } from '../ids';

export const CLOCK_JOB_NAME = 'records.clock';

export function clockSteps(item: ListedRow, env: RecordsEnv): ClockStep[] {
  return [...ladderSteps(item, env), ...complaintSteps(item, env), ...followUpSteps(item)];
}

const stepKey = (kind: ClockKind, cycle: number) => `${kind}:${cycle}`;

/** Items the clock still watches: open ones, and resolved ones waiting for their follow-up visit. */
export function watchedItems(db: ReadableDB): ListedRow[] {
  return db.prepare(`${ITEM_SELECT} WHERE i.status IN ('open','forwarded') OR i.follow_up_due_at IS NOT NULL`).all() as ListedRow[];
}

function recordedSteps(db: ReadableDB, itemId: string): Set<string> {
  const rows = db.prepare('SELECT kind, cycle FROM record_clock_events WHERE item_id = ?').all(itemId) as Array<{ kind: ClockKind; cycle: number }>;
  return new Set(rows.map((r) => stepKey(r.kind, r.cycle)));
}

export function pendingSteps(item: ListedRow, env: RecordsEnv, recorded: ReadonlySet<string>): ClockStep[] {
  return clockSteps(item, env)
    .filter((s) => !recorded.has(stepKey(s.kind, s.cycle)))
    .sort((a, b) => a.dueAt - b.dueAt);
}

/** What a step counts from: the item's reception, or its resolution for the follow-up visit. */
function stepStart(item: ItemRow, step: ClockStep): number {
  return step.kind === 'follow_up_overdue' ? (item.resolved_at ?? item.received_at) : item.received_at;
}

/** A step's time as the clock judges it: bounded when the wall clock went back since the item's time was taken. */
function effectiveDue(item: ItemRow, step: ClockStep, now: number, jump: WallClockJump | null): number {
  return boundedDue(stepStart(item, step), step.dueAt, now, jump);
}

/** Rows the timer handles in one wake at most (≈ 30 ms of work); the rest are due again 250 ms later. */
export const CLOCK_BATCH = 100;

/** How many items the timer has read and computed (per database), for the tests and the bench. */
export interface ClockWork {
  itemsRead: number;
}
const work = new WeakMap<ReadableDB, ClockWork>();
export function clockWork(db: ReadableDB): ClockWork {
  let w = work.get(db);
  if (!w) work.set(db, (w = { itemsRead: 0 }));
  return w;
}

/** The settings the stored times depend on. */
function basisOf(env: RecordsEnv): string {
  const s = env.settings;
  return JSON.stringify([s.supervisorAfterDays, s.managerAfterDays, s.warnBeforeHours, s.complaintAnswerHours, s.countMode, s.holidays, s.makeUpDays, env.timeZone]);
}

function storedBasis(db: ReadableDB): string | null {
  return (db.prepare('SELECT basis FROM record_clock_basis WHERE id = 1').get() as { basis: string } | undefined)?.basis ?? null;
}

/** The next step still pending for an item, and what it counts from (null: nothing pending). */
function nextStep(db: ReadableDB, item: ListedRow, env: RecordsEnv): { dueAt: number; startAt: number } | null {
  const first = pendingSteps(item, env, recordedSteps(db, item.id))[0];
  return first ? { dueAt: first.dueAt, startAt: stepStart(item, first) } : null;
}

/** Stores an item's next step (the timer's index of what is due). */
function storeNextStep(tx: Tx, item: ListedRow, env: RecordsEnv, pending?: ClockStep[]): void {
  const db = tx.db;
  const first = (pending ?? pendingSteps(item, env, recordedSteps(db, item.id)))[0];
  const next = first ? { dueAt: first.dueAt, startAt: stepStart(item, first) } : null;
  tx.derived(
    'record_clock_due',
    `INSERT INTO record_clock_due (item_id, due_at, start_at, stale) VALUES (@id, @due, @start, 0)
     ON CONFLICT (item_id) DO UPDATE SET due_at = @due, start_at = @start, stale = 0`,
    { id: item.id, due: next?.dueAt ?? null, start: next?.startAt ?? null },
  );
}

function staleIds(db: ReadableDB, limit: number): string[] {
  return (db.prepare('SELECT item_id FROM record_clock_due WHERE stale = 1 LIMIT ?').all(limit) as Array<{ item_id: string }>).map((r) => r.item_id);
}

/**
 * The earliest moment the clock has something to do, or null when nothing is pending. Reads only. With `now` (and
 * a clock jump) it is bounded as the timer judges steps. Rows changed since the timer last ran are computed here;
 * before the timer has stored anything under the current settings, every watched item is.
 */
export function nextClockDue(db: ReadableDB, env: RecordsEnv = recordsEnv(db), at: { now?: number; jump?: WallClockJump | null } = {}): number | null {
  const now = at.now;
  const jump = at.jump ?? null;
  const bound = (startAt: number, dueAt: number) => (now === undefined ? dueAt : boundedDue(startAt, dueAt, now, jump));
  const counter = clockWork(db);
  let next: number | null = null;
  const consider = (value: number | null) => {
    if (value !== null && (next === null || value < next)) next = value;
  };
  const computed = (item: ListedRow | undefined) => {
    counter.itemsRead += 1;
    const step = item ? nextStep(db, item, env) : null;
    if (step) consider(bound(step.startAt, step.dueAt));
  };
  if (storedBasis(db) !== basisOf(env)) {
    for (const item of watchedItems(db)) computed(item);
    return next;
  }
  for (const id of staleIds(db, Number.MAX_SAFE_INTEGER)) computed(findItem(db, id));
  consider((db.prepare('SELECT MIN(due_at) AS at FROM record_clock_due WHERE due_at IS NOT NULL AND stale = 0').get() as { at: number | null }).at);
  if (jump && now !== undefined) {
    // Steps of items taken before the clock went back count from when the jump was noticed.
    const bounded = db
      .prepare('SELECT MIN(@floor + due_at - start_at) AS at FROM record_clock_due WHERE due_at IS NOT NULL AND stale = 0 AND start_at > @now')
      .get(waitStartParams(now, jump)) as { at: number | null };
    consider(bounded.at);
  }
  return next;
}

/** When the timer should wake: now when it has items to compute, else the next step's time. */
function clockWakeAt(services: CoreServices, now: number): number | null {
  const env = recordsEnv(services.db);
  if (storedBasis(services.db) !== basisOf(env) || staleIds(services.db, 1).length > 0) return now;
  return nextClockDue(services.db, env, { now, jump: services.clockJump });
}

/** Items whose next step is due at `now` (within a batch): by the index, and those bounded by a clock jump. */
function dueIds(db: ReadableDB, now: number, jump: WallClockJump | null, limit: number): string[] {
  const ids = (db.prepare('SELECT item_id FROM record_clock_due WHERE due_at <= ? AND stale = 0 LIMIT ?').all(now, limit) as Array<{ item_id: string }>).map(
    (r) => r.item_id,
  );
  if (jump && ids.length < limit) {
    const bounded = db
      .prepare('SELECT item_id FROM record_clock_due WHERE due_at IS NOT NULL AND stale = 0 AND start_at > @now AND @floor + due_at - start_at <= @now LIMIT @limit')
      .all({ ...waitStartParams(now, jump), limit: limit - ids.length }) as Array<{ item_id: string }>;
    ids.push(...bounded.map((r) => r.item_id));
  }
  return ids;
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
export function advanceItemClock(ctx: CallContext, item: ListedRow, env: RecordsEnv, pending?: ClockStep[]): ClockNotice[] {
  const due = (pending ?? pendingSteps(item, env, recordedSteps(ctx.db, item.id)))
    .map((s) => ({ ...s, dueAt: effectiveDue(item, s, ctx.now, ctx.clockJump) }))
    .filter((s) => s.dueAt <= ctx.now);
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

/** One wake: a new basis makes every watched row stale; then stale rows and due rows, a batch of each. */
function runClock(ctx: CallContext): void {
  const env = recordsEnv(ctx.db);
  const basis = basisOf(env);
  if (storedBasis(ctx.db) !== basis) {
    ctx.tx.derived(
      'record_clock_due',
      `UPDATE record_clock_due SET stale = 1 WHERE due_at IS NOT NULL OR item_id IN
       (SELECT id FROM record_items WHERE status IN ('open','forwarded') OR follow_up_due_at IS NOT NULL)`,
    );
    ctx.tx.derived('record_clock_basis', 'INSERT INTO record_clock_basis (id, basis) VALUES (1, @basis) ON CONFLICT (id) DO UPDATE SET basis = @basis', { basis });
  }
  const counter = clockWork(ctx.db);
  const notices: ClockNotice[] = [];
  const handle = (id: string) => {
    const found = findItem(ctx.db, id);
    counter.itemsRead += 1;
    if (!found) return;
    // The steps are computed once; again only when some were recorded (the item changed).
    const pending = pendingSteps(found, env, recordedSteps(ctx.db, id));
    const advanced = advanceItemClock(ctx, found, env, pending);
    notices.push(...advanced);
    if (advanced.length === 0) storeNextStep(ctx.tx, found, env, pending);
    else storeNextStep(ctx.tx, findItem(ctx.db, id) ?? found, env);
  };
  for (const id of staleIds(ctx.db, CLOCK_BATCH)) handle(id);
  for (const id of dueIds(ctx.db, ctx.now, ctx.clockJump, CLOCK_BATCH)) handle(id);
  notifyHost(ctx, notices);
}

export const recordsClockJob: Job = {
  name: CLOCK_JOB_NAME,
  nextDueAt: clockWakeAt,
  run: runClock,
};
