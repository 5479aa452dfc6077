// The desktop app itself, driven by Playwright's Electron support. Runs only where the Electron runtime is
// installed; elsewhere every test here is skipped and the reason is printed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test, expect, _electron as electron, type ElectronApplication } from '@playwright/test';
import { findElectronRuntime } from '../../scripts/electron-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runtime = findElectronRuntime();
if (!runtime.path) console.log(`[electron specs skipped] Electron runtime not available: ${runtime.reason}`);

test.describe('desktop app', () => {
  // A reason a reader can check: node_modules/electron/dist holds no executable where the runtime was never downloaded.
  test.skip(!runtime.path, `Electron runtime not available on this machine: ${runtime.reason}`);
  test.describe.configure({ mode: 'serial' });

  let app: ElectronApplication;
  let dataDir: string;

  test.beforeAll(() => {
    // better-sqlite3 must be built for Electron's ABI for the app, and for Node again afterwards.
    const built = spawnSync(process.execPath, [path.join(root, 'scripts/native.mjs'), 'electron'], { cwd: root, stdio: 'inherit' });
    expect(built.status).toBe(0);
  });

  test.afterAll(() => {
    spawnSync(process.execPath, [path.join(root, 'scripts/native.mjs'), 'node'], { cwd: root, stdio: 'inherit' });
  });

  test.beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lobby-desk-electron-'));
    app = await electron.launch({
      executablePath: runtime.path!,
      args: [root],
      cwd: root,
      env: { ...process.env, LOBBY_DESK_DATA_DIR: dataDir, LOBBY_DESK_USER_DIR: `${dataDir}-user` },
    });
  });

  test.afterEach(async () => {
    await app?.close();
  });

  test('X-5 the lobby opens in a sandboxed, context-isolated window that exposes only invoke and subscribe', async () => {
    const page = await app.firstWindow();
    await expect(page.getByTestId('setup-screen')).toBeVisible();
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents;
      const prefs = (contents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
      return { contextIsolation: prefs.contextIsolation, sandbox: prefs.sandbox, nodeIntegration: prefs.nodeIntegration, url: contents.getURL() };
    });
    expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(preferences.url).toMatch(/^lobby-desk:\/\/app\/index\.html#\/(lobby|setup)/);
    const exposed = await page.evaluate(() => ({
      keys: Object.keys((globalThis as unknown as { lobbyDesk: object }).lobbyDesk).sort(),
      hasRequire: typeof (globalThis as { require?: unknown }).require !== 'undefined',
      hasProcess: typeof (globalThis as { process?: unknown }).process !== 'undefined',
    }));
    expect(exposed).toEqual({ keys: ['invoke', 'screen', 'subscribe'], hasRequire: false, hasProcess: false });
  });

  test('X-5 the renderer cannot navigate away or open windows', async () => {
    const page = await app.firstWindow();
    await expect(page.getByTestId('setup-screen')).toBeVisible();
    await page.evaluate(() => {
      window.open('https://example.com');
      location.href = 'https://example.com';
    });
    await page.waitForTimeout(500);
    expect(app.windows()).toHaveLength(1);
    expect(page.url()).toMatch(/^lobby-desk:\/\/app\//);
  });

  test('X-1 first-run setup and sign-in work over IPC', async () => {
    const page = await app.firstWindow();
    await page.getByTestId('setup-name').fill('华信大厦');
    await page.getByTestId('setup-post-name').fill('华信大厦前台');
    await page.getByTestId('setup-admin-name').fill('王管理');
    await page.getByTestId('setup-pin').fill('2468');
    await page.getByTestId('setup-pin-again').fill('2468');
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('person-王管理').click();
    await page.getByTestId('pin-input').fill('2468');
    await page.getByTestId('pin-input').press('Enter');
    await expect(page.getByTestId('current-user')).toContainText('王管理');
  });
});

test.describe('desktop app: keeping the screens up', () => {
  test.skip(!runtime.path, `Electron runtime not available on this machine: ${runtime.reason}`);
  test.describe.configure({ mode: 'serial' });

  let newerDataDir: string;

  test.beforeAll(() => {
    // A database "from a newer version", written under Node before the module is rebuilt for Electron.
    newerDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lobby-desk-electron-newer-'));
    spawnSync(process.execPath, [path.join(root, 'scripts/native.mjs'), 'node'], { cwd: root, stdio: 'inherit' });
    const made = spawnSync(process.execPath, ['-e', `const D = require('better-sqlite3'); const db = new D(process.argv[1]); db.pragma('user_version = 9999'); db.close();`, path.join(newerDataDir, 'lobby-desk.sqlite')], { cwd: root });
    expect(made.status).toBe(0);
    const built = spawnSync(process.execPath, [path.join(root, 'scripts/native.mjs'), 'electron'], { cwd: root, stdio: 'inherit' });
    expect(built.status).toBe(0);
  });

  test.afterAll(() => {
    spawnSync(process.execPath, [path.join(root, 'scripts/native.mjs'), 'node'], { cwd: root, stdio: 'inherit' });
  });

  test('X-5 a crashed lobby renderer is reloaded by itself', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lobby-desk-electron-'));
    const app = await electron.launch({ executablePath: runtime.path!, args: [root], cwd: root, env: { ...process.env, LOBBY_DESK_DATA_DIR: dataDir, LOBBY_DESK_USER_DIR: `${dataDir}-user` } });
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('setup-screen')).toBeVisible();
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.forcefullyCrashRenderer());
      await expect(async () => {
        const url = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.getURL());
        expect(url).toMatch(/^lobby-desk:\/\/app\/index\.html#\/(lobby|setup)/);
        expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.isCrashed())).toBe(false);
      }).toPass({ timeout: 20_000 });
      const log = fs.readFileSync(path.join(`${dataDir}-user`, 'logs', 'lobby-desk.log'), 'utf8');
      expect(log).toContain('a screen’s renderer is gone');
    } finally {
      await app.close();
    }
  });

  test('X-5 a database from a newer version opens no lobby: the failure is logged, the data folder’s lock released', async () => {
    const dataDir = newerDataDir;
    const app = await electron.launch({ executablePath: runtime.path!, args: [root], cwd: root, env: { ...process.env, LOBBY_DESK_DATA_DIR: dataDir, LOBBY_DESK_USER_DIR: `${dataDir}-user` } });
    try {
      await expect(async () => {
        const log = fs.readFileSync(path.join(`${dataDir}-user`, 'logs', 'lobby-desk.log'), 'utf8');
        expect(log).toContain('desk did not start');
        expect(log).toContain('tooNew');
      }).toPass({ timeout: 20_000 });
      expect(app.windows()).toHaveLength(0); // the message box is native, no lobby window opened
      expect(fs.existsSync(path.join(dataDir, 'lobby-desk.lock'))).toBe(false);
    } finally {
      await app.close();
    }
  });
});
