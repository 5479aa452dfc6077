// Which runtime a native module was built for, read from the file itself (no runtime needed): a module built
// with node-gyp against V8 exports `node_register_module_v<ABI>`, ABI being NODE_MODULE_VERSION (Node 20: 115;
// Electron 45: 150). node-abi maps Electron versions to their ABI.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The NODE_MODULE_VERSION a .node file was built for, or null when it exports none (an N-API module). */
export function nativeAbiOf(file) {
  const match = /node_register_module_v(\d+)/.exec(fs.readFileSync(file).toString('latin1'));
  return match ? Number(match[1]) : null;
}

export function electronAbi(electronVersion) {
  return Number(require('node-abi').getAbi(electronVersion, 'electron'));
}

export function electronVersion() {
  return JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
}

/** Whether `file` fits the runtime: `{ ok, abi, expected, runtime }`. */
export function checkNativeAbi(file, runtime, version) {
  const abi = nativeAbiOf(file);
  const expected = runtime === 'electron' ? electronAbi(version) : Number(process.versions.modules);
  return { ok: abi === expected, abi, expected, runtime: runtime === 'electron' ? `Electron ${version}` : `Node ${process.versions.node}` };
}

/**
 * The environment for building a native module for Electron: without npm's `nodedir` (which points node-gyp at the
 * machine's Node headers and would quietly produce a Node build); @electron/rebuild then passes
 * --runtime=electron --target=<version> --dist-url=https://electronjs.org/headers, so node-gyp fetches Electron's.
 */
export function electronBuildEnv(env = process.env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir'));
}
