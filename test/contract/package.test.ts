// The package is right: electron-builder.yml packaged with `--dir` against a placeholder Electron folder (the
// runtime cannot be downloaded here; a file carrying Electron's fuse sentinel lets the fuses be flipped and read
// back) and app.asar inspected — main, preload and renderer inside, package.json's main resolving, better-sqlite3's
// .node unpacked, no tests, sources, maps or dev-only packages, the hardened fuses, the update feed file, the
// afterPack ABI check run. The packaged core and server are then started from the extracted package under Node.
// What cannot be checked here: that the packaged app starts in Electron (the runtime is absent; the
// electron spec test/electron/package.spec.ts does it where it exists) and the NSIS/AppImage/deb targets, which
// download their tools from GitHub.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import asar from '@electron/asar';
import { getCurrentFuseWire, FuseV1Options } from '@electron/fuses';
import { tempDir } from '../support/core';
import { checkNativeAbi, electronBuildEnv, electronVersion } from '../../scripts/native-abi.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const require = createRequire(import.meta.url);
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const DISABLE = 0x30;
const ENABLE = 0x31;

let out: string;
let resources: string;
let archive: string;
let files: string[];
let build: { status: number | null; output: string };

/** An "Electron" that is only a file with the fuse wire (version 1, 8 fuses, all enabled) where the real binary has it. */
function placeholderElectron(): string {
  const dir = tempDir('lobby-desk-electron-dist-');
  const wire = Buffer.concat([Buffer.from('#!/bin/sh\necho "placeholder, not Electron"\nexit 1\n# '), Buffer.from(FUSE_SENTINEL), Buffer.from([1, 8]), Buffer.alloc(8, ENABLE), Buffer.from('\n')]);
  fs.writeFileSync(path.join(dir, 'electron'), wire, { mode: 0o755 });
  return dir;
}

