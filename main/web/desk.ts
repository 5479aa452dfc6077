// Web mode (`lobby-desk web`, and `npm start` where the Electron runtime is not available): the same desk — core,
// timers, HTTP server — in plain Node, the screens in a browser. It takes the data folder's lock, writes the same
// log, reads the same device preferences, checks the release feed, and restarts itself in-process when the admin
// screen asks (a restored backup, a LAN change).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Core } from '../core/core';
import { startServer, type RunningServer } from '../server/http-server';
import { isLoopbackAddress } from '../server/policy';
import { restoreBackup } from '../core/backup/restore';
import { LATEST_SCHEMA_VERSION } from '../core/store/migrations';
import { chooseDataDir, logDir, userDir, type DataDirChoice } from '../data-dir';
import { APP_VERSION } from '../version';
import { acquireDataDirLock, type DataDirLock } from '../host/data-lock';
import { migrateEarlierData } from '../host/data-migration';
import { openPreferences, type PreferencesStore } from '../host/preferences';
import { openAppLog, type AppLog } from '../host/logging';
import { UpdateChecker } from '../host/updates';
import { createInstallationHost } from '../host/installation-host';
import { offsetClock, systemClock } from '../core/clock';
import type { DevicePreferences } from '../../shared/contract/installation';
import { openBrowser } from './open-browser';
import { startHardware, type HardwareHub } from '../core/hardware';

const here = path.dirname(fileURLToPath(import.meta.url));
export const RENDERER_DIR = path.resolve(here, '../renderer');

export interface WebDeskOptions {
  dataDir?: string;
  host?: string;
  port?: number;
  /** Open the lobby in the system's browser once it serves. */
  open?: boolean;
  /** Further names the server answers to (`--allow-host`), besides its own and those set in Admin → Security. */
  allowedHosts?: readonly string[];
  /** Rehearsal only (`--clock-ahead-days`): the desk's clock runs this many days ahead. */
  clockAheadDays?: number;
  print?: (line: string) => void;
}

/** Preferences web mode cannot apply while it runs: the server's address and port. */
const ON_RESTART: ReadonlyArray<keyof DevicePreferences> = ['lanEnabled', 'lanHost', 'port'];

export class WebDesk {
  readonly preferences: PreferencesStore;
  readonly log: AppLog;
  readonly data: DataDirChoice;
  private core: Core | null = null;
  private server: RunningServer | null = null;
  private lock: DataDirLock | null = null;
  private updates: UpdateChecker | null = null;
  private hardware: HardwareHub | null = null;
  private readonly pending = new Set<string>();
  private lastPort: number | null = null;
  private restarting = false;

  private constructor(private readonly options: WebDeskOptions) {
    this.preferences = openPreferences(userDir());
    this.log = openAppLog({ dir: logDir(), console: true, base: { mode: 'web', version: APP_VERSION } });
    this.data = chooseDataDir(options.dataDir, this.preferences.get().dataLocation);
    for (const problem of this.preferences.problems) this.log.logger.warn('device preferences recovered', { problem });
  }

  /** Opens the preferences and the log; nothing that can fail on the data yet (so a failure can be reported). */
  static prepare(options: WebDeskOptions): WebDesk {
    return new WebDesk(options);
  }

  get url(): string | null {
    return this.server?.url ?? null;
  }

  private print(line: string): void {
    (this.options.print ?? console.log)(line);
  }

