// `npm start`: build, make the native module fit Electron, launch the desktop app. Where the Electron runtime
// is missing and cannot be fetched, says so in one line (the browser screens still work: npm run web).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronRuntime, electronPackageDir } from './electron-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let runtime = findElectronRuntime();
if (!runtime.path && runtime.version) {
  // Electron fetches its runtime on first run; try once, quietly.
  spawnSync(process.execPath, [path.join(electronPackageDir(), 'install.js')], { stdio: 'ignore', timeout: 300_000 });
  runtime = findElectronRuntime();
}
if (!runtime.path) {
  console.error(`Lobby Desk cannot start the desktop app: ${runtime.reason}. Use \`npm run web\` for the browser screens.`);
  process.exit(1);
}

for (const [script, args] of [
  ['scripts/build.mjs', ['all']],
  ['scripts/native.mjs', ['electron']],
]) {
  const result = spawnSync(process.execPath, [path.join(root, script), ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const child = spawn(runtime.path, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
