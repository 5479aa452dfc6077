// Load bench (`npm run bench`): 20 visitor screens and 5 staff screens on loopback drive the mix in mix.ts against
// a `lobby-desk web` child process for 60 s. Every answer must be a success, every acknowledged write must be in the
// store afterwards, every screen must have received every pushed event, and the store must check out; latency
// percentiles per method go to bench/results/. A measurement, not a test: nothing here asserts on time.
//   npm run bench -- [--duration 60] [--think-scale 1] [--seed N]
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { findMethod } from '../../shared/contract';
import type { MethodSpec, Role } from '../../shared/contract/define';
import { startWebServer, httpClient, CLI } from '../support/web-server';
import { setUpBuilding, pairDevice, signedInPerson, everyCaller, mayCall, callerOptions, type TestCaller } from '../support/reliability/callers';
import { WriteLedger, discoverWrites, type WriteCheck } from '../support/reliability/writes';
import { prng, type Prng } from '../support/reliability/prng';
import { verifyAuditChain } from '../../main/core/audit/chain';
import { DATABASE_FILE } from '../../main/core/store/open';
import { mix, plan, type MixEntry } from './mix';

const { values } = parseArgs({
  options: { duration: { type: 'string', default: '60' }, 'think-scale': { type: 'string', default: '1' }, seed: { type: 'string' } },
  strict: true,
});
const durationMs = Number(values.duration) * 1000;
const thinkScale = Number(values['think-scale']);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 32) : Number(values.seed);
const rng = prng(seed);

