// The core: opens the store, dispatches every contract method (authorise → validate → one transaction →
// shape the output), delivers events after commit and runs main's timers. No Electron here.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { systemClock, type Clock } from './clock';
import { DATABASE_FILE, openStore } from './store/open';
import { checkKeyForDatabase, recordKeyFingerprint } from './keyring/binding';
import { defaultKeyFile, fileSecretStore, openKeyRing, type KeyRing, type SecretStore } from './keyring';
import { Tx } from './store/tx';
import { TrailMonitor } from './audit/status';
import { migration0016 as keyedTrail } from './store/migrations/0016-keyed-trail';
import {
  actorOf,
  type AnyHandler,
  type BackgroundHost,
  type CallContext,
  type CallOrigin,
  type Caller,
  type EventTarget,
  type HostServices,
  type Logger,
  type OutgoingEvent,
  type PreparedHandler,
  type BatchedHandler,
} from './context';
import { resolveCaller, type Credentials } from './auth/callers';
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from './errors';
import { handlers, jobs as featureJobs } from './features';
import { deviceLastSeen } from './devices';
import { Scheduler, type Job } from './jobs';
import { SetupCode } from './setup/setup-code';
import { EventDelivery, mayReceive, type EventListener } from './delivery';
import { errorResponse, zodIssuesToFieldIssues } from './error-response';
import { securitySettings } from './settings';
import { contract, events, findMethod, type Method, type Spec, type EventName } from '../../shared/contract';
import type { MethodSpec, InputOf, OutputOf, Principal } from '../../shared/contract/define';
import type { ErrorBody } from '../../shared/contract/errors';
import { DEFAULT_LANGUAGE, type Language } from '../../shared/i18n';

export interface CoreOptions {
  dataDir: string;
  version: string;
  clock?: Clock;
  logger?: Logger;
  /** Extra timers for tests; production uses the features' own. */
  jobs?: Job[];
  /** What the shell can do (print, PDF, OS notifications); none in web mode. */
  host?: HostServices;
  /** Where the installation's secret is kept; web mode's default is a key file under `<data>/keys`. */
  secrets?: SecretStore;
  /** A call or timer run taking longer than this is logged as slow (method, milliseconds); default 200. */
  slowCallMs?: number;
  /** Elapsed real time in milliseconds for the slow-call log (tests inject one); default performance.now. */
  elapsed?: () => number;
}

/** The threshold of the slow-call log: a desk call the receptionist would notice waiting for. */
export const SLOW_CALL_MS = 200;

/** Methods an unpaired LAN client may call: only what it takes to pair. */
const UNPAIRED_LAN_METHODS = new Set<string>(['devices.pair', 'devices.whoami', 'setup.status', 'setup.initialize']);

const zodLocales = { 'zh-CN': z.locales.zhCN(), en: z.locales.en() } as const;

