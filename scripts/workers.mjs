// Builds the worker threads' entries (dist/main/workers/<name>.js) — used by build.mjs and before the unit tests,
// which run the core from its sources but start its workers from built files (Node runs JavaScript in a worker).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const WORKER_ENTRIES = {
  'workers/sheet': 'main/core/import/sheet.worker.ts',
  'workers/backup': 'main/core/backup/backup.worker.ts',
  'workers/verify': 'main/core/audit/verify.worker.ts',
};

export async function buildWorkers() {
  await build({
    absWorkingDir: root,
    entryPoints: WORKER_ENTRIES,
    outdir: 'dist/main',
    bundle: true,
    packages: 'external',
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: true,
    logLevel: 'warning',
  });
}
