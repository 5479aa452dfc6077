// Every feature's handlers and timers, in one place. The type makes the compiler check that each contract
// method has exactly one implementation.
import type { AllHandlers } from './context';
import type { Job } from './jobs';
import { authHandlers } from './auth';
import { setupHandlers } from './setup';
import { settingsHandlers } from './settings';
import { staffHandlers } from './staff';
import { devicesHandlers } from './devices';
import { auditHandlers } from './audit';
import { printingHandlers } from './printing';
import { callsHandlers, callsJobs } from './calls';
import { recordsHandlers, recordsClockJob } from './records';
import { backupHandlers, dailyBackupJob } from './backup';
import { directoryHandlers } from './directory';
import { visitorsHandlers, visitorsJobs } from './visitors';
import { callbacksHandlers, callbackDueJob } from './callbacks';
import { noticesHandlers } from './notices';

export const handlers: AllHandlers = {
  auth: authHandlers,
  setup: setupHandlers,
  settings: settingsHandlers,
  staff: staffHandlers,
  devices: devicesHandlers,
  audit: auditHandlers,
  printing: printingHandlers,
  calls: callsHandlers,
  records: recordsHandlers,
  backup: backupHandlers,
  directory: directoryHandlers,
  visitors: visitorsHandlers,
  callbacks: callbacksHandlers,
  notices: noticesHandlers,
};

export const jobs: Job[] = [...callsJobs, recordsClockJob, dailyBackupJob, ...visitorsJobs, callbackDueJob];
