// `npm start` always opens the desk: with the Electron runtime made unavailable, the README's first command
// says in one line why it is not the desktop window, serves the same desk in web mode and prints its addresses;
// with no browser to open it says so and goes on.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/core';
import { browserCommand, openBrowser } from '../../main/web/open-browser';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
let child: ChildProcess | null = null;

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    process.kill(-child.pid!, 'SIGTERM'); // its own process group: npm, the start script, the web desk
    await exited;
  }
  child = null;
});

describe('npm start', () => {
  it('X-5 without the Electron runtime, `npm start` serves the lobby in web mode and prints its URL; /api/health answers', async () => {
    const dataDir = tempDir('lobby-desk-start-');
    const noRuntime = tempDir('lobby-desk-no-electron-'); // an Electron dist folder without an executable
    child = spawn('npm', ['start', '--silent', '--', '--port', '0', '--data-dir', dataDir], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: noRuntime, LOBBY_DESK_USER_DIR: `${dataDir}-user`, DISPLAY: '', WAYLAND_DISPLAY: '' },
    });
    let output = '';
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start did not serve:\n${output}`)), 150_000);
      const poll = setInterval(() => {
        const match = /Lobby screen:\s+(http:\/\/\S+?)\/#\/lobby/.exec(output);
        if (match && /No browser could be opened/.test(output)) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve(match[1]!);
        }
      }, 100);
      child!.once('exit', (code) => {
        clearInterval(poll);
        clearTimeout(timer);
        reject(new Error(`npm start exited with ${code}:\n${output}`));
      });
    });
    const reason = output.split('\n').filter((line) => line.startsWith('Lobby Desk: not the desktop window'));
    expect(reason).toHaveLength(1);
    expect(reason[0]).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    expect(reason[0]).toContain('web mode');
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });
    expect((await fetch(`${url}/`)).status).toBe(200); // the lobby itself is served
    expect(fs.existsSync(path.join(dataDir, 'lobby-desk.sqlite'))).toBe(true);
  }, 180_000);

  it('X-5 the browser is opened with the platform’s own opener, and never when there is no graphical session', async () => {
    expect(browserCommand('http://127.0.0.1:5199/#/lobby', 'win32', {})).toEqual({ command: 'explorer.exe', args: ['http://127.0.0.1:5199/#/lobby'] });
    expect(browserCommand('http://x/', 'darwin', {})).toEqual({ command: 'open', args: ['http://x/'] });
    expect(browserCommand('http://x/', 'linux', { DISPLAY: ':0' })).toEqual({ command: 'xdg-open', args: ['http://x/'] });
    expect(browserCommand('http://x/', 'linux', { WAYLAND_DISPLAY: 'wayland-0' })).toEqual({ command: 'xdg-open', args: ['http://x/'] });
    expect(browserCommand('http://x/', 'linux', {})).toBeNull();
    expect(browserCommand('http://x/', 'win32', { LOBBY_DESK_OPEN_BROWSER: '0' })).toBeNull();
    // An opener that does not exist: false, never an exception.
    expect(await openBrowser('http://x/', { command: path.join(tempDir(), 'no-such-opener'), args: [] })).toBe(false);
    expect(await openBrowser('http://x/', null)).toBe(false);
  });
});
