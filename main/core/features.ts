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
import { visitorsHandlers, visitorsJobsWith } from './visitors';
import { expectedHandlers, expectedRetention } from './expected';
import { parcelsHandlers, parcelsHandoverSection, parcelsDiary, uncollectedJob, parcelsRetention } from './parcels';
import { notifyHandlers, notifyJobs, notifyRetention } from './notify';
import { photosHandlers, photosRetention } from './photos';
import { callbacksHandlers, callbackDueJob } from './callbacks';
import { noticesHandlers } from './notices';
import type { DiaryContribution, HandoverSectionProvider } from './handover/sections';
import { shiftsHandlers } from './shifts';
import { incidentsHandlers } from './incidents';
import { keysHandlers } from './keys';
import { handoverHandlers } from './handover';
import { installationHandlers } from './installation';
import { checklistSection, previousNotesSection } from './handover/builtin-sections';
import { incidentsHandoverSection } from './incidents/handover-section';
import { incidentsDiary } from './incidents/diary';
import { keysHandoverSection } from './keys/handover-section';
import { keysDiary } from './keys/diary';
import { visitorsHandoverSection } from './visitors/handover-section';
import { visitorsDiary } from './visitors/diary';
import { callbacksHandoverSection } from './callbacks/handover-section';
import { callbacksDiary } from './callbacks/diary';
import { recordsHandoverSection } from './records/handover-section';
import { recordsDiary } from './records/diary';
import { noticesHandoverSection } from './notices/handover-section';
import { callsDiary } from './calls/diary';
import { hardwareHandlers } from './hardware';

/**
 * The sections of the end-of-shift handover (S-1), one per feature, each in its own feature's folder. A new
 * section is one provider file and one line here; `order` places it on the sheet.
 */
export const handoverSections: HandoverSectionProvider[] = [
  checklistSection,
  visitorsHandoverSection,
  callbacksHandoverSection,
  keysHandoverSection,
  parcelsHandoverSection,
  incidentsHandoverSection,
  recordsHandoverSection,
  noticesHandoverSection,
  previousNotesSection,
];

/** What each feature contributes to a shift's work diary (S-2). A new one is one file and one line here. */
export const diaryContributions: DiaryContribution[] = [visitorsDiary, parcelsDiary, callsDiary, callbacksDiary, keysDiary, incidentsDiary, recordsDiary];

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
  shifts: shiftsHandlers(diaryContributions),
  incidents: incidentsHandlers,
  keys: keysHandlers,
  handover: handoverHandlers(handoverSections, diaryContributions),
  installation: installationHandlers,
  hardware: hardwareHandlers,
  expected: expectedHandlers,
  parcels: parcelsHandlers,
  notify: notifyHandlers,
  photos: photosHandlers,
};

export const jobs: Job[] = [...callsJobs, recordsClockJob, dailyBackupJob, ...visitorsJobsWith([expectedRetention, parcelsRetention, photosRetention, notifyRetention]),
  callbackDueJob,
  uncollectedJob,
  ...notifyJobs,
];
