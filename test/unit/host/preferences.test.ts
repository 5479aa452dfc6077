// Device preferences: one JSON file per user, each field checked, a damaged file set aside rather than
// stopping the desk, and the file an earlier version (electron-store) wrote still read.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, openPreferences, parsePreferences } from '../../../main/host/preferences';
import { tempDir } from '../../support/core';

describe('device preferences', () => {
  it('X-5 a new PC gets the defaults: LAN off, visitor screen on the largest other display, auto-start on, Chinese', () => {
    const prefs = openPreferences(tempDir('lobby-desk-prefs-'));
    expect(prefs.get()).toEqual(DEFAULT_PREFERENCES);
    expect(prefs.get()).toMatchObject({ lanEnabled: false, visitorScreenOn: true, visitorDisplayId: null, autoStart: true, language: 'zh-CN' });
    expect(prefs.problems).toEqual([]);
  });

  it('X-5 a change is saved to the file and read back by the next start', () => {
    const dir = tempDir('lobby-desk-prefs-');
    openPreferences(dir).set({ lanEnabled: true, port: 6200, language: 'en' });
    const again = openPreferences(dir);
    expect(again.get()).toMatchObject({ lanEnabled: true, port: 6200, language: 'en', autoStart: true });
    expect(JSON.parse(fs.readFileSync(again.file, 'utf8'))).toMatchObject({ lanEnabled: true, port: 6200 });
  });

  it('X-3 a value that is not valid is refused by set and nothing is written', () => {
    const prefs = openPreferences(tempDir('lobby-desk-prefs-'));
    prefs.set({ port: 6200 });
    expect(() => prefs.set({ port: 80 } as never)).toThrow(/port/);
    expect(() => prefs.set({ lanHost: 'not an address' } as never)).toThrow(/lanHost/);
    expect(prefs.get().port).toBe(6200);
  });

  it('X-5 a preferences file that is not JSON is set aside and the desk starts on the defaults, saying what happened', () => {
    const dir = tempDir('lobby-desk-prefs-');
    fs.writeFileSync(path.join(dir, 'device-preferences.json'), '{"lanEnabled": tr');
    const prefs = openPreferences(dir, () => Date.UTC(2026, 10, 27, 8));
    expect(prefs.get()).toEqual(DEFAULT_PREFERENCES);
    expect(prefs.problems[0]).toMatch(/not valid JSON.*device-preferences\.json\.bad-2026-11-27T08-00-00-000Z/);
    expect(fs.readFileSync(path.join(dir, 'device-preferences.json.bad-2026-11-27T08-00-00-000Z'), 'utf8')).toBe('{"lanEnabled": tr');
  });

  it('X-5 one bad field falls back to its default and the others are kept; unknown keys of an older version are ignored', () => {
    const parsed = parsePreferences({ lanEnabled: true, port: 'five', visitorDisplayId: 7, somethingOld: 1 });
    expect(parsed.value).toMatchObject({ lanEnabled: true, port: DEFAULT_PREFERENCES.port, visitorDisplayId: 7 });
    expect(parsed.bad).toEqual(['port']);
    const dir = tempDir('lobby-desk-prefs-');
    // What electron-store wrote before (same file name, same folder): still read.
    fs.writeFileSync(path.join(dir, 'device-preferences.json'), JSON.stringify({ visitorDisplayId: 2, language: 'en', lanEnabled: true, lanHost: '0.0.0.0', port: 5199, autoStart: false, localKioskDeviceId: '01J0' }));
    expect(openPreferences(dir).get()).toMatchObject({ visitorDisplayId: 2, language: 'en', lanEnabled: true, autoStart: false, localKioskDeviceId: '01J0' });
  });
});
