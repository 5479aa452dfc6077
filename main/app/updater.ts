// The desktop app's updates: electron-updater against the company's own generic feed (a folder on the HQ
// server or the LAN). Whether and when to install is the shared policy (host/update-policy.ts, host/updates.ts);
// this only downloads (checked against the feed's sha512) and installs. On Windows the NSIS installer runs
// silently and starts the new version; the store takes its pre-migration backup when the new version opens it.
import electronUpdater from 'electron-updater';
import type { Logger } from '../core/context';
import type { DesktopInstaller } from '../host/updates';

export function electronInstaller(options: { logger: Logger; beforeInstall: () => void }): DesktopInstaller {
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.allowDowngrade = false;
  autoUpdater.logger = {
    info: (message?: unknown) => options.logger.info('updater', { detail: String(message) }),
    warn: (message?: unknown) => options.logger.warn('updater', { detail: String(message) }),
    error: (message?: unknown) => options.logger.error('updater', { detail: String(message) }),
    debug: () => undefined,
  };
  return {
    async download(feedUrl, channel) {
      autoUpdater.setFeedURL({ provider: 'generic', url: feedUrl, channel });
      autoUpdater.allowPrerelease = channel !== 'latest';
      const result = await autoUpdater.checkForUpdates();
      if (!result?.isUpdateAvailable) throw new Error('the feed offers no newer release for this installer');
      await autoUpdater.downloadUpdate();
    },
    install() {
      options.beforeInstall();
      autoUpdater.quitAndInstall(true, true);
    },
  };
}
