// Incident log (I-1): recorded with every required part, signed by its author with their own PIN, then never
// changed — amendments, attachments added later and review marks are appended beside it.
import { newId } from '../ids';
import type { z } from 'zod';
import type { CallContext, FeatureHandlers } from '../context';
import { staffOf } from '../context';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { verifyOwnPin } from '../auth';
import { requireBuildingProfile } from '../settings';
import { dayKey } from '../../../shared/rules/time';
import { ATTACHMENTS_PER_INCIDENT, type IncidentDraft } from '../../../shared/contract/incidents';
import { checkUpload } from './attachments';
import { searchIncidents } from './search';
import {
  activeAttachments,
  findIncident,
  incidentContentHash,
  toAttachmentMeta,
  toIncident,
  type AttachmentRow,
  type IncidentRow,
} from './rows';

/** How far ahead of the desk's clock an incident's time may be (a PC clock a little behind). */
const FUTURE_TOLERANCE_MS = 10 * 60_000;

type ParsedDraft = z.output<typeof IncidentDraft>;

function requireIncident(ctx: CallContext, id: string): IncidentRow {
  const row = findIncident(ctx.db, id);
  if (!row) throw new NotFoundError();
  return row;
}

/** An unsigned incident its author is working on; anyone else is refused. */
function requireOwnDraft(ctx: CallContext, row: IncidentRow): void {
  if (row.author_id !== staffOf(ctx).user.id) throw new ForbiddenError('incidents:errors.notAuthor');
  if (row.signed_at !== null) throw new ConflictError('incidents:errors.signed');
}

function checkTime(ctx: CallContext, draft: ParsedDraft): void {
  if (draft.occurredAt > ctx.now + FUTURE_TOLERANCE_MS) throw ValidationError.field('occurredAt', 'incidents:errors.future');
}

function contentColumns(draft: ParsedDraft) {
  return {
    occurred_at: draft.occurredAt,
    place: draft.place,
    people_present: draft.peoplePresent,
    course: draft.course,
    outcome: draft.outcome,
    category: draft.category,
    needs_follow_up: draft.needsFollowUp ? 1 : 0,
  };
}

function changed(ctx: CallContext, id: string): void {
  ctx.emit('incidents.changed', { incidentId: id });
}

