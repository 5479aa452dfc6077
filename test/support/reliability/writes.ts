// The write harness shared by the crash-consistency test and the load script: which mutations of the contract it
// can drive (probed once), valid inputs for them, a ledger of every acknowledged write, and the check that each
// one is in the store afterwards — found by the unique marker in its audit images, by the ids it returned, or
// (for writes that carry neither) by the number of audit entries of its method.
import type Database from 'better-sqlite3';
import { findMethod, listMethods } from '../../../shared/contract';
import type { MethodSpec } from '../../../shared/contract/define';
import { sample } from './schema';
import { writeExamples, readExamples, notForWriteHarness, type EarlierCall, type ExampleEnv } from './examples';
import { callerFor, callerOptions, type Call, type TestCaller } from './callers';
import type { Prng } from './prng';
import { decodePayloadText } from '../../../main/core/audit/form';

/**
 * How an acknowledged write is found again: its marker in an audit image; the ids of the records it created
 * (response paths that named a new audit entity in the probe); for a change to existing records, as many audit
 * entries of its method for each record it named (response paths naming a record the probe changed); or, for
 * writes with none of these, the number of audit entries of its method (a lower bound).
 */
export type WriteCheck = { by: 'marker' } | { by: 'ids'; paths: string[] } | { by: 'entity'; paths: string[] } | { by: 'count' };

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

/** Who made a call, stable across sign-ins: the person, the paired screen, or the kind of caller. */
export function callerIdentity(caller: TestCaller): string {
  return caller.userId ?? caller.device ?? caller.name;
}

export class WriteLedger {
  readonly acks: Ack[] = [];
  private readonly pools = new Map<string, EarlierCall[]>();
  /** Every acknowledged call by method, taken from its pool since or not. */
  private readonly history = new Map<string, EarlierCall[]>();
  private readonly claims = new Set<string>();
  private counter = 0;

  /** `now` is the server's clock (the harness's own for a child process; the FakeClock for an in-process core). */
  constructor(
    private readonly rng: Prng,
    private readonly now: () => number = () => Date.now(),
  ) {}

  nextMarker(): string {
    this.counter += 1;
    return `mk-${this.counter.toString(36)}`;
  }

  private matching(
    methods: string | readonly string[],
    filter?: (c: EarlierCall) => boolean,
    from: Map<string, EarlierCall[]> = this.pools,
  ): Array<{ pool: EarlierCall[]; index: number }> {
    const out: Array<{ pool: EarlierCall[]; index: number }> = [];
    for (const m of typeof methods === 'string' ? [methods] : methods) {
      const pool = from.get(m) ?? [];
      pool.forEach((c, index) => {
        if (!filter || filter(c)) out.push({ pool, index });
      });
    }
    return out;
  }

  /**
   * A valid input for the method as `caller` — its example (writeExamples, readExamples), else generated from the
   * schema — or null if none can be made now. Examples may query the server as the caller (`call`).
   */
  async inputFor(method: string, spec: MethodSpec, marker: string, caller: TestCaller, call: Call, hint: Record<string, unknown> = {}): Promise<unknown> {
    const generated = () => {
      const result = sample(spec.input, { preferredStrings: [marker] });
      return result.ok ? result.value : null;
    };
    const identity = callerIdentity(caller);
    const env: ExampleEnv = {
      marker,
      rng: this.rng,
      now: this.now,
      caller,
      take: (methods, filter) => {
        const first = this.matching(methods, filter)[0];
        return first ? first.pool.splice(first.index, 1)[0]! : null;
      },
      peek: (methods, filter) => {
        const found = this.matching(methods, filter);
        return found.length > 0 ? (({ pool, index }) => pool[index]!)(this.rng.pick(found)) : null;
      },
      earlier: (methods, filter) => {
        const found = this.matching(methods, filter, this.history);
        return found.length > 0 ? (({ pool, index }) => pool[index]!)(this.rng.pick(found)) : null;
      },
      pool: (methods) => this.matching(methods).map(({ pool, index }) => pool[index]!),
      claim: (key) => {
        if (this.claims.has(key)) return false;
        this.claims.add(key);
        return true;
      },
      mine: (earlier) => earlier.by === identity,
      query: async <T>(m: string, input: unknown = {}) => {
        const response = await call<T>(m, input, callerOptions(caller));
        return response.status === 200 ? response.body : null;
      },
      generated,
      hint,
    };
    const example = writeExamples[method] ?? readExamples[method];
    return example ? await example.make(env) : generated();
  }

