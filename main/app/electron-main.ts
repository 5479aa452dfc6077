// The desktop shell, composed of small single-purpose modules: single instance, kiosk, hardening, the renderer
// protocol, the window manager (with crash recovery), the ring hotkey, printing, auto-start and updates. Their
// rules are pure and unit-tested beside them; this file only puts them together and owns the order of start-up.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { app, crashReporter, dialog, globalShortcut, ipcMain, safeStorage, session } from 'electron';
import { Core } from '../core/core';
import { ensureLocalKiosk } from '../core/devices';
import { restoreBackup } from '../core/backup/restore';
import { LATEST_SCHEMA_VERSION } from '../core/store/migrations';
import { systemClock } from '../core/clock';
import { bindIpc, type IpcBinding } from '../ipc/bind-ipc';
import { APP_VERSION } from '../version';
import { chooseDataDir, logDir, userDir, type DataDirChoice } from '../data-dir';
import { acquireDataDirLock, type DataDirLock } from '../host/data-lock';
import { migrateEarlierData } from '../host/data-migration';
import { openPreferences } from '../host/preferences';
import { openAppLog } from '../host/logging';
import { installProcessGuards } from '../host/process-guards';
import { UpdateChecker } from '../host/updates';
import { createInstallationHost } from '../host/installation-host';
import { APP_ORIGIN } from './security';
import { shellMode } from './dev-overrides';
import { claimSingleInstance } from './single-instance';
import { applyKiosk } from './kiosk';
import { hardenSession } from './hardening';
import { registerRendererScheme, serveRenderer } from './renderer-protocol';
import { WindowManager, type Route } from './window-manager';
import { electronHostServices } from './printing';
import { bindRingHotkey, type RingHotkey } from './ring-hotkey';
import { keyExportService, openSafeStorageSecretStore, type DesktopSecretStore } from './secret-store';
import { applyAutoStart, autoStartContext, autoStartPlan } from './autostart';
import { electronInstaller } from './updater';
import { desktopShellSide, LanServer } from './desktop-shell';
import { showStartupFailure } from './startup-failure-window';
import { startHardware, type HardwareHub } from '../core/hardware';

const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = path.resolve(here, '../renderer');
const PRELOAD = path.resolve(here, '../preload/preload.cjs');
const LOCAL_KIOSK_NAME = '本机访客屏 · This PC’s visitor screen';

// Before ready: the scheme, the per-user folder (the same one web mode uses), local crash dumps, the log.
registerRendererScheme();
const mode = shellMode(process.env, app.isPackaged);
app.setPath('userData', userDir());
app.setPath('crashDumps', path.join(userDir(), 'crash-dumps'));
crashReporter.start({ uploadToServer: false });
const preferences = openPreferences(userDir());
const log = openAppLog({ dir: logDir(), console: !app.isPackaged, base: { mode: 'desktop', version: APP_VERSION } });
const logger = log.logger;
installProcessGuards({ logger, fatal: () => undefined }); // logged; the shell keeps the screens up
for (const problem of preferences.problems) logger.warn('device preferences recovered', { problem });
if (mode.ignored.length > 0) logger.warn('development overrides ignored', { ignored: mode.ignored });

const allowedOrigins = [APP_ORIGIN, ...(mode.rendererUrl ? [new URL(mode.rendererUrl).origin] : [])];
const screenUrl = (route: Route): string => {
  const lang = preferences.get().language === 'en' ? '?lang=en' : '';
  return `${mode.rendererUrl ?? `${APP_ORIGIN}/index.html`}${lang}#/${route}`;
};

let core: Core | null = null;
let ipc: IpcBinding | null = null;
let ringHotkey: RingHotkey | null = null;
let lock: DataDirLock | null = null;
let updates: UpdateChecker | null = null;
let data: DataDirChoice | null = null;
let hardware: HardwareHub | null = null;
let secrets: DesktopSecretStore | null = null;
const server = new LanServer({ core: () => core, rendererDir: RENDERER_DIR, preferences, logger });
const windows = new WindowManager({
  mode,
  preload: PRELOAD,
  allowedOrigins,
  screenUrl,
  language: () => preferences.get().language,
  preferences: () => preferences.get(),
  ipc: () => ipc,
  logger,
});

function dataDirFlag(): string | undefined {
  const { values } = parseArgs({ args: process.argv.slice(1), options: { 'data-dir': { type: 'string' } }, strict: false, allowPositionals: true });
  return typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined;
}