beforeAll(() => {
  for (const built of ['dist/main/electron-main.js', 'dist/main/cli.js', 'dist/preload/preload.cjs', 'dist/renderer/index.html']) {
    if (!fs.existsSync(path.join(root, built))) throw new Error(`${built} is missing: run npm run build first (npm test does)`);
  }
  out = tempDir('lobby-desk-package-');
  // Offline: no rebuild (npmRebuild false: it would fetch Electron's headers), the Electron folder given, no
  // publishing, the dir target only (no installer tools). Everything else is electron-builder.yml as it ships.
  const result = spawnSync(
    'npx',
    ['electron-builder', '--config', 'electron-builder.yml', '--linux', 'dir', '--publish', 'never', `-c.electronDist=${placeholderElectron()}`, '-c.npmRebuild=false', `-c.directories.output=${out}`],
    { cwd: root, encoding: 'utf8', env: { ...electronBuildEnv(), LOBBY_DESK_EXPECT_NATIVE: 'node', CSC_IDENTITY_AUTO_DISCOVERY: 'false' }, timeout: 240_000 },
  );
  build = { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  resources = path.join(out, 'linux-unpacked', 'resources');
  archive = path.join(resources, 'app.asar');
  files = fs.existsSync(archive) ? asar.listPackage(archive, { isPack: false }).map((f) => f.replace(/\\/g, '/')) : [];
}, 300_000);

let web: ReturnType<typeof spawn> | null = null;
afterAll(() => {
  web?.kill('SIGKILL');
});

describe('the package', () => {
  it('X-5 electron-builder --dir packages electron-builder.yml offline, with the afterPack check', () => {
    expect(build.status, build.output.slice(-3000)).toBe(0);
    expect(build.output).not.toMatch(/downloading/i);
    expect(fs.existsSync(archive)).toBe(true);
  });

  it('X-5 app.asar holds the built main, preload and renderer, and package.json’s main resolves inside it', () => {
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { main: string; devDependencies?: unknown; scripts?: unknown };
    expect(pkg.main).toBe('dist/main/electron-main.js');
    for (const file of [pkg.main, 'dist/main/cli.js', 'dist/preload/preload.cjs', 'dist/renderer/index.html']) expect(files, file).toContain(`/${file}`);
    expect(files.some((f) => /^\/dist\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
    // The preload the main process loads is the one packaged beside it.
    expect(asar.extractFile(archive, pkg.main).toString('utf8')).toContain('../preload/preload.cjs');
  });

  it('X-5 better-sqlite3’s .node file is unpacked beside the archive, and only native files need to be', () => {
    const node = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect((asar.statFile(archive, node) as { unpacked?: boolean }).unpacked).toBe(true);
    expect(fs.existsSync(path.join(resources, 'app.asar.unpacked', node))).toBe(true);
    const unpackedBytes = spawnSync('du', ['-sk', path.join(resources, 'app.asar.unpacked')], { encoding: 'utf8' }).stdout.split('\t')[0];
    expect(Number(unpackedBytes)).toBeLessThan(8 * 1024); // the .node and its package, not SQLite's sources (≈ 20 MB)
  });

  it('X-5 no tests, sources, source maps, build leftovers or dev-only packages are shipped', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    // A package is dev-only when every copy of it in package-lock.json is marked dev (electron-builder lays the
    // production tree out afresh, so names are compared, not places in the tree).
    const nameOf = (key: string) => key.replace(/^.*node_modules\//, '');
    const prodNames = new Set(Object.entries(lock.packages).filter(([key, p]) => key !== '' && !p.dev).map(([key]) => nameOf(key)));
    const devOnly = new Set(Object.entries(lock.packages).filter(([key, p]) => p.dev && !prodNames.has(nameOf(key))).map(([key]) => nameOf(key)));
    const shippedPackages = new Set(files.map((f) => /^\/(?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1]).filter((x): x is string => Boolean(x)));
    expect(devOnly.size).toBeGreaterThan(100);
    expect([...shippedPackages].filter((name) => devOnly.has(name))).toEqual([]);
    for (const renderOnly of ['antd', '@ant-design/icons', 'react', 'react-dom', 'react-router', 'react-i18next', 'zustand', 'electron', 'electron-builder', 'vite', 'vitest', 'typescript']) {
      expect(shippedPackages.has(renderOnly), renderOnly).toBe(false);
    }
    for (const needed of ['better-sqlite3', 'fastify', 'zod', 'pino', 'rotating-file-stream', 'conf', 'electron-updater', 'i18next', 'exceljs']) expect(shippedPackages.has(needed), needed).toBe(true);
    const own = files.filter((f) => !f.startsWith('/node_modules/'));
    expect(own.filter((f) => /\.(map|ts|tsx)$/.test(f))).toEqual([]);
    expect(own.filter((f) => /^\/(main|renderer|shared|test|scripts|docs|build|release)\//.test(f))).toEqual([]);
    expect(own.filter((f) => f.endsWith('.build-stamp'))).toEqual([]);
    expect(files.filter((f) => /\.map$/.test(f))).toEqual([]);
    expect(files.filter((f) => /better-sqlite3\/(deps|src)\//.test(f) || /sqlite3\.(c|a)$/.test(f) || f.endsWith('test_extension.node'))).toEqual([]);
  });

  it('X-5 the hardened fuses are set on the packaged binary: no run-as-node, no NODE_OPTIONS, no inspector, the app only from its checked asar', async () => {
    const wire = (await getCurrentFuseWire(path.join(out, 'linux-unpacked', 'lobby-desk'))) as unknown as Record<number, number>;
    expect(wire[FuseV1Options.RunAsNode]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(DISABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ENABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ENABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(DISABLE);
  });

  it('X-5 electron-updater finds the generic feed configuration in the package', () => {
    const updateConfig = fs.readFileSync(path.join(resources, 'app-update.yml'), 'utf8');
    expect(updateConfig).toMatch(/provider: generic/);
    expect(updateConfig).toMatch(/url: https:\/\/updates\.invalid\/lobby-desk\//);
  });

  it('X-5 the afterPack hook read the packaged module’s ABI; a Node build would be refused for Electron', () => {
    const report = JSON.parse(fs.readFileSync(path.join(out, 'native-abi.json'), 'utf8')) as {
      electron: string;
      results: Array<{ file: string; abi: number; ok: boolean }>;
      napi: string[];
    };
    expect(report.electron).toBe(electronVersion());
    // serialport's N-API prebuilds load in any runtime: listed apart, only the shipped targets' (no macOS, no ARM).
    expect(report.napi.length).toBeGreaterThan(0);
    expect(report.napi.every((f) => /prebuilds\/(linux-x64|win32-x64)\//.test(f.split(path.sep).join('/')))).toBe(true);
    expect(report.results).toEqual([expect.objectContaining({ file: 'resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node', abi: Number(process.versions.modules), ok: true })]);
    // This machine builds native modules for Node (tests need it): packaged for real, the hook refuses it.
    const forElectron = checkNativeAbi(path.join(resources, 'app.asar.unpacked', 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), 'electron', electronVersion());
    expect(forElectron.ok).toBe(false);
    expect(forElectron.expected).toBe(Number(require('node-abi').getAbi(electronVersion(), 'electron')));
  });

  it('X-5 every package the built main imports is in the package, and the packaged core and server run from it', async () => {
    const extracted = tempDir('lobby-desk-extracted-');
    asar.extractAll(archive, extracted);
    fs.cpSync(path.join(resources, 'app.asar.unpacked'), extracted, { recursive: true });
    const resolveFrom = createRequire(path.join(extracted, 'dist/main/electron-main.js'));
    for (const entry of ['dist/main/electron-main.js', 'dist/main/cli.js']) {
      const code = fs.readFileSync(path.join(extracted, entry), 'utf8');
      const imports = new Set([...code.matchAll(/^import\s[^'"]*?["']([^'"./][^'"]*)["']/gm)].map((m) => m[1]!).filter((m) => !m.startsWith('node:') && m !== 'electron'));
      expect(imports.size).toBeGreaterThan(5);
      for (const specifier of imports) expect(() => resolveFrom.resolve(specifier), `${entry} imports ${specifier}`).not.toThrow();
    }
    const dataDir = tempDir('lobby-desk-packaged-data-');
    web = spawn(process.execPath, [path.join(extracted, 'dist/main/cli.js'), 'web', '--port', '0', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LOBBY_DESK_USER_DIR: `${dataDir}-user`, LOBBY_DESK_OPEN_BROWSER: '0' },
    });
    let output = '';
    web.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    web.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the packaged desk did not serve:\n${output}`)), 30_000);
      web!.stdout!.on('data', () => {
        const match = /Lobby screen:\s+(http:\/\/\S+?)\/#\/lobby/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      web!.once('exit', (code) => reject(new Error(`the packaged desk exited with ${code}:\n${output}`)));
    });
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  }, 60_000);
});
