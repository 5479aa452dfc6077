// Verify's recomputation of what was signed: signed incidents' and handovers' content hashes, each file's SHA-256.
import type { ReadableDB } from '../store/sql';
import crypto from 'node:crypto';
import type { Report } from './report';
import { ATTACHMENT_META_COLUMNS, incidentContentHash, type AttachmentRow, type IncidentRow } from '../incidents/rows';
import { handoverContentHash, linesOf, type HandoverRow } from '../handover/rows';

export function checkContentHashes(db: ReadableDB, report: Report): { incidents: number; handovers: number; files: number } {
  let incidents = 0;
  let handovers = 0;
  let files = 0;
  const attachmentsAtSigning = db.prepare(
    `SELECT ${ATTACHMENT_META_COLUMNS} FROM incident_attachments WHERE incident_id = ? AND amendment_id IS NULL AND withdrawn_at IS NULL ORDER BY added_at, id`,
  );
  for (const row of db.prepare('SELECT * FROM incidents WHERE signed_at IS NOT NULL ORDER BY id').iterate() as IterableIterator<IncidentRow>) {
    incidents += 1;
    const expected = incidentContentHash(row, row.signed_at!, attachmentsAtSigning.all(row.id) as AttachmentRow[]);
    if (expected !== row.content_hash) report.problem({ code: 'content.incident', table: 'incidents', id: row.id, field: 'content_hash', detail: row.number });
  }
  for (const file of db.prepare('SELECT id, incident_id, sha256, data FROM incident_attachments ORDER BY id').iterate() as IterableIterator<{ id: string; incident_id: string; sha256: string; data: Buffer }>) {
    files += 1;
    if (crypto.createHash('sha256').update(file.data).digest('hex') !== file.sha256) {
      report.problem({ code: 'content.file', table: 'incident_attachments', id: file.id, field: 'data' });
    }
  }
  for (const row of db.prepare('SELECT * FROM handovers WHERE signed_at IS NOT NULL ORDER BY id').iterate() as IterableIterator<HandoverRow>) {
    handovers += 1;
    if (handoverContentHash(row, row.signed_at!, linesOf(db, row.id)) !== row.content_hash) {
      report.problem({ code: 'content.handover', table: 'handovers', id: row.id, field: 'content_hash', detail: row.number });
    }
  }
  return { incidents, handovers, files };
}
