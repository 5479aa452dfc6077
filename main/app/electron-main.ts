// The desktop shell: windows, kiosk, displays, power, crash recovery. Thin on purpose — the rules it applies
// live in pure modules beside it (security, displays, window-options, crash-recovery, renderer-files).
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, globalShortcut, ipcMain, Menu, powerSaveBlocker, protocol, screen, session, type WebContents } from 'electron';
import { Core } from '../core/core';
import { ensureLocalKiosk } from '../core/devices';
import { startServer, type RunningServer } from '../server/http-server';
import { bindIpc, type IpcBinding } from '../ipc/bind-ipc';
import { APP_VERSION } from '../version';
import { APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY, isAllowedNavigation, isAllowedVisitorRoute, isEscapeShortcut, isPermissionAllowed } from './security';
import { chooseDisplays } from './displays';
import { windowOptions } from './window-options';
import { ReloadLimiter } from './crash-recovery';
import { contentTypeFor, rendererFileFor } from './renderer-files';
import { openPreferences } from './preferences';
import { electronHostServices } from './printing';
import { bindRingHotkey, type RingHotkey } from './ring-hotkey';
import { startHardware, type HardwareHub } from '../core/hardware';

const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = path.resolve(here, '../renderer');
const PRELOAD = path.resolve(here, '../preload/preload.cjs');
const DEV_RENDERER_URL = process.env.LOBBY_DESK_RENDERER_URL ?? null;
const production = app.isPackaged && process.env.LOBBY_DESK_DEVTOOLS !== '1';
const allowedOrigins = [APP_ORIGIN, ...(DEV_RENDERER_URL ? [new URL(DEV_RENDERER_URL).origin] : [])];

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let core: Core | null = null;
let server: RunningServer | null = null;
let ipc: IpcBinding | null = null;
let ringHotkey: RingHotkey | null = null;
let hardware: HardwareHub | null = null;
const windows: { lobby: BrowserWindow | null; visitor: BrowserWindow | null } = { lobby: null, visitor: null };

function screenUrl(route: 'lobby' | 'visitor'): string {
  return `${DEV_RENDERER_URL ?? `${APP_ORIGIN}/index.html`}#/${route}`;
}

function harden(contents: WebContents, route: 'lobby' | 'visitor'): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, allowedOrigins) || (route === 'visitor' && !isAllowedVisitorRoute(url))) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, allowedOrigins)) event.preventDefault();
  });
  if (route === 'visitor') {
    // Hash changes do not pass through will-navigate: put the visitor window back on its own route.
    contents.on('did-navigate-in-page', (_event, url) => {
      if (!isAllowedVisitorRoute(url)) void contents.loadURL(screenUrl('visitor'));
    });
  }
  contents.on('before-input-event', (event, input) => {
    if (production && isEscapeShortcut(input)) event.preventDefault();
  });
  const limiter = new ReloadLimiter();
  contents.on('render-process-gone', (_event, details) => {
    console.error(`renderer of the ${route} screen is gone: ${details.reason}`);
    const retry = () => {
      if (contents.isDestroyed()) return;
      if (limiter.allow(Date.now())) contents.reload();
      else setTimeout(retry, 60_000);
    };
    retry();
  });
}

function openWindow(route: 'lobby' | 'visitor', display: Electron.Display): BrowserWindow {
  const window = new BrowserWindow(windowOptions(route, display, { production, preload: PRELOAD }));
  harden(window.webContents, route);
  ipc?.register({ webContents: window.webContents, screen: route });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(screenUrl(route));
  return window;
}

function arrangeWindows(preferredVisitorDisplay: number | null): void {
  const choice = chooseDisplays(screen.getAllDisplays(), screen.getPrimaryDisplay().id, preferredVisitorDisplay);
  const displays = new Map(screen.getAllDisplays().map((d) => [d.id, d]));
  if (!windows.lobby || windows.lobby.isDestroyed()) windows.lobby = openWindow('lobby', displays.get(choice.lobby.id)!);
  if (choice.visitor && (!windows.visitor || windows.visitor.isDestroyed())) {
    windows.visitor = openWindow('visitor', displays.get(choice.visitor.id)!);
  } else if (!choice.visitor && windows.visitor && !windows.visitor.isDestroyed()) {
    windows.visitor.close();
    windows.visitor = null;
  }
}

