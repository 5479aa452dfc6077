// What a handler gets: the caller, the time of the call, the store, the write path and the event outbox.
import type { ReadableDB } from './store/sql';
import type { z } from 'zod';
import type { Clock } from './clock';
import type { Tx } from './store/tx';
import type { Actor } from './audit/chain';
import type { KeyRing } from './keyring';
import type { TrailMonitor } from './audit/status';
import type { InstallationHost } from './installation/host';
import type { WallClockJump } from './clock-jump';
import type { SetupCode } from './setup/setup-code';
import type { Contract, EventName, EventPayload } from '../../shared/contract';
import type { ParsedInputOf, HandlerResultOf, Role } from '../../shared/contract/define';
import type { SignedInUser } from '../../shared/contract/auth';
import type { Language } from '../../shared/i18n';

export interface DeviceRef {
  id: string;
  name: string;
  kind: 'kiosk' | 'desk';
}

/** Who is calling: a signed-in person, a paired visitor screen, or someone not signed in. */
export type Caller =
  | { kind: 'anonymous'; device: DeviceRef | null }
  | { kind: 'staff'; user: SignedInUser; sessionId: string; device: DeviceRef | null }
  | { kind: 'kiosk'; device: DeviceRef }
  | { kind: 'system' };

/** Where an event goes besides its audience filter: one device, one person, or everyone allowed. */
export interface EventTarget {
  deviceId?: string;
  userId?: string;
  roles?: readonly Role[];
  /** Only screens of this PC (the desktop windows and loopback browsers), never a LAN terminal: what its card reader read. */
  localOnly?: boolean;
}

