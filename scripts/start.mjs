// `npm start` always opens the desk. Where the Electron runtime is installed (or can be fetched), it builds, makes
// the native module fit Electron and launches the desktop app. Where it is not, it says why in one line and starts
// the same desk in web mode — the core and the server in Node, the lobby opened in the system's browser — so the
// README's first command does the main job on any machine. Arguments after `--` go to either (`--data-dir DIR`,
// and in web mode `--port N`, `--host H`).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronRuntime, electronPackageDir } from './electron-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function run(script, scriptArgs) {
  const result = spawnSync(process.execPath, [path.join(root, script), ...scriptArgs], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

let runtime = findElectronRuntime();
if (!runtime.path && runtime.version && !process.env.ELECTRON_OVERRIDE_DIST_PATH && process.env.LOBBY_DESK_NO_ELECTRON !== '1') {
  // Electron fetches its runtime on first run; try once, quietly (it fails fast without network access).
  spawnSync(process.execPath, [path.join(electronPackageDir(), 'install.js')], { stdio: 'ignore', timeout: 300_000 });
  runtime = findElectronRuntime();
}
if (process.env.LOBBY_DESK_NO_ELECTRON === '1') runtime = { path: null, version: runtime.version, reason: 'LOBBY_DESK_NO_ELECTRON=1 is set' };

if (!runtime.path) {
  console.log(`Lobby Desk: not the desktop window, because ${runtime.reason}; starting the same desk in web mode (the screens open in a browser).`);
  run('scripts/native.mjs', ['node']);
  run('scripts/build.mjs', ['all']);
  const web = spawn(process.execPath, [path.join(root, 'dist/main/cli.js'), 'web', '--open', ...args], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => web.kill(signal));
  web.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  run('scripts/build.mjs', ['all']);
  run('scripts/native.mjs', ['electron']);
  const child = spawn(runtime.path, ['.', ...args], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
