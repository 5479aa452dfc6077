// When the desktop app cannot start: a window that says what happened and what to do, in the PC's language,
// instead of no window at all. It can restore the newest good backup and start again, open the data or log
// folder, or quit. The caller has already logged the failure and released the data folder's lock; the single-
// instance lock is released before the window shows, so a later launch can try again.
import { app, dialog, shell } from 'electron';
import type { Logger } from '../core/context';
import { restoreBackup } from '../core/backup/restore';
import type { SecretStore } from '../core/keyring';
import { LATEST_SCHEMA_VERSION } from '../core/store/migrations';
import { describeStartupFailure, failureActions } from '../host/startup-failure';
import { newestRestorableBackup } from '../host/recovery';
import type { Language } from '../../shared/i18n';

/** Resolves 'relaunch' (a backup was restored) or 'quit'. */
export async function showStartupFailure(options: {
  error: unknown;
  lang: Language;
  dataDir: string | null;
  logDir: string;
  logger: Logger;
  /** Where this desk keeps its installation key (OS-protected), when it was opened before the failure. */
  secrets?: SecretStore;
}): Promise<'relaunch' | 'quit'> {
  const failure = describeStartupFailure(options.error, options.lang, { logs: options.logDir });
  options.logger.error('desk did not start', { kind: failure.kind, error: failure.detail });
  app.releaseSingleInstanceLock();
  const restorable = failure.offerRestore && options.dataDir ? newestRestorableBackup(options.dataDir) : null;
  const actions = failureActions(failure, options.lang, restorable, options.dataDir !== null);
  for (;;) {
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: failure.title,
      message: failure.message,
      detail: `${failure.advice}\n\n${failure.detail}`,
      buttons: actions.map((a) => a.label),
      defaultId: 0,
      cancelId: actions.length - 1,
      noLink: true,
    });
    const chosen = actions[response]?.action ?? 'quit';
    if (chosen === 'quit') return 'quit';
    if (chosen === 'openData' && options.dataDir) await shell.openPath(options.dataDir);
    if (chosen === 'openLogs') await shell.openPath(options.logDir);
    if (chosen === 'restore' && options.dataDir && restorable) {
      try {
        const result = await restoreBackup({ dataDir: options.dataDir, from: restorable, now: Date.now(), latestSchemaVersion: LATEST_SCHEMA_VERSION, secrets: options.secrets });
        options.logger.info('backup restored from the start-failure window', { from: restorable, previous: result.previous });
        return 'relaunch';
      } catch (error) {
        options.logger.error('restore from the start-failure window failed', { error: error instanceof Error ? error.message : String(error) });
        dialog.showErrorBox(failure.title, error instanceof Error ? error.message : String(error));
      }
    }
  }
}
