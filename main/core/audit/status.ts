// The trail's state while the app runs: checked at start from the last anchor (bounded, whatever the
// database's size), kept current by admins' verifies; problems found raise an alert — an entry in the trail and a
// banner on every staff screen — until an administrator acknowledges them. The anchors file is written here.
import type Database from 'better-sqlite3';
import type { KeyRing } from '../keyring';
import { failedReport } from './report';
import type { Logger } from '../context';
import { appendAudit, shortLink, SYSTEM_ACTOR, trailHead, type Actor } from './chain';
import fs from 'node:fs';
import { AnchorWriter, anchorsFile } from './anchors';
import { recordTrailKey, trailKeys } from './keys';
import { verifyTrail } from './verify';
import { translate } from '../i18n';
import type { TrailNotice, TrailProblem, TrailReport, TrailStatus } from '../../../shared/contract/audit';
import type { Language } from '../../../shared/i18n';

export function problemMessage(lang: Language, p: TrailProblem | TrailNotice, kind: 'problem' | 'notice'): string {
  return translate(lang, `audit:${kind}.${p.code}`, { ...p });
}

/** A report with every problem and notice put into words, in the caller's language. */
export function describeReport(report: TrailReport, lang: Language): TrailReport {
  return {
    ...report,
    problems: report.problems.map((p) => ({ ...p, message: problemMessage(lang, p, 'problem') })),
    notices: report.notices.map((n) => ({ ...n, message: problemMessage(lang, n, 'notice') })),
  };
}

function signature(p: TrailProblem): string {
  return [p.code, p.seq ?? '', p.table ?? '', p.id ?? '', p.field ?? '', p.detail ?? ''].join('|');
}

function readMeta(db: Database.Database, key: string): string | null {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
}

