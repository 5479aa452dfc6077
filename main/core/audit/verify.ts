// Verifying the trail. `full`: every entry's link under its key, every redacted payload against its
// redaction, every anchor found (the anchors file, each backup's head, heads written on paper), every audited
// table against the trail, signed incidents' and handovers' content hashes, the protective triggers by definition.
// `start`: the same for what can have changed since the last anchor — bounded by ANCHOR_EVERY, not by the size.
import crypto from 'node:crypto';
import type { ReadableDB } from '../store/sql';
import type { KeyRing } from '../keyring';
import { actorOfTerm, computeLink, genesisLink, shortLink, type Actor, type EntryHeader } from './chain';
import { cached } from '../store/sql';
import { decodePayload, decodePayloadText, payloadDigest, type Op } from './form';
import { ANCHOR_EVERY } from './anchors';
import { auditedTables, reconcileTable, type RowProblem } from './reconcile';
import { checkTriggers } from './triggers';
import { epochOf, ringFor, trailKeys, type KeyEpoch } from './keys';
import { isLegacyTrail, verifyLegacyTrail } from './legacy';
import { Report } from './report';
import { checkAnchorsEverywhere, installationOf, type AnchorOptions, type PaperAnchor } from './verify-anchors';
import { checkContentHashes } from './verify-content';
import type { TrailProblem, TrailReport, AnchorCheck, TrailNotice } from '../../../shared/contract/audit';

export type { TrailProblem, TrailReport, AnchorCheck, TrailNotice };

export type VerifyOptions = AnchorOptions;
export type { PaperAnchor };

/** The most entries the start check walks when no anchor tells it where to begin. */
const START_WALK_LIMIT = 4 * ANCHOR_EVERY;

interface LogRow {
  seq: number;
  at: number;
  actor_term: number;
  method_term: number;
  entity_term: number;
  entity_id: string | null;
  op: Op;
  payload: Buffer;
  link: Buffer;
  sealed: Buffer | null;
}

function loadTerms(db: ReadableDB): Map<number, string> {
  return new Map((db.prepare('SELECT id, term FROM audit_terms').all() as Array<{ id: number; term: string }>).map((t) => [t.id, t.term]));
}

/** The latest redaction of a row that lists this entry, and the digest it recorded for it. */
function redactionDigest(db: ReadableDB, entityTerm: number, entityId: string | null, seq: number): { by: number; digest: string } | null {
  if (entityId === null) return null;
  const rows = cached(db, "SELECT seq, payload FROM audit_log WHERE entity_term = ? AND entity_id = ? AND op = 'redact' AND seq > ? ORDER BY seq DESC")
    .all(entityTerm, entityId, seq) as Array<{ seq: number; payload: Buffer }>;
  for (const r of rows) {
    try {
      const p = decodePayload(r.payload) as { seqs?: number[]; digests?: string[] };
      const i = p.seqs?.indexOf(seq) ?? -1;
      if (i >= 0 && p.digests?.[i]) return { by: r.seq, digest: p.digests[i]! };
    } catch {
      /* an unreadable redaction is reported at its own entry */
    }
  }
  return null;
}

