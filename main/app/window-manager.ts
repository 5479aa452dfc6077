// The two screens: the lobby on the primary display, the visitor screen on the chosen other one; they follow
// displays coming and going, and they come back by themselves — closing is refused in kiosk mode, a closed or
// crashed window is re-created or reloaded, a hung one reloaded after a grace period, a crash loop shows a notice.
// The decisions are crash-recovery.ts's and displays.ts's; here are only the calls into Electron.
import { BrowserWindow, screen } from 'electron';
import type { Logger } from '../core/context';
import type { IpcBinding } from '../ipc/bind-ipc';
import type { Language } from '../../shared/i18n';
import { chooseDisplays } from './displays';
import { windowOptions } from './window-options';
import { noticeUrl, refuseClose, ScreenRecovery, type Trouble } from './crash-recovery';
import { hardenContents } from './hardening';
import type { ShellMode } from './dev-overrides';

export type Route = 'lobby' | 'visitor';

export interface ScreenPreferences {
  visitorScreenOn: boolean;
  visitorDisplayId: number | null;
}

export interface WindowManagerOptions {
  mode: ShellMode;
  preload: string;
  allowedOrigins: readonly string[];
  screenUrl(route: Route): string;
  language(): Language;
  preferences(): ScreenPreferences;
  ipc(): IpcBinding | null;
  logger: Logger;
}

export class WindowManager {
  private readonly windows: Record<Route, BrowserWindow | null> = { lobby: null, visitor: null };
  private readonly recovery: Record<Route, ScreenRecovery> = { lobby: new ScreenRecovery(), visitor: new ScreenRecovery() };
  private readonly timers: Record<Route, NodeJS.Timeout | null> = { lobby: null, visitor: null };
  private quitting = false;

  constructor(private readonly options: WindowManagerOptions) {}

  /** Follows display changes from now on. */
  watchDisplays(): void {
    screen.on('display-added', () => this.arrange());
    screen.on('display-removed', () => this.arrange());
    screen.on('display-metrics-changed', () => this.arrange());
  }

  /** From here on windows may close (the app is quitting or relaunching). */
  releaseForQuit(): void {
    this.quitting = true;
    for (const route of ['lobby', 'visitor'] as const) if (this.timers[route]) clearTimeout(this.timers[route]!);
  }

  lobby(): BrowserWindow | null {
    const window = this.windows.lobby;
    return window && !window.isDestroyed() ? window : null;
  }

  /** Which screen a page belongs to (permission requests are answered per window: only the lobby gets a camera). */
  routeOf(contents: Electron.WebContents | null): Route | 'other' {
    if (!contents) return 'other';
    for (const route of ['lobby', 'visitor'] as const) {
      const window = this.windows[route];
      if (window && !window.isDestroyed() && window.webContents === contents) return route;
    }
    return 'other';
  }

  focusLobby(): void {
    const window = this.lobby();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  }

  displays(): Array<{ id: number; label: string; width: number; height: number; primary: boolean }> {
    const primary = screen.getPrimaryDisplay().id;
    return screen.getAllDisplays().map((d, i) => ({
      id: d.id,
      label: d.label || `#${i + 1}`,
      width: d.size.width,
      height: d.size.height,
      primary: d.id === primary,
    }));
  }

  /** Opens what is missing and closes the visitor window when it has no display (or is switched off). */
  arrange(): void {
    if (this.quitting) return;
    const all = screen.getAllDisplays();
    const prefs = this.options.preferences();
    const choice = chooseDisplays(all, screen.getPrimaryDisplay().id, prefs.visitorDisplayId);
    const visitor = prefs.visitorScreenOn ? choice.visitor : null;
    const lobby = this.lobby();
    if (!lobby) this.windows.lobby = this.open('lobby', choice.lobby);
    else lobby.setBounds(choice.lobby.bounds);
    const current = this.windows.visitor && !this.windows.visitor.isDestroyed() ? this.windows.visitor : null;
    if (visitor && !current) this.windows.visitor = this.open('visitor', visitor);
    else if (visitor && current) current.setBounds(visitor.bounds);
    else if (!visitor && current) {
      this.windows.visitor = null; // before close: its 'closed' is then not trouble
      current.destroy();
    }
  }

  private open(route: Route, display: Electron.Display | { id: number; bounds: Electron.Rectangle }): BrowserWindow {
    const { mode } = this.options;
    const window = new BrowserWindow(windowOptions(route, display, { production: mode.kiosk, preload: this.options.preload }));
    const contents = window.webContents;
    hardenContents(contents, route, { allowedOrigins: this.options.allowedOrigins, kiosk: mode.kiosk, screenUrl: () => this.options.screenUrl(route) });
    this.options.ipc()?.register({ webContents: contents, screen: route });
    window.once('ready-to-show', () => window.show());
    window.on('close', (event) => {
      if (refuseClose({ kiosk: mode.kiosk, quitting: this.quitting })) event.preventDefault();
    });
    window.on('closed', () => {
      if (this.windows[route] !== window) return; // replaced or switched off on purpose
      this.windows[route] = null;
      if (!this.quitting) this.trouble(route, 'closed');
    });
    contents.on('render-process-gone', (_event, details) => {
      this.options.logger.error('a screen’s renderer is gone', { screen: route, reason: details.reason, exitCode: details.exitCode });
      this.trouble(route, 'gone');
    });
    window.on('unresponsive', () => {
      this.options.logger.warn('a screen stopped responding', { screen: route });
      this.trouble(route, 'unresponsive');
    });
    window.on('responsive', () => {
      this.recovery[route].onResponsive();
      if (this.timers[route]) clearTimeout(this.timers[route]!);
      this.timers[route] = null;
    });
    void window.loadURL(this.options.screenUrl(route));
    return window;
  }

  private later(route: Route, at: number, what: () => void): void {
    if (this.timers[route]) clearTimeout(this.timers[route]!);
    this.timers[route] = setTimeout(() => {
      this.timers[route] = null;
      what();
    }, Math.max(0, at - Date.now()));
  }

  private trouble(route: Route, trouble: Trouble): void {
    if (this.quitting) return;
    this.follow(route, this.recovery[route].onTrouble(trouble, Date.now()));
  }

  private follow(route: Route, decision: ReturnType<ScreenRecovery['onTrouble']>): void {
    const window = this.windows[route] && !this.windows[route]!.isDestroyed() ? this.windows[route]! : null;
    this.options.logger.info('screen recovery', { screen: route, action: decision.action });
    switch (decision.action) {
      case 'wait':
        this.later(route, decision.at, () => this.trouble(route, 'unresponsive'));
        return;
      case 'kill':
        window?.webContents.forcefullyCrashRenderer();
        return;
      case 'reload':
        if (!window) return this.arrange();
        void window.loadURL(this.options.screenUrl(route));
        return;
      case 'recreate':
        return this.arrange();
      case 'notice': {
        this.options.logger.error('a screen keeps failing; showing the notice instead of reloading', { screen: route, retryAt: new Date(decision.retryAt).toISOString() });
        const time = new Date(decision.retryAt).toLocaleTimeString(this.options.language() === 'en' ? 'en-GB' : 'zh-CN', { hour: '2-digit', minute: '2-digit' });
        if (window) void window.loadURL(noticeUrl(this.options.language(), time));
        else this.arrange(); // a screen closed in a loop: it is back, without reload spinning (closing is refused in kiosk mode)
        this.later(route, decision.retryAt, () => this.follow(route, this.recovery[route].onNoticeOver(Date.now())));
        return;
      }
    }
  }
}