function writeMeta(db: Database.Database, key: string, value: string | null): void {
  if (value === null) db.prepare('DELETE FROM meta WHERE key = ?').run(key);
  else db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export interface TrailMonitorOptions {
  db: Database.Database;
  dataDir: string;
  keys: KeyRing;
  installationId: string;
  now: () => number;
  logger: Logger;
  /** This open converted the trail to its keyed form (migration 0016): there are no anchors yet, rightly. */
  keyedNow?: boolean;
}

export class TrailMonitor {
  private report: TrailReport | null = null;
  private checkedAt = 0;
  private readonly anchors: AnchorWriter;

  constructor(private readonly o: TrailMonitorOptions) {
    this.anchors = new AnchorWriter(o.db, o.dataDir, o.keys, o.installationId, o.now);
  }

  /** The last check's full report (the start check's until an admin verifies). */
  get lastReport(): TrailReport | null {
    return this.report;
  }

  private get auditKey(): Buffer {
    return this.o.keys.key('audit-trail');
  }

  /** At start: note this PC's key (a new one continues the trail from a recorded key change), check, anchor. */
  open(): TrailReport {
    const { db, keys } = this.o;
    db.transaction(() => {
      const epochs = trailKeys(db);
      const head = trailHead(db);
      if (epochs.length === 0) {
        recordTrailKey(db, keys.fingerprint, (head?.seq ?? 0) + 1);
      } else if (epochs[epochs.length - 1]!.fingerprint !== keys.fingerprint) {
        // The database came without its key (another PC, a key file lost). Say so in the trail, and go on under this
        // PC's key: what was written before can be checked only where the earlier key is imported.
        const previous = epochs[epochs.length - 1]!.fingerprint;
        const entry = appendAudit(db, this.auditKey, {
          at: this.o.now(),
          installationId: this.o.installationId,
          actor: SYSTEM_ACTOR,
          method: 'audit.keyChanged',
          entity: 'audit_log',
          entityId: null,
          op: 'event',
          payload: { previousKey: previous, key: keys.fingerprint, after: head?.seq ?? 0 },
        });
        recordTrailKey(db, keys.fingerprint, entry.seq);
        this.o.logger.warn('the installation key is not the one the trail was written with; continuing under this one', { previous, key: keys.fingerprint, from: entry.seq });
      }
    }).immediate();

    // The anchors file exists from the first open of a new database (or the conversion to the keyed form) on, so
    // from then on a missing file is a deleted one.
    const hadAnchors = fs.existsSync(anchorsFile(this.o.dataDir));
    if (!hadAnchors && (trailHead(db) === null || this.o.keyedNow)) {
      if (trailHead(db) === null) fs.writeFileSync(anchorsFile(this.o.dataDir), '', { mode: 0o600, flag: 'a' });
      else this.anchors.write('start');
    }
    let report: TrailReport;
    try {
      report = verifyTrail(db, { keys, dataDir: this.o.dataDir, scope: 'start' });
    } catch (error) {
      // A check that cannot run is not a check that passed: the desk opens, marked.
      report = failedReport('check.failed', error instanceof Error ? error.message : String(error), 'start');
    }
    if (hadAnchors) this.anchors.write('start');
    else if (!this.o.keyedNow && trailHead(db) !== null) this.anchors.write('recreated');
    this.record(report, SYSTEM_ACTOR, true);
    return report;
  }

  /** After each committed call: an anchor every ANCHOR_EVERY entries (the first one at once). */
  afterCommit(): void {
    try {
      this.anchors.afterCommit();
    } catch (error) {
      this.o.logger.error('anchor not written', { error: String(error) });
    }
  }

  /** Anchors the head now (shutdown, after a backup). */
  anchor(why: 'shutdown' | 'backup', file?: string): void {
    try {
      this.anchors.write(why, undefined, file ? { file } : {});
    } catch (error) {
      this.o.logger.error('anchor not written', { error: String(error) });
    }
  }

  private acknowledged(): Set<string> {
    try {
      return new Set(JSON.parse(readMeta(this.o.db, 'trail_acknowledged') ?? '[]') as string[]);
    } catch {
      return new Set();
    }
  }

  /**
   * Takes a check's result for the banner. With `raise` (the check at start), new problems also raise an alert —
   * an entry in the trail, kept until an administrator acknowledges it — if none is open.
   */
  record(report: TrailReport, actor: Actor, raise: boolean): void {
    this.report = report;
    this.checkedAt = this.o.now();
    if (!raise) return;
    const known = this.acknowledged();
    const fresh = report.problems.filter((p) => p.code !== 'alert.open' && !known.has(signature(p)));
    if (fresh.length === 0 || readMeta(this.o.db, 'trail_alert') !== null) return;
    this.o.db
      .transaction(() => {
        const entry = appendAudit(this.o.db, this.auditKey, {
          at: this.o.now(),
          installationId: this.o.installationId,
          actor,
          method: 'audit.problemsFound',
          entity: 'audit_log',
          entityId: null,
          op: 'event',
          payload: { scope: report.scope, problemCount: report.problemCount, problems: fresh.slice(0, 20) },
        });
        writeMeta(this.o.db, 'trail_alert', String(entry.seq));
      })
      .immediate();
    this.afterCommit();
    this.o.logger.error('the audit trail failed its check', { problems: report.problemCount, first: fresh[0] });
  }

  /** An administrator has seen the problems: recorded (inside the caller's transaction), and they stop alerting. */
  acknowledge(append: (payload: unknown) => void, note: string): void {
    const report = this.report;
    const signatures = [...this.acknowledged(), ...(report?.problems ?? []).filter((p) => p.code !== 'alert.open').map(signature)];
    append({ note, alert: readMeta(this.o.db, 'trail_alert'), problems: (report?.problems ?? []).filter((p) => p.code !== 'alert.open').slice(0, 20) });
    writeMeta(this.o.db, 'trail_acknowledged', JSON.stringify([...new Set(signatures)].slice(-1000)));
    writeMeta(this.o.db, 'trail_alert', null);
    if (report) this.report = { ...report, problems: report.problems.filter((p) => p.code !== 'alert.open') };
  }

  /** What the banner shows: problems not acknowledged; details for administrators only. */
  status(lang: Language, forAdmin: boolean): TrailStatus {
    const report = this.report;
    const head = trailHead(this.o.db);
    const known = this.acknowledged();
    const open = (report?.problems ?? []).filter((p) => !known.has(signature(p)) || p.code === 'alert.open');
    const alert = readMeta(this.o.db, 'trail_alert');
    if (alert !== null && !open.some((p) => p.code === 'alert.open')) open.push({ code: 'alert.open', seq: Number(alert), detail: '' });
    const state: TrailStatus['state'] = open.length > 0 ? 'broken' : report?.state === 'unverified' ? 'unverified' : 'ok';
    return {
      state,
      checkedAt: this.checkedAt,
      scope: report?.scope ?? 'start',
      head: head ? { seq: head.seq, link: head.link.toString('hex'), short: report?.head?.seq === head.seq ? report.head.short : shortLink(head.link) } : null,
      problemCount: open.length,
      problems: forAdmin ? open.slice(0, 5).map((p) => ({ ...p, message: problemMessage(lang, p, 'problem') })) : [],
      notices: forAdmin ? (report?.notices ?? []).slice(0, 5).map((n) => ({ ...n, message: problemMessage(lang, n, 'notice') })) : [],
    };
  }

  close(): void {
    this.anchor('shutdown');
  }
}

