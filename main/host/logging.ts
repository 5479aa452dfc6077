// The desk's log, in web mode and in the desktop app alike: JSON lines (pino) in `<per-user folder>/logs/`,
// rotated by size (rotating-file-stream: `lobby-desk.log`, then `lobby-desk.1.log` … `lobby-desk.5.log`, the oldest
// removed), so the folder never holds more than (rotated files + 1) × the size. Written in the main thread, not a
// worker transport: worker threads load their code by path, which inside app.asar is fragile, and the desk logs
// little. Everything passes `scrubFields`/`scrubText` first. The core's `Logger` interface is unchanged.
import fs from 'node:fs';
import path from 'node:path';
import { pino, stdTimeFunctions, type Logger as Pino } from 'pino';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';
import type { Logger } from '../core/context';
import type { LogEntry } from '../../shared/contract/installation';
import { scrubFields, scrubText } from './log-scrub';

export const LOG_FILE = 'lobby-desk.log';
export const LOG_SIZE = '10M';
export const ROTATED_FILES = 5;

export interface AppLog {
  readonly logger: Logger;
  readonly dir: string;
  readonly file: string;
  /** The last errors (and fatal errors) in the log files, newest last, as the admin screen shows them. */
  recentErrors(limit: number): LogEntry[];
  /** Waits until what was logged is in the file (before a process exits on purpose). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface AppLogOptions {
  dir: string;
  /** Also print warnings and errors to the console (web mode in a terminal, development). */
  console?: boolean;
  /** Added to every line: which shell wrote it. */
  base: { mode: 'desktop' | 'web' | 'cli'; version: string };
  size?: string;
  rotate?: number;
}

/** Rotated file names by index (0: the current file). */
export function logFileName(index: number | null | undefined): string {
  return index ? `lobby-desk.${index}.log` : LOG_FILE;
}

/**
 * A pino destination that writes to the rotating file and, when asked, the console. When the file cannot be
 * written (a full disk, the folder removed) the stream is dropped and made again at most once a minute; the
 * desk never stops for its log.
 */
class Destination {
  private stream: RotatingFileStream | null = null;
  private brokenAt = 0;

  constructor(
    private readonly options: AppLogOptions,
    private readonly now: () => number,
  ) {
    this.open();
  }

  private open(): void {
    try {
      fs.mkdirSync(this.options.dir, { recursive: true });
      const stream = createStream(logFileName as unknown as (time: number | Date, index?: number) => string, {
        path: this.options.dir,
        size: (this.options.size ?? LOG_SIZE) as `${number}M`,
        rotate: this.options.rotate ?? ROTATED_FILES,
        mode: 0o600,
      });
      stream.on('error', (error) => {
        if (this.stream === stream) this.stream = null;
        this.brokenAt = this.now();
        process.stderr.write(`log file not writable: ${error.message}\n`);
      });
      this.stream = stream;
    } catch (error) {
      this.stream = null;
      this.brokenAt = this.now();
      process.stderr.write(`log folder not usable: ${(error as Error).message}\n`);
    }
  }

  write(line: string): void {
    if (!this.stream && this.now() - this.brokenAt >= 60_000) this.open();
    this.stream?.write(line);
    // The console gets what someone watching the terminal should see; the file gets everything.
    if (this.options.console && !line.startsWith('{"level":"info"')) process.stderr.write(line);
  }

  flush(): Promise<void> {
    const stream = this.stream;
    if (!stream || stream.writableLength === 0) return Promise.resolve();
    return new Promise((resolve) => stream.once('drain', () => resolve()));
  }

  close(): Promise<void> {
    const stream = this.stream;
    this.stream = null;
    if (!stream) return Promise.resolve();
    return new Promise((resolve) => stream.end(() => resolve()));
  }
}

function adapt(log: Pino): Logger {
  const write = (level: 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) => {
    log[level]((fields ? scrubFields(fields) : {}) as object, scrubText(message));
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

/** The last `limit` error lines of the current and the previous log file. */
export function readRecentErrors(dir: string, limit: number): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const index of [1, 0]) {
    const file = path.join(dir, logFileName(index));
    let text: string;
    try {
      const size = fs.statSync(file).size;
      const fd = fs.openSync(file, 'r');
      try {
        const length = Math.min(size, 512 * 1024);
        const buffer = Buffer.alloc(length);
        fs.readSync(fd, buffer, 0, length, size - length);
        text = buffer.toString('utf8');
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      if (!line.startsWith('{')) continue;
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(line) as Record<string, unknown>;
      } catch {
        continue; // the first line of a tail may be cut
      }
      if (parsed.level !== 'error' && parsed.level !== 'fatal') continue;
      const { level, time, message, mode: _mode, version: _version, pid: _pid, ...rest } = parsed;
      const detail = Object.keys(rest).length > 0 ? JSON.stringify(rest).slice(0, 600) : null;
      entries.push({ at: typeof time === 'string' ? Date.parse(time) : Number(time), level: String(level), message: String(message ?? ''), detail });
    }
  }
  return entries.slice(-limit);
}

export function openAppLog(options: AppLogOptions, now: () => number = Date.now): AppLog {
  const destination = new Destination(options, now);
  const log = pino(
    {
      base: { mode: options.base.mode, version: options.base.version, pid: process.pid },
      messageKey: 'message',
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  return {
    logger: adapt(log),
    dir: options.dir,
    file: path.join(options.dir, LOG_FILE),
    recentErrors: (limit) => readRecentErrors(options.dir, limit),
    flush: () => destination.flush(),
    close: () => destination.close(),
  };
}
