// Load bench (`npm run bench`): 20 visitor screens and 5 staff screens on loopback drive the mix in mix.ts against
// a `lobby-desk web` child process for 60 s. Every answer must be a success, every acknowledged write must be in the
// store afterwards, every screen must have received every pushed event meant for it (and a visitor screen nothing
// meant for another), and the store must check out; latency percentiles per method go to bench/results/, with the
// machine's load average sampled during the run. A measurement, not a test: nothing here asserts on time.
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
import { ADMIN_PIN, STAFF_PIN, setUpBuilding, pairDevice, signedInPerson, everyCaller, mayCall, callerOptions, type TestCaller } from '../support/reliability/callers';
import { WriteLedger, callOnce, discoverWrites, type Harness, type WriteCheck } from '../support/reliability/writes';
import { prng, type Prng } from '../support/reliability/prng';
import { verifyStoreFile } from '../../main/core/audit/verify-file';
import { DATABASE_FILE } from '../../main/core/store/open';
import { mix, plan, type MixEntry, type ScreenApi } from './mix';

const { values } = parseArgs({
  options: { duration: { type: 'string', default: '60' }, 'think-scale': { type: 'string', default: '1' }, seed: { type: 'string' } },
  strict: true,
});
const durationMs = Number(values.duration) * 1000;
const thinkScale = Number(values['think-scale']);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 32) : Number(values.seed);
const rng = prng(seed);

/** Tenants in the directory before the doors open (visitors search it by pinyin initials). */
const TENANTS = 30;

interface Screen {
  name: string;
  kind: 'visitor' | 'staff';
  caller: TestCaller;
  entries: MixEntry[];
  think: readonly [number, number];
  events: Map<string, number>;
  /** registrationId of every visitors.registrationDecided this screen received. */
  decisions: Set<string>;
  registrations: Set<string>;
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
    const { name, payload } = JSON.parse(String(data)) as { name: string; payload: { registrationId?: string } };
    screen.events.set(name, (screen.events.get(name) ?? 0) + 1);
    if (name === 'visitors.registrationDecided' && payload.registrationId) screen.decisions.add(payload.registrationId);
  });
  socket.send(JSON.stringify({ type: 'hello', sessionToken: screen.caller.token ?? null, deviceToken: screen.caller.device ?? null }));
  screen.socket = socket;
}

function entryName(entry: MixEntry): string {
  return entry.name ?? entry.method ?? 'flow';
}

