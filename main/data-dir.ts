// Where things live on a lobby PC (pure: platform, environment and home are passed in, so every rule is tested).
//
// - The per-user folder (Electron's `userData`): device preferences and logs. `%APPDATA%\Lobby Desk`,
//   `~/.config/Lobby Desk`, `~/Library/Application Support/Lobby Desk`; `LOBBY_DESK_USER_DIR` overrides it.
// - The data folder (database, installation key, backups): `--data-dir`, else `LOBBY_DESK_DATA_DIR`, else per
//   machine on Windows (`%ProgramData%\Lobby Desk\data`: not the roaming profile, and the same for whoever signs in
//   at the desk), or per user (`%LOCALAPPDATA%\Lobby Desk\data`) when the device preference `dataLocation` says
//   `user`. Elsewhere it is `<per-user folder>/data`, as it always was.
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_FOLDER = 'Lobby Desk';

export type DataLocation = 'machine' | 'user';

type Platform = NodeJS.Platform;

function join(platform: Platform, ...parts: string[]): string {
  return platform === 'win32' ? path.win32.join(...parts) : path.posix.join(...parts);
}

/** The operating system's per-user application data folder (the roaming one on Windows, as Electron's appData). */
export function userAppDataDir(platform: Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (platform === 'win32') return env.APPDATA ?? join(platform, home, 'AppData', 'Roaming');
  if (platform === 'darwin') return join(platform, home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(platform, home, '.config');
}

/** The per-user folder: device preferences (`device-preferences.json`) and `logs/`. */
export function userDir(platform: Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (env.LOBBY_DESK_USER_DIR) return path.resolve(env.LOBBY_DESK_USER_DIR);
  return join(platform, userAppDataDir(platform, env, home), PRODUCT_FOLDER);
}

export function logDir(platform: Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  return join(platform, userDir(platform, env, home), 'logs');
}

/** The default data folder for a location (no overrides). */
export function defaultDataDir(location: DataLocation, platform: Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (platform === 'win32') {
    if (location === 'machine') return join(platform, env.ProgramData ?? env.ALLUSERSPROFILE ?? 'C:\\ProgramData', PRODUCT_FOLDER, 'data');
    return join(platform, env.LOCALAPPDATA ?? join(platform, home, 'AppData', 'Local'), PRODUCT_FOLDER, 'data');
  }
  return join(platform, userAppDataDir(platform, env, home), PRODUCT_FOLDER, 'data');
}

export interface DataDirChoice {
  dir: string;
  /** Why this folder: a flag, the environment, or the default for the preferred location. */
  source: 'flag' | 'env' | DataLocation;
}

export function chooseDataDir(
  explicit: string | undefined,
  location: DataLocation = 'machine',
  env: NodeJS.ProcessEnv = process.env,
  platform: Platform = process.platform,
  home = os.homedir(),
): DataDirChoice {
  if (explicit) return { dir: path.resolve(explicit), source: 'flag' };
  if (env.LOBBY_DESK_DATA_DIR) return { dir: path.resolve(env.LOBBY_DESK_DATA_DIR), source: 'env' };
  return { dir: defaultDataDir(location, platform, env, home), source: location };
}

export function resolveDataDir(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env, platform: Platform = process.platform, location: DataLocation = 'machine'): string {
  return chooseDataDir(explicit, location, env, platform).dir;
}

/**
 * Folders an earlier version (or the other location) may have left data in, to move it from when the chosen
 * folder has none yet. Before this version the desk kept its database in the roaming profile on Windows.
 */
export function earlierDataDirs(chosen: string, platform: Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string[] {
  if (platform !== 'win32') return [];
  const candidates = [
    join(platform, userAppDataDir(platform, env, home), PRODUCT_FOLDER, 'data'), // up to 0.1: the roaming profile
    defaultDataDir('machine', platform, env, home),
    defaultDataDir('user', platform, env, home),
  ];
  const same = (a: string, b: string) => path.win32.normalize(a).toLowerCase() === path.win32.normalize(b).toLowerCase();
  return candidates.filter((dir, i) => !same(dir, chosen) && candidates.findIndex((other) => same(other, dir)) === i);
}
