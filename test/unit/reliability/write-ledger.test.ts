// The write ledger the crash, hostile-input and load harnesses share: pools of earlier acknowledged calls that
// examples take from or peek at, claims, the strict marker check, and moving a hostile payload onto a fresh record.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import Database from 'better-sqlite3';
import { findMethod } from '../../../shared/contract';
import { id, text } from '../../../shared/contract/fields';
import { WriteLedger } from '../../support/reliability/writes';
import { readExamples, writeExamples, notForWriteHarness, type ExampleEnv } from '../../support/reliability/examples';
import { hostilePayloads, rebase } from '../../support/reliability/hostile';
import { prng } from '../../support/reliability/prng';
import type { Call, TestCaller } from '../../support/reliability/callers';
import { AUDIT_SCHEMA } from '../../../main/core/store/migrations/0016-keyed-trail';
import { appendAudit, SYSTEM_ACTOR } from '../../../main/core/audit/chain';

/** An in-memory trail in the app's own form, with entries (method, entity id, payload) as given. */
function trailWith(entries: Array<{ method: string; entityId?: string | null; payload?: unknown }>): Database.Database {
  const db = new Database(':memory:');
  db.exec(AUDIT_SCHEMA);
  const key = Buffer.alloc(32, 1);
  for (const e of entries) {
    appendAudit(db, key, { at: 1, installationId: 'I', actor: SYSTEM_ACTOR, method: e.method, entity: 'x', entityId: e.entityId ?? null, op: 'event', payload: e.payload ?? {} });
  }
  return db;
}

const desk: TestCaller = { name: 'receptionist', token: 't1', userId: 'U1' };
const other: TestCaller = { name: 'receptionist', token: 't2', userId: 'U2' };
const noServer: Call = async () => {
  throw new Error('no server in this test');
};

/** Runs `make` as an example would be run, to look at what the environment offers. */
async function withEnv<T>(ledger: WriteLedger, caller: TestCaller, make: (env: ExampleEnv) => T): Promise<T> {
  let out: T | undefined;
  const method = 'notices.create';
  const saved = writeExamples[method];
  writeExamples[method] = { make: (env) => ((out = make(env)), {}) };
  try {
    await ledger.inputFor(method, findMethod(method)!, ledger.nextMarker(), caller, noServer);
  } finally {
    writeExamples[method] = saved!;
  }
  return out as T;
}

describe('write ledger', () => {
  it('X-2 take hands each earlier call out once, oldest first; peek leaves it; earlier remembers what was taken; mine knows the author', async () => {
    const ledger = new WriteLedger(prng(1));
    ledger.record('a.create', {}, { id: 'A1' }, 'mk-1', desk);
    ledger.record('a.create', {}, { id: 'A2' }, 'mk-2', other);
    const seen = await withEnv(ledger, desk, (env) => ({
      peeked: env.peek('a.create')?.output,
      mine: env.pool('a.create').filter(env.mine).map((c) => c.output),
      first: env.take('a.create')?.output,
      second: env.take(['b.step', 'a.create'])?.output,
      none: env.take('a.create'),
      remembered: env.earlier('a.create', (c) => (c.output as { id: string }).id === 'A1')?.output,
    }));
    expect(seen.peeked).toBeDefined();
    expect(seen.mine).toEqual([{ id: 'A1' }]);
    expect(seen.first).toEqual({ id: 'A1' });
    expect(seen.second).toEqual({ id: 'A2' });
    expect(seen.none).toBeNull();
    expect(seen.remembered).toEqual({ id: 'A1' });
  });

  it('X-2 a claim is granted once per key', async () => {
    const ledger = new WriteLedger(prng(1));
    expect(await withEnv(ledger, desk, (env) => [env.claim('k'), env.claim('k'), env.claim('j')])).toEqual([true, false, true]);
    expect(await withEnv(ledger, other, (env) => env.claim('k'))).toBe(false);
  });

  it('X-2 an acknowledged write is looked for by its whole marker (mk-5 is not found in a text carrying mk-5x)', () => {
    const db = trailWith([{ method: 'other.method', payload: { note: 'mk-5x' } }]);
    const ledger = new WriteLedger(prng(1));
    ledger.record('a.note', { note: 'mk-5x' }, {}, 'mk-5', desk); // the call's own marker is not in its input: found by count
    ledger.record('a.note', { note: 'mk-5x' }, {}, 'mk-5x', desk);
    ledger.record('a.note', { note: 'mk-9' }, {}, 'mk-9', desk); // acknowledged, never stored
    const { problems, byMethod } = ledger.verify(db, new Map([['a.note', { by: 'marker' }]]));
    expect(problems).toEqual(['a.note acknowledged with mk-9 is missing', 'a.note: 1 acknowledged, only 0 audit entries']);
    expect(byMethod.get('a.note')).toBe(3);
  });

  it('X-2 a change to an existing record is looked for as an audit entry of its method on that record, one per acknowledgement', () => {
    const V1 = '01J0000000000000000000000V';
    const db = trailWith([
      { method: 'v.register', entityId: V1 },
      { method: 'v.signOut', entityId: V1 },
    ]);
    const ledger = new WriteLedger(prng(1));
    ledger.record('v.signOut', { id: V1 }, { id: V1 }, 'mk-1', desk);
    const checks = new Map([['v.signOut', { by: 'entity' as const, paths: ['id'] }]]);
    expect(ledger.verify(db, checks).problems).toEqual([]);
    // Acknowledged twice, stored once: the other one was lost (the register entry does not count for it).
    ledger.record('v.signOut', { id: V1 }, { id: V1 }, 'mk-2', desk);
    expect(ledger.verify(db, checks).problems).toEqual([`v.signOut on ${V1}: 2 acknowledged, only 1 audit entries`]);
  });
});

describe('hostile payloads from a valid base', () => {
  const Input = z.strictObject({ id: id(), note: text(100) });
  const base = { id: '01J0000000000000000000000A', note: 'mk-1' };

  it('X-3 vary a given base (an example naming a real record) and keep its id where they do not change it', () => {
    const payloads = hostilePayloads(Input, prng(3), 5, base);
    const noteOnly = payloads.filter((p) => p.field?.path.join('.') === 'note');
    expect(noteOnly.length).toBeGreaterThan(20);
    for (const p of noteOnly) expect(p.raw).toContain(base.id);
  });

  it('X-3 rebase moves a payload onto a fresh record: the ids of the old base are replaced by those of the new one', () => {
    const fresh = { id: '01J0000000000000000000000B', note: 'mk-2' };
    const raw = JSON.stringify({ id: base.id, note: '𠮷野家' });
    expect(JSON.parse(rebase(raw, base, fresh))).toEqual({ id: fresh.id, note: '𠮷野家' });
    expect(rebase(raw, base, base)).toBe(raw);
  });
});

describe('examples', () => {
  it('X-2 X-3 every example names a method of the contract (and what it needs, too)', () => {
    const names = [...Object.keys(writeExamples), ...Object.keys(readExamples), ...Object.keys(notForWriteHarness)];
    const needs = [...Object.values(writeExamples), ...Object.values(readExamples)].flatMap((e) => (e.needs ?? []).map((n) => (typeof n === 'string' ? n : n.method)));
    expect([...names, ...needs].filter((m) => !findMethod(m))).toEqual([]);
    for (const m of Object.keys(writeExamples)) expect(findMethod(m)!.kind, m).toBe('mutation');
    for (const m of Object.keys(readExamples)) expect(findMethod(m)!.kind, m).toBe('query');
  });
});