  /** Opens the data folder (moving earlier data, taking the lock), the core and the server. */
  async start(): Promise<void> {
    const now = Date.now();
    migrateEarlierData(this.data, this.log.logger, now);
    this.lock = acquireDataDirLock(this.data.dir, { mode: 'web', version: APP_VERSION, startedAt: now });
    if (this.lock.tookOver) this.log.logger.warn('took over the lock of a desk that did not stop cleanly', { pid: this.lock.tookOver.pid, mode: this.lock.tookOver.mode });
    try {
      const updates = new UpdateChecker({
        current: APP_VERSION,
        db: () => this.core!.db,
        clock: systemClock,
        logger: this.log.logger,
        // Web mode cannot update itself: it says so where its operator looks (and in Admin → This PC).
        onChange: (status) => {
          if (status.state === 'available') this.print(`Lobby Desk ${status.available} is available (this is ${APP_VERSION}): install it on this PC — see the README, “Updating”.`);
        },
      });
      const installation = createInstallationHost({
        shell: {
          mode: 'web',
          apply: (changed) => changed.filter((name) => !ON_RESTART.includes(name)),
          capabilities: { displays: false, autoStart: false, chooseFolder: false },
          displays: () => [],
          server: () => ({ url: this.server?.url ?? null, lan: this.server ? !isLoopbackAddress(this.server.host) : false, error: null }),
          crashDumps: null,
          scheduleRestart: (restart) => {
            setTimeout(() => void this.restart(restart), 300).unref();
          },
        },
        preferences: this.preferences,
        data: this.data,
        log: this.log,
        updates,
        pending: this.pending,
      });
      const ahead = this.options.clockAheadDays ?? 0;
      const clock = ahead ? offsetClock(systemClock, ahead * 86_400_000) : systemClock;
      this.core = Core.open({ dataDir: this.data.dir, version: APP_VERSION, logger: this.log.logger, host: { installation }, clock });
      this.core.start();
      // Telephony, card reader, serial scanner (P-6, H-1): optional devices configured at Admin → Devices.
      this.hardware = await startHardware(this.core);
      const prefs = this.preferences.get();
      const host = this.options.host ?? (prefs.lanEnabled ? prefs.lanHost : '127.0.0.1');
      // `--port 0` asks for any free port; after an in-process restart the same one again, so open screens reconnect.
      const port = this.lastPort ?? this.options.port ?? prefs.port;
      this.server = await startServer({ core: this.core, host, port, rendererDir: RENDERER_DIR, allowedHosts: this.options.allowedHosts ?? [] });
      if (this.options.port === 0) this.lastPort = this.server.port;
      this.updates = updates;
      updates.start();
      this.log.logger.info('desk started', { mode: 'web', dataDir: this.data.dir, url: this.server.url, lan: host !== '127.0.0.1' });
    } catch (error) {
      await this.closeAll();
      throw error;
    }
    this.announce();
  }

  private announce(): void {
    const url = this.server!.url;
    if (this.options.clockAheadDays) this.print(`  REHEARSAL: the desk's clock runs ${this.options.clockAheadDays} days ahead. Never use this data for real work.`);
    this.print(`Lobby Desk ${APP_VERSION} — data: ${this.data.dir}`);
    this.print(`  Lobby screen:    ${url}/#/lobby`);
    this.print(`  Visitor screen:  ${url}/#/visitor`);
    this.print(`  Handover:        ${url}/#/handover`);
    this.print(`  Health:          ${url}/api/health`);
    this.print(`  Log:             ${this.log.file}`);
    if (!isLoopbackAddress(this.server!.host) && this.server!.host !== 'localhost') {
      this.print(`  Serving the LAN on ${this.server!.host}: other devices must be paired (Admin → Devices).`);
      this.print(`  Answers to: ${this.server!.hostNames.join(', ')} (more with --allow-host or Admin → Security).`);
    }
    const setupCode = this.core!.setupCodeForConsole();
    if (setupCode) this.print(`  First-run setup: open the lobby screen on this PC, or on another device enter the setup code ${setupCode}`);
  }

  /** Opens the lobby in the system's browser; prints that it did not when there is none. */
  async openLobby(): Promise<void> {
    if (!this.server) return;
    const lang = this.preferences.get().language === 'en' ? '?lang=en' : '';
    const opened = await openBrowser(`${this.server.url}/${lang}#/lobby`);
    if (!opened) this.print('  (No browser could be opened here: open the lobby screen’s address above in a browser.)');
  }

  private async closeAll(): Promise<void> {
    this.updates?.stop();
    this.updates = null;
    await this.hardware?.stop();
    this.hardware = null;
    await this.server?.close();
    this.server = null;
    if (this.core && !this.core.isClosed) this.core.close();
    this.core = null;
    this.lock?.release();
    this.lock = null;
  }

  /** Stops and starts again in this process, restoring a backup in between when asked. */
  async restart(options: { restoreFrom?: string } = {}): Promise<void> {
    if (this.restarting) return;
    this.restarting = true;
    try {
      this.log.logger.info('desk restarting', { restore: options.restoreFrom ? path.basename(options.restoreFrom) : null });
      await this.closeAll();
      if (options.restoreFrom) {
        try {
          const result = await restoreBackup({ dataDir: this.data.dir, from: options.restoreFrom, now: Date.now(), latestSchemaVersion: LATEST_SCHEMA_VERSION });
          this.log.logger.info('backup restored', { from: path.basename(result.restored), previous: result.previous ? path.basename(result.previous) : null });
        } catch (error) {
          // The check before the restart passed; whatever failed now left the database as it was.
          this.log.logger.error('restore failed; starting on the database as it was', { error: error instanceof Error ? error.message : String(error) });
        }
      }
      this.pending.clear();
      await this.start();
    } finally {
      this.restarting = false;
    }
  }

  async stop(): Promise<void> {
    await this.closeAll();
    await this.log.close();
  }
}
