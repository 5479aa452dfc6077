// Which release this building takes, and when it installs it (pure, unit-tested). The company publishes releases
// in a folder it hosts (electron-updater's generic provider: `latest.yml` and the installers, made by
// `npm run dist`), with an optional `rollout.json` beside them:
//
//   { "version": "1.4.0",                 the release this file governs
//     "hold": ["HX-01"],                  groups (buildings) that stay on what they have
//     "stages": [                         who takes it from when; a group in no stage waits
//       { "groups": ["pilot-*"], "from": "2026-12-01T00:00:00+08:00" },
//       { "groups": ["*"],       "from": "2026-12-08T00:00:00+08:00" } ] }
//
// A building names its group in the admin screen (the release settings). Without a rollout file every building
// takes the release at once. A downloaded update installs only outside the building's busy hours and never while
// the desk has a call in progress; the store's pre-migration backup is taken when the new version first opens it.
import semver from 'semver';
import { dayKey, MINUTE } from '../../shared/rules/time';
import dayjs from 'dayjs';
import { TIME_RANGE, type ReleaseChannel, type UpdateState } from '../../shared/contract/installation';

export interface Rollout {
  version?: string;
  hold?: string[];
  stages?: Array<{ groups: string[]; from: string }>;
}

/** The channel file electron-updater reads for this platform (`latest.yml`, `beta-linux.yml` …). */
export function channelFileName(channel: ReleaseChannel, platform: NodeJS.Platform, arch: string = 'x64'): string {
  if (platform === 'darwin') return `${channel}-mac.yml`;
  if (platform === 'linux') return arch === 'arm64' ? `${channel}-linux-arm64.yml` : `${channel}-linux.yml`;
  return `${channel}.yml`;
}

/** A group pattern: exact, or with `*` for any run of characters (`pilot-*`, `*`). Case does not matter. */
export function groupMatches(pattern: string, group: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\-]/g, '\\$&')).join('.*')}$`, 'i');
  return regex.test(group);
}

export interface OfferInput {
  current: string;
  /** The version in the channel file; null when the feed has none. */
  offered: string | null;
  channel: ReleaseChannel;
  group: string;
  rollout: Rollout | null;
  now: number;
}

export interface Offer {
  state: Extract<UpdateState, 'up-to-date' | 'available' | 'held' | 'waiting' | 'error'>;
  /** 'waiting': when this building's stage starts (null: it is in no stage yet). */
  notBefore: number | null;
  /** Why (`installation:update.why.<detail>`), for the admin. */
  detail: string | null;
}

/** Whether this building takes the offered release now. */
export function decideOffer(input: OfferInput): Offer {
  const offered = input.offered ? semver.valid(input.offered) : null;
  if (!offered) return { state: 'error', notBefore: null, detail: 'feedVersion' };
  const current = semver.valid(input.current) ?? '0.0.0';
  if (!semver.gt(offered, current)) return { state: 'up-to-date', notBefore: null, detail: null };
  // The stable channel never takes a pre-release, even if someone put one in latest.yml.
  if (input.channel === 'latest' && semver.prerelease(offered)) return { state: 'up-to-date', notBefore: null, detail: 'prerelease' };
  const rollout = input.rollout;
  if (!rollout) return { state: 'available', notBefore: null, detail: null };
  // A rollout file for another release is out of date: hold rather than roll a release out unplanned.
  if (rollout.version && semver.valid(rollout.version) !== offered) return { state: 'held', notBefore: null, detail: 'rolloutMismatch' };
  if ((rollout.hold ?? []).some((pattern) => groupMatches(pattern, input.group))) return { state: 'held', notBefore: null, detail: 'heldBack' };
  if (!rollout.stages || rollout.stages.length === 0) return { state: 'available', notBefore: null, detail: null };
  const starts = rollout.stages
    .filter((stage) => stage.groups.some((pattern) => groupMatches(pattern, input.group)))
    .map((stage) => Date.parse(stage.from))
    .filter((at) => !Number.isNaN(at));
  if (starts.length === 0) return { state: 'waiting', notBefore: null, detail: 'notInStage' };
  const start = Math.min(...starts);
  if (start > input.now) return { state: 'waiting', notBefore: start, detail: 'stageLater' };
  return { state: 'available', notBefore: null, detail: null };
}

/** The busy range `now` falls in, as absolute times (a range may cross midnight), or null. */
export function busyRangeAt(now: number, busyHours: readonly string[], timeZone: string): { from: number; to: number } | null {
  const today = dayKey(now, timeZone);
  const yesterday = dayKey(now - 24 * 60 * MINUTE, timeZone);
  for (const range of busyHours) {
    if (!TIME_RANGE.test(range)) continue;
    const [start, end] = range.split('-') as [string, string];
    for (const day of [yesterday, today]) {
      const from = dayjs.tz(`${day} ${start}`, timeZone).valueOf();
      let to = dayjs.tz(`${day} ${end}`, timeZone).valueOf();
      if (to <= from) to = dayjs.tz(`${dayKey(from + 24 * 60 * MINUTE, timeZone)} ${end}`, timeZone).valueOf();
      if (now >= from && now < to) return { from, to };
    }
  }
  return null;
}

export const DESK_BUSY_RETRY_MS = 5 * MINUTE;

/** When a downloaded update may be installed: now, or not before the end of the busy hour / the call. */
export function decideInstall(input: { now: number; busyHours: readonly string[]; timeZone: string; callInProgress: boolean }): { installNow: boolean; notBefore: number } {
  let at = input.now;
  // Ranges may touch or overlap: step to the end of each until outside all of them.
  for (let i = 0; i < 10; i += 1) {
    const range = busyRangeAt(at, input.busyHours, input.timeZone);
    if (!range) break;
    at = range.to;
  }
  if (at > input.now) return { installNow: false, notBefore: at };
  if (input.callInProgress) return { installNow: false, notBefore: input.now + DESK_BUSY_RETRY_MS };
  return { installNow: true, notBefore: input.now };
}
