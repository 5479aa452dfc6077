// Device-local preferences needed before the database opens: whether to serve the LAN, which display shows the
// visitor screen, auto-start, the shell's language, where the data lives. Business settings live in SQLite, not
// here. One JSON file in the per-user folder (`device-preferences.json`, as before), written atomically by `conf`
// (the library electron-store is built on, usable in plain Node too, so web mode and the desktop app share it).
// Every field is checked on the way in and out: a bad value falls back to its default; a file that is not JSON at
// all is set aside (`device-preferences.json.bad-<time>`) and the defaults are used, so a damaged file never stops
// the desk from starting. The admin screen shows what was recovered.
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { z } from 'zod';
import { DevicePreferences as Schema, DEFAULT_PREFERENCES, type DevicePreferences } from '../../shared/contract/installation';

export { DEFAULT_PREFERENCES, type DevicePreferences };

export const PREFERENCES_NAME = 'device-preferences';

export interface PreferencesStore {
  readonly file: string;
  /** What was wrong with the file when it was read (bad JSON set aside, fields that fell back), for the admin. */
  readonly problems: readonly string[];
  get(): DevicePreferences;
  set(patch: Partial<DevicePreferences>): DevicePreferences;
}

/** Each field on its own: a bad one falls back to its default and is reported; the others are kept. */
export function parsePreferences(raw: unknown): { value: DevicePreferences; bad: string[] } {
  const source = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const value = { ...DEFAULT_PREFERENCES } as Record<string, unknown>;
  const bad: string[] = [];
  for (const [key, field] of Object.entries(Schema.shape) as Array<[keyof DevicePreferences, z.ZodType]>) {
    if (!(key in source)) continue;
    const parsed = field.safeParse(source[key]);
    if (parsed.success) value[key] = parsed.data;
    else bad.push(key);
  }
  return { value: value as unknown as DevicePreferences, bad };
}

export function openPreferences(dir: string, now: () => number = Date.now): PreferencesStore {
  const file = path.join(dir, `${PREFERENCES_NAME}.json`);
  const problems: string[] = [];
  const setAside = () => {
    const aside = `${file}.bad-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(file, aside);
    problems.push(`${path.basename(file)} was not valid JSON; it was kept as ${path.basename(aside)} and the defaults are used`);
  };
  try {
    JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) setAside();
    else if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const conf = new Conf<Record<string, unknown>>({ cwd: dir, configName: PREFERENCES_NAME, configFileMode: 0o600 });
  const read = (): Record<string, unknown> => {
    try {
      return conf.store;
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      setAside(); // damaged while running (by hand): the same recovery
      return {};
    }
  };
  const initial = parsePreferences(read());
  for (const key of initial.bad) problems.push(`${key} had a value this version cannot use; its default is used`);
  return {
    file,
    problems,
    get: () => parsePreferences(read()).value,
    set(patch) {
      const next = parsePreferences({ ...parsePreferences(read()).value, ...patch });
      if (next.bad.length > 0) throw new Error(`not valid: ${next.bad.join(', ')}`);
      conf.store = next.value as unknown as Record<string, unknown>;
      return next.value;
    },
  };
}
