// Messages the core needs to produce (errors, validation) in both languages. Features add their namespace here.
import { errorsEn, errorsZhCN } from './errors';
import { shiftsEn, shiftsZhCN } from './shifts';
import { incidentsEn, incidentsZhCN } from './incidents';
import { keysEn, keysZhCN } from './keys';
import { handoverEn, handoverZhCN } from './handover';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

export const sharedMessages = {
  'zh-CN': { errors: errorsZhCN, shifts: shiftsZhCN, incidents: incidentsZhCN, keys: keysZhCN, handover: handoverZhCN },
  en: { errors: errorsEn, shifts: shiftsEn, incidents: incidentsEn, keys: keysEn, handover: handoverEn },
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