async function start(): Promise<void> {
  const prefs = openPreferences();
  Menu.setApplicationMenu(null);
  powerSaveBlocker.start('prevent-display-sleep');
  if (app.isPackaged) app.setLoginItemSettings({ openAtLogin: prefs.get('autoStart') });

  const windowOf = (contents: Electron.WebContents | null) =>
    contents && windows.lobby && !windows.lobby.isDestroyed() && contents === windows.lobby.webContents
      ? ('lobby' as const)
      : contents && windows.visitor && !windows.visitor.isDestroyed() && contents === windows.visitor.webContents
        ? ('visitor' as const)
        : ('other' as const);
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, { window: windowOf(contents), mediaTypes: 'mediaTypes' in details ? details.mediaTypes : undefined })),
  );
  session.defaultSession.setPermissionCheckHandler((contents, permission, _origin, details) =>
    isPermissionAllowed(permission, { window: windowOf(contents), mediaTypes: details.mediaType ? [details.mediaType] : undefined }),
  );
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFileFor(RENDERER_DIR, request.url);
    if (!file) return new Response('not found', { status: 404 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, { headers: { 'content-type': contentTypeFor(file), 'content-security-policy': CONTENT_SECURITY_POLICY } });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });

  const dataDir = process.env.LOBBY_DESK_DATA_DIR ?? path.join(app.getPath('userData'), 'data');
  core = Core.open({ dataDir, version: APP_VERSION, host: electronHostServices() });
  core.start();
  // Telephony, card reader, serial scanner (P-6, H-1): optional devices configured at Admin → Devices.
  void startHardware(core).then((hub) => (hardware = hub));
  const localKiosk = ensureLocalKiosk(core, prefs.get('localKioskDeviceId'), '本机访客屏 · This PC’s visitor screen');
  if (localKiosk) prefs.set('localKioskDeviceId', localKiosk.id);
  const openedCore = core;
  ipc = bindIpc({
    core,
    ipcMain,
    allowedOrigins,
    localKioskDevice: () => ensureLocalKiosk(openedCore, prefs.get('localKioskDeviceId'), '本机访客屏 · This PC’s visitor screen'),
  });
  const openedIpc = ipc;
  // The phone rings while the lobby may not have focus: a global hotkey reaches it anyway (P-1).
  ringHotkey = bindRingHotkey({ core, shortcuts: globalShortcut, forward: (accelerator) => openedIpc.emit('calls.hotkeyPressed', { accelerator }) });

  try {
    server = await startServer({ core, host: prefs.get('lanEnabled') ? prefs.get('lanHost') : '127.0.0.1', port: prefs.get('port'), rendererDir: RENDERER_DIR });
    console.log(`Lobby Desk ${APP_VERSION}: tablets and the guard's PC use ${server.url}`);
  } catch (error) {
    // The desk itself works over IPC; only LAN screens need the server.
    console.error(`HTTP server not started: ${error instanceof Error ? error.message : String(error)}`);
  }

  arrangeWindows(prefs.get('visitorDisplayId'));
  screen.on('display-added', () => arrangeWindows(prefs.get('visitorDisplayId')));
  screen.on('display-removed', () => arrangeWindows(prefs.get('visitorDisplayId')));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (windows.lobby && !windows.lobby.isDestroyed()) {
      if (windows.lobby.isMinimized()) windows.lobby.restore();
      windows.lobby.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    ringHotkey?.dispose();
    ipc?.dispose();
    void server?.close();
    void hardware?.stop();
    core?.close();
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error(error);
    app.exit(1);
  });
}
