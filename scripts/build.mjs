// Builds what runs: main (Node/Electron, ESM), the preload (one CommonJS file, as a sandboxed preload must be)
// and the renderer (Vite). Skips the renderer when nothing it is built from changed since the last build.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { buildWorkers } from './workers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const what = process.argv[2] ?? 'all';
const force = process.argv.includes('--force');

const define = { 'process.env.LOBBY_DESK_VERSION': JSON.stringify(pkg.version) };

async function buildMain() {
  await esbuild({
    absWorkingDir: root,
    entryPoints: { cli: 'main/cli.ts', 'electron-main': 'main/app/electron-main.ts' },
    outdir: 'dist/main',
    bundle: true,
    packages: 'external',
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: true,
    define,
    logLevel: 'warning',
  });
  await buildWorkers();
  await esbuild({
    absWorkingDir: root,
    entryPoints: ['main/preload.ts'],
    outfile: 'dist/preload/preload.cjs',
    bundle: true,
    external: ['electron'],
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

function newestMtime(entries) {
  let newest = 0;
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(p)) if (child !== 'node_modules') walk(path.join(p, child));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const e of entries) walk(path.join(root, e));
  return newest;
}

async function buildRenderer() {
  const stamp = path.join(root, 'dist/renderer/.build-stamp');
  const inputs = newestMtime(['renderer', 'shared', 'package-lock.json']);
  if (!force && fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= inputs) {
    console.log('renderer: up to date');
    return;
  }
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
  fs.writeFileSync(stamp, new Date().toISOString());
}

const started = Date.now();
if (what === 'all' || what === 'main') await buildMain();
if (what === 'all' || what === 'renderer') await buildRenderer();
console.log(`build ${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
