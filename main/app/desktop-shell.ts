// What the desktop app does for the installation feature: applies device preferences at once where it can
// (the visitor display, auto-start, the LAN server), shows the folder dialog, and restarts — relaunching the app,
// after putting a backup back when asked. It also owns the LAN server's life, since a LAN change restarts it.
import { app, dialog } from 'electron';
import type { Core } from '../core/core';
import type { Logger } from '../core/context';
import { startServer, type RunningServer } from '../server/http-server';
import { isLoopbackAddress } from '../server/policy';
import type { ShellSide } from '../host/installation-host';
import type { PreferencesStore } from '../host/preferences';
import type { DevicePreferences } from '../../shared/contract/installation';
import { applyAutoStart, autoStartContext, autoStartPlan } from './autostart';
import type { WindowManager } from './window-manager';

export class LanServer {
  private server: RunningServer | null = null;
  private error: string | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: { core: () => Core | null; rendererDir: string; preferences: PreferencesStore; logger: Logger },
  ) {}

  /** (Re)starts on the preferences' address: loopback only until the LAN is switched on. */
  restart(): Promise<void> {
    this.chain = this.chain.then(async () => {
      await this.server?.close();
      this.server = null;
      const core = this.options.core();
      if (!core) return;
      const prefs = this.options.preferences.get();
      const host = prefs.lanEnabled ? prefs.lanHost : '127.0.0.1';
      try {
        this.server = await startServer({ core, host, port: prefs.port, rendererDir: this.options.rendererDir });
        this.error = null;
        this.options.logger.info('server started', { url: this.server.url, lan: prefs.lanEnabled });
      } catch (error) {
        // The desk itself works over IPC; only tablets and the guard's PC need the server.
        this.error = error instanceof Error ? error.message : String(error);
        this.options.logger.error('server not started', { host, port: prefs.port, error: this.error });
      }
    });
    return this.chain;
  }

  status(): { url: string | null; lan: boolean; error: string | null } {
    return { url: this.server?.url ?? null, lan: this.server ? !isLoopbackAddress(this.server.host) : false, error: this.error };
  }

  async close(): Promise<void> {
    await this.chain;
    await this.server?.close();
    this.server = null;
  }
}

const SCREEN_PREFERENCES: ReadonlyArray<keyof DevicePreferences> = ['visitorScreenOn', 'visitorDisplayId'];
const SERVER_PREFERENCES: ReadonlyArray<keyof DevicePreferences> = ['lanEnabled', 'lanHost', 'port'];

export function desktopShellSide(options: {
  windows: WindowManager;
  server: LanServer;
  crashDumps: string;
  logger: Logger;
  /** Closes the desk (server, core, lock) before the app relaunches; resolves when it is closed. */
  shutdown: () => Promise<void>;
  restore: (file: string) => Promise<void>;
}): ShellSide {
  return {
    mode: 'desktop',
    apply(changed, preferences) {
      if (changed.some((name) => SCREEN_PREFERENCES.includes(name))) options.windows.arrange();
      if (changed.includes('autoStart')) applyAutoStart(autoStartPlan(preferences.autoStart, autoStartContext(app.isPackaged)), (s) => app.setLoginItemSettings(s));
      if (changed.some((name) => SERVER_PREFERENCES.includes(name))) void options.server.restart();
      return changed; // everything applies at once in the desktop app
    },
    capabilities: { displays: true, autoStart: app.isPackaged, chooseFolder: true },
    displays: () => options.windows.displays(),
    server: () => options.server.status(),
    crashDumps: options.crashDumps,
    async chooseFolder() {
      const parent = options.windows.lobby();
      const picked = parent
        ? await dialog.showOpenDialog(parent, { properties: ['openDirectory', 'createDirectory'] })
        : await dialog.showOpenDialog({ properties: ['openDirectory', 'createDirectory'] });
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
    scheduleRestart(restart) {
      setTimeout(() => {
        void (async () => {
          options.logger.info('desk restarting', { restore: Boolean(restart.restoreFrom) });
          options.windows.releaseForQuit();
          await options.shutdown();
          if (restart.restoreFrom) {
            try {
              await options.restore(restart.restoreFrom);
            } catch (error) {
              options.logger.error('restore failed; starting on the database as it was', { error: error instanceof Error ? error.message : String(error) });
            }
          }
          app.relaunch();
          app.exit(0);
        })();
      }, 300);
    },
  };
}