export const incidentsHandlers: FeatureHandlers<'incidents'> = {
  create: (ctx, input) => {
    const me = staffOf(ctx);
    checkTime(ctx, input);
    const day = dayKey(ctx.now, requireBuildingProfile(ctx.db).timeZone);
    const sequence = ctx.tx.nextNumber(`incident:${day}`);
    const row: IncidentRow = {
      id: newId(ctx.now),
      number: `SJ${day.replace(/-/g, '')}-${String(sequence).padStart(2, '0')}`,
      ...contentColumns(input),
      author_id: me.user.id,
      author_name: me.user.name,
      created_at: ctx.now,
      updated_at: ctx.now,
      signed_at: null,
      signed_by: null,
      content_hash: null,
    };
    ctx.tx.insert('incidents', row);
    changed(ctx, row.id);
    return toIncident(ctx.db, row);
  },

  update: (ctx, input) => {
    const row = requireIncident(ctx, input.id);
    requireOwnDraft(ctx, row);
    checkTime(ctx, input);
    const { after } = ctx.tx.update<IncidentRow & Record<string, unknown>>('incidents', row.id, { ...contentColumns(input), updated_at: ctx.now });
    changed(ctx, row.id);
    return toIncident(ctx.db, after);
  },

  sign: (ctx, input) => {
    const row = requireIncident(ctx, input.id);
    requireOwnDraft(ctx, row);
    // The signature is the author's own PIN, whoever else might know the session.
    verifyOwnPin(ctx, row.author_id, input.pin);
    const hash = incidentContentHash(row, ctx.now, activeAttachments(ctx.db, row.id));
    const { after } = ctx.tx.update<IncidentRow & Record<string, unknown>>('incidents', row.id, {
      signed_at: ctx.now,
      signed_by: row.author_id,
      content_hash: hash,
    });
    changed(ctx, row.id);
    return toIncident(ctx.db, after);
  },

  addAttachment: (ctx, input) => {
    const me = staffOf(ctx);
    const row = requireIncident(ctx, input.incidentId);
    if (row.signed_at === null && row.author_id !== me.user.id) throw new ForbiddenError('incidents:errors.notAuthor');
    const count = activeAttachments(ctx.db, row.id).length;
    if (count >= ATTACHMENTS_PER_INCIDENT) throw new ConflictError('incidents:errors.tooManyFiles', { max: ATTACHMENTS_PER_INCIDENT });
    const file = checkUpload(input.mime, input.dataBase64);
    let amendmentId: string | null = null;
    if (row.signed_at !== null) {
      // After signing a file is a later addition: it comes with a dated amendment naming who added it.
      amendmentId = newId(ctx.now);
      ctx.tx.insert('incident_amendments', {
        id: amendmentId,
        incident_id: row.id,
        at: ctx.now,
        by_id: me.user.id,
        by_name: me.user.name,
        text: input.note,
        closes_follow_up: 0,
      });
    }
    const attachment: AttachmentRow & { data: Buffer } = {
      id: newId(ctx.now),
      incident_id: row.id,
      amendment_id: amendmentId,
      name: input.name,
      mime: input.mime,
      size: file.size,
      sha256: file.sha256,
      data: file.data,
      added_at: ctx.now,
      added_by_id: me.user.id,
      added_by_name: me.user.name,
      withdrawn_at: null,
    };
    ctx.tx.insert('incident_attachments', attachment);
    changed(ctx, row.id);
    return toAttachmentMeta(attachment);
  },

  withdrawAttachment: (ctx, input) => {
    const attachment = ctx.db.prepare('SELECT incident_id, withdrawn_at FROM incident_attachments WHERE id = ?').get(input.id) as
      | { incident_id: string; withdrawn_at: number | null }
      | undefined;
    if (!attachment) throw new NotFoundError();
    const row = requireIncident(ctx, attachment.incident_id);
    requireOwnDraft(ctx, row);
    if (attachment.withdrawn_at === null) ctx.tx.update('incident_attachments', input.id, { withdrawn_at: ctx.now });
    changed(ctx, row.id);
    return { ok: true as const };
  },

  attachment: (ctx, input) => {
    const row = ctx.db.prepare('SELECT id, name, mime, data FROM incident_attachments WHERE id = ?').get(input.id) as
      | { id: string; name: string; mime: string; data: Buffer }
      | undefined;
    if (!row) throw new NotFoundError();
    return { id: row.id, name: row.name, mime: row.mime, dataBase64: row.data.toString('base64') };
  },

  amend: (ctx, input) => {
    const me = staffOf(ctx);
    const row = requireIncident(ctx, input.id);
    if (row.signed_at === null) throw new ConflictError('incidents:errors.amendDraft');
    if (input.text === '' && !input.closesFollowUp) throw ValidationError.field('text', 'errors:field.required');
    const incident = toIncident(ctx.db, row);
    if (input.closesFollowUp && incident.state !== 'open') throw new ConflictError('incidents:errors.notOpen');
    ctx.tx.insert('incident_amendments', {
      id: newId(ctx.now),
      incident_id: row.id,
      at: ctx.now,
      by_id: me.user.id,
      by_name: me.user.name,
      text: input.text,
      closes_follow_up: input.closesFollowUp ? 1 : 0,
    });
    changed(ctx, row.id);
    return toIncident(ctx.db, row);
  },

  review: (ctx, input) => {
    const me = staffOf(ctx);
    const row = requireIncident(ctx, input.id);
    if (row.signed_at === null) throw new ConflictError('incidents:errors.reviewDraft');
    ctx.tx.insert('incident_reviews', {
      id: newId(ctx.now),
      incident_id: row.id,
      at: ctx.now,
      by_id: me.user.id,
      by_name: me.user.name,
      by_role: me.user.role,
      note: input.note,
    });
    changed(ctx, row.id);
    return toIncident(ctx.db, row);
  },

  get: (ctx, input) => toIncident(ctx.db, requireIncident(ctx, input.id)),

  search: (ctx, input) => ({ incidents: searchIncidents(ctx.db, input) }),
};
