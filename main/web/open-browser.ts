// Opening the lobby in the system's browser (web mode): the command for each platform (pure), and a launch that
// never fails the desk — no browser, no graphical session or a missing opener only means the URL is printed.
import { spawn } from 'node:child_process';

export interface BrowserCommand {
  command: string;
  args: string[];
}

export function browserCommand(url: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): BrowserCommand | null {
  if (env.LOBBY_DESK_OPEN_BROWSER === '0') return null;
  if (platform === 'win32') return { command: 'explorer.exe', args: [url] };
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // Linux and the BSDs: only in a graphical session (a server over SSH has no browser to open).
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  return { command: 'xdg-open', args: [url] };
}

/** Resolves true when the opener started, false when there is none; never rejects. */
export function openBrowser(url: string, command = browserCommand(url)): Promise<boolean> {
  if (!command) return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      const child = spawn(command.command, command.args, { stdio: 'ignore', detached: true });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
