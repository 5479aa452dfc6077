// Reading incidents: rows as stored, their state, and the contract's views.
import type { ReadableDB } from '../store/sql';
import crypto from 'node:crypto';
import type { Amendment, AttachmentMeta, Incident, IncidentCategory, IncidentSummary, Review } from '../../../shared/contract/incidents';

export interface IncidentRow {
  id: string;
  number: string;
  occurred_at: number;
  place: string;
  people_present: string;
  course: string;
  outcome: string;
  category: IncidentCategory;
  needs_follow_up: number;
  author_id: string;
  author_name: string;
  created_at: number;
  updated_at: number;
  signed_at: number | null;
  signed_by: string | null;
  content_hash: string | null;
}

export interface AttachmentRow {
  id: string;
  incident_id: string;
  amendment_id: string | null;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  added_at: number;
  added_by_id: string;
  added_by_name: string;
  withdrawn_at: number | null;
}

interface AmendmentRow {
  id: string;
  at: number;
  by_id: string;
  by_name: string;
  text: string;
  closes_follow_up: number;
}

interface ReviewRow {
  id: string;
  at: number;
  by_id: string;
  by_name: string;
  by_role: string;
  note: string;
}

/** Columns of an attachment without its content. */
export const ATTACHMENT_META_COLUMNS =
  'id, incident_id, amendment_id, name, mime, size, sha256, added_at, added_by_id, added_by_name, withdrawn_at';

export function findIncident(db: ReadableDB, id: string): IncidentRow | undefined {
  return db.prepare('SELECT * FROM incidents WHERE id = ?').get(id) as IncidentRow | undefined;
}

/** draft: unsigned; open: signed with a follow-up not closed by an amendment; closed otherwise. */
export function incidentState(row: Pick<IncidentRow, 'signed_at' | 'needs_follow_up'>, followUpClosed: boolean): Incident['state'] {
  if (row.signed_at === null) return 'draft';
  return row.needs_follow_up === 1 && !followUpClosed ? 'open' : 'closed';
}

/** SQL condition (on alias `i`) for incidents still open: unsigned, or a follow-up not closed yet. */
export const OPEN_INCIDENT_SQL = `(i.signed_at IS NULL OR (i.needs_follow_up = 1 AND NOT EXISTS (
  SELECT 1 FROM incident_amendments a WHERE a.incident_id = i.id AND a.closes_follow_up = 1)))`;

export function activeAttachments(db: ReadableDB, incidentId: string): AttachmentRow[] {
  return db
    .prepare(`SELECT ${ATTACHMENT_META_COLUMNS} FROM incident_attachments WHERE incident_id = ? AND withdrawn_at IS NULL ORDER BY added_at, id`)
    .all(incidentId) as AttachmentRow[];
}

export function toAttachmentMeta(row: AttachmentRow): AttachmentMeta {
  return {
    id: row.id,
    name: row.name,
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
    addedAt: row.added_at,
    addedBy: { id: row.added_by_id, name: row.added_by_name },
    amendmentId: row.amendment_id,
  };
}

export function toIncident(db: ReadableDB, row: IncidentRow): Incident {
  const amendments = db
    .prepare('SELECT id, at, by_id, by_name, text, closes_follow_up FROM incident_amendments WHERE incident_id = ? ORDER BY at, id')
    .all(row.id) as AmendmentRow[];
  const reviews = db
    .prepare('SELECT id, at, by_id, by_name, by_role, note FROM incident_reviews WHERE incident_id = ? ORDER BY at, id')
    .all(row.id) as ReviewRow[];
  const followUpClosed = amendments.some((a) => a.closes_follow_up === 1);
  return {
    id: row.id,
    number: row.number,
    occurredAt: row.occurred_at,
    place: row.place,
    peoplePresent: row.people_present,
    course: row.course,
    outcome: row.outcome,
    category: row.category,
    needsFollowUp: row.needs_follow_up === 1,
    state: incidentState(row, followUpClosed),
    author: { id: row.author_id, name: row.author_name },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    signedAt: row.signed_at,
    contentHash: row.content_hash,
    attachments: activeAttachments(db, row.id).map(toAttachmentMeta),
    amendments: amendments.map(
      (a): Amendment => ({ id: a.id, at: a.at, by: { id: a.by_id, name: a.by_name }, text: a.text, closesFollowUp: a.closes_follow_up === 1 }),
    ),
    reviews: reviews.map((r): Review => ({ id: r.id, at: r.at, by: { id: r.by_id, name: r.by_name }, role: r.by_role, note: r.note })),
  };
}

export interface SummaryRow extends IncidentRow {
  amendment_count: number;
  attachment_count: number;
  reviewed: number;
  follow_up_closed: number;
}

export const SUMMARY_SELECT = `SELECT i.*,
  (SELECT COUNT(*) FROM incident_amendments a WHERE a.incident_id = i.id) AS amendment_count,
  (SELECT COUNT(*) FROM incident_attachments f WHERE f.incident_id = i.id AND f.withdrawn_at IS NULL) AS attachment_count,
  EXISTS (SELECT 1 FROM incident_reviews r WHERE r.incident_id = i.id) AS reviewed,
  EXISTS (SELECT 1 FROM incident_amendments a WHERE a.incident_id = i.id AND a.closes_follow_up = 1) AS follow_up_closed
  FROM incidents i`;

export function toSummary(row: SummaryRow): IncidentSummary {
  return {
    id: row.id,
    number: row.number,
    occurredAt: row.occurred_at,
    place: row.place,
    category: row.category,
    state: incidentState(row, row.follow_up_closed === 1),
    author: { id: row.author_id, name: row.author_name },
    signedAt: row.signed_at,
    reviewed: row.reviewed === 1,
    amendments: row.amendment_count,
    attachments: row.attachment_count,
    excerpt: [...row.course].slice(0, 60).join(''),
  };
}

/** The hash printed on a signed incident: its content, author, time of signing and its files' digests. */
export function incidentContentHash(row: IncidentRow, signedAt: number, attachments: AttachmentRow[]): string {
  const content = {
    number: row.number,
    occurredAt: row.occurred_at,
    place: row.place,
    peoplePresent: row.people_present,
    course: row.course,
    outcome: row.outcome,
    category: row.category,
    needsFollowUp: row.needs_follow_up === 1,
    author: { id: row.author_id, name: row.author_name },
    signedAt,
    attachments: attachments.map((a) => ({ name: a.name, mime: a.mime, size: a.size, sha256: a.sha256 })),
  };
  return crypto.createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
