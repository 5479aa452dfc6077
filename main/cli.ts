// The plain-Node entry point: `web` serves the core over HTTP; `audit:verify`, `backup`, `restore` look after the store.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Core } from './core/core';
import { startServer } from './server/http-server';
import { resolveDataDir } from './data-dir';
import { APP_VERSION } from './version';
import { verifyStoreFile } from './core/audit/verify-file';

const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = path.resolve(here, '../renderer');

const USAGE = `Usage:
  lobby-desk web [--port N] [--host H] [--data-dir DIR]   serve the lobby, visitor and handover screens
  lobby-desk audit:verify [--data-dir DIR]                 check the audit trail for tampering
`;

async function web(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string' }, host: { type: 'string' }, 'data-dir': { type: 'string' } },
    strict: true,
  });
  const port = values.port === undefined ? 5199 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0–65535, not ${values.port}`);
  const dataDir = resolveDataDir(values['data-dir']);
  const core = Core.open({ dataDir, version: APP_VERSION });
  core.start();
  const server = await startServer({ core, host: values.host ?? '127.0.0.1', port, rendererDir: RENDERER_DIR });
  console.log(`Lobby Desk ${APP_VERSION} — data: ${dataDir}`);
  console.log(`  Lobby screen:    ${server.url}/#/lobby`);
  console.log(`  Visitor screen:  ${server.url}/#/visitor`);
  console.log(`  Handover:        ${server.url}/#/handover`);
  console.log(`  Health:          ${server.url}/api/health`);
  if (values.host && values.host !== '127.0.0.1' && values.host !== 'localhost') {
    console.log(`  Serving the LAN on ${values.host}: other devices must be paired (Admin → Devices).`);
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

function auditVerify(args: string[]): void {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' } }, strict: true });
  const dataDir = resolveDataDir(values['data-dir']);
  const result = verifyStoreFile(dataDir);
  if (result.ok) {
    console.log(`OK — ${result.checked} audit entries verified (${dataDir})`);
    return;
  }
  console.log(`BROKEN at entry ${result.firstBroken?.seq}: ${result.firstBroken?.reason} (${result.checked} entries verified before it)`);
  process.exitCode = 1;
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'web':
      return web(rest);
    case 'audit:verify':
      return auditVerify(rest);
    default:
      console.log(USAGE);
      process.exitCode = command ? 2 : 0;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
