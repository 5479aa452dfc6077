// Where the Electron runtime is, if it is installed (the npm package fetches it separately, on first run).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Path of the Electron executable, or null with the reason it is missing. */
export function findElectronRuntime() {
  let packageDir;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron package is not installed (run npm ci)' };
  }
  const version = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version;
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, executable ?? 'electron');
    return fs.existsSync(candidate) ? { path: candidate, version, reason: null } : { path: null, version, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${candidate}` };
  }
  const installed = path.join(packageDir, 'dist', 'version');
  if (!executable || !fs.existsSync(installed) || fs.readFileSync(installed, 'utf8').replace(/^v/, '').trim() !== version) {
    return { path: null, version, reason: `the Electron ${version} runtime has not been downloaded (it comes from GitHub releases on first run)` };
  }
  return { path: path.join(packageDir, 'dist', executable), version, reason: null };
}

export function electronPackageDir() {
  return path.dirname(require.resolve('electron/package.json'));
}
