// One desk per data folder: the desktop app and `lobby-desk web` take `<data>/lobby-desk.lock` before they open the
// core, so the timers (escalation, rings, daily backups) never run twice on one database. A lock left by a process
// that crashed, was killed or did not survive a reboot is stale and taken over: the file names the holder's pid,
// the machine's boot and (where the OS tells) when that process started, so a pid reused by another program does
// not keep the folder locked. Commands that only read or copy the database (`backup`, `audit:verify`) need no lock.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE = 'lobby-desk.lock';

export interface LockHolder {
  pid: number;
  /** The machine's boot: Linux's boot_id, else the boot time in seconds (the clock minus the uptime). */
  boot: string;
  /** When the holder process started, as the OS counts it (Linux); null where unknown. */
  processStart: string | null;
  host: string;
  /** What holds it: 'desktop' (the Electron app) or 'web' (`lobby-desk web`). */
  mode: string;
  version: string;
  startedAt: number;
  /** Random, so a release never removes a lock another process took over. */
  nonce: string;
}

/** What this machine says about processes; the real one reads /proc and signals, tests pass their own. */
export interface ProcessProbe {
  host: string;
  boot(): string;
  alive(pid: number): boolean;
  processStart(pid: number): string | null;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `Lobby Desk is already running on ${dataDir} (${holder.mode === 'web' ? 'lobby-desk web' : 'the desktop app'}, process ${holder.pid} on ${holder.host}). ` +
        `Close it first. If no Lobby Desk is running, delete ${path.join(dataDir, LOCK_FILE)}.`,
    );
    this.name = 'DataDirLockedError';
  }
}

const BOOT_TOLERANCE_S = 120;

function linuxBootId(): string | null {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
}

export const systemProbe: ProcessProbe = {
  host: os.hostname(),
  boot() {
    return linuxBootId() ?? `t${Math.round(Date.now() / 1000 - os.uptime())}`;
  },
  alive(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      // EPERM: it exists but belongs to someone else (another user's desk on a shared data folder).
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  },
  processStart(pid) {
    try {
      // Field 22 of /proc/<pid>/stat: start time in clock ticks since boot. The command name (field 2) may hold
      // spaces and parentheses, so count from the last ')'.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
    } catch {
      return null;
    }
  },
};

function sameBoot(a: string, b: string): boolean {
  if (a.startsWith('t') && b.startsWith('t')) return Math.abs(Number(a.slice(1)) - Number(b.slice(1))) <= BOOT_TOLERANCE_S;
  return a === b;
}

/**
 * Whether a lock's holder is gone (pure but for the probe). A holder on another machine (a shared folder) cannot be
 * probed and counts as alive: the message then says how to clear it by hand.
 */
export function isStale(holder: LockHolder, probe: ProcessProbe): boolean {
  if (holder.host !== probe.host) return false;
  if (!sameBoot(holder.boot, probe.boot())) return true;
  if (!probe.alive(holder.pid)) return true;
  if (holder.processStart !== null) {
    const now = probe.processStart(holder.pid);
    if (now !== null && now !== holder.processStart) return true; // the pid now belongs to another process
  }
  return false;
}

export function readLock(dataDir: string): LockHolder | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as LockHolder;
    return typeof parsed.pid === 'number' && typeof parsed.boot === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

/** The live holder of a data folder, or null when it is free (or its lock is stale). */
export function lockHolder(dataDir: string, probe: ProcessProbe = systemProbe): LockHolder | null {
  const holder = readLock(dataDir);
  return holder && !isStale(holder, probe) ? holder : null;
}

export interface DataDirLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Whether a stale lock was taken over (logged by the caller). */
  readonly tookOver: LockHolder | null;
  release(): void;
}

export function acquireDataDirLock(
  dataDir: string,
  options: { mode: string; version: string; startedAt: number; probe?: ProcessProbe; pid?: number },
): DataDirLock {
  const probe = options.probe ?? systemProbe;
  const pid = options.pid ?? process.pid;
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const holder: LockHolder = {
    pid,
    boot: probe.boot(),
    processStart: probe.processStart(pid),
    host: probe.host,
    mode: options.mode,
    version: options.version,
    startedAt: options.startedAt,
    nonce: crypto.randomBytes(8).toString('hex'),
  };
  // Written in full under another name, then linked into place: linking fails when the lock exists, so two
  // desks starting at once cannot both win, and nobody ever reads a half-written lock.
  const partial = `${file}.${pid}.${holder.nonce}`;
  fs.writeFileSync(partial, JSON.stringify(holder));
  let tookOver: LockHolder | null = null;
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        fs.linkSync(partial, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
      }
      const existing = readLock(dataDir);
      if (existing && !isStale(existing, probe)) throw new DataDirLockedError(dataDir, existing);
      // Stale or unreadable: move it aside (atomic; if another starter moved it first, this fails and we retry).
      try {
        fs.renameSync(file, `${file}.stale-${existing?.pid ?? 'unknown'}-${holder.nonce}`);
        fs.rmSync(`${file}.stale-${existing?.pid ?? 'unknown'}-${holder.nonce}`, { force: true });
        tookOver = existing;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  } finally {
    fs.rmSync(partial, { force: true });
  }
  let released = false;
  return {
    file,
    holder,
    tookOver,
    release() {
      if (released) return;
      released = true;
      // Only our own lock: never one another process took over (after this one was judged stale).
      if (readLock(dataDir)?.nonce === holder.nonce) fs.rmSync(file, { force: true });
    },
  };
}
