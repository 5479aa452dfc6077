// Main's timers. A job says when it is next due (derived from stored timestamps) and what to do then.
// The scheduler catches up at start, then sleeps until the earliest deadline, never longer than the cap, so a
// sleeping PC or a changed clock costs at most one cap's delay. A clock set back is noticed and recorded at each
// wake (clock-jump.ts), and the jobs bound their waits by it.
import type { CallContext, CoreServices } from './context';
import { CLOCK_ENTITY, CLOCK_WENT_BACK, ClockWatch, type WallClockJump } from './clock-jump';

export interface Job {
  /** Also the audit trail's method name for what the job writes, e.g. `records.escalate`. */
  name: string;
  /** Epoch ms when it should next run, or null when nothing is pending. Reads only. */
  nextDueAt(services: CoreServices, now: number): number | null;
  /** Does whatever is due at `ctx.now`; must be idempotent (running twice changes nothing the second time). */
  run(ctx: CallContext): void;
  /** After `run`'s transaction has committed (work that cannot run inside one, e.g. a WAL checkpoint). */
  afterCommit?(services: CoreServices): void;
  /** The app is closing: stop anything the job left running (a backup under way). */
  stop?(services: CoreServices): void;
}

export interface JobHost extends CoreServices {
  runAsSystem<T>(method: string, work: (ctx: CallContext) => T): T;
  readonly isClosed: boolean;
}

export const MAX_SLEEP_MS = 60_000;

export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private readonly watch: ClockWatch;

  constructor(
    private readonly host: JobHost,
    private readonly jobs: readonly Job[],
  ) {
    this.watch = new ClockWatch(host.db);
  }

  /** The latest backward jump of the wall clock the desk noticed, if any. */
  get clockJump(): WallClockJump | null {
    return this.watch.jump;
  }

  start(): void {
    this.running = true;
    this.runDue();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const job of this.jobs) {
      try {
        job.stop?.(this.host);
      } catch (error) {
        this.host.logger.error('job stop failed', { job: job.name, error: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  /** A job's next deadline; a job that cannot tell (it threw) is logged and skipped, not fatal to the others. */
  private dueOf(job: Job, now: number): number | null {
    try {
      return job.nextDueAt(this.host, now);
    } catch (error) {
      this.host.logger.error('job schedule failed', { job: job.name, error: error instanceof Error ? error.message : String(error) });
      return null;
    }
  }

  /** Records a backward jump of the wall clock on the audit trail, once, when it is first seen. */
  private noticeClock(now: number): void {
    const jump = this.watch.observe(now);
    if (!jump) return;
    this.host.logger.warn('the wall clock went back', { from: new Date(jump.recordAt).toISOString(), to: new Date(now).toISOString() });
    try {
      this.host.runAsSystem(CLOCK_WENT_BACK, (ctx) => ctx.tx.note(CLOCK_ENTITY, String(jump.recordAt), { wentBack: true, recordAt: jump.recordAt, now, byMs: jump.recordAt - now }));
    } catch (error) {
      this.host.logger.error('recording the clock jump failed', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Runs each due job in its own transaction; a failing job is logged and does not stop the others. */
  runDue(): void {
    if (this.host.isClosed) return;
    const now = this.host.clock.now();
    this.noticeClock(now);
    for (const job of this.jobs) {
      const due = this.dueOf(job, now);
      if (due === null || due > now) continue;
      try {
        this.host.runAsSystem(job.name, (ctx) => job.run(ctx));
        job.afterCommit?.(this.host);
      } catch (error) {
        this.host.logger.error('job failed', { job: job.name, error: error instanceof Error ? error.message : String(error) });
      }
    }
    this.schedule();
  }

  /** Runs one job now if it is due (after a write made its deadline earlier), then re-reads every deadline. */
  runOne(name: string): void {
    if (this.host.isClosed) return;
    const job = this.jobs.find((j) => j.name === name);
    if (!job) return;
    const due = this.dueOf(job, this.host.clock.now());
    if (due !== null && due <= this.host.clock.now()) {
      try {
        this.host.runAsSystem(job.name, (ctx) => job.run(ctx));
      } catch (error) {
        this.host.logger.error('job failed', { job: job.name, error: error instanceof Error ? error.message : String(error) });
      }
    }
    this.schedule();
  }

  private schedule(): void {
    if (!this.running || this.host.isClosed) return;
    if (this.timer) clearTimeout(this.timer);
    const now = this.host.clock.now();
    let next = now + MAX_SLEEP_MS;
    for (const job of this.jobs) {
      const due = this.dueOf(job, now);
      if (due !== null) next = Math.min(next, Math.max(due, now + 250));
    }
    this.timer = setTimeout(() => this.runDue(), Math.max(0, next - now));
    this.timer.unref?.();
  }
}
