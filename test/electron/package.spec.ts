// The packaged app itself: electron-builder --dir with the real Electron runtime and the test build's fuses,
// then started as a lobby PC would start it. Checks what the package test (test/contract/package.test.ts) cannot
// without a runtime: better-sqlite3 in the package was built for this Electron's ABI and loads, the lobby opens, and
// in kiosk mode a screen cannot be closed. Runs only where the Electron runtime is installed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test, expect, _electron as electron, type ElectronApplication } from '@playwright/test';
import { findElectronRuntime } from '../../scripts/electron-runtime.mjs';
import { nativeAbiOf, electronBuildEnv } from '../../scripts/native-abi.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runtime = findElectronRuntime();
if (!runtime.path) console.log(`[electron package spec skipped] Electron runtime not available: ${runtime.reason}`);

test.describe('packaged desktop app', () => {
  // A reason a reader can check: node_modules/electron/dist holds no executable where the runtime was never downloaded.
  test.skip(!runtime.path, `Electron runtime not available on this machine: ${runtime.reason}`);
  test.describe.configure({ mode: 'serial' });
  test.setTimeout(600_000);

  let out: string;
  let executable: string;
  let app: ElectronApplication;

  test.beforeAll(() => {
    // Built for Electron with Electron's headers (native.mjs strips npm's nodedir and checks the ABI it got).
    expect(spawnSync(process.execPath, [path.join(root, 'scripts/native.mjs'), 'electron'], { cwd: root, stdio: 'inherit' }).status).toBe(0);
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'lobby-desk-packaged-'));
    const built = spawnSync(
      'npx',
      ['electron-builder', '--config', 'electron-builder.test.yml', '--dir', '--publish', 'never', `-c.electronDist=${path.dirname(runtime.path!)}`, '-c.npmRebuild=false', `-c.directories.output=${out}`],
      { cwd: root, stdio: 'inherit', env: electronBuildEnv(), shell: process.platform === 'win32' },
    );
    expect(built.status).toBe(0);
    const unpacked = fs.readdirSync(out).find((d) => d.endsWith('-unpacked'))!;
    executable = path.join(out, unpacked, process.platform === 'win32' ? 'Lobby Desk.exe' : 'lobby-desk');
  });

  test.afterAll(() => {
    spawnSync(process.execPath, [path.join(root, 'scripts/native.mjs'), 'node'], { cwd: root, stdio: 'inherit' });
  });

  test.afterEach(async () => {
    await app?.close();
  });

  test('X-5 the packaged better-sqlite3 has this Electron’s ABI, loads, and the lobby opens', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lobby-desk-packaged-data-'));
    app = await electron.launch({ executablePath: executable, env: { ...process.env, LOBBY_DESK_DATA_DIR: dataDir, LOBBY_DESK_USER_DIR: `${dataDir}-user` } });
    const page = await app.firstWindow();
    await expect(page.getByTestId('setup-screen')).toBeVisible();
    const modules = await app.evaluate(() => Number(process.versions.modules));
    const unpacked = fs.readdirSync(out).find((d) => d.endsWith('-unpacked'))!;
    const node = path.join(out, unpacked, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    expect(nativeAbiOf(node)).toBe(modules);
    expect(fs.existsSync(path.join(dataDir, 'lobby-desk.sqlite'))).toBe(true);
  });

  test('X-5 in the packaged (kiosk) app a screen cannot be closed', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lobby-desk-packaged-data-'));
    app = await electron.launch({ executablePath: executable, env: { ...process.env, LOBBY_DESK_DATA_DIR: dataDir, LOBBY_DESK_USER_DIR: `${dataDir}-user` } });
    const page = await app.firstWindow();
    await expect(page.getByTestId('setup-screen')).toBeVisible();
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
    await page.waitForTimeout(1000);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().filter((w) => !w.isDestroyed()).length)).toBeGreaterThan(0);
  });
});