export interface OutgoingEvent {
  name: EventName;
  payload: unknown;
  target: EventTarget | undefined;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * What the shell around the core can do: print a window silently, make a PDF of it, show an OS notification
 * (Electron only; in web mode they are absent and the renderer falls back to the browser's own print), and this
 * installation's preferences, folders, restart and updates (both shells).
 */
export interface HostServices {
  printWindow?(windowId: number, options: { printer: string | null }): Promise<boolean>;
  pdfOfWindow?(windowId: number): Promise<Buffer>;
  printers?(windowId: number): Promise<Array<{ name: string; isDefault: boolean }>>;
  notify?(title: string, body: string): void;
  /** Writes the installation key to a file the admin chooses (desktop: the key is OS-protected, no CLI can read it). */
  exportInstallationKey?(): Promise<{ file: string; fingerprint: string } | null>;
  /** This installation's preferences, folders, restart and updates (both shells; absent in tests of the core). */
  installation?: InstallationHost;
  /** Prints an HTML document (a visitor slip) silently on `printer` (null: the default), `widthMm` wide. */
  printHtml?(html: string, options: { printer: string | null; widthMm: number }): Promise<boolean>;
}

export interface CoreServices {
  db: ReadableDB;
  clock: Clock;
  installationId: string;
  version: string;
  dataDir: string;
  logger: Logger;
  host: HostServices;
  /** Keys derived from the installation's secret, which is kept outside the database. */
  keys: KeyRing;
  /**
   * Writes the installation key (in the form `key:import` and a restore read) to a new file, owner-only; returns
   * its fingerprint. Wherever the shell keeps the key (a file, or the OS's protected storage on the desktop).
   */
  exportKeyTo(file: string): string;
  /** The trail's state (checked at start), its anchors and alerts. */
  trail: TrailMonitor;
  /** The latest backward jump of the wall clock the desk noticed (waits that began before it are bounded by it). */
  readonly clockJump: WallClockJump | null;
  /** The one-time code that lets another device run first-run setup (printed in the server's console). */
  setupCode: SetupCode;
}

/** Where a call comes from: this PC (its windows over IPC, or loopback), the LAN, or the app itself (timers). */
export type CallOrigin = 'loopback' | 'lan' | 'ipc' | 'system';

export interface CallContext extends CoreServices {
  caller: Caller;
  origin: CallOrigin;
  /** The time of the call, fixed for its whole transaction. */
  now: number;
  lang: Language;
  method: string;
  actor: Actor;
  /** The Electron window that made the call (IPC only), for host services that act on it. */
  windowId: number | null;
  /** The write path. Only mutations have one; a query that touches it is a bug. */
  readonly tx: Tx;
  emit<E extends EventName>(name: E, payload: EventPayload<E>, target?: EventTarget): void;
  /**
   * Something to write even though this call fails (a wrong PIN is counted although sign-in is refused).
   * Runs after the rollback, in its own audited transaction.
   */
  onFailure(write: (tx: Tx) => void): void;
  /**
   * Work to start once this call's transaction has committed — network sends, never inside the transaction.
   * Not run when the call fails. A returned promise is tracked (`Core.settled()`), its failure logged.
   */
  afterCommit(work: (host: BackgroundHost) => void | Promise<void>): void;
}

/** What work started after a commit may use: the services, another audited system transaction, the timers. */
export interface BackgroundHost extends CoreServices {
  runAsSystem<T>(method: string, work: (ctx: CallContext) => T): T;
  readonly isClosed: boolean;
  /** Runs one job now if it is due, then re-reads every job's deadline (something made one earlier). */
  runJob(name: string): void;
}

export function actorOf(caller: Caller): Actor {
  switch (caller.kind) {
    case 'staff':
      return { kind: 'staff', id: caller.user.id, name: caller.user.name, deviceId: caller.device?.id ?? null };
    case 'kiosk':
      return { kind: 'kiosk', id: caller.device.id, name: caller.device.name, deviceId: caller.device.id };
    case 'anonymous':
      return { kind: 'anonymous', id: null, name: null, deviceId: caller.device?.id ?? null };
    case 'system':
      return { kind: 'system', id: null, name: null, deviceId: null };
  }
}

type Methods = Contract;

/**
 * A method's implementation. A mutation's is synchronous (better-sqlite3 is) and runs inside the call's one
 * transaction; a query's may return a promise (host services such as printing are asynchronous).
 */
export type Handler<S> = (ctx: CallContext, input: ParsedInputOf<S>) => HandlerResultOf<S> | Promise<HandlerResultOf<S>>;

/**
 * A method that needs asynchronous work first (parsing an uploaded spreadsheet, hashing a file): `prepare`
 * runs before the transaction and may not write; `run` gets its result inside the transaction.
 */
export interface PreparedHandler<S, P> {
  prepare(ctx: Omit<CallContext, 'tx' | 'emit'>, input: ParsedInputOf<S>): Promise<P>;
  run(ctx: CallContext, input: ParsedInputOf<S>, prepared: P): HandlerResultOf<S>;
}

/**
 * A mutation too large for one pause of the desk (an import of thousands of rows): `prepare` as above, then its
 * batches applied each in a transaction of its own, the desk answering between them, and `finish` in a last one
 * (the summary note, the answer). It must be idempotent — applied again after an interruption (a power cut
 * between batches), it adds nothing twice — because what a committed batch wrote stays.
 */
export interface BatchedHandler<S, P, B> {
  prepare(ctx: Omit<CallContext, 'tx' | 'emit'>, input: ParsedInputOf<S>): Promise<P>;
  batches(prepared: P): readonly B[];
  runBatch(ctx: CallContext, batch: B, prepared: P): void;
  finish(ctx: CallContext, input: ParsedInputOf<S>, prepared: P): HandlerResultOf<S>;
}

export type AnyHandler<S> = Handler<S> | PreparedHandler<S, any> | BatchedHandler<S, any, any>;

/** Every method of a feature must have a handler: the compiler checks completeness against the contract. */
export type FeatureHandlers<F extends keyof Methods> = { [M in keyof Methods[F]]: AnyHandler<Methods[F][M]> };

export type AllHandlers = { [F in keyof Methods]: FeatureHandlers<F> };

export type SchemaOutput<T extends z.ZodType> = z.output<T>;

/** Convenience for handlers: the signed-in person, or a clear error when a kiosk/anonymous caller got here. */
export function staffOf(ctx: CallContext): Extract<Caller, { kind: 'staff' }> {
  if (ctx.caller.kind !== 'staff') throw new Error(`${ctx.method} reached a handler without a signed-in person`);
  return ctx.caller;
}