  record(method: string, input: unknown, output: unknown, marker: string, caller: TestCaller): void {
    // The whole marker (mk-5 is not in a text that carries mk-5x).
    const carriesMarker = marker !== '' && [...JSON.stringify(input ?? null).matchAll(MARKER)].some((m) => m[0].toLowerCase() === marker);
    this.acks.push({ method, marker: carriesMarker ? marker : null, ids: idsIn(output) });
    const earlier: EarlierCall = { input, output, by: callerIdentity(caller) };
    for (const map of [this.pools, this.history]) {
      let list = map.get(method);
      if (!list) map.set(method, (list = []));
      list.push(earlier);
    }
  }

  /** Every acknowledged write's trace in the store, or the problems found; how many were checked, by method. */
  verify(db: Database.Database, checks: ReadonlyMap<string, WriteCheck>): { checked: number; byMethod: Map<string, number>; problems: string[] } {
    const problems: string[] = [];
    const byMethod = new Map<string, number>();
    const markersFound = new Set<string>();
    // Payloads are stored compressed: read each one's text (the canonical JSON of its image or changes).
    for (const row of db.prepare('SELECT payload FROM audit_log').iterate() as Iterable<{ payload: Buffer }>) {
      for (const m of decodePayloadText(row.payload).matchAll(MARKER)) markersFound.add(m[0].toLowerCase());
    }
    const hasEntity = db.prepare('SELECT 1 FROM audit_log WHERE entity_id = ? LIMIT 1');
    const countOf = db.prepare('SELECT COUNT(*) AS n FROM audit_trail WHERE method = ?');
    const countFor = db.prepare('SELECT COUNT(*) AS n FROM audit_trail WHERE method = ? AND entity_id = ?');
    const counted = new Map<string, number>();
    const perEntity = new Map<string, { method: string; id: string; n: number }>();
    for (const ack of this.acks) {
      byMethod.set(ack.method, (byMethod.get(ack.method) ?? 0) + 1);
      const check = checks.get(ack.method) ?? { by: 'count' };
      const ids = check.by === 'ids' || check.by === 'entity' ? ack.ids.filter((i) => check.paths.includes(i.path)) : [];
      if (check.by === 'marker' && ack.marker) {
        if (!markersFound.has(ack.marker)) problems.push(`${ack.method} acknowledged with ${ack.marker} is missing`);
      } else if (check.by === 'ids' && ids.length > 0) {
        for (const { id } of ids) if (!hasEntity.get(id)) problems.push(`${ack.method} acknowledged ${id}, which is missing`);
      } else if (check.by === 'entity' && ids.length > 0) {
        for (const { id } of ids) {
          const key = `${ack.method} ${id}`;
          perEntity.set(key, { method: ack.method, id, n: (perEntity.get(key)?.n ?? 0) + 1 });
        }
      } else {
        counted.set(ack.method, (counted.get(ack.method) ?? 0) + 1);
      }
    }
    for (const { method, id, n } of perEntity.values()) {
      const rows = (countFor.get(method, id) as { n: number }).n;
      if (rows < n) problems.push(`${method} on ${id}: ${n} acknowledged, only ${rows} audit entries`);
    }
    for (const [method, n] of counted) {
      const rows = (countOf.get(method) as { n: number }).n;
      if (rows < n) problems.push(`${method}: ${n} acknowledged, only ${rows} audit entries`);
    }
    return { checked: this.acks.length, byMethod, problems };
  }
}

export interface Harness {
  call: Call;
  callers: readonly TestCaller[];
  ledger: WriteLedger;
}

/** Who calls a method in the harnesses: its example's `as`, else an administrator where allowed (callerFor). */
export function callerForMethod(method: string, spec: MethodSpec, callers: readonly TestCaller[]): TestCaller {
  const as = (writeExamples[method] ?? readExamples[method])?.as;
  return (as && callers.find((c) => c.name === as)) || callerFor(spec, callers);
}

/**
 * A valid input for the method and who calls it with it. When its example cannot be made yet (nothing to refer
 * to), the methods it `needs` are called first — and theirs, in turn — up to the example's `attempts`.
 */
export async function validInput(
  h: Harness,
  method: string,
  depth = 0,
  hint: Record<string, unknown> = {},
): Promise<{ input: unknown; marker: string; caller: TestCaller } | null> {
  const spec = findMethod(method);
  if (!spec) throw new Error(`an example needs ${method}, which the contract does not have`);
  const example = writeExamples[method] ?? readExamples[method];
  const caller = callerForMethod(method, spec, h.callers);
  for (let attempt = 0; ; attempt += 1) {
    const marker = h.ledger.nextMarker();
    const input = await h.ledger.inputFor(method, spec, marker, caller, h.call, hint);
    if (input !== null) return { input, marker, caller };
    if (!example?.needs || attempt >= (example.attempts ?? 3) || depth >= 4) return null;
    for (const need of example.needs) {
      if (typeof need === 'string') await callOnce(h, need, depth + 1);
      else await callOnce(h, need.method, depth + 1, need.hint);
    }
  }
}

