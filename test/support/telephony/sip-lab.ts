// A telephone exchange on loopback for the telephony tests: Debian's kamailio as registrar and presence server
// (config beside this file), SIPp as the desk phone (registers, rings, answers or is cancelled) and as the
// caller. Everything runs in a temp dir on free ports and is stopped by `close()`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Beside this file; from the repository's root when bundled elsewhere (the telephony bench). */
const CONFIG = [path.join(HERE, 'kamailio.cfg'), path.resolve('test/support/telephony/kamailio.cfg')].find((f) => fs.existsSync(f)) ?? path.join(HERE, 'kamailio.cfg');
const KAMAILIO = '/usr/sbin/kamailio';
const SIPP = '/usr/bin/sipp';
const MODULES = ['/usr/lib/x86_64-linux-gnu/kamailio/modules', '/usr/lib/kamailio/modules'];
const SCHEMA = '/usr/share/kamailio/db_sqlite';

/** Why the SIP lab cannot run here (missing packages), or null when it can. */
export function sipLabMissing(): string | null {
  if (!fs.existsSync(KAMAILIO)) return 'kamailio is not installed (apt-get install kamailio kamailio-presence-modules kamailio-sqlite-modules)';
  if (!fs.existsSync(SIPP)) return 'sipp is not installed (apt-get install sip-tester)';
  const modules = MODULES.find((dir) => fs.existsSync(path.join(dir, 'presence_dialoginfo.so')));
  if (!modules || !fs.existsSync(path.join(modules, 'db_sqlite.so'))) return 'kamailio-presence-modules or kamailio-sqlite-modules is not installed';
  if (!fs.existsSync(path.join(SCHEMA, 'presence-create.sql'))) return 'kamailio-sqlite-modules schema files are missing';
  return null;
}

export async function freeUdpPort(): Promise<number> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SippRun {
  /** Resolves with SIPp's exit code when the scenario has finished. */
  done: Promise<number>;
  output(): string;
  child: ChildProcess;
  /** The message log when the run traces its messages (`-trace_msg`). */
  messageLog?: string | null;
}

/**
 * The messages a traced SIPp run sent, in order, with SIPp's time stamp of each (epoch ms, read as this machine's
 * local time, which is how SIPp writes it): `{ firstLine: 'SIP/2.0 180 Ringing', at }`.
 */
export function messagesSent(run: SippRun): Array<{ firstLine: string; at: number }> {
  if (!run.messageLog || !fs.existsSync(run.messageLog)) return [];
  const text = fs.readFileSync(run.messageLog, 'utf8');
  const out: Array<{ firstLine: string; at: number }> = [];
  const block = /-{20,} (\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d+)?)\r?\n\w+ message sent[^\n]*\n\r?\n([^\r\n]+)/g;
  for (const m of text.matchAll(block)) {
    const [date, time] = m[1]!.split(/[ T]/);
    const [hms, frac = '0'] = time!.split('.');
    const at = new Date(`${date}T${hms}`).getTime() + Number(`0.${frac}`) * 1000;
    out.push({ firstLine: m[2]!.trim(), at });
  }
  return out;
}

export interface SipLab {
  port: number;
  extension: string;
  password: string;
  dir: string;
  /**
   * The desk phone registers its contact at the registrar and waits for one call. With `traceMessages`, SIPp logs
   * each message it sends and receives with its time (`messagesSent` reads them back), for the telephony bench.
   */
  deskPhone(behaviour: { answerAfterMs: number } | { ringsUntilCancelled: true }, options?: { traceMessages?: boolean }): Promise<SippRun>;
  /** A caller rings the desk's extension: talks briefly after an answer, or hangs up after `hangUpAfterMs` unanswered. */
  call(from: string, behaviour: { talkMs: number } | { hangUpAfterMs: number }): Promise<SippRun>;
  kamailioLog(): string;
  close(): Promise<void>;
}

