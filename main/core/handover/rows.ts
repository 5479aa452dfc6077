// Reading handovers: rows as stored and the contract's views.
import type { ReadableDB } from '../store/sql';
import crypto from 'node:crypto';
import { headView, lastEntryOf, trailHead } from '../audit/chain';
import type { Handover, HandoverLine, HandoverSummary } from '../../../shared/contract/handover';
import type { LineParams } from '../../../shared/contract/shifts';

export interface HandoverRow {
  id: string;
  number: string;
  shift_id: string;
  outgoing_id: string;
  outgoing_name: string;
  previous_id: string | null;
  notes: string;
  created_at: number;
  updated_at: number;
  signed_at: number | null;
  signed_by: string | null;
  content_hash: string | null;
}

export interface LineRow {
  id: string;
  handover_id: string;
  position: number;
  key: string;
  section: string;
  section_title: string;
  section_order: number;
  kind: string;
  params_json: string;
  attention: number;
  current: number;
  ticked: number;
  comment: string;
  carried_from_id: string | null;
  carried_from_number: string | null;
  carried_count: number;
  carried_comment: string;
  withdrawn: number;
  updated_at: number;
}

interface AckRow {
  id: string;
  incoming_id: string;
  incoming_name: string;
  incoming_role: string;
  at: number;
  note: string;
}

export function findHandover(db: ReadableDB, id: string): HandoverRow | undefined {
  return db.prepare('SELECT * FROM handovers WHERE id = ?').get(id) as HandoverRow | undefined;
}

export function handoverOfShift(db: ReadableDB, shiftId: string): HandoverRow | undefined {
  return db.prepare('SELECT * FROM handovers WHERE shift_id = ?').get(shiftId) as HandoverRow | undefined;
}

/** The most recently signed handover other than `exceptId`: its unticked lines carry over. */
export function previousSignedHandover(db: ReadableDB, exceptId: string | null): HandoverRow | undefined {
  return db
    .prepare('SELECT * FROM handovers WHERE signed_at IS NOT NULL AND id IS NOT ? ORDER BY signed_at DESC, id DESC LIMIT 1')
    .get(exceptId) as HandoverRow | undefined;
}

/** Lines still on the sheet (not withdrawn), in sheet order. */
export function linesOf(db: ReadableDB, handoverId: string, includeWithdrawn = false): LineRow[] {
  return db
    .prepare(
      `SELECT * FROM handover_lines WHERE handover_id = ? ${includeWithdrawn ? '' : 'AND withdrawn = 0'}
       ORDER BY section_order, section, position, id`,
    )
    .all(handoverId) as LineRow[];
}

export function toLine(row: LineRow): HandoverLine {
  return {
    id: row.id,
    key: row.key,
    section: row.section,
    sectionTitle: row.section_title,
    sectionOrder: row.section_order,
    kind: row.kind,
    params: JSON.parse(row.params_json) as LineParams,
    attention: row.attention === 1,
    ticked: row.ticked === 1,
    comment: row.comment,
    carried: row.carried_count > 0,
    carriedFromNumber: row.carried_from_number,
    carriedCount: row.carried_count,
    carriedComment: row.carried_comment,
    current: row.current === 1,
  };
}

function acknowledgementOf(db: ReadableDB, handoverId: string): AckRow | undefined {
  return db
    .prepare('SELECT id, incoming_id, incoming_name, incoming_role, at, note FROM handover_acknowledgements WHERE handover_id = ?')
    .get(handoverId) as AckRow | undefined;
}

function stateOf(row: HandoverRow, ack: AckRow | undefined): Handover['state'] {
  if (ack) return 'acknowledged';
  return row.signed_at === null ? 'draft' : 'signed';
}

export function toHandover(db: ReadableDB, row: HandoverRow): Handover {
  const ack = acknowledgementOf(db, row.id);
  const previous = row.previous_id ? findHandover(db, row.previous_id) : undefined;
  const shift = db.prepare('SELECT started_at FROM shifts WHERE id = ?').get(row.shift_id) as { started_at: number };
  return {
    id: row.id,
    number: row.number,
    shiftId: row.shift_id,
    shiftStartedAt: shift.started_at,
    state: stateOf(row, ack),
    outgoing: { id: row.outgoing_id, name: row.outgoing_name },
    incoming: ack ? { id: ack.incoming_id, name: ack.incoming_name, role: ack.incoming_role } : null,
    previous: previous ? { id: previous.id, number: previous.number } : null,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    signedAt: row.signed_at,
    acknowledgedAt: ack?.at ?? null,
    acknowledgeNote: ack?.note ?? '',
    contentHash: row.content_hash,
    trailAnchor: headView(
      row.signed_at === null ? trailHead(db) : lastEntryOf(db, [['handovers', row.id], ...(ack ? ([['handover_acknowledgements', ack.id]] as const) : [])]),
    ),
    lines: linesOf(db, row.id).map(toLine),
  };
}

export interface SummaryRow extends HandoverRow {
  incoming_id: string | null;
  incoming_name: string | null;
  acknowledged_at: number | null;
  line_count: number;
  unticked_count: number;
}

export const SUMMARY_SELECT = `SELECT h.*, a.incoming_id, a.incoming_name, a.at AS acknowledged_at,
  (SELECT COUNT(*) FROM handover_lines l WHERE l.handover_id = h.id AND l.withdrawn = 0) AS line_count,
  (SELECT COUNT(*) FROM handover_lines l WHERE l.handover_id = h.id AND l.withdrawn = 0 AND l.ticked = 0) AS unticked_count
  FROM handovers h LEFT JOIN handover_acknowledgements a ON a.handover_id = h.id`;

export function toSummary(row: SummaryRow): HandoverSummary {
  return {
    id: row.id,
    number: row.number,
    state: row.acknowledged_at !== null ? 'acknowledged' : row.signed_at === null ? 'draft' : 'signed',
    outgoing: { id: row.outgoing_id, name: row.outgoing_name },
    incoming: row.incoming_id ? { id: row.incoming_id, name: row.incoming_name ?? '' } : null,
    createdAt: row.created_at,
    signedAt: row.signed_at,
    acknowledgedAt: row.acknowledged_at,
    lines: row.line_count,
    unticked: row.unticked_count,
  };
}

/** The hash printed on a signed sheet: who handed over, when, the notes and every line as signed. */
export function handoverContentHash(row: HandoverRow, signedAt: number, lines: LineRow[]): string {
  const content = {
    number: row.number,
    outgoing: { id: row.outgoing_id, name: row.outgoing_name },
    signedAt,
    notes: row.notes,
    lines: lines.map((l) => ({
      key: l.key,
      kind: l.kind,
      params: JSON.parse(l.params_json) as unknown,
      ticked: l.ticked === 1,
      comment: l.comment,
      carriedFrom: l.carried_from_number,
    })),
  };
  return crypto.createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
