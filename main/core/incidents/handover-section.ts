// The incidents section of the handover (S-1): unsigned incidents and signed ones whose follow-up is not closed.
import type { HandoverSectionProvider } from '../handover';
import { OPEN_INCIDENT_SQL, type IncidentRow } from './rows';

export const incidentsHandoverSection: HandoverSectionProvider = {
  key: 'incidents',
  title: 'incidents:handover.section',
  order: 40,
  lines(ctx) {
    const rows = ctx.db.prepare(`SELECT * FROM incidents i WHERE ${OPEN_INCIDENT_SQL} ORDER BY i.occurred_at`).all() as IncidentRow[];
    return rows.map((row) => ({
      key: `incident:${row.id}`,
      kind: row.signed_at === null ? 'incidents:handover.unsigned' : 'incidents:handover.open',
      params: {
        number: row.number,
        place: row.place,
        occurredAt: row.occurred_at,
        author: row.author_name,
        summary: [...row.course].slice(0, 40).join(''),
      },
      attention: row.signed_at === null,
    }));
  },
};
