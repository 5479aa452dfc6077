// One item as the detail drawer shows it: the summary, the trail (notes, timer events, follow-ups, audit in
// order), deadlines, and what the caller may do.
import type { ReadableDB } from '../store/sql';
import type { SignedInUser } from '../../../shared/contract/auth';
import type { ClockKind, NoteKind, RecordDetail, TrailEntry } from '../../../shared/contract/records';
import { answerDeadline, ladderDeadlines } from './calendar';
import { permissions } from './access';
import { toSummary, type ListedRow } from './rows';
import type { RecordsEnv } from './settings';

interface NoteRow {
  id: string;
  at: number;
  kind: NoteKind;
  text: string;
  department: string | null;
  by_name: string | null;
  by_role: string | null;
}
interface ClockRow {
  id: string;
  kind: ClockKind;
  due_at: number;
  detected_at: number;
}
interface FollowUpRow {
  id: string;
  at: number;
  result: 'satisfied' | 'unsatisfied';
  note: string;
  by_name: string;
}
interface AuditRow {
  id: string;
  at: number;
  by_name: string;
  comment: string;
}

interface LinkedCallRow {
  id: string;
  ring_started_at: number;
  caller_name: string;
  caller_number: string;
  topic: string;
  answered_by_name: string | null;
}

/** The call an item was made from: the call's side is the phone desk's table, read here for the detail only. */
function linkedCall(db: ReadableDB, callId: string | null): RecordDetail['call'] {
  if (!callId) return null;
  const call = db
    .prepare(
      `SELECT c.id, c.ring_started_at, c.caller_name, c.caller_number, c.topic, s.name AS answered_by_name
       FROM calls c LEFT JOIN staff s ON s.id = c.answered_by WHERE c.id = ?`,
    )
    .get(callId) as LinkedCallRow | undefined;
  return call
    ? { id: call.id, ringStartedAt: call.ring_started_at, callerName: call.caller_name, callerNumber: call.caller_number, topic: call.topic, answeredByName: call.answered_by_name }
    : null;
}

export function toDetail(db: ReadableDB, row: ListedRow, user: SignedInUser, env: RecordsEnv, now: number): RecordDetail {
  const notes = db.prepare('SELECT * FROM record_notes WHERE item_id = ? ORDER BY at, id').all(row.id) as NoteRow[];
  const clock = db.prepare('SELECT * FROM record_clock_events WHERE item_id = ? ORDER BY detected_at, id').all(row.id) as ClockRow[];
  const followUps = db.prepare('SELECT * FROM record_follow_ups WHERE item_id = ? ORDER BY at, id').all(row.id) as FollowUpRow[];
  const audit = db.prepare('SELECT * FROM record_audits WHERE item_id = ?').get(row.id) as AuditRow | undefined;
  const createdBy = notes.find((n) => n.kind === 'created');

  const trail: TrailEntry[] = [
    ...notes.map((n) => ({ id: n.id, at: n.at, kind: n.kind, text: n.text, result: null, department: n.department, byName: n.by_name, byRole: n.by_role, dueAt: null })),
    ...clock.map((c) => ({ id: c.id, at: c.detected_at, kind: c.kind, text: '', result: null, department: null, byName: null, byRole: null, dueAt: c.due_at })),
    ...followUps.map((f) => ({ id: f.id, at: f.at, kind: 'follow_up' as const, text: f.note, result: f.result, department: null, byName: f.by_name, byRole: null, dueAt: null })),
    ...(audit ? [{ id: audit.id, at: audit.at, kind: 'audit' as const, text: audit.comment, result: null, department: null, byName: audit.by_name, byRole: null, dueAt: null }] : []),
  ].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const ladder = ladderDeadlines(row.received_at, env.settings, env.calendar);
  return {
    ...toSummary(row, env, now),
    result: row.result,
    resolvedByName: row.resolved_by_name,
    unresolvableReason: row.unresolvable_reason,
    createdByName: row.created_by_name ?? createdBy?.by_name ?? null,
    repair: {
      location: row.repair_location,
      appointmentAt: row.repair_appointment_at,
      worker: row.repair_worker,
      materials: row.repair_materials,
      completedAt: row.repair_completed_at,
    },
    deadlines: {
      supervisorAt: ladder.supervisorAt,
      managerAt: ladder.managerAt,
      answerBy: row.type === 'complaint' ? answerDeadline(row.received_at, env.settings) : null,
    },
    trail,
    escalations: clock
      .filter((c) => c.kind === 'escalate_supervisor' || c.kind === 'escalate_manager')
      .map((c) => ({ level: c.kind === 'escalate_supervisor' ? ('supervisor' as const) : ('manager' as const), dueAt: c.due_at, detectedAt: c.detected_at })),
    followUps: followUps.map((f) => ({ at: f.at, result: f.result, note: f.note, byName: f.by_name })),
    audit: audit ? { at: audit.at, byName: audit.by_name, comment: audit.comment } : null,
    call: linkedCall(db, row.call_id),
    can: permissions(user, row),
  };
}
