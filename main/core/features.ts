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
};

export const jobs: Job[] = [...callsJobs, recordsClockJob, dailyBackupJob];
