// Where a lobby PC keeps its data, logs and preferences: the rules for each platform, and the folders an
// earlier version used, to move data from.
import { describe, expect, it } from 'vitest';
import { chooseDataDir, defaultDataDir, earlierDataDirs, logDir, userDir } from '../../../main/data-dir';

const WIN_ENV = { APPDATA: 'C:\\Users\\desk\\AppData\\Roaming', LOCALAPPDATA: 'C:\\Users\\desk\\AppData\\Local', ProgramData: 'C:\\ProgramData' };

describe('data folders', () => {
  it('X-5 on Windows the database is per machine under %ProgramData%, per user under %LOCALAPPDATA% as the option; never the roaming profile', () => {
    expect(defaultDataDir('machine', 'win32', WIN_ENV, 'C:\\Users\\desk')).toBe('C:\\ProgramData\\Lobby Desk\\data');
    expect(defaultDataDir('user', 'win32', WIN_ENV, 'C:\\Users\\desk')).toBe('C:\\Users\\desk\\AppData\\Local\\Lobby Desk\\data');
    expect(defaultDataDir('machine', 'win32', {}, 'C:\\Users\\desk')).toBe('C:\\ProgramData\\Lobby Desk\\data');
    expect(chooseDataDir(undefined, 'machine', WIN_ENV, 'win32', 'C:\\Users\\desk')).toEqual({ dir: 'C:\\ProgramData\\Lobby Desk\\data', source: 'machine' });
  });

  it('X-5 preferences and logs stay in the per-user folder (Electron userData); LOBBY_DESK_USER_DIR moves them', () => {
    expect(userDir('win32', WIN_ENV, 'C:\\Users\\desk')).toBe('C:\\Users\\desk\\AppData\\Roaming\\Lobby Desk');
    expect(logDir('win32', WIN_ENV, 'C:\\Users\\desk')).toBe('C:\\Users\\desk\\AppData\\Roaming\\Lobby Desk\\logs');
    expect(userDir('linux', {}, '/home/desk')).toBe('/home/desk/.config/Lobby Desk');
    expect(userDir('linux', { XDG_CONFIG_HOME: '/srv/conf' }, '/home/desk')).toBe('/srv/conf/Lobby Desk');
    expect(userDir('linux', { XDG_CONFIG_HOME: 'relative' }, '/home/desk')).toBe('/home/desk/.config/Lobby Desk');
    expect(userDir('darwin', {}, '/Users/desk')).toBe('/Users/desk/Library/Application Support/Lobby Desk');
    expect(userDir('linux', { LOBBY_DESK_USER_DIR: '/tmp/u' }, '/home/desk')).toBe('/tmp/u');
  });

  it('X-5 on Linux and macOS the data stays in the per-user folder, whatever the location preference', () => {
    expect(defaultDataDir('machine', 'linux', {}, '/home/desk')).toBe('/home/desk/.config/Lobby Desk/data');
    expect(defaultDataDir('user', 'linux', {}, '/home/desk')).toBe('/home/desk/.config/Lobby Desk/data');
    expect(earlierDataDirs('/home/desk/.config/Lobby Desk/data', 'linux', {}, '/home/desk')).toEqual([]);
  });

  it('X-5 a --data-dir flag wins over LOBBY_DESK_DATA_DIR, which wins over the default', () => {
    expect(chooseDataDir('/srv/a', 'machine', { LOBBY_DESK_DATA_DIR: '/srv/b' }, 'linux', '/home/desk')).toEqual({ dir: '/srv/a', source: 'flag' });
    expect(chooseDataDir(undefined, 'machine', { LOBBY_DESK_DATA_DIR: '/srv/b' }, 'linux', '/home/desk')).toEqual({ dir: '/srv/b', source: 'env' });
    expect(chooseDataDir(undefined, 'user', {}, 'linux', '/home/desk')).toEqual({ dir: '/home/desk/.config/Lobby Desk/data', source: 'user' });
  });

  it('X-2 on Windows the folders an earlier version (the roaming profile) or the other location used are where data is moved from', () => {
    expect(earlierDataDirs('C:\\ProgramData\\Lobby Desk\\data', 'win32', WIN_ENV, 'C:\\Users\\desk')).toEqual([
      'C:\\Users\\desk\\AppData\\Roaming\\Lobby Desk\\data',
      'C:\\Users\\desk\\AppData\\Local\\Lobby Desk\\data',
    ]);
    // The same folder spelt in another case is not "another" folder.
    expect(earlierDataDirs('c:\\programdata\\lobby desk\\data', 'win32', WIN_ENV, 'C:\\Users\\desk')).not.toContain('C:\\ProgramData\\Lobby Desk\\data');
  });
});
