// Turning the lines sections and diaries carry (an i18n key plus parameters) into text in the screen's language.
// Parameters whose names end in `At` are epoch ms shown as local time in the building's time zone.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { formatDateTime } from '../../../../shared/rules/time';
import type { LineParams } from '../../../../shared/contract/shifts';

let timeZone = 'Asia/Shanghai';
let loading: Promise<void> | null = null;

/** The building's time zone (loaded once per screen; the desk's default until it arrives). */
export function useTimeZone(): string {
  const [tz, setTz] = useState(timeZone);
  useEffect(() => {
    loading ??= api.settings
      .building({})
      .then((b) => {
        timeZone = b.timeZone;
      })
      .catch(() => {
        loading = null;
      });
    void loading.then(() => setTz(timeZone));
  }, []);
  return tz;
}

export function localizeParams(params: LineParams, lang: string, tz: string): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(params)) {
    if (name.endsWith('At')) out[name] = typeof value === 'number' ? formatDateTime(value, tz) : '—';
    else out[name] = value ?? '';
  }
  if (typeof params.label === 'string') out.label = lang === 'en' && params.labelEn ? String(params.labelEn) : params.label;
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
