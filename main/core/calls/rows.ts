// Call rows as stored, and their shape in the contract.
import type { ReadableDB } from '../store/sql';
import type { Call, CallOutcome, CallStatus, ScriptStep } from '../../../shared/contract/calls';
import { SCRIPT_STEPS } from '../../../shared/contract/calls';
import { NotFoundError } from '../errors';

export interface CallRow {
  seq: number;
  id: string;
  line: number;
  status: CallStatus;
  source: Call['source'];
  boot_id: string;
  ring_started_at: number;
  seconds_per_ring: number;
  target_rings: number;
  started_by: string | null;
  answered_at: number | null;
  answered_by: string | null;
  answer_latency_ms: number | null;
  rings_at_answer: number | null;
  within_target: number | null;
  ended_at: number | null;
  end_reason: Call['endReason'];
  caller_name: string;
  caller_number: string;
  unit: string;
  topic: string;
  note: string;
  outcome: CallOutcome | null;
  script_steps: string;
  confidentiality_asked: number;
  saved_at: number | null;
  saved_by: string | null;
  tenant_id: string | null;
  callback_id: string | null;
  record_id: string | null;
  created_at: number;
  updated_at: number;
  [column: string]: unknown;
}

interface NamedCallRow extends CallRow {
  started_by_name: string | null;
  answered_by_name: string | null;
  saved_by_name: string | null;
  tenant_name: string | null;
  record_number: string | null;
}

/** Every call query starts here: the row, the names of the people on it, its tenant's and its record's names. */
export const CALL_SELECT = `
  SELECT c.*, s1.name AS started_by_name, s2.name AS answered_by_name, s3.name AS saved_by_name,
         t.display_name AS tenant_name, r.number AS record_number
  FROM calls c
  LEFT JOIN staff s1 ON s1.id = c.started_by
  LEFT JOIN staff s2 ON s2.id = c.answered_by
  LEFT JOIN staff s3 ON s3.id = c.saved_by
  LEFT JOIN tenants t ON t.id = c.tenant_id
  LEFT JOIN record_items r ON r.id = c.record_id`;

export function parseSteps(json: string): ScriptStep[] {
  try {
    const value = JSON.parse(json) as unknown;
    if (!Array.isArray(value)) return [];
    return SCRIPT_STEPS.filter((s) => value.includes(s));
  } catch {
    return [];
  }
}

function person(id: string | null, name: string | null): { id: string; name: string } | null {
  return id ? { id, name: name ?? '' } : null;
}

export function toCall(row: NamedCallRow): Call {
  return {
    id: row.id,
    line: row.line,
    status: row.status,
    source: row.source,
    ringStartedAt: row.ring_started_at,
    secondsPerRing: row.seconds_per_ring,
    targetRings: row.target_rings,
    answeredAt: row.answered_at,
    answerLatencyMs: row.answer_latency_ms,
    ringsAtAnswer: row.rings_at_answer,
    withinTarget: row.within_target === null ? null : row.within_target === 1,
    endedAt: row.ended_at,
    endReason: row.end_reason,
    startedBy: person(row.started_by, row.started_by_name),
    answeredBy: person(row.answered_by, row.answered_by_name),
    callerName: row.caller_name,
    callerNumber: row.caller_number,
    unit: row.unit,
    topic: row.topic,
    note: row.note,
    outcome: row.outcome,
    scriptSteps: parseSteps(row.script_steps),
    confidentialityAsked: row.confidentiality_asked === 1,
    savedAt: row.saved_at,
    savedBy: person(row.saved_by, row.saved_by_name),
    tenantId: row.tenant_id,
    tenantName: row.tenant_name,
    callbackId: row.callback_id,
    recordId: row.record_id,
    recordNumber: row.record_number,
  };
}

export function findCallRow(db: ReadableDB, id: string): CallRow | undefined {
  return db.prepare('SELECT * FROM calls WHERE id = ?').get(id) as CallRow | undefined;
}

export function requireCallRow(db: ReadableDB, id: string): CallRow {
  const row = findCallRow(db, id);
  if (!row) throw new NotFoundError();
  return row;
}

/** One call in the contract's shape, or null. */
export function callById(db: ReadableDB, id: string): Call | null {
  const row = db.prepare(`${CALL_SELECT} WHERE c.id = ?`).get(id) as NamedCallRow | undefined;
  return row ? toCall(row) : null;
}

export function requireCall(db: ReadableDB, id: string): Call {
  const call = callById(db, id);
  if (!call) throw new NotFoundError();
  return call;
}

export function queryCalls(db: ReadableDB, where: string, params: unknown[], tail = ''): Call[] {
  return (db.prepare(`${CALL_SELECT} WHERE ${where} ${tail}`).all(...params) as NamedCallRow[]).map(toCall);
}