/** Walks entries (from `fromSeq`, linking to the stored link before it) and checks each one's link and payload. */
function walkChain(db: ReadableDB, installationId: string, keys: KeyRing | null, epochs: KeyEpoch[], fromSeq: number, report: Report): { walked: number; authenticated: number } {
  const terms = loadTerms(db);
  const actors = new Map<number, Actor | null>();
  let previous: Buffer | null = null;
  if (fromSeq > 1) previous = (db.prepare('SELECT link FROM audit_log WHERE seq = ?').get(fromSeq - 1) as { link: Buffer } | undefined)?.link ?? null;
  let expected = fromSeq;
  let walked = 0;
  let authenticated = 0;
  const unavailable = new Map<string, { from: number; to: number }>();
  const substitutes = new Map<KeyEpoch, KeyRing | null>();
  const rows = db.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').iterate(fromSeq) as IterableIterator<LogRow>;
  for (const row of rows) {
    walked += 1;
    if (row.seq !== expected) {
      report.problem({ code: 'chain.gap', seq: expected, detail: String(row.seq) });
      previous = null; // the link after a gap cannot be checked against what is missing
    }
    expected = row.seq + 1;
    const epoch = epochOf(epochs, row.seq);
    let ring = epoch ? ringFor(keys, epoch.fingerprint) : null;
    if (epoch && !ring && substitutes.has(epoch)) ring = substitutes.get(epoch)!;
    const method = terms.get(row.method_term);
    const entity = terms.get(row.entity_term);
    let actor = actors.get(row.actor_term);
    if (actor === undefined) actors.set(row.actor_term, (actor = actorOfTerm(terms.get(row.actor_term) ?? '')));
    if (!method?.startsWith('m:') || !entity?.startsWith('e:') || !actor) {
      report.problem({ code: 'chain.term', seq: row.seq });
      previous = row.link;
      continue;
    }
    // The digest the link covers: the payload's own, or (once redacted) the one kept when it was blanked.
    let digest: Buffer;
    try {
      const text = decodePayloadText(row.payload);
      digest = row.sealed ?? payloadDigest(text);
      if (row.sealed) {
        const redaction = redactionDigest(db, row.entity_term, row.entity_id, row.seq);
        if (!redaction) report.problem({ code: 'chain.redaction', seq: row.seq });
        else if (payloadDigest(text).toString('base64url') !== redaction.digest) report.problem({ code: 'chain.payload', seq: row.seq, detail: `redacted by #${redaction.by}` });
      }
    } catch {
      report.problem({ code: 'chain.unreadable', seq: row.seq });
      previous = row.link;
      continue;
    }
    if (epoch && epoch.from === row.seq && row.seq > 1 && method !== 'm:audit.keyChanged') {
      report.problem({ code: 'key.epoch', seq: row.seq, detail: epoch.fingerprint });
    }
    const header: EntryHeader = { seq: row.seq, at: row.at, actor, method: method.slice(2), entity: entity.slice(2), entityId: row.entity_id, op: row.op };
    if (!ring && keys && epoch && !substitutes.has(epoch) && (row.seq === 1 || previous !== null)) {
      // The stretch is recorded as written with a key that is not here. If a key that is here verifies its first
      // entry, the record is wrong (meta is not authenticated): check the stretch with that key, and say so.
      const found = [keys, ...keys.earlier].find((candidate) => {
        const k = candidate.key('audit-trail');
        return computeLink(k, installationId, row.seq === 1 ? genesisLink(k, installationId) : previous!, header, digest).equals(row.link);
      });
      substitutes.set(epoch, found ?? null);
      if (found) {
        report.problem({ code: 'key.epoch', seq: row.seq, detail: `${epoch.fingerprint} → ${found.fingerprint}` });
        ring = found;
      }
    }
    if (!ring) {
      const fp = epoch?.fingerprint ?? '(none recorded)';
      const span = unavailable.get(fp) ?? { from: row.seq, to: row.seq };
      span.to = row.seq;
      unavailable.set(fp, span);
      previous = row.link;
      continue;
    }
    const key = ring.key('audit-trail');
    const before = row.seq === 1 ? genesisLink(key, installationId) : previous;
    if (before === null) {
      previous = row.link;
      continue;
    }
    const link = computeLink(key, installationId, before, header, digest);
    if (!crypto.timingSafeEqual(link, row.link.length === link.length ? row.link : Buffer.alloc(link.length))) {
      report.problem({ code: 'chain.link', seq: row.seq });
    } else {
      authenticated += 1;
    }
    previous = row.link;
  }
  for (const [fingerprint, span] of unavailable) {
    report.unverified = true;
    report.notices.push({ code: 'key.unavailable', detail: fingerprint, from: span.from, to: span.to });
  }
  return { walked, authenticated };
}

function rowProblem(p: RowProblem): TrailProblem {
  switch (p.kind) {
    case 'field':
      return { code: 'table.field', table: p.table, id: p.id, field: p.field, seq: p.seq };
    case 'inconsistent':
      return { code: 'table.inconsistent', table: p.table, id: p.id, field: p.field, seq: p.seq };
    case 'untracked':
      return { code: 'table.untracked', table: p.table, id: p.id };
    case 'missing':
      return { code: 'table.missing', table: p.table, id: p.id };
    case 'unreadable':
      return { code: 'chain.unreadable', table: p.table, id: p.id, seq: p.seq };
  }
}

