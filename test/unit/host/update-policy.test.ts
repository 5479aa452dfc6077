// Which release a building takes and when: the channel file, held-back buildings, stages, pre-releases on
// the stable channel, and installs only outside the busy hours with no call in progress.
import { describe, expect, it } from 'vitest';
import { busyRangeAt, channelFileName, decideInstall, decideOffer, groupMatches, DESK_BUSY_RETRY_MS } from '../../../main/host/update-policy';

const TZ = 'Asia/Shanghai';
const at = (local: string) => Date.parse(`${local}+08:00`);
const offer = (over: Partial<Parameters<typeof decideOffer>[0]> = {}) =>
  decideOffer({ current: '1.3.2', offered: '1.4.0', channel: 'latest', group: 'HX-01', rollout: null, now: at('2026-12-03T10:00:00'), ...over });

describe('release policy', () => {
  it('X-5 the channel file is the one electron-updater reads on each platform', () => {
    expect(channelFileName('latest', 'win32')).toBe('latest.yml');
    expect(channelFileName('beta', 'win32')).toBe('beta.yml');
    expect(channelFileName('latest', 'linux')).toBe('latest-linux.yml');
    expect(channelFileName('latest', 'linux', 'arm64')).toBe('latest-linux-arm64.yml');
    expect(channelFileName('latest', 'darwin')).toBe('latest-mac.yml');
  });

  it('X-5 a newer release is taken; the same or an older one is not; a pre-release never on the stable channel', () => {
    expect(offer()).toEqual({ state: 'available', notBefore: null, detail: null });
    expect(offer({ offered: '1.3.2' }).state).toBe('up-to-date');
    expect(offer({ offered: '1.2.0' }).state).toBe('up-to-date');
    expect(offer({ offered: '1.4.0-beta.2' })).toMatchObject({ state: 'up-to-date', detail: 'prerelease' });
    expect(offer({ offered: '1.4.0-beta.2', channel: 'beta' }).state).toBe('available');
    expect(offer({ offered: 'not-a-version' })).toMatchObject({ state: 'error', detail: 'feedVersion' });
    expect(offer({ offered: null }).state).toBe('error');
  });

  it('X-5 a building on the hold list stays on its version; patterns match groups without regard to case', () => {
    expect(offer({ rollout: { version: '1.4.0', hold: ['HX-01'] } })).toEqual({ state: 'held', notBefore: null, detail: 'heldBack' });
    expect(offer({ rollout: { version: '1.4.0', hold: ['hx-*'] } }).state).toBe('held');
    expect(offer({ rollout: { version: '1.4.0', hold: ['JD-02'] } }).state).toBe('available');
    expect(groupMatches('pilot-*', 'pilot-HX')).toBe(true);
    expect(groupMatches('pilot-*', 'HX-pilot')).toBe(false);
    expect(groupMatches('a.b', 'axb')).toBe(false); // a dot is a dot, not "any character"
  });

  it('X-5 stages: a building takes the release from its stage’s date; a building in no stage waits', () => {
    const rollout = {
      version: '1.4.0',
      stages: [
        { groups: ['pilot-*'], from: '2026-12-01T00:00:00+08:00' },
        { groups: ['*'], from: '2026-12-08T00:00:00+08:00' },
      ],
    };
    expect(offer({ group: 'pilot-HX', rollout }).state).toBe('available');
    expect(offer({ group: 'HX-01', rollout })).toEqual({ state: 'waiting', notBefore: at('2026-12-08T00:00:00'), detail: 'stageLater' });
    expect(offer({ group: 'HX-01', rollout, now: at('2026-12-08T00:00:00') }).state).toBe('available');
    expect(offer({ rollout: { version: '1.4.0', stages: [{ groups: ['pilot-*'], from: '2026-12-01T00:00:00+08:00' }] } })).toEqual({ state: 'waiting', notBefore: null, detail: 'notInStage' });
  });

  it('X-5 a rollout file written for another release holds the building rather than rolling this one out unplanned', () => {
    expect(offer({ rollout: { version: '1.3.9', hold: [] } })).toEqual({ state: 'held', notBefore: null, detail: 'rolloutMismatch' });
  });

  it('X-5 never during a busy hour: the install waits for its end (also across midnight and for touching ranges)', () => {
    const busy = ['07:30-09:30', '09:30-10:00', '22:00-02:00'];
    expect(busyRangeAt(at('2026-12-03T08:00:00'), busy, TZ)).toEqual({ from: at('2026-12-03T07:30:00'), to: at('2026-12-03T09:30:00') });
    expect(busyRangeAt(at('2026-12-03T11:00:00'), busy, TZ)).toBeNull();
    expect(busyRangeAt(at('2026-12-04T01:00:00'), busy, TZ)).toEqual({ from: at('2026-12-03T22:00:00'), to: at('2026-12-04T02:00:00') });
    expect(decideInstall({ now: at('2026-12-03T08:00:00'), busyHours: busy, timeZone: TZ, callInProgress: false })).toEqual({ installNow: false, notBefore: at('2026-12-03T10:00:00') });
    expect(decideInstall({ now: at('2026-12-03T23:00:00'), busyHours: busy, timeZone: TZ, callInProgress: false })).toEqual({ installNow: false, notBefore: at('2026-12-04T02:00:00') });
    expect(decideInstall({ now: at('2026-12-03T11:00:00'), busyHours: busy, timeZone: TZ, callInProgress: false })).toEqual({ installNow: true, notBefore: at('2026-12-03T11:00:00') });
  });

  it('X-5 never while a call is in progress: the install tries again a few minutes later', () => {
    const now = at('2026-12-03T11:00:00');
    expect(decideInstall({ now, busyHours: [], timeZone: TZ, callInProgress: true })).toEqual({ installNow: false, notBefore: now + DESK_BUSY_RETRY_MS });
  });

  it('X-5 busy hours are the building’s: the same instant is busy in Shanghai and not in London', () => {
    const instant = at('2026-12-03T08:00:00');
    expect(busyRangeAt(instant, ['07:30-09:30'], 'Asia/Shanghai')).not.toBeNull();
    expect(busyRangeAt(instant, ['07:30-09:30'], 'Europe/London')).toBeNull();
  });
});
