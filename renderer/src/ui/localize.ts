// Turning the lines sections and diaries carry (an i18n key plus parameters) into text in the screen's language
// (the parameters' rules are in line-params.ts).
import { useTranslation } from 'react-i18next';
import { useBuilding } from './use-building';
import { formatDateTime } from '../../../shared/rules/time';
import type { LineParams } from '../../../shared/contract/shifts';
import { localizeParams } from './line-params';


/** The building's time zone (from the building profile every screen loads at start). */
export function useTimeZone(): string {
  return useBuilding((s) => s.timeZone);
}

/** `text(kind, params)` for handover lines and diary items; `at(ms)` for times. */
export function useLocalizer(): { text: (kind: string, params: LineParams) => string; at: (ms: number | null | undefined) => string } {
  const { t, i18n } = useTranslation();
  const tz = useTimeZone();
  return {
    text: (kind, params) => t(kind, { ...localizeParams(params, i18n.language, tz), interpolation: { escapeValue: false } }),
    at: (ms) => (typeof ms === 'number' ? formatDateTime(ms, tz) : '—'),
  };
}
