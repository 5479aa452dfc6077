// Each feature's own strings, as i18next namespaces named after the feature (the app composes them: i18n/ knows no feature).
import { authMessages } from '../features/auth/i18n';
import { setupMessages } from '../features/setup/i18n';
import { settingsMessages } from '../features/settings/i18n';
import { staffMessages } from '../features/staff/i18n';
import { devicesMessages } from '../features/devices/i18n';
import { auditMessages } from '../features/audit/i18n';
import { visitorsMessages } from '../features/visitors/i18n';
import { callsMessages } from '../features/calls/i18n';
import { recordsMessages } from '../features/records/i18n';
import { backupMessages } from '../features/backup/i18n';
import { directoryMessages } from '../features/directory/i18n';
import { callbacksMessages } from '../features/callbacks/i18n';
import { noticesMessages } from '../features/notices/i18n';
import { shiftsMessages } from '../features/shifts/i18n';
import { incidentsMessages } from '../features/incidents/i18n';
import { keysMessages } from '../features/keys/i18n';
import { handoverMessages } from '../features/handover/i18n';
import { installationMessages } from '../features/installation/i18n';
import { hardwareMessages } from '../features/hardware/i18n';
import { expectedMessages } from '../features/expected/i18n';
import { parcelsMessages } from '../features/parcels/i18n';
import { notifyMessages } from '../features/notify/i18n';
import { photosMessages } from '../features/photos/i18n';
import { landingMessages } from '../features/landing/i18n';
import { reportsMessages } from '../features/reports/i18n';

const features = {
  auth: authMessages,
  setup: setupMessages,
  settings: settingsMessages,
  staff: staffMessages,
  devices: devicesMessages,
  audit: auditMessages,
  visitors: visitorsMessages,
  calls: callsMessages,
  records: recordsMessages,
  backup: backupMessages,
  directory: directoryMessages,
  callbacks: callbacksMessages,
  notices: noticesMessages,
  shifts: shiftsMessages,
  incidents: incidentsMessages,
  keys: keysMessages,
  handover: handoverMessages,
  installation: installationMessages,
  hardware: hardwareMessages,
  expected: expectedMessages,
  parcels: parcelsMessages,
  notify: notifyMessages,
  photos: photosMessages,
  landing: landingMessages,
  reports: reportsMessages,
};

type Namespaces = { [K in keyof typeof features]: (typeof features)[K]['zh-CN'] };

function pick(lang: 'zh-CN' | 'en'): Namespaces {
  return Object.fromEntries(Object.entries(features).map(([ns, m]) => [ns, m[lang]])) as Namespaces;
}

export const featureMessages = { 'zh-CN': pick('zh-CN'), en: pick('en') };
