// The layering rules of docs/architecture.md as an ESLint rule (in the spirit of VS Code's code-layering and
// code-import-patterns): which folder may import which, which packages only one module may use, and that a
// feature reaches another feature only through its public face (its index.ts).
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/** main/core folders that are the core's own machinery, not features: any file may use them. */
export const CORE_INFRASTRUCTURE = ['store', 'audit', 'keyring', 'workers', 'import'];

/** [importing folder, folders it must not import, why]. First match of the importer's path prefix wins. */
export const LAYERS = [
  ['main/core/', ['main/app/', 'main/server/', 'main/ipc/', 'main/web/', 'main/host/', 'main/cli', 'main/preload', 'renderer/'], 'the core knows no shell, transport or host'],
  ['main/server/', ['main/app/', 'main/ipc/', 'main/web/', 'main/host/', 'renderer/'], 'the HTTP binding knows only the core'],
  ['main/ipc/', ['main/app/', 'main/server/', 'main/web/', 'renderer/'], 'the IPC binding knows only the core'],
  ['main/host/', ['main/app/', 'main/web/', 'renderer/'], 'the host services both shells share know no shell'],
  ['shared/', ['main/', 'renderer/'], 'shared code is imported by both sides and imports neither'],
  ['renderer/src/ui/', ['renderer/src/features/', 'renderer/src/app/', 'main/'], 'ui is below the features: it knows none of them'],
  ['renderer/src/api/', ['renderer/src/features/', 'renderer/src/app/', 'renderer/src/ui/', 'main/'], 'the client is below everything on screen'],
  ['renderer/src/i18n/', ['renderer/src/features/', 'renderer/src/app/', 'renderer/src/ui/', 'main/'], 'i18n setup knows no feature (the catalogue list is in app/)'],
  ['renderer/src/features/', ['renderer/src/app/', 'main/'], 'features are below the app (its shell, routes and registry)'],
  ['renderer/', ['main/'], 'the renderer reaches main only through the contract and the client'],
];

/**
 * The core's machinery sits below the features and imports none of them, with these exceptions a reader can
 * check: the trail's check of signed content uses the incident and handover features' own hash functions, and
 * a shipped migration keeps the code it ran with.
 */
export const INFRASTRUCTURE_MAY_IMPORT = {
  'main/core/audit/verify-content': ['incidents', 'handover'],
  'main/core/store/migrations/0009-watch-list-keyed': ['visitors'],
};

/** Bare module → the only files that may import it. */
export const ONLY_IN = {
  electron: { files: ['main/app/', 'main/ipc/', 'main/preload.ts'], why: 'Electron stays in the shell (main/app, main/ipc, main/preload.ts)' },
  ulid: { files: ['main/core/ids.ts'], why: 'every id comes from main/core/ids.ts' },
};

function isFolder(projectPath) {
  try {
    return fs.statSync(path.join(ROOT, projectPath)).isDirectory();
  } catch {
    return false;
  }
}

function stripExt(p) {
  return p.replace(/\.(c|m)?(t|j)sx?$/, '');
}

/** Returns a message when `from` (project-relative) must not import `spec`, else null. */
export function checkImport(from, spec) {
  if (!spec.startsWith('.')) {
    const bare = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    const only = ONLY_IN[bare];
    if (only && !only.files.some((f) => from === f || (f.endsWith('/') && from.startsWith(f)))) return `'${bare}' may not be imported here: ${only.why}.`;
    return null;
  }
  const target = stripExt(path.posix.normalize(path.posix.join(path.posix.dirname(from), spec)));
  for (const [prefix, banned, why] of LAYERS) {
    if (!from.startsWith(prefix)) continue;
    const hit = banned.find((b) => target === b.replace(/\/$/, '') || target.startsWith(b));
    if (hit) return `${prefix} may not import ${hit} (${target}): ${why}.`;
    break;
  }
  const face = publicFaceViolation(from, target);
  return face;
}

function featureOf(file, base) {
  if (!file.startsWith(base)) return null;
  const rest = file.slice(base.length).split('/');
  // A folder imported by its name is its index.ts; a file directly in base is not inside a feature.
  if (rest.length === 1) return isFolder(file) ? { feature: rest[0], inner: 'index' } : null;
  return { feature: rest[0], inner: rest.slice(1).join('/') };
}

function publicFaceViolation(from, target) {
  for (const base of ['main/core/', 'renderer/src/features/']) {
    const to = featureOf(target, base);
    if (!to) {
      continue;
    }
    if (base === 'main/core/' && CORE_INFRASTRUCTURE.includes(to.feature)) return null;
    const mine = featureOf(from, base);
    // The rule is between features; the composition roots (main/core/*.ts, renderer/src/app) and the outer
    // layers wire features together and may reach inside.
    if (!mine || mine.feature === to.feature) return null;
    if (base === 'main/core/' && CORE_INFRASTRUCTURE.includes(mine.feature)) {
      if (CORE_INFRASTRUCTURE.includes(to.feature)) return null;
      const allowed = INFRASTRUCTURE_MAY_IMPORT[stripExt(from)] ?? [];
      if (allowed.includes(to.feature)) return null;
      return `main/core/${mine.feature} is the core's machinery, below the features: it may not import main/core/${to.feature} (${target}).`;
    }
    if (to.inner === 'index') return null;
    return `import ${base}${to.feature} through its public face (${base}${to.feature}/index.ts), not ${target}.`;
  }
  return null;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'the layering rules of docs/architecture.md' },
    schema: [],
  },
  create(context) {
    const from = path.relative(ROOT, context.filename).split(path.sep).join('/');
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const message = checkImport(from, source.value);
      if (message) context.report({ node: source, message });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { imports: rule } };
