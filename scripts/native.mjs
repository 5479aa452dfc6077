// Makes sure better-sqlite3 is built for the runtime about to use it: `node` (tests, npm run web) or
// `electron` (npm start). A stamp file avoids needless rebuilds; the Node build is verified by loading it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = path.join(root, 'node_modules', '.lobby-desk-native-target');
const target = process.argv[2];
if (target !== 'node' && target !== 'electron') {
  console.error('usage: node scripts/native.mjs node|electron');
  process.exit(2);
}

const readStamp = () => (fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8').trim() : '');
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });

function loadsUnderNode() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { cwd: root, encoding: 'utf8' });
  return probe.status === 0;
}

if (target === 'node') {
  const wanted = `node-${process.versions.modules}`;
  if (readStamp() === wanted && loadsUnderNode()) process.exit(0);
  if (!loadsUnderNode()) {
    console.log('better-sqlite3: building for Node …');
    const result = run('npm', ['rebuild', 'better-sqlite3']);
    if (result.status !== 0 || !loadsUnderNode()) {
      console.error('better-sqlite3 could not be built for Node (needs python3, make and a C++ compiler).');
      process.exit(1);
    }
  }
  fs.writeFileSync(stampFile, wanted);
} else {
  const { findElectronRuntime } = await import('./electron-runtime.mjs');
  const { checkNativeAbi, electronBuildEnv } = await import('./native-abi.mjs');
  const runtime = findElectronRuntime();
  const wanted = `electron-${runtime.version}`;
  const binary = path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  const fits = () => fs.existsSync(binary) && checkNativeAbi(binary, 'electron', runtime.version).ok;
  if (readStamp() === wanted && fits()) process.exit(0);
  console.log(`better-sqlite3: building for Electron ${runtime.version} (Electron's headers) …`);
  // install-app-deps runs @electron/rebuild: node-gyp with --runtime=electron --target=<version> and Electron's
  // header URL. Without npm's nodedir in the environment, so the machine's Node headers are never used.
  const result = spawnSync('npx', ['electron-builder', 'install-app-deps'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32', env: electronBuildEnv() });
  if (result.status !== 0) process.exit(result.status ?? 1);
  if (!fits()) {
    const check = checkNativeAbi(binary, 'electron', runtime.version);
    console.error(`better-sqlite3 was built for ABI ${check.abi}, but ${check.runtime} needs ${check.expected} (Node's headers were used?).`);
    process.exit(1);
  }
  fs.writeFileSync(stampFile, wanted);
}