/** Calls a method once with a valid input (see validInput); an acknowledged write goes into the ledger. */
export async function callOnce(
  h: Harness,
  method: string,
  depth = 0,
  hint: Record<string, unknown> = {},
): Promise<{ status: number; body: unknown } | null> {
  const prepared = await validInput(h, method, depth, hint);
  if (!prepared) return null;
  const response = await h.call(method, prepared.input, callerOptions(prepared.caller));
  if (response.status === 200 && findMethod(method)!.kind === 'mutation') h.ledger.record(method, prepared.input, response.body, prepared.marker, prepared.caller);
  return response;
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
  const h: Harness = { call, callers, ledger };
  const usable: WriteMethod[] = [];
  const skipped: Discovery['skipped'] = [];
  const payloadsOf = db.prepare('SELECT payload FROM audit_trail WHERE method = ? AND seq > ?');
  const markerRows = {
    get: (method: string, marker: string, after: number) => ({
      n: (payloadsOf.all(method, after) as Array<{ payload: Buffer }>).filter((r) => decodePayloadText(r.payload).toLowerCase().includes(marker)).length,
    }),
  };
  // New: first seen in the audit trail after the probe started (an insert), not a record the probe changed.
  const newEntity = db.prepare('SELECT 1 FROM audit_log WHERE entity_id = ? AND seq > ? AND NOT EXISTS (SELECT 1 FROM audit_log WHERE entity_id = ? AND seq <= ?) LIMIT 1');
  const changedBy = db.prepare('SELECT 1 FROM audit_trail WHERE entity_id = ? AND method = ? AND seq > ? LIMIT 1');
  const countOf = db.prepare('SELECT COUNT(*) AS n FROM audit_trail WHERE method = ?');
  const headSeq = db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM audit_log');
  // Methods without an example first (in the contract's order), then those with one in the table's order, so
  // that examples referring to earlier records find some.
  const mutations = new Map<string, MethodSpec>(listMethods().filter(([, spec]) => spec.kind === 'mutation'));
  const sorted = [
    ...[...mutations].filter(([name]) => !writeExamples[name]),
    ...Object.keys(writeExamples)
      .filter((name) => mutations.has(name))
      .map((name) => [name, mutations.get(name)!] as const),
  ];
  for (const [method, spec] of sorted) {
    if (notForWriteHarness[method]) {
      skipped.push({ method, reason: notForWriteHarness[method]! });
      continue;
    }
    const prepared = await validInput(h, method);
    if (prepared === null) {
      skipped.push({ method, reason: 'no valid input could be made (add an example to writeExamples)' });
      continue;
    }
    const { input, marker, caller } = prepared;
    const rowsBefore = (countOf.get(method) as { n: number }).n;
    const seqBefore = (headSeq.get() as { seq: number }).seq;
    const response = await call(method, input, callerOptions(caller));
    if (response.status !== 200) {
      skipped.push({ method, reason: `probe answered ${response.status} ${JSON.stringify(response.body).slice(0, 160)} (add an example to writeExamples)` });
      continue;
    }
    ledger.record(method, input, response.body, marker, caller);
    const named = idsIn(response.body);
    const newIdPaths = named.filter(({ id }) => newEntity.get(id, seqBefore, id, seqBefore)).map(({ path }) => path);
    const changedPaths = named.filter(({ id }) => changedBy.get(id, method, seqBefore)).map(({ path }) => path);
    let check: WriteCheck | null = null;
    if (markerRows.get(method, marker, seqBefore).n > 0) check = { by: 'marker' };
    else if (newIdPaths.length > 0) check = { by: 'ids', paths: newIdPaths };
    else if (changedPaths.length > 0) check = { by: 'entity', paths: changedPaths };
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

/** How often the writers pick a method, relatively: the desk's work more often than an administrator's settings. */
export function writeWeight(method: string): number {
  return /\.updateSettings$|^settings\.|^backup\.|^installation\./.test(method) ? 0.25 : 1;
}

/**
 * One writer: picks a usable mutation at random (by writeWeight) and calls it, again and again, until `stop()`
 * says so or the server goes away. Acknowledged writes go into the ledger.
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
    const write = rng.weighted(writes, (w) => writeWeight(w.method));
    const marker = ledger.nextMarker();
    let input: unknown;
    try {
      input = await ledger.inputFor(write.method, write.spec, marker, write.caller, call);
    } catch {
      stats.cut += 1;
      return; // the server went away while the example read what it needed
    }
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
      ledger.record(write.method, input, response.body, marker, write.caller);
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
