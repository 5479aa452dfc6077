// The worker side of runWorker: runs the task on the input it was started with and posts one reply.
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerReply } from './index';

/** An error a task throws on purpose; `data` crosses to the caller (structured-clonable values only). */
export class TaskError extends Error {
  constructor(
    message: string,
    readonly data: unknown,
  ) {
    super(message);
    this.name = 'TaskError';
  }
}

export function serveWorker<I, O>(task: (input: I) => Promise<O> | O): void {
  if (!parentPort) throw new Error('not running in a worker thread');
  const port = parentPort;
  Promise.resolve()
    .then(() => task(workerData as I))
    .then(
      (value) => port.postMessage({ ok: true, value } satisfies WorkerReply<O>),
      (error: unknown) => {
        const e = error instanceof Error ? error : new Error(String(error));
        port.postMessage({ ok: false, error: { name: e.name, message: e.message, data: e instanceof TaskError ? e.data : undefined } } satisfies WorkerReply<O>);
      },
    );
}
