// The hardware hub: runs the long-lived adapters configured at Admin → Devices (SIP watcher, caller-ID box, card
// reader, serial scanner), restarts them when the settings change, and turns what they report into the core's
// own steps — a phone event into the ring timer, a card into `hardware.cardRead` for this PC's screens, a scan
// into `hardware.scanned`. Started next to the core by whoever serves it (desktop shell, `lobby-desk web`).
import type { ReadableDB } from '../store/sql';
import type { CallContext, Logger, OutgoingEvent } from '../context';
import type { Clock } from '../clock';
import type { KeyRing } from '../keyring';
import type { AdapterStatus, DeviceAdapter } from './adapter';
import { DeviceError, OFF } from './adapter';
import { hardwareConfig, type HardwareConfig } from './settings';
import type { PhoneEvent } from './telephony/phone-event';
import { applyPhoneEvent } from './telephony/apply';
import { SipTelephonySource } from './telephony/sip/sip-source';
import { CallerIdBoxSource } from './telephony/caller-id-box';
import { CardReaderAdapter } from './id-reader/reader-adapter';
import { cardForDesk, type CardRead } from './id-reader/card';
import { SerialScanner } from './scanner/serial-scanner';
import { buildingTimeZone } from '../settings';
import { dayKey } from '../../../shared/rules/time';

export interface HubHost {
  db: ReadableDB;
  keys: KeyRing;
  clock: Clock;
  logger: Logger;
  runAsSystem<T>(method: string, work: (ctx: CallContext) => T): T;
  onEvent(listener: (event: OutgoingEvent) => void): () => void;
}

type PhoneWaiter = (event: PhoneEvent) => void;
const phoneWaiters = new WeakMap<ReadableDB, Set<PhoneWaiter>>();
const hubs = new WeakMap<ReadableDB, HardwareHub>();

/** The hub serving this store, if one runs (none in plain unit tests of other features). */
export function hardwareHub(db: ReadableDB): HardwareHub | null {
  return hubs.get(db) ?? null;
}

/**
 * Every phone event, from any adapter (the action-URL route too), goes through here: one audited system step on
 * the ring timer, then whoever waits for a "test ring" hears of it.
 */
export function deliverPhoneEvent(host: Pick<HubHost, 'db' | 'logger' | 'runAsSystem'>, event: PhoneEvent): ReturnType<typeof applyPhoneEvent> {
  let result: ReturnType<typeof applyPhoneEvent>;
  try {
    result = host.runAsSystem('hardware.phoneEvent', (ctx) => applyPhoneEvent(ctx, event));
  } catch (error) {
    host.logger.warn('phone event not applied', { source: event.source, kind: event.kind, error: String((error as Error).message ?? error) });
    result = { outcome: 'ignored', callId: null };
  }
  for (const waiter of phoneWaiters.get(host.db) ?? []) waiter(event);
  return result;
}

/** The next phone event (any source) within `ms`, or null. */
export function waitForPhoneEvent(db: ReadableDB, ms: number, accept: (event: PhoneEvent) => boolean = () => true): Promise<PhoneEvent | null> {
  return new Promise((resolve) => {
    let set = phoneWaiters.get(db);
    if (!set) phoneWaiters.set(db, (set = new Set()));
    const waiters = set;
    const waiter: PhoneWaiter = (event) => {
      if (!accept(event)) return;
      clearTimeout(timer);
      waiters.delete(waiter);
      resolve(event);
    };
    const timer = setTimeout(() => {
      waiters.delete(waiter);
      resolve(null);
    }, ms);
    waiters.add(waiter);
  });
}

export class HardwareHub {
  private sip: DeviceAdapter | null = null;
  private callerIdBox: DeviceAdapter | null = null;
  private reader: CardReaderAdapter | null = null;
  private scanner: DeviceAdapter | null = null;
  private readonly scanWaiters = new Set<(code: string) => void>();
  private offEvents: (() => void) | null = null;
  private restarting: Promise<void> = Promise.resolve();
  private running = false;

  constructor(private readonly host: HubHost) {}

  async start(): Promise<void> {
    this.running = true;
    hubs.set(this.host.db, this);
    this.offEvents = this.host.onEvent((event) => {
      if (event.name === 'hardware.settingsChanged') void this.restart();
    });
    await this.restart();
  }

