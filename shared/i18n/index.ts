// Messages the core needs to produce (errors, validation) in both languages. Features add their namespace here.
import { errorsEn, errorsZhCN } from './errors';
import { callsSharedEn, callsSharedZhCN } from './calls';
import { recordsEn, recordsZhCN } from './records';
import { backupEn, backupZhCN } from './backup';
import { directoryCoreEn, directoryCoreZhCN } from './directory';
import { visitorsCoreEn, visitorsCoreZhCN } from './visitors';
import { callbacksCoreEn, callbacksCoreZhCN } from './callbacks';
import { noticesCoreEn, noticesCoreZhCN } from './notices';
import { shiftsEn, shiftsZhCN } from './shifts';
import { incidentsEn, incidentsZhCN } from './incidents';
import { keysEn, keysZhCN } from './keys';
import { handoverEn, handoverZhCN } from './handover';
import { auditCoreEn, auditCoreZhCN } from './audit';
import { installationCoreEn, installationCoreZhCN } from './installation';
import { importEn, importZhCN } from './import';
import { hardwareCoreEn, hardwareCoreZhCN } from './hardware';
import { expectedCoreEn, expectedCoreZhCN } from './expected';
import { parcelsCoreEn, parcelsCoreZhCN } from './parcels';
import { notifyCoreEn, notifyCoreZhCN } from './notify';
import { photosCoreEn, photosCoreZhCN } from './photos';
import { reportsEn, reportsZhCN } from './reports';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export const sharedMessages = {
  'zh-CN': {
    errors: errorsZhCN,
    calls: callsSharedZhCN,
    records: recordsZhCN,
    backup: backupZhCN,
    directory: directoryCoreZhCN,
    visitors: visitorsCoreZhCN,
    callbacks: callbacksCoreZhCN,
    notices: noticesCoreZhCN,
    shifts: shiftsZhCN,
    incidents: incidentsZhCN,
    keys: keysZhCN,
    handover: handoverZhCN,
    audit: auditCoreZhCN,
    installation: installationCoreZhCN,
    import: importZhCN,
    hardware: hardwareCoreZhCN,
    expected: expectedCoreZhCN,
    parcels: parcelsCoreZhCN,
    notify: notifyCoreZhCN,
    photos: photosCoreZhCN,
    reports: reportsZhCN,
  },
  en: {
    errors: errorsEn,
    calls: callsSharedEn,
    records: recordsEn,
    backup: backupEn,
    directory: directoryCoreEn,
    visitors: visitorsCoreEn,
    callbacks: callbacksCoreEn,
    notices: noticesCoreEn,
    shifts: shiftsEn,
    incidents: incidentsEn,
    keys: keysEn,
    handover: handoverEn,
    audit: auditCoreEn,
    installation: installationCoreEn,
    import: importEn,
    hardware: hardwareCoreEn,
    expected: expectedCoreEn,
    parcels: parcelsCoreEn,
    notify: notifyCoreEn,
    photos: photosCoreEn,
    reports: reportsEn,
  },
} as const;

/** Picks zh-CN or en from an Accept-Language header or a stored preference. */
export function pickLanguage(value: string | undefined | null): Language {
  if (!value) return DEFAULT_LANGUAGE;
  for (const part of value.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return DEFAULT_LANGUAGE;
}
