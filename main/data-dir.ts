// Where the database lives: --data-dir, else LOBBY_DESK_DATA_DIR, else the per-user application data folder
// (the same place Electron's userData points to, so the desktop app and `npm run web` share one store).
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_FOLDER = 'Lobby Desk';

export function userAppDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (platform === 'win32') return env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
}

export function resolveDataDir(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (explicit) return path.resolve(explicit);
  if (env.LOBBY_DESK_DATA_DIR) return path.resolve(env.LOBBY_DESK_DATA_DIR);
  return path.join(userAppDataDir(platform, env), PRODUCT_FOLDER, 'data');
}