function sipp(dir: string, name: string, scenario: string, args: string[]): SippRun {
  const file = path.join(dir, `${name}.xml`);
  fs.writeFileSync(file, scenario);
  let output = '';
  // -nostdin: SIPp started without a terminal sends nothing otherwise; -m 1: one call, then exit.
  const child = spawn(SIPP, ['-sf', file, '-nostdin', '-m', '1', '-timeout', '60s', '-timeout_error', '-trace_err', ...args], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const done = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  return { done, output: () => output, child };
}

const registerScenario = (extension: string, contactPort: number) => `<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="desk phone registers (replacing any earlier registration)">
  <send retrans="500"><![CDATA[
REGISTER sip:[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: <sip:${extension}@[remote_ip]:[remote_port]>;tag=[pid]reg[call_number]
To: <sip:${extension}@[remote_ip]:[remote_port]>
Call-ID: [call_id]
CSeq: 1 REGISTER
Contact: *
Expires: 0
Max-Forwards: 70
Content-Length: 0

]]></send>
  <recv response="200"/>
  <send retrans="500"><![CDATA[
REGISTER sip:[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: <sip:${extension}@[remote_ip]:[remote_port]>;tag=[pid]reg[call_number]
To: <sip:${extension}@[remote_ip]:[remote_port]>
Call-ID: [call_id]
CSeq: 2 REGISTER
Contact: <sip:${extension}@127.0.0.1:${contactPort}>
Expires: 3600
Max-Forwards: 70
Content-Length: 0

]]></send>
  <recv response="200"/>
</scenario>`;

const answeringPhone = (extension: string, answerAfterMs: number) => `<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="desk phone rings, then is answered">
  <recv request="INVITE"/>
  <send><![CDATA[
SIP/2.0 180 Ringing
[last_Via:]
[last_From:]
[last_To:];tag=[pid]desk[call_number]
[last_Call-ID:]
[last_CSeq:]
[last_Record-Route:]
Contact: <sip:${extension}@[local_ip]:[local_port]>
Content-Length: 0

]]></send>
  <pause milliseconds="${answerAfterMs}"/>
  <send retrans="500"><![CDATA[
SIP/2.0 200 OK
[last_Via:]
[last_From:]
[last_To:];tag=[pid]desk[call_number]
[last_Call-ID:]
[last_CSeq:]
[last_Record-Route:]
Contact: <sip:${extension}@[local_ip]:[local_port]>
Content-Length: 0

]]></send>
  <recv request="ACK"/>
  <recv request="BYE"/>
  <send><![CDATA[
SIP/2.0 200 OK
[last_Via:]
[last_From:]
[last_To:]
[last_Call-ID:]
[last_CSeq:]
Content-Length: 0

]]></send>
</scenario>`;

const cancelledPhone = (extension: string) => `<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="desk phone rings until the caller gives up">
  <recv request="INVITE"/>
  <send><![CDATA[
SIP/2.0 180 Ringing
[last_Via:]
[last_From:]
[last_To:];tag=[pid]desk[call_number]
[last_Call-ID:]
[last_CSeq:]
[last_Record-Route:]
Contact: <sip:${extension}@[local_ip]:[local_port]>
Content-Length: 0

]]></send>
  <recv request="CANCEL"/>
  <send><![CDATA[
SIP/2.0 200 OK
[last_Via:]
[last_From:]
[last_To:]
[last_Call-ID:]
[last_CSeq:]
Content-Length: 0

]]></send>
  <send><![CDATA[
SIP/2.0 487 Request Terminated
[last_Via:]
[last_From:]
[last_To:];tag=[pid]desk[call_number]
[last_Call-ID:]
CSeq: [last_cseq_number] INVITE
Content-Length: 0

]]></send>
  <recv request="ACK"/>
</scenario>`;

const invite = (from: string, extension: string) => `INVITE sip:${extension}@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=z9hG4bK-caller-[call_number]-[pid]
From: "${from}" <sip:${from}@[local_ip]:[local_port]>;tag=[pid]caller[call_number]
To: <sip:${extension}@[remote_ip]:[remote_port]>
Call-ID: [call_id]
CSeq: 1 INVITE
Contact: <sip:${from}@[local_ip]:[local_port]>
Max-Forwards: 70
Content-Length: 0
`;

const talkingCaller = (from: string, extension: string, talkMs: number) => `<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="caller waits for the answer, talks, hangs up">
  <send retrans="500"><![CDATA[
${invite(from, extension)}
]]></send>
  <recv response="100" optional="true"/>
  <recv response="180" optional="true"/>
  <recv response="200" rrs="true"/>
  <send><![CDATA[
ACK [next_url] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: "${from}" <sip:${from}@[local_ip]:[local_port]>;tag=[pid]caller[call_number]
[last_To:]
[routes]
Call-ID: [call_id]
CSeq: 1 ACK
Max-Forwards: 70
Content-Length: 0

]]></send>
  <pause milliseconds="${talkMs}"/>
  <send retrans="500"><![CDATA[
BYE [next_url] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: "${from}" <sip:${from}@[local_ip]:[local_port]>;tag=[pid]caller[call_number]
[last_To:]
[routes]
Call-ID: [call_id]
CSeq: 2 BYE
Max-Forwards: 70
Content-Length: 0

]]></send>
  <recv response="200"/>
</scenario>`;

const givingUpCaller = (from: string, extension: string, hangUpAfterMs: number) => `<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="caller gives up before an answer">
  <send retrans="500"><![CDATA[
${invite(from, extension)}
]]></send>
  <recv response="100" optional="true"/>
  <recv response="180"/>
  <pause milliseconds="${hangUpAfterMs}"/>
  <send retrans="500"><![CDATA[
CANCEL sip:${extension}@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=z9hG4bK-caller-[call_number]-[pid]
From: "${from}" <sip:${from}@[local_ip]:[local_port]>;tag=[pid]caller[call_number]
To: <sip:${extension}@[remote_ip]:[remote_port]>
Call-ID: [call_id]
CSeq: 1 CANCEL
Max-Forwards: 70
Content-Length: 0

]]></send>
  <recv response="200"/>
  <recv response="487"/>
  <send><![CDATA[
ACK sip:${extension}@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=z9hG4bK-caller-[call_number]-[pid]
From: "${from}" <sip:${from}@[local_ip]:[local_port]>;tag=[pid]caller[call_number]
[last_To:]
Call-ID: [call_id]
CSeq: 1 ACK
Max-Forwards: 70
Content-Length: 0

]]></send>
</scenario>`;

/** Starts kamailio on a free loopback port and waits until it answers. */
export async function startSipLab(options: { extension?: string; password?: string } = {}): Promise<SipLab> {
  const missing = sipLabMissing();
  if (missing) throw new Error(missing);
  const extension = options.extension ?? '8001';
  const password = options.password ?? 'desk-secret';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lobby-sip-'));
  const port = await freeUdpPort();
  const db = new Database(path.join(dir, 'kamailio.db'));
  db.exec(fs.readFileSync(path.join(SCHEMA, 'standard-create.sql'), 'utf8'));
  db.exec(fs.readFileSync(path.join(SCHEMA, 'presence-create.sql'), 'utf8'));
  db.close();
  const config = fs
    .readFileSync(CONFIG, 'utf8')
    .replaceAll('@PORT@', String(port))
    .replaceAll('@DIR@', dir)
    .replaceAll('@PASSWORD@', password);
  fs.writeFileSync(path.join(dir, 'kamailio.cfg'), config);
  const check = spawnSync(KAMAILIO, ['-c', '-f', path.join(dir, 'kamailio.cfg')], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`kamailio refused its configuration:\n${check.stderr}`);
  let log = '';
  // -DD: stay in the foreground (children are forked, and end with it); -E: log to stderr.
  const kamailio: ChildProcess = spawn(
    KAMAILIO,
    ['-f', path.join(dir, 'kamailio.cfg'), '-DD', '-E', '-m', '32', '-M', '8', '-Y', dir, '-P', path.join(dir, 'kamailio.pid'), '-w', dir],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  kamailio.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  kamailio.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((resolve) => kamailio.on('exit', () => resolve()));
  // Ready when it answers an OPTIONS ping (405 from this config counts: it is listening and routing).
  const probe = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => probe.bind(0, '127.0.0.1', () => resolve()));
  let ready = false;
  probe.on('message', () => (ready = true));
  for (let i = 0; i < 50 && !ready; i += 1) {
    if (kamailio.exitCode !== null) break;
    const ping = `OPTIONS sip:ping@127.0.0.1:${port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:${probe.address().port};branch=z9hG4bKping${i}\r\nFrom: <sip:probe@127.0.0.1>;tag=p${i}\r\nTo: <sip:ping@127.0.0.1>\r\nCall-ID: ping${i}@probe\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n`;
    probe.send(ping, port, '127.0.0.1');
    await sleep(100);
  }
  probe.close();
  if (!ready) {
    kamailio.kill('SIGKILL');
    throw new Error(`kamailio did not start:\n${log}`);
  }
  const children: ChildProcess[] = [];
  const remote = `127.0.0.1:${port}`;

  return {
    port,
    extension,
    password,
    dir,
    async deskPhone(behaviour, options = {}) {
      const phonePort = await freeUdpPort();
      const scenario = 'answerAfterMs' in behaviour ? answeringPhone(extension, behaviour.answerAfterMs) : cancelledPhone(extension);
      const trace = options.traceMessages ? ['-trace_msg', '-message_file', path.join(dir, `desk-${phonePort}-messages.log`)] : [];
      const run = sipp(dir, `desk-${phonePort}`, scenario, ['-i', '127.0.0.1', '-p', String(phonePort), ...trace]);
      run.messageLog = options.traceMessages ? path.join(dir, `desk-${phonePort}-messages.log`) : null;
      children.push(run.child);
      const register = sipp(dir, `register-${phonePort}`, registerScenario(extension, phonePort), [remote, '-i', '127.0.0.1', '-p', String(await freeUdpPort())]);
      const code = await register.done;
      if (code !== 0) throw new Error(`the desk phone could not register (sipp ${code}):\n${register.output()}`);
      return run;
    },
    async call(from, behaviour) {
      const scenario = 'talkMs' in behaviour ? talkingCaller(from, extension, behaviour.talkMs) : givingUpCaller(from, extension, behaviour.hangUpAfterMs);
      const run = sipp(dir, `caller-${children.length}`, scenario, [remote, '-i', '127.0.0.1', '-p', String(await freeUdpPort())]);
      children.push(run.child);
      return run;
    },
    kamailioLog: () => log,
    async close() {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
      kamailio.kill('SIGTERM');
      await Promise.race([exited, sleep(3000)]);
      if (kamailio.exitCode === null) kamailio.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
