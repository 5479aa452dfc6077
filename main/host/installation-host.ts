// The installation host both shells give the core (`ctx.host.installation`): preferences, folders, last errors and
// updates are the same in each; what differs (applying a preference now, displays, the folder dialog, restarting)
// comes from the shell.
import path from 'node:path';
import type { InstallationHost, PreferencesChange } from '../core/installation/host';
import { backupDir } from '../core/store/backup-files';
import type { DataDirChoice } from '../data-dir';
import type { DevicePreferences, InstallationStatus, PreferencesInput } from '../../shared/contract/installation';
import type { PreferencesStore } from './preferences';
import type { AppLog } from './logging';
import type { UpdateChecker } from './updates';

export interface ShellSide {
  mode: 'desktop' | 'web';
  /** Applies what can be applied while running; returns the names it applied (the rest wait for a restart). */
  apply(changed: Array<keyof DevicePreferences>, preferences: DevicePreferences): Array<keyof DevicePreferences>;
  capabilities: InstallationStatus['capabilities'];
  displays(): InstallationStatus['displays'];
  server(): InstallationStatus['server'];
  crashDumps: string | null;
  chooseFolder?(): Promise<string | null>;
  scheduleRestart(options: { restoreFrom?: string }): void;
}

export function createInstallationHost(parts: {
  shell: ShellSide;
  preferences: PreferencesStore;
  data: DataDirChoice;
  log: AppLog;
  updates: UpdateChecker;
  /** Names saved before, still waiting for a restart (kept across an in-process restart in web mode). */
  pending?: Set<string>;
}): InstallationHost & { readonly pending: Set<string> } {
  const { shell, preferences, data, log, updates } = parts;
  const pending = parts.pending ?? new Set<string>();
  return {
    mode: shell.mode,
    pending,
    folders: () => ({
      data: data.dir,
      backups: backupDir(data.dir),
      logs: log.dir,
      preferences: path.dirname(preferences.file),
      crashDumps: shell.crashDumps,
    }),
    dataSource: () => data.source,
    preferences: () => preferences.get(),
    preferenceProblems: () => [...preferences.problems],
    pendingRestart: () => [...pending],
    setPreferences(patch: PreferencesInput): PreferencesChange {
      const before = preferences.get();
      const next = preferences.set(patch);
      const changed = (Object.keys(patch) as Array<keyof DevicePreferences>).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(next[k]));
      const applied = shell.apply(changed, next);
      for (const name of changed) if (!applied.includes(name)) pending.add(name);
      return { preferences: next, appliedNow: applied, pendingRestart: [...pending] };
    },
    capabilities: () => shell.capabilities,
    displays: () => shell.displays(),
    server: () => shell.server(),
    recentErrors: (limit) => log.recentErrors(limit),
    ...(shell.chooseFolder ? { chooseFolder: () => shell.chooseFolder!() } : {}),
    scheduleRestart: (options) => shell.scheduleRestart(options),
    updateStatus: () => updates.status(),
    checkForUpdates: () => updates.check(),
  };
}
