// Turning the lines sections and diaries carry (an i18n key plus parameters) into text in the screen's language.
// Parameters whose names end in `At` are epoch ms shown in the building's time zone; a parameter `fooEn` beside
// `foo` is the English form of `foo` (a checklist label, a notice title) and replaces it on an English screen.
import { useTranslation } from 'react-i18next';
import { useBuilding } from '../../app/use-building';
import { formatDateTime } from '../../../../shared/rules/time';
import type { LineParams } from '../../../../shared/contract/shifts';

/** The building's time zone (from the building profile every screen loads at start). */
export function useTimeZone(): string {
  return useBuilding((s) => s.timeZone);
}

export function localizeParams(params: LineParams, lang: string, tz: string): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(params)) {
    if (name.endsWith('At')) out[name] = typeof value === 'number' ? formatDateTime(value, tz) : '—';
    else out[name] = value ?? '';
  }
  if (lang === 'en') {
    for (const [name, value] of Object.entries(params)) {
      const base = name.endsWith('En') ? name.slice(0, -2) : '';
      if (base && base in params && typeof value === 'string' && value !== '') out[base] = value;
    }
  }
  return out;
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
