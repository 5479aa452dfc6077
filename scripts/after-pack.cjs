// electron-builder's afterPack hook: the packaged better-sqlite3 must be built for the packaged Electron's ABI.
// A package whose .node was built for Node (or another Electron) would fail at its first start on every lobby PC,
// so it is refused here. LOBBY_DESK_EXPECT_NATIVE=node is for the package test only (test/contract/package.test.ts),
// which packages the Node build on purpose with a placeholder Electron: it checks the reader against Node's ABI.
// Either way a report is written beside the packaged app (native-abi.json). N-API prebuilds (serialport's, under a
// package's `prebuilds/` folder, loaded by node-gyp-build) carry no ABI version: they load in any Node or Electron,
// so they are listed apart (`napi`) and not compared.
const fs = require('node:fs');
const path = require('node:path');

function findNodeFiles(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findNodeFiles(full, out);
    else if (entry.name.endsWith('.node')) out.push(full);
  }
  return out;
}

function findUnpacked(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const full = path.join(dir, entry.name);
    if (entry.name === 'app.asar.unpacked') return full;
    const found = findUnpacked(full);
    if (found) return found;
  }
  return null;
}

exports.default = async function afterPack(context) {
  const { checkNativeAbi, electronVersion } = await import('./native-abi.mjs');
  const version = context.packager?.info?.framework?.version ?? electronVersion();
  const unpacked = findUnpacked(context.appOutDir);
  const files = unpacked ? findNodeFiles(unpacked) : [];
  if (files.length === 0) throw new Error(`no native module in ${context.appOutDir}: better-sqlite3 was not unpacked`);
  const runtime = process.env.LOBBY_DESK_EXPECT_NATIVE === 'node' ? 'node' : 'electron';
  const checked = files.map((file) => ({ file: path.relative(context.appOutDir, file), ...checkNativeAbi(file, runtime, version) }));
  const isNapiPrebuild = (r) => r.abi === null && r.file.split(path.sep).includes('prebuilds');
  const napi = checked.filter(isNapiPrebuild).map((r) => r.file);
  const results = checked.filter((r) => !isNapiPrebuild(r));
  fs.writeFileSync(path.join(context.appOutDir, '..', 'native-abi.json'), JSON.stringify({ electron: version, results, napi }, null, 2));
  const wrong = results.filter((r) => !r.ok);
  if (wrong.length > 0) {
    throw new Error(
      wrong.map((r) => `${r.file} is built for ABI ${r.abi}, ${r.runtime} needs ${r.expected}`).join('; ') +
        '. Rebuild it for Electron (node scripts/native.mjs electron, with network access to electronjs.org/headers).',
    );
  }
};