  /** Stops every adapter and starts the configured ones again (serialised: settings saved twice restart twice, in order). */
  restart(): Promise<void> {
    this.restarting = this.restarting.then(async () => {
      await this.stopAdapters();
      if (!this.running) return;
      await this.startAdapters(hardwareConfig(this.host.db, this.host.keys));
    });
    return this.restarting;
  }

  private async startAdapters(config: HardwareConfig): Promise<void> {
    const now = () => this.host.clock.now();
    const sink = (event: PhoneEvent) => deliverPhoneEvent(this.host, event);
    if (config.sip.enabled) {
      this.sip = new SipTelephonySource(
        {
          host: config.sip.host,
          port: config.sip.port,
          extension: config.sip.extension,
          domain: config.sip.domain || undefined,
          username: config.sip.username,
          password: config.sip.password,
          localPort: config.sip.localPort,
        },
        sink,
        now,
      );
    }
    if (config.callerIdBox.enabled) this.callerIdBox = new CallerIdBoxSource({ path: config.callerIdBox.path, baudRate: config.callerIdBox.baudRate }, sink, now);
    if (config.idReader.kind === 'samv') {
      this.reader = new CardReaderAdapter({ kind: 'samv', path: config.idReader.path, baudRate: config.idReader.baudRate, autoRead: config.idReader.autoRead }, (card) => this.cardRead(card), now);
    } else if (config.idReader.kind === 'vendorHttp') {
      this.reader = new CardReaderAdapter({ kind: 'vendorHttp', url: config.idReader.url, autoRead: config.idReader.autoRead }, (card) => this.cardRead(card), now);
    }
    if (config.scanner.serialEnabled) this.scanner = new SerialScanner({ path: config.scanner.path, baudRate: config.scanner.baudRate }, (code) => this.scanned(code), now);
    for (const adapter of [this.sip, this.callerIdBox, this.reader, this.scanner]) {
      if (!adapter) continue;
      await adapter.start().catch((error: unknown) => this.host.logger.warn('device adapter did not start', { error: String(error) }));
    }
  }

  private async stopAdapters(): Promise<void> {
    const adapters = [this.sip, this.callerIdBox, this.reader, this.scanner];
    this.sip = this.callerIdBox = this.reader = this.scanner = null;
    for (const adapter of adapters) await adapter?.stop().catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.offEvents?.();
    this.offEvents = null;
    await this.restart();
    if (hubs.get(this.host.db) === this) hubs.delete(this.host.db);
  }

  /** A card was read: this PC's desk screens get what the form needs; the trail notes that a card was read, not whose. */
  cardRead(card: CardRead): void {
    const tz = buildingTimeZone(this.host.db);
    this.host.runAsSystem('hardware.cardRead', (ctx) => {
      ctx.tx.note('hardware', null, { event: 'cardRead', reader: card.reader });
      ctx.emit('hardware.cardRead', cardForDesk(card, dayKey(ctx.now, tz)), { localOnly: true });
    });
  }

  private scanned(code: string): void {
    for (const waiter of this.scanWaiters) waiter(code);
    this.host.runAsSystem('hardware.scanned', (ctx) => ctx.emit('hardware.scanned', { code }, { localOnly: true }));
  }

  /** Reads the card on the reader now; DeviceError when no reader is configured or it cannot be reached. */
  async readCardNow(): Promise<CardRead | null> {
    await this.restarting;
    if (!this.reader) throw new DeviceError('hardware:status.readerOff', {}, 'notFound');
    return this.reader.readOnce();
  }

  waitForScan(ms: number): Promise<string | null> {
    return new Promise((resolve) => {
      const waiter = (code: string) => {
        clearTimeout(timer);
        this.scanWaiters.delete(waiter);
        resolve(code);
      };
      const timer = setTimeout(() => {
        this.scanWaiters.delete(waiter);
        resolve(null);
      }, ms);
      this.scanWaiters.add(waiter);
    });
  }

  async settled(): Promise<void> {
    await this.restarting;
  }

  statuses(): { sip: AdapterStatus; callerIdBox: AdapterStatus; idReader: AdapterStatus; scanner: AdapterStatus } {
    return {
      sip: this.sip?.status() ?? OFF,
      callerIdBox: this.callerIdBox?.status() ?? OFF,
      idReader: this.reader?.status() ?? OFF,
      scanner: this.scanner?.status() ?? OFF,
    };
  }
}

/** Starts the hub for a core (the desktop shell and `lobby-desk web` call this once). */
export async function startHardware(host: HubHost): Promise<HardwareHub> {
  const hub = new HardwareHub(host);
  await hub.start();
  return hub;
}
