// Finding incidents by words (trigram full-text index), category, state and date.
import type { z } from 'zod';
import type { incidents } from '../../../shared/contract/incidents';
import type { IncidentSummary } from '../../../shared/contract/incidents';
import { containsPattern, ftsPhrase, TRIGRAM_MIN, Where, type ReadableDB } from '../store/sql';
import { OPEN_INCIDENT_SQL, SUMMARY_SELECT, toSummary, type SummaryRow } from './rows';

type SearchInput = z.output<(typeof incidents)['search']['input']>;

const FTS_COLUMNS = "number || ' ' || place || ' ' || people || ' ' || course || ' ' || outcome || ' ' || author || ' ' || amendments";

/**
 * Each word must appear somewhere. Words of three characters or more use the trigram index; shorter ones (two
 * Chinese characters are a common name or place) are matched by scanning the index's text.
 */
function addWords(where: Where, text: string): void {
  for (const word of text.split(/\s+/).filter(Boolean).slice(0, 8)) {
    if ([...word].length >= TRIGRAM_MIN) where.add('i.rowid IN (SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH ?)', ftsPhrase(word));
    else where.add(`i.rowid IN (SELECT rowid FROM incidents_fts WHERE (${FTS_COLUMNS}) LIKE ? ESCAPE '\\')`, containsPattern(word));
  }
}

export function searchIncidents(db: ReadableDB, input: SearchInput): IncidentSummary[] {
  const where = new Where();
  if (input.text) addWords(where, input.text);
  where.equals('i.category', input.category).when(input.from, 'i.occurred_at >= ?').when(input.to, 'i.occurred_at < ?');
  switch (input.state) {
    case 'draft':
      where.add('i.signed_at IS NULL');
      break;
    case 'open':
      where.add(`i.signed_at IS NOT NULL AND ${OPEN_INCIDENT_SQL}`);
      break;
    case 'closed':
      where.add(`NOT ${OPEN_INCIDENT_SQL}`);
      break;
    case 'unreviewed':
      where.add('i.signed_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM incident_reviews r WHERE r.incident_id = i.id)');
      break;
    case 'all':
      break;
  }
  const rows = db
    .prepare(`${SUMMARY_SELECT} ${where.clause} ORDER BY i.occurred_at DESC, i.id DESC LIMIT ?`)
    .all(...where.params, input.limit) as SummaryRow[];
  return rows.map(toSummary);
}
