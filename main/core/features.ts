// Every feature of the core, one entry each: handlers, timers, handover section, diary contribution, retention.
// The type makes the compiler check that each contract method has exactly one implementation.
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
import { visitorsHandlers, visitorsJobsWith, type RetentionPart } from './visitors';
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
import { reportsHandlers } from './reports';

/**
 * What one feature brings to the core, in one entry: its handlers (the compiler checks each contract method has
 * exactly one), its timers, its handover section and diary contribution, and what the daily retention run
 * redacts of it. Handlers that present other features' parts (the shift's diary, the handover sheet) receive
 * them as `wiring`, gathered from the entries below; nothing is found by scanning folders.
 */
export interface CoreFeature<F extends keyof AllHandlers> {
  handlers: AllHandlers[F] | ((wiring: FeatureWiring) => AllHandlers[F]);
  jobs?: Job[] | ((wiring: FeatureWiring) => Job[]);
  /** Sections of the end-of-shift handover (S-1); `order` places them on the sheet. */
  handover?: HandoverSectionProvider[];
  /** Contributions to a shift's work diary (S-2); `order` places them. */
  diary?: DiaryContribution[];
  /** Personal data redacted with the visitors' retention run (V-7). */
  retention?: RetentionPart[];
}

export interface FeatureWiring {
  handoverSections: HandoverSectionProvider[];
  diaryContributions: DiaryContribution[];
  retention: RetentionPart[];
}

/** Adding a feature: its folder, and one entry here. */
export const features: { [F in keyof AllHandlers]: CoreFeature<F> } = {
  auth: { handlers: authHandlers },
  setup: { handlers: setupHandlers },
  settings: { handlers: settingsHandlers },
  staff: { handlers: staffHandlers },
  devices: { handlers: devicesHandlers },
  audit: { handlers: auditHandlers },
  printing: { handlers: printingHandlers },
  calls: { handlers: callsHandlers, jobs: callsJobs, diary: [callsDiary] },
  records: { handlers: recordsHandlers, jobs: [recordsClockJob], handover: [recordsHandoverSection], diary: [recordsDiary] },
  backup: { handlers: backupHandlers, jobs: [dailyBackupJob] },
  directory: { handlers: directoryHandlers },
  visitors: {
    handlers: visitorsHandlers,
    jobs: (wiring) => visitorsJobsWith(wiring.retention),
    handover: [visitorsHandoverSection],
    diary: [visitorsDiary],
  },
  callbacks: { handlers: callbacksHandlers, jobs: [callbackDueJob], handover: [callbacksHandoverSection], diary: [callbacksDiary] },
  notices: { handlers: noticesHandlers, handover: [noticesHandoverSection] },
  shifts: { handlers: (wiring) => shiftsHandlers(wiring.diaryContributions) },
  incidents: { handlers: incidentsHandlers, handover: [incidentsHandoverSection], diary: [incidentsDiary] },
  keys: { handlers: keysHandlers, handover: [keysHandoverSection], diary: [keysDiary] },
  handover: {
    handlers: (wiring) => handoverHandlers(wiring.handoverSections, wiring.diaryContributions),
    handover: [checklistSection, previousNotesSection],
  },
  installation: { handlers: installationHandlers },
  hardware: { handlers: hardwareHandlers },
  expected: { handlers: expectedHandlers, retention: [expectedRetention] },
  parcels: { handlers: parcelsHandlers, jobs: [uncollectedJob], handover: [parcelsHandoverSection], diary: [parcelsDiary], retention: [parcelsRetention] },
  notify: { handlers: notifyHandlers, jobs: notifyJobs, retention: [notifyRetention] },
  photos: { handlers: photosHandlers, retention: [photosRetention] },
  reports: { handlers: reportsHandlers },
};

type AnyFeature = CoreFeature<keyof AllHandlers>;
const entries = Object.entries(features) as Array<[keyof AllHandlers, AnyFeature]>;
const byOrder = <T extends { order: number }>(list: T[]) => [...list].sort((a, b) => a.order - b.order);

const wiring: FeatureWiring = {
  handoverSections: byOrder(entries.flatMap(([, f]) => f.handover ?? [])),
  diaryContributions: byOrder(entries.flatMap(([, f]) => f.diary ?? [])),
  retention: entries.flatMap(([, f]) => f.retention ?? []),
};

export const handoverSections: HandoverSectionProvider[] = wiring.handoverSections;
export const diaryContributions: DiaryContribution[] = wiring.diaryContributions;

export const handlers = Object.fromEntries(
  entries.map(([name, f]) => [name, typeof f.handlers === 'function' ? f.handlers(wiring) : f.handlers]),
) as unknown as AllHandlers;

export const jobs: Job[] = entries.flatMap(([, f]) => (typeof f.jobs === 'function' ? f.jobs(wiring) : (f.jobs ?? [])));
