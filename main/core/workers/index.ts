// Work that must not hold the thread that answers the desk (parsing an uploaded spreadsheet, writing and checking
// a backup) runs in a worker thread: its own heap with a hard limit, a time limit, and nothing shared but the
// message it gets and the one it sends back. A worker that runs out of memory or time is stopped; the desk is not.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits, type TransferListItem } from 'node:worker_threads';

/** The worker entries, built by esbuild to `dist/main/workers/<name>.js` (scripts/workers.mjs). */
export type WorkerName = 'sheet' | 'backup' | 'verify';

export interface WorkerLimits {
  /** V8 heap of the worker (old generation), in MB: past it the worker is stopped, not the process. */
  heapMb: number;
  /** Young generation, in MB. */
  youngMb?: number;
  /** Stopped after this long (ms of timer time, not wall-clock reading). Null: no time limit. */
  timeoutMs: number | null;
}

export type WorkerFailureKind = 'memory' | 'timeout' | 'crashed' | 'stopped';

/** The worker did not answer: out of memory, out of time, crashed, or stopped because its owner closed. */
export class WorkerFailure extends Error {
  constructor(
    readonly kind: WorkerFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'WorkerFailure';
  }
}

/** What a worker posts back: its answer, or the error it threw (name, message and any data it attached). */
export type WorkerReply<O> = { ok: true; value: O } | { ok: false; error: { name: string; message: string; data?: unknown } };

/** An error a worker threw on purpose (a refused file), carried across with its data. */
export class WorkerError extends Error {
  constructor(
    readonly errorName: string,
    message: string,
    readonly data: unknown,
  ) {
    super(message);
    this.name = 'WorkerError';
  }
}

function projectRoot(from: string): string | null {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    if (path.dirname(dir) === dir) return null;
    dir = path.dirname(dir);
  }
  return dir;
}

/**
 * Where a worker's built file is: beside the bundle that runs (dist/main/cli.js, electron-main.js → dist/main/workers),
 * else in the project's dist (tests and scripts running from sources; `vitest` builds the workers first).
 */
export function workerFile(name: WorkerName): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const beside = path.join(here, 'workers', `${name}.js`);
  if (fs.existsSync(beside)) return beside;
  const root = projectRoot(here);
  const built = root ? path.join(root, 'dist', 'main', 'workers', `${name}.js`) : beside;
  if (fs.existsSync(built)) return built;
  throw new Error(`the ${name} worker is not built (${built}): run \`node scripts/build.mjs main\``);
}

export interface RunOptions {
  limits: WorkerLimits;
  transfer?: TransferListItem[];
  /** Stops the worker (its promise rejects with a `stopped` failure). */
  signal?: AbortSignal;
}

/** Runs one task in a fresh worker and resolves with its answer. */
export function runWorker<I, O>(name: WorkerName, input: I, options: RunOptions): Promise<O> {
  const resourceLimits: ResourceLimits = {
    maxOldGenerationSizeMb: options.limits.heapMb,
    maxYoungGenerationSizeMb: options.limits.youngMb ?? 16,
    stackSizeMb: 4,
  };
  return new Promise<O>((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new WorkerFailure('stopped', `${name} worker stopped before it started`));
      return;
    }
    const worker = new Worker(workerFile(name), { workerData: input, transferList: options.transfer, resourceLimits, stdout: false, stderr: false });
    let settled = false;
    let failure: WorkerFailure | null = null;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const stop = (kind: WorkerFailureKind, message: string) => {
      failure = new WorkerFailure(kind, message);
      void worker.terminate();
    };
    const timer =
      options.limits.timeoutMs === null
        ? null
        : setTimeout(() => stop('timeout', `${name} worker took longer than ${options.limits.timeoutMs} ms`), options.limits.timeoutMs);
    timer?.unref?.();
    const onAbort = () => stop('stopped', `${name} worker stopped`);
    options.signal?.addEventListener('abort', onAbort, { once: true });

    worker.once('message', (reply: WorkerReply<O>) => {
      finish(() => {
        if (reply.ok) resolve(reply.value);
        else reject(new WorkerError(reply.error.name, reply.error.message, reply.error.data));
      });
      void worker.terminate();
    });
    worker.once('error', (error: Error & { code?: string }) => {
      const kind: WorkerFailureKind = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crashed';
      finish(() => reject(failure ?? new WorkerFailure(kind, `${name} worker: ${error.message}`)));
    });
    worker.once('exit', (code) => {
      finish(() => reject(failure ?? new WorkerFailure('crashed', `${name} worker exited (${code}) without an answer`)));
    });
  });
}
