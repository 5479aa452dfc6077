// The write harness shared by the crash-consistency test and the load script: which mutations of the contract it
// can drive (probed once), valid inputs for them, a ledger of every acknowledged write, and the check that each
// one is in the store afterwards — found by the unique marker in its audit images, by the ids it returned, or
// (for writes that carry neither) by the number of audit entries of its method.
import type Database from 'better-sqlite3';
import { listMethods } from '../../../shared/contract';
import type { MethodSpec } from '../../../shared/contract/define';
import { sample } from './schema';
import { writeExamples, notForWriteHarness, type EarlierCall, type ExampleEnv } from './examples';
import { callerFor, callerOptions, type Call, type TestCaller } from './callers';
import type { Prng } from './prng';

/**
 * How an acknowledged write is found again: its marker in an audit image; the ids of the records it created
 * (response paths that named a new audit entity in the probe); or, for writes with neither, the number of audit
 * entries of its method (a lower bound).
 */
export type WriteCheck = { by: 'marker' } | { by: 'ids'; paths: string[] } | { by: 'count' };

export interface WriteMethod {
  method: string;
  spec: MethodSpec;
  caller: TestCaller;
  check: WriteCheck;
}

interface Ack {
  method: string;
  marker: string | null;
  ids: Array<{ path: string; id: string }>;
}

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const MARKER = /mk-[0-9a-z]+/gi;

