// One desktop app per user session: a second launch (a double-click on the shortcut, auto-start racing a
// user) only brings the running desk's lobby to the front. Across users and web mode, the data folder's lock
// (host/data-lock.ts) keeps one desk per database.
import type { App } from 'electron';

/** True when this process is the one instance; otherwise it should quit at once. */
export function claimSingleInstance(app: App, onSecondLaunch: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', onSecondLaunch);
  return true;
}