interface Screen {
  name: string;
  kind: 'visitor' | 'staff';
  caller: TestCaller;
  entries: Array<{ entry: MixEntry; spec: MethodSpec }>;
  think: readonly [number, number];
  events: Map<string, number>;
  socket: WebSocket | null;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function openEvents(url: string, screen: Screen): Promise<void> {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/api/events`);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.on('message', (data) => {
    const { name } = JSON.parse(String(data)) as { name: string };
    screen.events.set(name, (screen.events.get(name) ?? 0) + 1);
  });
  socket.send(JSON.stringify({ type: 'hello', sessionToken: screen.caller.token ?? null, deviceToken: screen.caller.device ?? null }));
  screen.socket = socket;
}

function pause(r: Prng, [min, max]: readonly [number, number]): Promise<void> {
  const ms = r.int(min, max) * thinkScale;
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function main(): Promise<void> {
  const unknown = mix.filter((e) => !findMethod(e.method)).map((e) => e.method);
  if (unknown.length > 0) throw new Error(`mix.ts names methods the contract does not have: ${unknown.join(', ')}`);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lobby-desk-bench-'));
  if (!fs.existsSync(CLI)) throw new Error('build first: npm run build');
  const server = await startWebServer(dataDir);
  const call = httpClient(server.url);
  console.log(`bench: seed ${seed}, ${durationMs / 1000} s, think scale ${thinkScale}, server ${server.url}, data ${dataDir}`);

  // Set-up: the building, the probe of every mutation (so writes can be checked), the screens.
  const { adminToken } = await setUpBuilding(call);
  const ledger = new WriteLedger(rng);
  const probeDb = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  const { usable } = await discoverWrites(call, await everyCaller(call, { token: adminToken }), ledger, probeDb);
  probeDb.close();
  const checks = new Map<string, WriteCheck>(usable.map((w) => [w.method, w.check]));
  const probeAcks = ledger.acks.length;

  const screens: Screen[] = [];
  for (let i = 0; i < plan.visitorScreens; i += 1) {
    const device = await pairDevice(call, adminToken, `访客屏 ${i + 1}`);
    screens.push({ name: `visitor-${i + 1}`, kind: 'visitor', caller: { name: 'kiosk', device: device.token }, entries: [], think: plan.visitorThinkMs, events: new Map(), socket: null });
  }
  for (const [i, role] of plan.staffRoles.entries()) {
    const token = role === 'admin' ? adminToken : (await signedInPerson(call, adminToken, role, `压测-${role}-${i + 1}`)).token;
    screens.push({ name: `staff-${i + 1}-${role}`, kind: 'staff', caller: { name: role, token }, entries: [], think: plan.staffThinkMs, events: new Map(), socket: null });
  }
  const dropped = new Set<string>();
  for (const screen of screens) {
    for (const entry of mix) {
      const spec = findMethod(entry.method)!;
      if (entry.screens !== screen.kind) continue;
      if (spec.kind === 'mutation' && !checks.has(entry.method)) {
        dropped.add(`${entry.method} (the write harness cannot drive it; see writeExamples)`);
        continue;
      }
      if (!mayCall(spec.allow, screen.caller)) continue;
      if (entry.roles && !entry.roles.includes(screen.caller.name as Role)) continue;
      screen.entries.push({ entry, spec });
    }
    await openEvents(server.url, screen);
  }
  for (const d of dropped) console.log(`bench: not driven: ${d}`);

  // The run.
  const latencies = new Map<string, number[]>();
  const errors: string[] = [];
  const acked = new Map<string, number>();
  const deadline = Date.now() + durationMs;
  const started = Date.now();
  await Promise.all(
    screens.map(async (screen) => {
      const r = prng(rng.int(0, 2 ** 31));
      await pause(r, [0, screen.think[1]]); // screens do not start in lockstep
      while (Date.now() < deadline) {
        const { entry, spec } = r.weighted(screen.entries, (e) => e.entry.weight);
        const marker = ledger.nextMarker();
        const input = await ledger.inputFor(entry.method, spec, marker, screen.caller, call);
        if (input !== null) {
          const t0 = performance.now();
          let status = 0;
          let body: unknown;
          try {
            ({ status, body } = await call(entry.method, input, callerOptions(screen.caller)));
          } catch (error) {
            body = String(error);
          }
          const ms = performance.now() - t0;
          if (!latencies.has(entry.method)) latencies.set(entry.method, []);
          latencies.get(entry.method)!.push(ms);
          if (status !== 200) errors.push(`${screen.name} ${entry.method}: ${status} ${JSON.stringify(body).slice(0, 200)}`);
          else if (spec.kind === 'mutation') {
            ledger.record(entry.method, input, body, marker, screen.caller);
            acked.set(entry.method, (acked.get(entry.method) ?? 0) + 1);
          }
        }
        await pause(r, screen.think);
      }
    }),
  );
  const elapsedMs = Date.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 1000)); // let the last events arrive

  // Nothing lost: writes, events, the store.
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  const { checked, problems } = ledger.verify(db, checks);
  const integrity = db.pragma('integrity_check', { simple: true }) as string;
  const chain = verifyAuditChain(db);
  db.close();
  const buildingChanges = acked.get('settings.updateBuilding') ?? 0;
  const missedEvents = screens
    .filter((s) => (s.events.get('settings.buildingChanged') ?? 0) !== buildingChanges)
    .map((s) => `${s.name} got ${s.events.get('settings.buildingChanged') ?? 0} of ${buildingChanges} settings.buildingChanged`);
  for (const s of screens) s.socket?.terminate();
  await server.stop();

  const rows = [...latencies.entries()]
    .map(([method, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return { method, calls: sorted.length, p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted[sorted.length - 1]! };
    })
    .sort((a, b) => b.calls - a.calls);
  const all = [...latencies.values()].flat().sort((a, b) => a - b);
  const summary = {
    at: new Date().toISOString(),
    seed,
    durationSeconds: elapsedMs / 1000,
    thinkScale,
    screens: { visitor: plan.visitorScreens, staff: plan.staffRoles },
    machine: { cpus: os.cpus().length, node: process.version, loadAverage: os.loadavg() },
    requests: all.length,
    requestsPerSecond: all.length / (elapsedMs / 1000),
    overall: { p50: percentile(all, 50), p90: percentile(all, 90), p99: percentile(all, 99), max: all[all.length - 1] },
    errors: errors.length,
    firstErrors: errors.slice(0, 20),
    writesAcknowledged: [...acked.values()].reduce((a, b) => a + b, 0),
    writesChecked: checked,
    writesFromSetUp: probeAcks,
    lostWrites: problems,
    eventsExpectedPerScreen: buildingChanges,
    missedEvents,
    integrity,
    auditChain: chain,
    perMethod: rows,
  };

  const fmt = (n: number) => n.toFixed(1);
  const table = [
    '| method | calls | p50 ms | p90 ms | p99 ms | max ms |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.method} | ${r.calls} | ${fmt(r.p50)} | ${fmt(r.p90)} | ${fmt(r.p99)} | ${fmt(r.max)} |`),
    `| **all** | ${all.length} | ${fmt(summary.overall.p50)} | ${fmt(summary.overall.p90)} | ${fmt(summary.overall.p99)} | ${fmt(summary.overall.max ?? NaN)} |`,
  ].join('\n');
  const verdict =
    `${summary.requests} requests in ${fmt(summary.durationSeconds)} s (${fmt(summary.requestsPerSecond)}/s) from ${plan.visitorScreens} visitor and ` +
    `${plan.staffRoles.length} staff screens; errors ${errors.length}; writes acknowledged ${summary.writesAcknowledged}, checked ${checked} ` +
    `(set-up included), lost ${problems.length}; events ${buildingChanges} per screen, missed ${missedEvents.length}; ` +
    `integrity ${integrity}; audit chain ${chain.ok ? `ok (${chain.checked} entries)` : `BROKEN at ${chain.firstBroken?.seq}`}`;
  const dir = path.resolve('bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = summary.at.replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(dir, `load-${stamp}.json`), JSON.stringify(summary, null, 2));
  fs.writeFileSync(path.join(dir, `load-${stamp}.md`), `# Load bench ${summary.at}\n\nseed ${seed}, think scale ${thinkScale}, ${os.cpus().length} CPUs, Node ${process.version}\n\n${verdict}\n\n${table}\n`);
  console.log(`\n${table}\n\n${verdict}\nresults: ${path.join(dir, `load-${stamp}.md`)}`);
  for (const e of summary.firstErrors) console.log(`error: ${e}`);
  for (const p of problems.slice(0, 20)) console.log(`lost: ${p}`);
  for (const m of missedEvents.slice(0, 20)) console.log(`missed: ${m}`);
  if (errors.length > 0 || problems.length > 0 || missedEvents.length > 0 || integrity !== 'ok' || !chain.ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
