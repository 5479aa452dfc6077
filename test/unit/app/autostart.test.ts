// Starting the desk at sign-in: the Windows login item and the Linux XDG autostart entry, its path and its
// content (the Desktop Entry Specification's quoting), and that nothing registers outside a packaged app.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyAutoStart, autoStartPlan, desktopEntry, execArgument, xdgAutostartFile } from '../../../main/app/autostart';
import { tempDir } from '../../support/core';

const linux = (env: NodeJS.ProcessEnv = {}) => ({ platform: 'linux' as const, packaged: true, execPath: '/opt/Lobby Desk/lobby-desk', env, home: '/home/desk' });

describe('auto-start', () => {
  it('X-5 Windows: the login item opens the installed app at sign-in, or no longer', () => {
    const context = { platform: 'win32' as const, packaged: true, execPath: 'C:\\Program Files\\Lobby Desk\\Lobby Desk.exe', env: {}, home: 'C:\\Users\\desk' };
    expect(autoStartPlan(true, context)).toEqual({ kind: 'login-item', settings: { openAtLogin: true, path: 'C:\\Program Files\\Lobby Desk\\Lobby Desk.exe', args: [] } });
    expect(autoStartPlan(false, context)).toMatchObject({ kind: 'login-item', settings: { openAtLogin: false } });
  });

  it('X-5 Linux: the entry lives in $XDG_CONFIG_HOME/autostart (default ~/.config/autostart) and runs the AppImage the user started', () => {
    expect(xdgAutostartFile({}, '/home/desk')).toBe('/home/desk/.config/autostart/lobby-desk.desktop');
    expect(xdgAutostartFile({ XDG_CONFIG_HOME: '/etc/kiosk' }, '/home/desk')).toBe('/etc/kiosk/autostart/lobby-desk.desktop');
    const appImage = autoStartPlan(true, linux({ APPIMAGE: '/home/desk/Apps/Lobby Desk-1.4.0.AppImage' }));
    expect(appImage).toMatchObject({ kind: 'xdg', file: '/home/desk/.config/autostart/lobby-desk.desktop' });
    expect((appImage as { content: string }).content).toContain('Exec="/home/desk/Apps/Lobby Desk-1.4.0.AppImage"\n');
    // The deb's installed binary when not an AppImage.
    expect((autoStartPlan(true, linux()) as { content: string }).content).toContain('Exec="/opt/Lobby Desk/lobby-desk"\n');
    expect(autoStartPlan(false, linux())).toEqual({ kind: 'xdg', file: '/home/desk/.config/autostart/lobby-desk.desktop', content: null });
  });

  it('X-5 the entry is a valid desktop entry: type, name, no terminal, enabled for GNOME', () => {
    const entry = desktopEntry({ exec: ['/opt/app/lobby-desk'], name: 'Lobby Desk 大堂前台', comment: 'Front desk' });
    expect(entry.split('\n')).toEqual([
      '[Desktop Entry]',
      'Type=Application',
      'Name=Lobby Desk 大堂前台',
      'Comment=Front desk',
      'Exec=/opt/app/lobby-desk',
      'Terminal=false',
      'X-GNOME-Autostart-enabled=true',
      'X-GNOME-Autostart-Delay=5',
      '',
    ]);
  });

  it('X-5 Exec arguments are quoted and escaped as the specification says', () => {
    expect(execArgument('/opt/app/run')).toBe('/opt/app/run');
    expect(execArgument('/home/a b/x')).toBe('"/home/a b/x"');
    // Inside quotes " ` $ \ get a backslash; then every backslash is doubled by the value's own escaping.
    expect(execArgument('/tmp/$HOME"`\\')).toBe('"/tmp/\\\\$HOME\\\\"\\\\`\\\\\\\\"');
    expect(execArgument('/tmp/100%')).toBe('/tmp/100%%');
    expect(execArgument('')).toBe('""');
  });

  it('X-5 `npm start` from a repository never registers itself to start at sign-in', () => {
    expect(autoStartPlan(true, { ...linux(), packaged: false })).toMatchObject({ kind: 'none' });
    expect(autoStartPlan(true, { platform: 'win32', packaged: false, execPath: 'electron.exe', env: {}, home: 'C:\\' })).toMatchObject({ kind: 'none' });
  });

  it('X-5 switching it on writes the entry, switching it off removes it', () => {
    const home = tempDir('lobby-desk-home-');
    const on = autoStartPlan(true, { ...linux(), home });
    applyAutoStart(on, () => undefined);
    const file = path.join(home, '.config', 'autostart', 'lobby-desk.desktop');
    expect(fs.readFileSync(file, 'utf8')).toBe((on as { content: string }).content);
    applyAutoStart(autoStartPlan(false, { ...linux(), home }), () => undefined);
    expect(fs.existsSync(file)).toBe(false);
    const calls: unknown[] = [];
    applyAutoStart(autoStartPlan(true, { platform: 'win32', packaged: true, execPath: 'C:\\x.exe', env: {}, home }), (s) => calls.push(s));
    expect(calls).toEqual([{ openAtLogin: true, path: 'C:\\x.exe', args: [] }]);
  });
});
