// The write path as the issue of guardrails asks for it: events shaped inside the transaction, derived tables the
// only un-audited writes, and every slow call named in the log.
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../../main/core/core';
import { FakeClock } from '../../../main/core/clock';
import type { Logger } from '../../../main/core/context';
import { as, createDesk, LOCAL, tempDir, type TestDesk } from '../../support/core';

let desk: TestDesk | null = null;
let core: Core | null = null;
afterEach(() => {
  desk?.close();
  desk = null;
  if (core && !core.isClosed) core.close();
  core = null;
});

const count = (d: TestDesk, sql: string) => (d.core.db.prepare(sql).get() as { n: number }).n;

describe('the one write path', () => {
  it('X-2 an event whose payload does not fit its schema rolls back the write that raised it', async () => {
    desk = await createDesk();
    const before = count(desk, 'SELECT COUNT(*) AS n FROM audit_log');
    const seen: string[] = [];
    desk.core.onEvent((e) => seen.push(e.name));
    expect(() =>
      desk!.core.runAsSystem('test.badEvent', (ctx) => {
        ctx.tx.note('test', null, { what: 'should not stay' });
        ctx.emit('calls.changed', { id: 'x', status: 'no-such-status' as never, line: 1 });
      }),
    ).toThrow();
    expect(count(desk, 'SELECT COUNT(*) AS n FROM audit_log')).toBe(before);
    expect(seen).toEqual([]);
    // The same write with a well-formed event is saved and delivered.
    desk.core.runAsSystem('test.goodEvent', (ctx) => {
      ctx.tx.note('test', null, { what: 'stays' });
      ctx.emit('devices.changed', { deviceId: 'd1' });
    });
    expect(count(desk, 'SELECT COUNT(*) AS n FROM audit_log')).toBe(before + 1);
    expect(seen).toEqual(['devices.changed']);
  });

  it('X-1 only the derived tables are written without an audit entry, and only through Tx.derived', async () => {
    desk = await createDesk();
    const visitorsBefore = count(desk, 'SELECT COUNT(*) AS n FROM visits');
    expect(() =>
      desk!.core.runAsSystem('test.derived', (ctx) => {
        // A derived write that names a derived table but writes an evidence table is refused.
        ctx.tx.derived('record_clock_due', "INSERT INTO visits (id) VALUES ('forged')");
      }),
    ).toThrow(/must write record_clock_due/);
    expect(() =>
      desk!.core.runAsSystem('test.derived', (ctx) => ctx.tx.derived('visits' as never, "UPDATE visits SET visitor_name = 'x'")),
    ).toThrow(/not a derived table/);
    expect(count(desk, 'SELECT COUNT(*) AS n FROM visits')).toBe(visitorsBefore);
    desk.core.runAsSystem('test.derived', (ctx) =>
      ctx.tx.derived('record_clock_basis', 'INSERT INTO record_clock_basis (id, basis) VALUES (1, @basis) ON CONFLICT (id) DO UPDATE SET basis = @basis', { basis: 'test' }),
    );
    expect((desk.core.db.prepare('SELECT basis FROM record_clock_basis').get() as { basis: string }).basis).toBe('test');
  });
});

describe('the slow-call log', () => {
  function logged(): { logger: Logger; warnings: Array<{ message: string; fields?: Record<string, unknown> }> } {
    const warnings: Array<{ message: string; fields?: Record<string, unknown> }> = [];
    return { warnings, logger: { info() {}, error() {}, warn: (message, fields) => warnings.push({ message, fields }) } };
  }

  it('X-3 a call slower than the threshold is logged with its method and time; a quick one is not', async () => {
    const { logger, warnings } = logged();
    let t = 0;
    let step = 0;
    core = Core.open({ dataDir: tempDir(), clock: new FakeClock(), version: '0.0.0-test', logger, slowCallMs: 200, elapsed: () => (t += step) });
    await core.invoke(LOCAL, 'setup.status', {});
    expect(warnings.filter((w) => w.message === 'slow call')).toEqual([]);
    step = 250;
    await core.invoke(LOCAL, 'setup.status', {});
    expect(warnings.filter((w) => w.message === 'slow call')).toEqual([{ message: 'slow call', fields: { method: 'setup.status', ms: 250, origin: 'loopback' } }]);
    // A call that fails is timed too, and so is the app's own work.
    await expect(core.invoke(as('no-such-token'), 'visitors.board' as never, {} as never)).rejects.toThrow();
    core.runAsSystem('test.timer', () => undefined);
    expect(warnings.map((w) => w.fields?.method)).toEqual(['setup.status', 'visitors.board', 'test.timer']);
  });
});
