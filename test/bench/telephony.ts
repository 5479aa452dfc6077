// Telephony bench (`npm run bench:telephony`): how long after the desk phone starts ringing does the lobby's ring
// timer start by itself, and how long after it is answered does the timer stop — over a run of real SIP calls.
// kamailio is the registrar and presence server, SIPp the desk phone (traced: each message it sends carries SIPp's
// time) and the caller; the desk's SIP watcher subscribes to the extension as in production. A measurement, not a
// test: nothing here asserts on time; percentiles go to the console and to bench/results/.
//   npm run bench:telephony -- [--calls 20] [--ring-ms 1500]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { as, createRealTimeDesk } from '../support/core';
import { messagesSent, sipLabMissing, startSipLab } from '../support/telephony/sip-lab';
import { startHardware } from '../../main/core/hardware';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '20' }, 'ring-ms': { type: 'string', default: '1500' } }, strict: true });
const calls = Number(values.calls);
const ringMs = Number(values['ring-ms']);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const missing = sipLabMissing();
if (missing) {
  console.error(`telephony bench: ${missing}`);
  process.exit(2);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const lab = await startSipLab({ extension: '8001', password: 'bench-8001' });
const desk = await createRealTimeDesk();
const hub = await startHardware(desk.core);
const admin = as(desk.admin.token);
const seen = new Map<string, { ringingAt?: number; answeredAt?: number }>();
desk.core.onEvent((event) => {
  if (event.name !== 'calls.changed') return;
  const { id, status } = event.payload as { id: string; status: string };
  const entry = seen.get(id) ?? {};
  if (status === 'ringing' && entry.ringingAt === undefined) entry.ringingAt = Date.now();
  if (status === 'answered' && entry.answeredAt === undefined) entry.answeredAt = Date.now();
  seen.set(id, entry);
});

const ringToTimer: number[] = [];
const answerToStop: number[] = [];
const storedVsPhone: number[] = [];
const problems: string[] = [];
try {
  const receptionist = await desk.person('receptionist', '李前台', '1357');
  await desk.core.invoke(admin, 'hardware.updateSettings', {
    sip: { enabled: true, host: '127.0.0.1', port: lab.port, extension: '8001', username: '8001', password: 'bench-8001' },
  });
  await hub.settled();
  for (let waited = 0; (await desk.core.invoke(admin, 'hardware.status', {})).sip.state !== 'ok'; waited += 100) {
    if (waited > 15_000) throw new Error('the SIP watcher did not subscribe');
    await sleep(100);
  }
  for (let i = 0; i < calls; i += 1) {
    const before = new Set(seen.keys());
    const phone = await lab.deskPhone({ answerAfterMs: ringMs }, { traceMessages: true });
    const caller = await lab.call(`1380013${String(8000 + i).padStart(4, '0')}`, { talkMs: 200 });
    const [callerCode, phoneCode] = [await caller.done, await phone.done];
    if (callerCode !== 0 || phoneCode !== 0) {
      problems.push(`call ${i + 1}: sipp exited ${callerCode}/${phoneCode}`);
      continue;
    }
    // Give the last NOTIFY a moment to arrive.
    let id: string | undefined;
    for (let waited = 0; waited < 3_000; waited += 50) {
      id = [...seen.keys()].find((k) => !before.has(k) && seen.get(k)!.answeredAt !== undefined);
      if (id) break;
      await sleep(50);
    }
    const sent = messagesSent(phone);
    const ringing = sent.find((m) => m.firstLine.startsWith('SIP/2.0 180'))?.at;
    const answered = sent.find((m) => m.firstLine.startsWith('SIP/2.0 200'))?.at;
    if (!id || ringing === undefined || answered === undefined) {
      problems.push(`call ${i + 1}: ${!id ? 'no answered line on the lobby' : 'no 180/200 in the desk phone’s trace'}`);
      continue;
    }
    const lobby = seen.get(id)!;
    ringToTimer.push(lobby.ringingAt! - ringing);
    answerToStop.push(lobby.answeredAt! - answered);
    const call = await desk.core.invoke(as(receptionist.token), 'calls.get', { id });
    storedVsPhone.push((call.answerLatencyMs ?? NaN) - (answered - ringing));
    await desk.core.invoke(as(receptionist.token), 'calls.save', { id, topic: '测试', outcome: 'resolved' });
  }
} finally {
  await hub.stop();
  desk.close();
  await lab.close();
}

const line = (name: string, xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `| ${name} | ${s.length} | ${percentile(s, 50).toFixed(1)} | ${percentile(s, 90).toFixed(1)} | ${percentile(s, 99).toFixed(1)} | ${(s.at(-1) ?? NaN).toFixed(1)} |`;
};
const table = [
  `SIP telephony bench: ${calls} calls, the desk phone answering after ${ringMs} ms; ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  '',
  '| ms | n | p50 | p90 | p99 | max |',
  '|---|---|---|---|---|---|',
  line('phone sends 180 Ringing → lobby ring timer started', ringToTimer),
  line('phone sends 200 OK → lobby ring timer stopped', answerToStop),
  line('stored answer latency − the phone’s own ring time', storedVsPhone),
].join('\n');
console.log(`\n${table}\n${problems.length ? `\nproblems:\n${problems.join('\n')}` : '\nevery call rang and was answered on the lobby'}`);
const dir = path.resolve('bench/results');
fs.mkdirSync(dir, { recursive: true });
const file = path.join(dir, `telephony-${new Date().toISOString().replace(/[:.]/g, '-')}.md`);
fs.writeFileSync(file, `${table}\n`);
console.log(`results: ${file}`);
process.exit(problems.length ? 1 : 0);
