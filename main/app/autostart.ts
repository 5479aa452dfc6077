// Starting the desk when the lobby PC's user signs in (X-5), switchable in Admin → This PC. Windows (and macOS):
// Electron's login item. Linux: an XDG autostart entry, `~/.config/autostart/lobby-desk.desktop`, that runs the
// AppImage (or the installed binary). Only a packaged app registers itself; `npm start` from a repository never
// does. The rules are pure; `applyAutoStart` is the only part that touches Electron or the disk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const AUTOSTART_FILE = 'lobby-desk.desktop';

export type AutoStartPlan =
  | { kind: 'login-item'; settings: { openAtLogin: boolean; path: string; args: string[] } }
  /** `content` null: remove the entry. */
  | { kind: 'xdg'; file: string; content: string | null }
  | { kind: 'none'; reason: string };

export interface AutoStartContext {
  platform: NodeJS.Platform;
  packaged: boolean;
  execPath: string;
  env: NodeJS.ProcessEnv;
  home: string;
}

export function xdgAutostartFile(env: NodeJS.ProcessEnv, home: string): string {
  const config = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.posix.join(home, '.config');
  return path.posix.join(config, 'autostart', AUTOSTART_FILE);
}

const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/**
 * One argument of an Exec line (Desktop Entry Specification, "The Exec key"): quoted when it holds a reserved
 * character, with `"`, `` ` ``, `$` and `\` escaped inside the quotes; then the value's own escaping doubles every
 * backslash, and `%` (a field code) is written `%%`.
 */
export function execArgument(arg: string): string {
  const quoted = RESERVED.test(arg) || arg === '' ? `"${arg.replace(/(["`$\\])/g, '\\$1')}"` : arg;
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%');
}

export function desktopEntry(options: { exec: string[]; name: string; comment: string }): string {
  const value = (text: string) => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${value(options.name)}`,
    `Comment=${value(options.comment)}`,
    `Exec=${options.exec.map(execArgument).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    // Give the session a moment (displays, network) before the kiosk takes the screen.
    'X-GNOME-Autostart-Delay=5',
    '',
  ].join('\n');
}

export function autoStartPlan(enabled: boolean, context: AutoStartContext): AutoStartPlan {
  if (!context.packaged) return { kind: 'none', reason: 'not a packaged app (started from the repository)' };
  if (context.platform === 'win32' || context.platform === 'darwin') {
    return { kind: 'login-item', settings: { openAtLogin: enabled, path: context.execPath, args: [] } };
  }
  const file = xdgAutostartFile(context.env, context.home);
  if (!enabled) return { kind: 'xdg', file, content: null };
  // Inside an AppImage the executable lives in a temporary mount; APPIMAGE is the file the user started.
  const executable = context.env.APPIMAGE && path.isAbsolute(context.env.APPIMAGE) ? context.env.APPIMAGE : context.execPath;
  return { kind: 'xdg', file, content: desktopEntry({ exec: [executable], name: 'Lobby Desk 大堂前台', comment: 'Front desk · 大堂前台' }) };
}

/** Carries the plan out. `setLoginItemSettings` is Electron's `app.setLoginItemSettings`. */
export function applyAutoStart(
  plan: AutoStartPlan,
  setLoginItemSettings: (settings: { openAtLogin: boolean; path: string; args: string[] }) => void,
): void {
  if (plan.kind === 'login-item') setLoginItemSettings(plan.settings);
  else if (plan.kind === 'xdg') {
    if (plan.content === null) fs.rmSync(plan.file, { force: true });
    else {
      fs.mkdirSync(path.dirname(plan.file), { recursive: true });
      fs.writeFileSync(`${plan.file}.tmp`, plan.content, { mode: 0o644 });
      fs.renameSync(`${plan.file}.tmp`, plan.file);
    }
  }
}

export function autoStartContext(packaged: boolean): AutoStartContext {
  return { platform: process.platform, packaged, execPath: process.execPath, env: process.env, home: os.homedir() };
}
