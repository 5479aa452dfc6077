// `npm run dist`: builds, then packages with electron-builder, which rebuilds better-sqlite3 for Electron
// (npmRebuild) in an environment without npm's `nodedir`, so node-gyp uses Electron's headers (downloaded from
// electronjs.org/headers) and never the machine's Node headers; the afterPack hook refuses a package whose .node
// has the wrong ABI. Arguments go to electron-builder (e.g. `-- --win`, `-- --config electron-builder.test.yml`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBuildEnv } from './native-abi.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), 'all'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const args = process.argv.slice(2);
const config = args.includes('--config') ? [] : ['--config', 'electron-builder.yml'];
const result = spawnSync('npx', ['electron-builder', ...config, '--publish', 'never', ...args], {
  cwd: root,
  stdio: 'inherit',
  env: electronBuildEnv(),
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