/** Record ids (ULIDs) in a response, with where they are (`device.id`). */
function idsIn(value: unknown, at = '', out: Array<{ path: string; id: string }> = []): Array<{ path: string; id: string }> {
  if (typeof value === 'string' && ULID.test(value)) out.push({ path: at, id: value });
  else if (Array.isArray(value)) value.forEach((v) => idsIn(v, `${at}[]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) idsIn(v, at ? `${at}.${k}` : k, out);
  return out;
}

export class WriteLedger {
  readonly acks: Ack[] = [];
  private readonly pools = new Map<string, EarlierCall[]>();
  private counter = 0;

  constructor(private readonly rng: Prng) {}

  nextMarker(): string {
    this.counter += 1;
    return `mk-${this.counter.toString(36)}`;
  }

  /** A valid input for the method (its example, else generated from the schema), or null if none can be made now. */
  inputFor(method: string, spec: MethodSpec, marker: string): unknown {
    const generated = () => {
      const result = sample(spec.input, { preferredStrings: [marker] });
      return result.ok ? result.value : null;
    };
    const env: ExampleEnv = {
      marker,
      rng: this.rng,
      take: (m) => {
        const pool = this.pools.get(m);
        return pool && pool.length > 0 ? pool.shift()! : null;
      },
      peek: (m) => {
        const pool = this.pools.get(m);
        return pool && pool.length > 0 ? this.rng.pick(pool) : null;
      },
      generated,
    };
    const example = writeExamples[method];
    return example ? example(env) : generated();
  }

  record(method: string, input: unknown, output: unknown, marker: string): void {
    const carriesMarker = JSON.stringify(input ?? null).toLowerCase().includes(marker);
    this.acks.push({ method, marker: carriesMarker ? marker : null, ids: idsIn(output) });
    let pool = this.pools.get(method);
    if (!pool) this.pools.set(method, (pool = []));
    pool.push({ input, output });
  }

  /** Every acknowledged write's trace in the store, or the problems found. */
  verify(db: Database.Database, checks: ReadonlyMap<string, WriteCheck>): { checked: number; problems: string[] } {
    const problems: string[] = [];
    const markersFound = new Set<string>();
    for (const row of db.prepare('SELECT after_json FROM audit_payload WHERE after_json IS NOT NULL').iterate() as Iterable<{ after_json: string }>) {
      for (const m of row.after_json.matchAll(MARKER)) markersFound.add(m[0].toLowerCase());
    }
    const hasEntity = db.prepare('SELECT 1 FROM audit_log WHERE entity_id = ? LIMIT 1');
    const countOf = db.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE method = ?');
    const counted = new Map<string, number>();
    for (const ack of this.acks) {
      const check = checks.get(ack.method) ?? { by: 'count' };
      const ids = check.by === 'ids' ? ack.ids.filter((i) => check.paths.includes(i.path)) : [];
      if (check.by === 'marker' && ack.marker) {
        if (!markersFound.has(ack.marker)) problems.push(`${ack.method} acknowledged with ${ack.marker} is missing`);
      } else if (ids.length > 0) {
        for (const { id } of ids) if (!hasEntity.get(id)) problems.push(`${ack.method} acknowledged ${id}, which is missing`);
      } else {
        counted.set(ack.method, (counted.get(ack.method) ?? 0) + 1);
      }
    }
    for (const [method, n] of counted) {
      const rows = (countOf.get(method) as { n: number }).n;
      if (rows < n) problems.push(`${method}: ${n} acknowledged, only ${rows} audit entries`);
    }
    return { checked: this.acks.length, problems };
  }
}

export interface Discovery {
  usable: WriteMethod[];
  skipped: Array<{ method: string; reason: string }>;
}

/**
 * Calls each mutation of the contract once with a valid input, as a caller allowed to call it, and keeps those
 * that succeed, with how their writes can be found again. The probe's own writes are in the ledger too.
 */
export async function discoverWrites(call: Call, callers: readonly TestCaller[], ledger: WriteLedger, db: Database.Database): Promise<Discovery> {
  const usable: WriteMethod[] = [];
  const skipped: Discovery['skipped'] = [];
  const markerRows = db.prepare(
    `SELECT COUNT(*) AS n FROM audit_log l JOIN audit_payload p ON p.seq = l.seq WHERE l.method = ? AND instr(lower(p.after_json), ?) > 0`,
  );
  const newEntity = db.prepare('SELECT 1 FROM audit_log WHERE entity_id = ? AND seq > ? LIMIT 1');
  const countOf = db.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE method = ?');
  const headSeq = db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM audit_log');
  // Creating methods first, so that examples referring to earlier records find some.
  const mutations = listMethods().filter(([, spec]) => spec.kind === 'mutation');
  const sorted = [...mutations.filter(([name]) => !writeExamples[name]), ...mutations.filter(([name]) => writeExamples[name])];
  for (const [method, spec] of sorted) {
    if (notForWriteHarness[method]) {
      skipped.push({ method, reason: notForWriteHarness[method]! });
      continue;
    }
    const caller = callerFor(spec, callers);
    const marker = ledger.nextMarker();
    const input = ledger.inputFor(method, spec, marker);
    if (input === null) {
      skipped.push({ method, reason: 'no valid input could be made (add an example to writeExamples)' });
      continue;
    }
    const rowsBefore = (countOf.get(method) as { n: number }).n;
    const seqBefore = (headSeq.get() as { seq: number }).seq;
    const response = await call(method, input, callerOptions(caller));
    if (response.status !== 200) {
      skipped.push({ method, reason: `probe answered ${response.status} ${JSON.stringify(response.body).slice(0, 160)} (add an example to writeExamples)` });
      continue;
    }
    ledger.record(method, input, response.body, marker);
    const newIdPaths = idsIn(response.body)
      .filter(({ id }) => newEntity.get(id, seqBefore))
      .map(({ path }) => path);
    let check: WriteCheck | null = null;
    if ((markerRows.get(method, marker) as { n: number }).n > 0) check = { by: 'marker' };
    else if (newIdPaths.length > 0) check = { by: 'ids', paths: newIdPaths };
    else if ((countOf.get(method) as { n: number }).n > rowsBefore) check = { by: 'count' };
    if (!check) {
      skipped.push({ method, reason: 'succeeded but left no audit entry to find it by' });
      continue;
    }
    usable.push({ method, spec, caller, check });
  }
  return { usable, skipped };
}

export interface WriterStats {
  acknowledged: number;
  refused: Map<string, number>;
  serverErrors: string[];
  /** Requests cut off by the crash (no response). */
  cut: number;
}

/**
 * One writer: picks a usable mutation at random and calls it, again and again, until `stop()` says so or the
 * server goes away. Acknowledged writes go into the ledger.
 */
export async function runWriter(options: {
  call: Call;
  writes: readonly WriteMethod[];
  ledger: WriteLedger;
  rng: Prng;
  stats: WriterStats;
  stop: () => boolean;
}): Promise<void> {
  const { call, writes, ledger, rng, stats } = options;
  while (!options.stop()) {
    const write = rng.pick(writes);
    const marker = ledger.nextMarker();
    const input = ledger.inputFor(write.method, write.spec, marker);
    if (input === null) {
      await new Promise((resolve) => setImmediate(resolve)); // nothing to refer to yet: let other writers run
      continue;
    }
    let response: { status: number; body: unknown };
    try {
      response = await call(write.method, input, callerOptions(write.caller));
    } catch {
      stats.cut += 1;
      return; // the server is gone
    }
    if (response.status === 200) {
      ledger.record(write.method, input, response.body, marker);
      stats.acknowledged += 1;
    } else if (response.status >= 500) {
      stats.serverErrors.push(`${write.method}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
    } else {
      const key = `${write.method} ${response.status}`;
      stats.refused.set(key, (stats.refused.get(key) ?? 0) + 1);
    }
  }
}

export function newWriterStats(): WriterStats {
  return { acknowledged: 0, refused: new Map(), serverErrors: [], cut: 0 };
}