/** An alert left by an earlier check that found problems, until an admin acknowledges it. */
function openAlert(db: ReadableDB, report: Report): void {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'trail_alert'").get() as { value: string } | undefined;
  if (!row) return;
  const seq = Number(row.value);
  const entry = db.prepare('SELECT at FROM audit_log WHERE seq = ?').get(seq) as { at: number } | undefined;
  report.problem({ code: 'alert.open', seq, detail: entry ? new Date(entry.at).toISOString() : '' });
}

/** Verifies a database's trail (read-only). */
export function verifyTrail(db: ReadableDB, options: VerifyOptions): TrailReport {
  const scope = options.scope ?? 'full';
  const report = new Report();
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  if (isLegacyTrail(db)) {
    // A file from before the trail was keyed (a pre-migration backup): its own check, reported as such.
    const legacy = verifyLegacyTrail(db);
    if (!legacy.ok && legacy.firstBroken) report.problem({ code: 'legacy.broken', seq: legacy.firstBroken.seq, detail: legacy.firstBroken.reason });
    report.notices.push({ code: 'legacy.format', from: 1, to: legacy.head?.seq ?? 0 });
    report.unverified = true;
    return finish(report, scope, legacy.checked, 0, legacy.head ? { seq: legacy.head.seq, link: legacy.head.hash, short: legacy.head.hash.slice(0, 19) } : null, null, null, 0);
  }
  const installationId = installationOf(db);
  const head = db.prepare('SELECT seq, link FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; link: Buffer } | undefined;
  const epochs = trailKeys(db);
  if (!options.keys) {
    report.unverified = true;
    report.notices.push({ code: 'key.missing' });
  } else if (epochs.length > 0 && !ringFor(options.keys, epochs[epochs.length - 1]!.fingerprint)) {
    report.notices.push({ code: 'key.different', detail: `${epochs[epochs.length - 1]!.fingerprint} ≠ ${options.keys.fingerprint}` });
  }
  if (head && epochs.length === 0) report.problem({ code: 'key.unrecorded' });
  for (const e of epochs.slice(1)) report.notices.push({ code: 'key.changed', from: e.from, detail: e.fingerprint });

  const fromSeq = installationId ? checkAnchorsEverywhere(db, installationId, head?.seq ?? 0, options, report) : 1;
  // At start: from the newest anchor that matched; with none, the last entries only (the full check walks them all).
  const startFrom = scope === 'start' ? Math.max(fromSeq, (head?.seq ?? 0) - START_WALK_LIMIT) : 1;
  const { walked, authenticated } =
    head && installationId ? walkChain(db, installationId, options.keys, epochs, startFrom, report) : { walked: 0, authenticated: 0 };

  let tables: TrailReport['tables'] = null;
  let content: TrailReport['content'] = null;
  if (scope === 'full') {
    tables = { tables: 0, rows: 0 };
    for (const table of auditedTables(db)) {
      const result = reconcileTable(db, table);
      tables.tables += 1;
      tables.rows += result.rows;
      for (const p of result.problems) report.problem(rowProblem(p));
      if (result.differing.length > result.problems.length) report.problemCount += result.differing.length - result.problems.length;
    }
    content = checkContentHashes(db, report);
  }
  const triggers = checkTriggers(db, schemaVersion);
  for (const t of triggers.problems) report.problem({ code: `trigger.${t.problem}`, detail: t.trigger });
  if (!options.isCopy) openAlert(db, report);
  const headOut = head ? { seq: head.seq, link: head.link.toString('hex'), short: shortLink(head.link) } : null;
  return finish(report, scope, walked, authenticated, headOut, tables, content, triggers.checked, startFrom);
}

function finish(
  report: Report,
  scope: 'full' | 'start',
  walked: number,
  authenticated: number,
  head: TrailReport['head'],
  tables: TrailReport['tables'],
  content: TrailReport['content'],
  triggers: number,
  fromSeq = 1,
): TrailReport {
  const state: TrailReport['state'] = report.problemCount > 0 ? 'broken' : report.unverified ? 'unverified' : 'ok';
  return {
    ok: state === 'ok',
    state,
    scope,
    fromSeq,
    entries: walked,
    authenticated,
    head,
    problems: report.problems,
    problemCount: report.problemCount,
    anchors: report.anchors,
    notices: report.notices,
    tables,
    content,
    triggers,
  };
}
