// Finding incidents by words (trigram full-text index), category, state and date.
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { incidents } from '../../../shared/contract/incidents';
import type { IncidentSummary } from '../../../shared/contract/incidents';
import { likeEscape } from '../shifts/rows';
import { OPEN_INCIDENT_SQL, SUMMARY_SELECT, toSummary, type SummaryRow } from './rows';

type SearchInput = z.output<(typeof incidents)['search']['input']>;

const FTS_COLUMNS = "number || ' ' || place || ' ' || people || ' ' || course || ' ' || outcome || ' ' || author || ' ' || amendments";

/**
 * Each word must appear somewhere. Words of three characters or more use the trigram index; shorter ones (two
 * Chinese characters are a common name or place) are matched by scanning the index's text.
 */
function wordConditions(text: string): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  for (const word of text.split(/\s+/).filter(Boolean).slice(0, 8)) {
    if ([...word].length >= 3) {
      sql.push('i.rowid IN (SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH ?)');
      params.push(`"${word.replace(/"/g, '""')}"`);
    } else {
      sql.push(`i.rowid IN (SELECT rowid FROM incidents_fts WHERE (${FTS_COLUMNS}) LIKE ? ESCAPE '\\')`);
      params.push(`%${likeEscape(word)}%`);
    }
  }
  return { sql, params };
}

export function searchIncidents(db: Database.Database, input: SearchInput): IncidentSummary[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.text) {
    const words = wordConditions(input.text);
    where.push(...words.sql);
    params.push(...words.params);
  }
  if (input.category) {
    where.push('i.category = ?');
    params.push(input.category);
  }
  if (input.from !== undefined) {
    where.push('i.occurred_at >= ?');
    params.push(input.from);
  }
  if (input.to !== undefined) {
    where.push('i.occurred_at < ?');
    params.push(input.to);
  }
  switch (input.state) {
    case 'draft':
      where.push('i.signed_at IS NULL');
      break;
    case 'open':
      where.push(`i.signed_at IS NOT NULL AND ${OPEN_INCIDENT_SQL}`);
      break;
    case 'closed':
      where.push(`NOT ${OPEN_INCIDENT_SQL}`);
      break;
    case 'unreviewed':
      where.push('i.signed_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM incident_reviews r WHERE r.incident_id = i.id)');
      break;
    case 'all':
      break;
  }
  const rows = db
    .prepare(`${SUMMARY_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY i.occurred_at DESC, i.id DESC LIMIT ?`)
    .all(...params, input.limit) as SummaryRow[];
  return rows.map(toSummary);
}