async function main(): Promise<void> {
  const unknown = mix.filter((e) => e.method && !findMethod(e.method)).map((e) => e.method);
  if (unknown.length > 0) throw new Error(`mix.ts names methods the contract does not have: ${unknown.join(', ')}`);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lobby-desk-bench-'));
  if (!fs.existsSync(CLI)) throw new Error('build first: npm run build');
  const server = await startWebServer(dataDir);
  const call = httpClient(server.url);
  console.log(`bench: seed ${seed}, ${durationMs / 1000} s, think scale ${thinkScale}, server ${server.url}, data ${dataDir}`);

  // Set-up: the building, the probe of every mutation (so writes can be checked), the directory, the screens.
  const { adminId, adminToken } = await setUpBuilding(call);
  const ledger = new WriteLedger(rng);
  const probeDb = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  const probeCallers = await everyCaller(call, { token: adminToken, id: adminId, pin: ADMIN_PIN });
  const { usable, skipped } = await discoverWrites(call, probeCallers, ledger, probeDb);
  probeDb.close();
  for (const s of skipped) console.log(`bench: the write harness does not drive ${s.method} (${s.reason})`);
  const checks = new Map<string, WriteCheck>(usable.map((w) => [w.method, w.check]));
  const setUp: Harness = { call, callers: probeCallers, ledger };
  for (let i = 0; i < TENANTS; i += 1) await callOnce(setUp, 'directory.create');
  const setUpAcks = ledger.acks.length;

  const screens: Screen[] = [];
  const newScreen = (name: string, kind: Screen['kind'], caller: TestCaller, think: readonly [number, number]): Screen => ({
    name,
    kind,
    caller,
    entries: [],
    think,
    events: new Map(),
    decisions: new Set(),
    registrations: new Set(),
    socket: null,
  });
  for (let i = 0; i < plan.visitorScreens; i += 1) {
    const device = await pairDevice(call, adminToken, `访客屏 ${i + 1}`);
    screens.push(newScreen(`visitor-${i + 1}`, 'visitor', { name: 'kiosk', device: device.token }, plan.visitorThinkMs));
  }
  for (const [i, role] of plan.staffRoles.entries()) {
    const person =
      role === 'admin' ? { id: adminId, token: adminToken, pin: ADMIN_PIN } : { ...(await signedInPerson(call, adminToken, role, `压测-${role}-${i + 1}`)), pin: STAFF_PIN };
    screens.push(newScreen(`staff-${i + 1}-${role}`, 'staff', { name: role, token: person.token, userId: person.id, pin: person.pin }, plan.staffThinkMs));
  }
  const notDriven = new Set<string>();
  for (const screen of screens) {
    for (const entry of mix) {
      if (entry.screens !== screen.kind) continue;
      if (entry.roles && !entry.roles.includes(screen.caller.name as Role)) continue;
      if (entry.method) {
        const spec = findMethod(entry.method)!;
        if (!mayCall(spec.allow, screen.caller)) continue;
        if (spec.kind === 'mutation' && !checks.has(entry.method)) {
          notDriven.add(`${entry.method} (the write harness cannot drive it; see writeExamples)`);
          continue;
        }
      }
      screen.entries.push(entry);
    }
    await openEvents(server.url, screen);
  }
  for (const d of notDriven) console.log(`bench: not driven: ${d}`);

  // The run, with the machine's load average sampled as it goes.
  const latencies = new Map<string, number[]>();
  const errors: string[] = [];
  const acked = new Map<string, number>();
  const flows = new Map<string, number>();
  const loadSamples: number[] = [os.loadavg()[0]!];
  const sampler = setInterval(() => loadSamples.push(os.loadavg()[0]!), 5000);
  const deadline = Date.now() + durationMs;
  const started = Date.now();
  const over = () => Date.now() >= deadline;
  const pause = (r: Prng, min: number, max: number) =>
    new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, Math.min(r.int(min, max) * thinkScale, deadline - Date.now()))));

  class CallFailed extends Error {}
  const apiFor = (screen: Screen, r: Prng): ScreenApi => {
    const timed = async <T>(method: string, input: unknown, marker: string | null): Promise<T> => {
      const spec: MethodSpec = findMethod(method)!;
      if (spec.kind === 'mutation' && !checks.has(method)) throw new Error(`mix.ts writes through ${method}, which the write harness cannot check`);
      const t0 = performance.now();
      let status = 0;
      let body: unknown;
      try {
        ({ status, body } = await call(method, input, callerOptions(screen.caller)));
      } catch (error) {
        body = String(error);
      }
      const ms = performance.now() - t0;
      if (!latencies.has(method)) latencies.set(method, []);
      latencies.get(method)!.push(ms);
      if (status !== 200) {
        errors.push(`${screen.name} ${method}: ${status} ${JSON.stringify(body).slice(0, 200)}`);
        throw new CallFailed(method);
      }
      if (spec.kind === 'mutation') {
        ledger.record(method, input, body, marker ?? ledger.nextMarker(), screen.caller);
        acked.set(method, (acked.get(method) ?? 0) + 1);
      }
      return body as T;
    };
    return {
      name: screen.name,
      caller: screen.caller,
      rng: r,
      registrations: screen.registrations,
      act: (method, input = {}, marker) => timed(method, input, marker ?? null),
      example: async <T>(method: string) => {
        const marker = ledger.nextMarker();
        const input = await ledger.inputFor(method, findMethod(method)!, marker, screen.caller, call);
        return input === null ? null : timed<T>(method, input, marker);
      },
      marker: () => ledger.nextMarker(),
      pause: (min, max) => pause(r, min, max),
      over,
    };
  };

  await Promise.all(
    screens.map(async (screen) => {
      const r = prng(rng.int(0, 2 ** 31));
      const api = apiFor(screen, r);
      await pause(r, 0, screen.think[1]); // screens do not start in lockstep
      while (!over()) {
        const entry = r.weighted(screen.entries, (e) => e.weight);
        flows.set(entryName(entry), (flows.get(entryName(entry)) ?? 0) + 1);
        try {
          if (entry.flow) await entry.flow(api);
          else await api.example(entry.method!);
        } catch (error) {
          if (!(error instanceof CallFailed)) errors.push(`${screen.name} ${entryName(entry)}: ${error instanceof Error ? error.message : String(error)}`);
        }
        await pause(r, screen.think[0], screen.think[1]);
      }
    }),
  );
  const elapsedMs = Date.now() - started;
  clearInterval(sampler);
  loadSamples.push(os.loadavg()[0]!);
  await new Promise((resolve) => setTimeout(resolve, 1000)); // let the last events arrive

  // Nothing lost: writes, events, the store.
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  const { checked, problems } = ledger.verify(db, checks);
  const integrity = db.pragma('integrity_check', { simple: true }) as string;
  const chain = verifyStoreFile(dataDir);
  db.close();
  const buildingChanges = acked.get('settings.updateBuilding') ?? 0;
  const missedEvents = screens
    .filter((s) => (s.events.get('settings.buildingChanged') ?? 0) !== buildingChanges)
    .map((s) => `${s.name} got ${s.events.get('settings.buildingChanged') ?? 0} of ${buildingChanges} settings.buildingChanged`);
  // Each decision on a self-registration reaches the visitor screen it came from, and no other.
  const decided = ledger.acks.filter((a) => a.method === 'visitors.confirm' || a.method === 'visitors.decline').length;
  let decisionsDelivered = 0;
  for (const screen of screens.filter((s) => s.kind === 'visitor')) {
    for (const id of screen.decisions) {
      if (screen.registrations.has(id)) decisionsDelivered += 1;
      else missedEvents.push(`${screen.name} received the decision on ${id}, another screen's registration`);
    }
  }
  const decidedOnScreens = ledger.acks.filter(
    (a) => (a.method === 'visitors.confirm' || a.method === 'visitors.decline') && a.ids.some(({ path: at, id }) => at === 'id' && screens.some((s) => s.registrations.has(id))),
  );
  for (const ack of decidedOnScreens) {
    const id = ack.ids.find((i) => i.path === 'id')!.id;
    const screen = screens.find((s) => s.registrations.has(id))!;
    if (!screen.decisions.has(id)) missedEvents.push(`${screen.name} did not receive the decision on its registration ${id}`);
  }
  for (const s of screens) s.socket?.terminate();
  await server.stop();

  const rows = [...latencies.entries()]
    .map(([method, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return { method, calls: sorted.length, p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted[sorted.length - 1]! };
    })
    .sort((a, b) => b.calls - a.calls);
  const all = [...latencies.values()].flat().sort((a, b) => a - b);
  const load = { atStart: loadSamples[0]!, max: Math.max(...loadSamples), mean: loadSamples.reduce((a, b) => a + b, 0) / loadSamples.length, atEnd: loadSamples[loadSamples.length - 1]! };
  const summary = {
    at: new Date().toISOString(),
    seed,
    durationSeconds: elapsedMs / 1000,
    thinkScale,
    screens: { visitor: plan.visitorScreens, staff: plan.staffRoles },
    machine: { cpus: os.cpus().length, node: process.version, loadAverage1m: load, loadSamples },
    requests: all.length,
    requestsPerSecond: all.length / (elapsedMs / 1000),
    overall: { p50: percentile(all, 50), p90: percentile(all, 90), p99: percentile(all, 99), max: all[all.length - 1] },
    errors: errors.length,
    firstErrors: errors.slice(0, 20),
    entriesRun: Object.fromEntries([...flows].sort((a, b) => b[1] - a[1])),
    writesAcknowledged: [...acked.values()].reduce((a, b) => a + b, 0),
    writesByMethod: Object.fromEntries([...acked].sort((a, b) => b[1] - a[1])),
    writesChecked: checked,
    writesFromSetUp: setUpAcks,
    lostWrites: problems,
    eventsExpectedPerScreen: buildingChanges,
    registrationDecisions: { decided, onBenchScreens: decidedOnScreens.length, delivered: decisionsDelivered },
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
    `(set-up included), lost ${problems.length}; events: ${buildingChanges} building changes per screen, ${decidedOnScreens.length} decisions on ` +
    `visitor screens' registrations (${decisionsDelivered} delivered), missed ${missedEvents.length}; integrity ${integrity}; audit chain ` +
    `${chain.ok ? `ok (${chain.authenticated} entries)` : `${chain.state.toUpperCase()}: ${chain.problems[0]?.code ?? ''} ${chain.problems[0]?.seq ?? ''}`}; load average (1 min) ${fmt(load.atStart)} at start, ` +
    `mean ${fmt(load.mean)}, max ${fmt(load.max)} on ${os.cpus().length} CPUs`;
  const dir = path.resolve('bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = summary.at.replace(/[:.]/g, '-');
  const flowLines = Object.entries(summary.entriesRun)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
  fs.writeFileSync(path.join(dir, `load-${stamp}.json`), JSON.stringify(summary, null, 2));
  fs.writeFileSync(
    path.join(dir, `load-${stamp}.md`),
    `# Load bench ${summary.at}\n\nseed ${seed}, think scale ${thinkScale}, ${os.cpus().length} CPUs, Node ${process.version}\n\n${verdict}\n\nRun: ${flowLines}\n\n${table}\n`,
  );
  console.log(`\n${table}\n\nrun: ${flowLines}\n\n${verdict}\nresults: ${path.join(dir, `load-${stamp}.md`)}`);
  for (const e of summary.firstErrors) console.log(`error: ${e}`);
  for (const p of problems.slice(0, 20)) console.log(`lost: ${p}`);
  for (const m of missedEvents.slice(0, 20)) console.log(`missed: ${m}`);
  if (errors.length > 0 || problems.length > 0 || missedEvents.length > 0 || integrity !== 'ok' || !chain.ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