export const consoleLogger: Logger = {
  info: (message, fields) => console.log(JSON.stringify({ level: 'info', message, ...fields })),
  warn: (message, fields) => console.warn(JSON.stringify({ level: 'warn', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
};

function isAllowed(allow: readonly Principal[], caller: Caller): boolean {
  switch (caller.kind) {
    case 'kiosk':
      return allow.includes('kiosk');
    case 'staff':
      return allow.includes('public') || allow.includes(caller.user.role);
    case 'anonymous':
      return allow.includes('public');
    case 'system':
      return true;
  }
}

export class Core implements BackgroundHost {
  readonly db: Database.Database;
  readonly clock: Clock;
  readonly installationId: string;
  readonly version: string;
  readonly dataDir: string;
  readonly logger: Logger;
  readonly file: string;
  readonly host: HostServices;
  readonly keys: KeyRing;
  readonly trail: TrailMonitor;
  private readonly secrets: SecretStore;
  readonly setupCode = new SetupCode();
  private readonly delivery: EventDelivery;
  private readonly scheduler: Scheduler;
  private readonly background = new Set<Promise<void>>();
  private closed = false;
  private readonly slowCallMs: number;
  private readonly elapsed: () => number;

  private constructor(options: CoreOptions) {
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? consoleLogger;
    this.slowCallMs = options.slowCallMs ?? SLOW_CALL_MS;
    this.elapsed = options.elapsed ?? (() => performance.now());
    this.delivery = new EventDelivery(() => this.clock.monotonic(), this.logger);
    this.version = options.version;
    this.dataDir = options.dataDir;
    this.host = options.host ?? {};
    const secrets = options.secrets ?? fileSecretStore(defaultKeyFile(options.dataDir));
    this.secrets = secrets;
    // A database written with a key that is missing or different is refused, never given a new key.
    checkKeyForDatabase(path.join(options.dataDir, DATABASE_FILE), secrets);
    const { ring, created } = openKeyRing(secrets);
    this.keys = ring;
    if (created) this.logger.info('installation key created', { where: ring.where, fingerprint: ring.fingerprint });
    const store = openStore({ dataDir: options.dataDir, clock: this.clock, keys: ring });
    this.db = store.db;
    this.file = store.file;
    recordKeyFingerprint(this.db, ring);
    this.installationId = store.installationId;
    if (store.preMigrationBackup) this.logger.info('backed up before migrating', { file: store.preMigrationBackup });
    // The trail is checked before anything is served: from the last anchor, so start-up does not grow with the file.
    this.trail = new TrailMonitor({
      db: this.db,
      dataDir: this.dataDir,
      keys: ring,
      installationId: this.installationId,
      now: () => this.clock.now(),
      logger: this.logger,
      keyedNow: store.migratedFrom !== null && store.migratedFrom < keyedTrail.version,
    });
    this.trail.open();
    this.scheduler = new Scheduler(this, [...featureJobs, ...(options.jobs ?? [])]);
  }

  static open(options: CoreOptions): Core {
    return new Core(options);
  }

  /** Starts main's timers: they catch up on what fell due while the app was off, then sleep until the next deadline. */
  start(): void {
    this.delivery.started();
    this.scheduler.start();
  }

  /**
   * What the timers sent in the first minutes after start — the catch-up of escalations, overdue callbacks and
   * overstays, sent before the server listened or a window was open — for a screen that has just connected and
   * may receive it. Each event once per session or device, within ten minutes of the start.
   */
  replayTo(credentials: Credentials): OutgoingEvent[] {
    return this.delivery.replayTo(() => {
      try {
        return this.resolve(credentials);
      } catch {
        return null;
      }
    });
  }

  /** Runs every job that is due now (tests move the fake clock, then call this). */
  runDueJobs(): void {
    this.scheduler.runDue();
  }

  runJob(name: string): void {
    this.scheduler.runOne(name);
  }

  /** Resolves when every piece of after-commit work started so far (and what it started in turn) has finished. */
  async settled(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  /** Starts after-commit work; a failure is logged, never thrown at the caller whose call has already succeeded. */
  private startBackground(works: Array<(host: BackgroundHost) => void | Promise<void>>, method: string): void {
    for (const work of works) {
      let result: void | Promise<void>;
      try {
        result = work(this);
      } catch (error) {
        this.logger.error('after-commit work failed', { method, error: error instanceof Error ? error.message : String(error) });
        continue;
      }
      if (result instanceof Promise) {
        const tracked: Promise<void> = result
          .catch((error: unknown) => this.logger.error('after-commit work failed', { method, error: error instanceof Error ? error.message : String(error) }))
          .finally(() => this.background.delete(tracked));
        this.background.add(tracked);
      }
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.scheduler.stop();
    this.delivery.clear();
    this.trail.close();
    this.db.close();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** The installation key written out for a move (beside an exported backup): see CoreServices.exportKeyTo. */
  exportKeyTo(file: string): string {
    if (!this.secrets.exportTo) throw new Error(`the installation key at ${this.secrets.where} cannot be exported from here`);
    return this.secrets.exportTo(file);
  }

  get clockJump() {
    return this.scheduler.clockJump;
  }

  /**
   * The setup code to print in the console while the building is not set up yet (null once it is): setup from
   * another device needs it, setup at this PC does not.
   */
  setupCodeForConsole(): string | null {
    const hasStaff = this.db.prepare('SELECT 1 FROM staff LIMIT 1').get() !== undefined;
    return hasStaff ? null : this.setupCode.current();
  }

  /** Extra names the HTTP server answers to, as an administrator set them (security settings). */
  allowedHostNames(): readonly string[] {
    return this.closed ? [] : securitySettings(this.db).allowedHosts;
  }

  onEvent(listener: EventListener): () => void {
    return this.delivery.onEvent(listener);
  }

  /**
   * Resolves credentials to a caller (throws for a revoked device). A LAN client without a paired device is
   * anonymous whatever session token it shows: the event channel must not serve it what `call` refuses it.
   */
  resolve(credentials: Credentials): Caller {
    const { caller, paired } = resolveCaller(this.db, credentials, this.clock.now(), this.clock.monotonic());
    return paired ? caller : { kind: 'anonymous', device: null };
  }

  /** Whether a caller may receive an event: the event's audience, then its address if it has one. */
  mayReceive(caller: Caller, event: OutgoingEvent): boolean {
    return mayReceive(caller, event);
  }

  /** Calls a method with typed input and output (tests and in-process callers). */
  async invoke<N extends Method>(credentials: Credentials, method: N, input: InputOf<Spec<N>>, lang?: Language): Promise<OutputOf<Spec<N>>> {
    return (await this.call(credentials, method, input, lang)) as OutputOf<Spec<N>>;
  }

  /**
   * The one entry point of both transports. Throws AppError (mapped by the transport) for anything the
   * caller did wrong; any other exception is a bug and becomes `internal`.
   */
  async call(credentials: Credentials, method: string, rawInput: unknown, lang: Language = DEFAULT_LANGUAGE): Promise<unknown> {
    const started = this.elapsed();
    try {
      return await this.dispatch(credentials, method, rawInput, lang);
    } finally {
      this.timed(method, started, credentials.origin);
    }
  }

  /** The slow-call log: what took long enough for the desk to notice, named, so it can be found and fixed. */
  private timed(method: string, started: number, origin: CallOrigin): void {
    const ms = this.elapsed() - started;
    if (ms >= this.slowCallMs) this.logger.warn('slow call', { method, ms: Math.round(ms), origin });
  }

  private async dispatch(credentials: Credentials, method: string, rawInput: unknown, lang: Language): Promise<unknown> {
    const spec = findMethod(method);
    if (!spec) throw new NotFoundError('errors:code.not_found');
    const now = this.clock.now();
    const { caller, paired } = resolveCaller(this.db, credentials, now, this.clock.monotonic());
    if (!paired && !UNPAIRED_LAN_METHODS.has(method)) throw new UnauthenticatedError('errors:code.device_required', 'device_required');
    if (caller.kind !== 'system' && caller.kind !== 'staff' && caller.device) deviceLastSeen.set(caller.device.id, now);
    if (!isAllowed(spec.allow, caller)) {
      if (caller.kind === 'anonymous' && spec.allow.some((p) => p !== 'public' && p !== 'kiosk')) throw new UnauthenticatedError();
      if (caller.kind === 'kiosk') throw new ForbiddenError('errors:auth.kioskOnly');
      throw new ForbiddenError();
    }
    const parsed = spec.input.safeParse(rawInput ?? {}, { error: zodLocales[lang].localeError });
    if (!parsed.success) throw new ValidationError(zodIssuesToFieldIssues(parsed.error));
    return this.execute(spec, method, caller, credentials.origin, parsed.data, now, lang, credentials.windowId ?? null);
  }

  /** Runs work as the app itself (timers), through the same write path and audit trail. */
  runAsSystem<T>(method: string, work: (ctx: CallContext) => T): T {
    const started = this.elapsed();
    try {
      return this.runAsSystemTimed(method, work);
    } finally {
      this.timed(method, started, 'system');
    }
  }

  private runAsSystemTimed<T>(method: string, work: (ctx: CallContext) => T): T {
    const now = this.clock.now();
    const outbox: OutgoingEvent[] = [];
    const later: Array<(host: BackgroundHost) => void | Promise<void>> = [];
    const result = this.db
      .transaction(() => work(this.context({ kind: 'system' }, 'system', method, now, DEFAULT_LANGUAGE, outbox, [], true, null, later)))
      .immediate();
    this.trail.afterCommit();
    this.deliver(outbox, true);
    this.startBackground(later, method);
    return result;
  }

  private newTx(actor: ReturnType<typeof actorOf>, method: string, at: number): Tx {
    return new Tx({ db: this.db, installationId: this.installationId, actor, method, at, auditKey: this.keys.key('audit-trail') });
  }

  private context(
    caller: Caller,
    origin: CallOrigin,
    method: string,
    now: number,
    lang: Language,
    outbox: OutgoingEvent[],
    failureWrites: Array<(tx: Tx) => void>,
    writable: boolean,
    windowId: number | null,
    later: Array<(host: BackgroundHost) => void | Promise<void>> = [],
  ): CallContext {
    const actor = actorOf(caller);
    const tx = writable ? this.newTx(actor, method, now) : null;
    return {
      db: this.db,
      clock: this.clock,
      installationId: this.installationId,
      version: this.version,
      dataDir: this.dataDir,
      logger: this.logger,
      host: this.host,
      keys: this.keys,
      exportKeyTo: (file: string) => this.exportKeyTo(file),
      trail: this.trail,
      clockJump: this.clockJump,
      setupCode: this.setupCode,
      windowId,
      caller,
      origin,
      now,
      lang,
      method,
      actor,
      get tx(): Tx {
        if (!tx) throw new Error(`${method} is a query and cannot write`);
        return tx;
      },
      // The payload is shaped here, inside the transaction: an event that cannot be sent rolls the write back
      // rather than answering an error for a write that was saved.
      emit: (name: EventName, payload: unknown, target?: EventTarget) => {
        outbox.push({ name, payload: events[name].payload.parse(payload), target });
      },
      onFailure: (write) => {
        failureWrites.push(write);
      },
      afterCommit: (work) => {
        if (!writable) throw new Error(`${method} is a query: nothing commits after it`);
        later.push(work);
      },
    };
  }

  private async execute(
    spec: MethodSpec,
    method: string,
    caller: Caller,
    origin: CallOrigin,
    input: unknown,
    now: number,
    lang: Language,
    windowId: number | null,
  ): Promise<unknown> {
    const handler = this.handlerFor(method);
    if (typeof handler !== 'function' && 'runBatch' in handler) return this.executeBatched(spec, method, caller, origin, input, now, lang, windowId, handler);
    const outbox: OutgoingEvent[] = [];
    const failureWrites: Array<(tx: Tx) => void> = [];
    const later: Array<(host: BackgroundHost) => void | Promise<void>> = [];
    let prepared: unknown;
    if (typeof handler !== 'function') {
      prepared = await handler.prepare(this.context(caller, origin, method, now, lang, [], [], false, windowId), input as never);
    }
    const run = (ctx: CallContext): unknown =>
      typeof handler === 'function' ? handler(ctx, input as never) : (handler as PreparedHandler<unknown, unknown>).run(ctx, input as never, prepared);

    let result: unknown;
    try {
      if (spec.kind === 'mutation') {
        result = this.db.transaction(() => {
          const value = run(this.context(caller, origin, method, now, lang, outbox, failureWrites, true, windowId, later));
          if (value instanceof Promise) throw new Error(`${method} is a mutation and must not be asynchronous`);
          // Shape the output inside the transaction: a response that cannot be produced commits nothing.
          return spec.output.parse(value);
        }).immediate();
      } else {
        result = spec.output.parse(await run(this.context(caller, origin, method, now, lang, outbox, failureWrites, false, windowId)));
      }
    } catch (error) {
      if (failureWrites.length > 0) {
        this.db
          .transaction(() => {
            const tx = this.newTx(actorOf(caller), method, now);
            for (const write of failureWrites) write(tx);
          })
          .immediate();
        this.trail.afterCommit();
      }
      throw error;
    }
    if (spec.kind === 'mutation') this.trail.afterCommit();
    this.deliver(outbox);
    this.startBackground(later, method);
    return result;
  }

  /** A batched mutation: each batch its own transaction (events delivered after each), the event loop free between. */
  private async executeBatched(
    spec: MethodSpec,
    method: string,
    caller: Caller,
    origin: CallOrigin,
    input: unknown,
    now: number,
    lang: Language,
    windowId: number | null,
    handler: BatchedHandler<unknown, unknown, unknown>,
  ): Promise<unknown> {
    if (spec.kind !== 'mutation') throw new Error(`${method} is batched and must be a mutation`);
    const prepared = await handler.prepare(this.context(caller, origin, method, now, lang, [], [], false, windowId), input as never);
    for (const batch of handler.batches(prepared)) {
      if (this.closed) throw new Error(`${method} was interrupted: the app is closing`);
      const outbox: OutgoingEvent[] = [];
      this.db.transaction(() => handler.runBatch(this.context(caller, origin, method, now, lang, outbox, [], true, windowId), batch, prepared)).immediate();
      this.deliver(outbox);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const outbox: OutgoingEvent[] = [];
    const result = this.db
      .transaction(() => spec.output.parse(handler.finish(this.context(caller, origin, method, now, lang, outbox, [], true, windowId), input as never, prepared)))
      .immediate();
    this.deliver(outbox);
    return result;
  }

  private handlerFor(method: string): AnyHandler<unknown> {
    const [feature, name] = method.split('.') as [string, string];
    const featureHandlers = (handlers as unknown as Record<string, Record<string, AnyHandler<unknown>>>)[feature];
    const handler = featureHandlers?.[name];
    if (!handler) throw new Error(`no handler for ${method}`);
    return handler;
  }

  private deliver(outbox: OutgoingEvent[], fromTimers = false): void {
    this.delivery.deliver(outbox, fromTimers);
  }

  /** Maps any thrown value to a status and the contract's error body, in the caller's language. */
  errorResponse(error: unknown, lang: Language = DEFAULT_LANGUAGE): { status: number; body: ErrorBody } {
    return errorResponse(error, lang, this.logger);
  }
}

export { contract };
