// What the trail's check at start costs on a long trail, against the full check (issue: start-up that does not depend
// on the database's size). Fills N visits (register, sign out) through the store's own write path in transactions of
// 100 visits, as the app itself writes them; then times Core.open (the start check included) and the full verify.
//   node scripts/run-ts.mjs test/bench/trail-start.ts [--entries 100000]
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createDesk, openCore } from '../support/core';
import { seedDirectory } from '../support/visitors';
import { newId } from '../../main/core/ids';
import { verifyTrail } from '../../main/core/audit/verify';

const { values } = parseArgs({ options: { entries: { type: 'string', default: '100000' } }, strict: true });
const ENTRIES = Number(values.entries);

const desk = await createDesk();
const dir = await seedDirectory(desk);
const fillStarted = performance.now();
let written = 0;
while (written < ENTRIES) {
  desk.core.runAsSystem('bench.fill', (ctx) => {
    for (let i = 0; i < 100 && written < ENTRIES; i += 1) {
      const id = newId(ctx.now);
      ctx.tx.insert('visits', {
        id, source: 'desk', status: 'in', pass_number: `B-${written}`, visitor_name: `访客${written}`, mobile: `139${String(written).padStart(8, '0')}`,
        tenant_id: dir.huaxin.id, purpose: '商务拜访', party_size: 1, lang: 'zh-CN', registered_at: ctx.now, registered_by: desk.admin.id, checked_in_at: ctx.now,
      });
      ctx.tx.update('visits', id, { status: 'out', checked_out_at: ctx.now + 60_000, checked_out_by: desk.admin.id, checkout_via: 'click' });
      written += 2;
    }
  });
}
const fillMs = performance.now() - fillStarted;
const head = (desk.core.db.prepare('SELECT MAX(seq) AS n FROM audit_log').get() as { n: number }).n;
desk.close();
if (process.env.KEEP) console.log('dir', desk.dataDir);

const times: number[] = [];
let walked: number | undefined;
for (let i = 0; i < 5; i += 1) {
  const t0 = performance.now();
  const core = openCore(desk.dataDir, desk.clock);
  times.push(performance.now() - t0);
  walked = core.trail.lastReport!.entries;
  if (i < 4) core.close();
  else {
    const t1 = performance.now();
    const full = verifyTrail(core.db, { keys: core.keys, dataDir: desk.dataDir });
    const fullMs = performance.now() - t1;
    console.log(`${head} entries (filled in ${(fillMs / 1000).toFixed(1)} s)`);
    console.log(`  Core.open with the start check: ${times.map((t) => t.toFixed(0)).join(', ')} ms (walked ${walked} entries from the last anchor)`);
    console.log(`  full verify: ${(fullMs / 1000).toFixed(1)} s, state ${full.state}, ${full.tables?.rows} rows reconciled`);
    core.close();
  }
}
