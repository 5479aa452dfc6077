// Starts `lobby-desk web` as a child process on a free port with its own data dir, as a user would run it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder: the nearest one up with package.json (also when this file is bundled into a script). */
function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export const CLI = path.join(projectRoot(), 'dist/main/cli.js');

export interface WebServer {
  url: string;
  dataDir: string;
  /** Its per-user folder: device-preferences.json and logs/. */
  userDir: string;
  process: ChildProcess;
  output(): string;
  /** Stops it the hard way (a power cut, as far as the process can tell). */
  kill(signal?: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

/** The per-user folder (preferences, logs) of a test server: beside its data dir, never the real user's. */
export function userDirFor(dataDir: string): string {
  return `${dataDir}-user`;
}

export async function startWebServer(dataDir: string, extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<WebServer> {
  const child = spawn(process.execPath, [CLI, 'web', '--port', '0', '--data-dir', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOBBY_DESK_USER_DIR: userDirFor(dataDir), LOBBY_DESK_OPEN_BROWSER: '0', ...env },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web server did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Lobby screen:\s+(http:\/\/\S+?)\/#\/lobby/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web server exited with ${code}:\n${output}`));
    });
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    url,
    dataDir,
    userDir: env.LOBBY_DESK_USER_DIR ?? userDirFor(dataDir),
    process: child,
    output: () => output,
    async kill(signal = 'SIGKILL') {
      child.kill(signal);
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A client of the HTTP API for tests: POST /api/<method> with optional session and device tokens. */
export function httpClient(baseUrl: string) {
  return async function call<T = unknown>(
    method: string,
    input: unknown = {},
    options: { token?: string; device?: string; lang?: string; raw?: string; contentType?: string } = {},
  ): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.device) headers['x-device-token'] = options.device;
    if (options.lang) headers['accept-language'] = options.lang;
    const response = await fetch(`${baseUrl}/api/${method}`, { method: 'POST', headers, body: options.raw ?? JSON.stringify(input) });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: response.status, body: body as T };
  };
}
