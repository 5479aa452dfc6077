// What the shell around the core offers about this installation (the desktop app and web mode each provide one;
// without it — the core in a test — the installation methods answer that they are not available here).
import type { DevicePreferences, InstallationStatus, LogEntry, PreferencesInput, UpdateStatus } from '../../../shared/contract/installation';

export interface PreferencesChange {
  preferences: DevicePreferences;
  /** Names of the preferences applied at once (the visitor display, auto-start …). */
  appliedNow: string[];
  /** Names of those that take effect when the desk restarts (the LAN address, the port in web mode …). */
  pendingRestart: string[];
}

export interface InstallationHost {
  readonly mode: 'desktop' | 'web';
  folders(): InstallationStatus['folders'];
  dataSource(): InstallationStatus['dataSource'];
  preferences(): DevicePreferences;
  preferenceProblems(): string[];
  pendingRestart(): string[];
  /** Saves the preferences (synchronously: it runs inside the audited call) and applies what it can now. */
  setPreferences(patch: PreferencesInput): PreferencesChange;
  capabilities(): InstallationStatus['capabilities'];
  displays(): InstallationStatus['displays'];
  server(): InstallationStatus['server'];
  recentErrors(limit: number): LogEntry[];
  /** The system's folder dialog (desktop app); absent in web mode. */
  chooseFolder?(): Promise<string | null>;
  /** After the reply is sent: close the core, (restore the backup,) start again. */
  scheduleRestart(options: { restoreFrom?: string }): void;
  updateStatus(): UpdateStatus;
  checkForUpdates(): Promise<UpdateStatus>;
}
