// The parameters of handover lines and diary items as the screen interpolates them: names ending in `At` are epoch
// ms shown in the building's time zone; a parameter `fooEn` beside `foo` is the English form of `foo` (a checklist
// label, a notice title) and replaces it on an English screen. Pure, so tests can render lines as the screen does.
import { formatDateTime } from '../../../shared/rules/time';
import type { LineParams } from '../../../shared/contract/shifts';

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