/** Closes the desk: what must happen before the process ends is synchronous (the core, the lock). */
function closeDesk(): Promise<void> {
  updates?.stop();
  ringHotkey?.dispose();
  ipc?.dispose();
  if (core && !core.isClosed) core.close();
  lock?.release();
  updates = null;
  ringHotkey = null;
  ipc = null;
  core = null;
  lock = null;
  const devices = hardware?.stop();
  hardware = null;
  return Promise.all([server.close(), devices]).then(() => undefined);
}

async function openDesk(): Promise<void> {
  data = chooseDataDir(dataDirFlag(), preferences.get().dataLocation);
  migrateEarlierData(data, logger, Date.now());
  lock = acquireDataDirLock(data.dir, { mode: 'desktop', version: APP_VERSION, startedAt: Date.now() });
  if (lock.tookOver) logger.warn('took over the lock of a desk that did not stop cleanly', { pid: lock.tookOver.pid, mode: lock.tookOver.mode });
  const dataDir = data.dir;
  updates = new UpdateChecker({
    current: APP_VERSION,
    db: () => core!.db,
    clock: systemClock,
    logger,
    ...(app.isPackaged ? { installer: electronInstaller({ logger, beforeInstall: () => windows.releaseForQuit() }) } : {}),
  });
  // The installation key, OS-protected (X-6): opened before the core (safeStorage is asynchronous); the same store
  // is the one a restore checks the backup's recorded key against and the one the core refuses a database without.
  const keyStore = await openSafeStorageSecretStore(dataDir, safeStorage);
  secrets = keyStore;
  const installation = createInstallationHost({
    shell: desktopShellSide({
      windows,
      server,
      crashDumps: app.getPath('crashDumps'),
      logger,
      shutdown: () => closeDesk().then(() => log.flush()),
      restore: async (file) => {
        const result = await restoreBackup({ dataDir, from: file, now: Date.now(), latestSchemaVersion: LATEST_SCHEMA_VERSION, secrets: keyStore });
        logger.info('backup restored', { from: path.basename(result.restored), previous: result.previous ? path.basename(result.previous) : null });
      },
    }),
    preferences,
    data,
    log,
    updates,
  });
  core = Core.open({ dataDir, version: APP_VERSION, logger, host: { ...electronHostServices(), ...keyExportService(keyStore, dialog), installation }, secrets: keyStore });
  core.start();
  // Telephony, card reader, serial scanner (P-6, H-1): optional devices configured at Admin → Devices.
  void startHardware(core).then((hub) => (hardware = hub));
  const opened = core;
  const localKiosk = () => {
    const device = ensureLocalKiosk(opened, preferences.get().localKioskDeviceId, LOCAL_KIOSK_NAME);
    if (device && device.id !== preferences.get().localKioskDeviceId) preferences.set({ localKioskDeviceId: device.id });
    return device;
  };
  localKiosk();
  ipc = bindIpc({ core, ipcMain, allowedOrigins, localKioskDevice: localKiosk });
  const openedIpc = ipc;
  // The phone rings while the lobby may not have focus: a global hotkey reaches it anyway (P-1).
  ringHotkey = bindRingHotkey({ core, shortcuts: globalShortcut, forward: (accelerator) => openedIpc.emit('calls.hotkeyPressed', { accelerator }) });
  updates.start();
  logger.info('desk started', { mode: 'desktop', dataDir, packaged: app.isPackaged, kiosk: mode.kiosk });
}

async function start(): Promise<void> {
  applyKiosk(app);
  hardenSession(session.defaultSession, allowedOrigins, logger, (contents) => windows.routeOf(contents));
  serveRenderer(RENDERER_DIR);
  applyAutoStart(autoStartPlan(preferences.get().autoStart, autoStartContext(app.isPackaged)), (settings) => app.setLoginItemSettings(settings));
  try {
    await openDesk();
  } catch (error) {
    await closeDesk();
    const outcome = await showStartupFailure({ error, lang: preferences.get().language, dataDir: data?.dir ?? null, logDir: log.dir, logger, secrets: secrets ?? undefined });
    await log.flush();
    if (outcome === 'relaunch') app.relaunch();
    app.exit(outcome === 'relaunch' ? 0 : 1);
    return;
  }
  await server.restart();
  windows.arrange();
  windows.watchDisplays();
}

if (!claimSingleInstance(app, () => windows.focusLobby())) {
  app.quit();
} else {
  app.on('window-all-closed', () => {
    // In kiosk mode the window manager brings screens back; in development closing them ends the app.
    if (!mode.kiosk) app.quit();
  });
  app.on('before-quit', () => {
    windows.releaseForQuit();
    void closeDesk().then(() => log.close());
  });
  app.whenReady().then(start, (error: unknown) => {
    logger.error('the shell did not get ready', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    app.exit(1);
  });
}
