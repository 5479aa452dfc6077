// Checking the company's release feed, in both shells: reads the channel file (`latest.yml` …) and `rollout.json`,
// applies the rollout policy, and — in the desktop app — hands the download and the install to electron-updater
// (through `DesktopInstaller`), installing only outside the busy hours. Web mode is told (status, log, console).
import yaml from 'js-yaml';
import type Database from 'better-sqlite3';
import type { Logger } from '../core/context';
import { releaseSettings } from '../core/installation';
import { buildingTimeZone } from '../core/settings';
import { callsInProgress, ringingCalls } from '../core/calls/ring-timer';
import type { Clock } from '../core/clock';
import type { ReleaseChannel, UpdateStatus } from '../../shared/contract/installation';
import { channelFileName, decideInstall, decideOffer, type Rollout } from './update-policy';

export const CHECK_EVERY_MS = 6 * 3_600_000;
const INSTALL_RECHECK_MS = 60_000;
const FETCH_TIMEOUT_MS = 20_000;

export interface Feed {
  version: string | null;
  rollout: Rollout | null;
}

function feedBase(feedUrl: string): string {
  return feedUrl.endsWith('/') ? feedUrl : `${feedUrl}/`;
}

async function fetchText(url: string, fetchImpl: typeof fetch): Promise<string | null> {
  const response = await fetchImpl(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { 'cache-control': 'no-cache' } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.text();
}

/** The offered version and the rollout rules. A missing rollout file means no rules; a broken one is an error. */
export async function readFeed(feedUrl: string, channel: ReleaseChannel, platform: NodeJS.Platform, fetchImpl: typeof fetch = fetch): Promise<Feed> {
  const base = feedBase(feedUrl);
  const channelText = await fetchText(new URL(channelFileName(channel, platform), base).href, fetchImpl);
  const parsed = channelText === null ? null : (yaml.load(channelText) as { version?: unknown } | null);
  const version = parsed && typeof parsed.version === 'string' ? parsed.version : null;
  const rolloutText = await fetchText(new URL('rollout.json', base).href, fetchImpl);
  let rollout: Rollout | null = null;
  if (rolloutText !== null) {
    const raw = JSON.parse(rolloutText) as Rollout;
    if (typeof raw !== 'object' || raw === null) throw new Error('rollout.json is not an object');
    rollout = raw;
  }
  return { version, rollout };
}

/** What electron-updater does for the desktop app; absent in web mode. */
export interface DesktopInstaller {
  /** Downloads the release the feed offers (electron-updater checks it against the channel file's checksum). */
  download(feedUrl: string, channel: ReleaseChannel): Promise<void>;
  /** Quits and installs; the app starts again on the new version. */
  install(): void;
}

export interface UpdateCheckerOptions {
  current: string;
  db: () => Database.Database;
  clock: Clock;
  logger: Logger;
  platform?: NodeJS.Platform;
  fetchImpl?: typeof fetch;
  installer?: DesktopInstaller;
  /** Told when what the feed offers this building changes (web mode prints it). */
  onChange?: (status: UpdateStatus) => void;
}

export class UpdateChecker {
  private current: UpdateStatus;
  private checkTimer: NodeJS.Timeout | null = null;
  private installTimer: NodeJS.Timeout | null = null;
  private running: Promise<UpdateStatus> | null = null;
  private downloadedVersion: string | null = null;

  constructor(private readonly options: UpdateCheckerOptions) {
    this.current = { state: 'off', current: options.current, available: null, checkedAt: null, notBefore: null, detail: null, installsItself: Boolean(options.installer) };
  }

  status(): UpdateStatus {
    return { ...this.current };
  }

  /** Checks now and then every few hours. */
  start(): void {
    void this.check();
    this.checkTimer = setInterval(() => void this.check(), CHECK_EVERY_MS);
    this.checkTimer.unref();
  }

  stop(): void {
    if (this.checkTimer) clearInterval(this.checkTimer);
    if (this.installTimer) clearTimeout(this.installTimer);
    this.checkTimer = null;
    this.installTimer = null;
  }

  check(): Promise<UpdateStatus> {
    this.running ??= this.runCheck().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private set(next: Partial<UpdateStatus>): UpdateStatus {
    this.current = { ...this.current, ...next };
    return this.status();
  }

  private async runCheck(): Promise<UpdateStatus> {
    const settings = releaseSettings(this.options.db());
    if (!settings.feedUrl) return this.set({ state: 'off', available: null, notBefore: null, detail: null });
    if (this.current.state === 'ready' || this.current.state === 'downloading') return this.status();
    const previous = this.current;
    this.set({ state: 'checking' });
    let feed: Feed;
    try {
      feed = await readFeed(settings.feedUrl, settings.channel, this.options.platform ?? process.platform, this.options.fetchImpl);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.options.logger.warn('release feed not reachable', { feed: settings.feedUrl, error: detail });
      return this.set({ state: 'error', checkedAt: this.options.clock.now(), detail });
    }
    const offer = decideOffer({ current: this.options.current, offered: feed.version, channel: settings.channel, group: settings.group, rollout: feed.rollout, now: this.options.clock.now() });
    const status = this.set({ state: offer.state, available: feed.version, checkedAt: this.options.clock.now(), notBefore: offer.notBefore, detail: offer.detail });
    if (offer.state !== previous.state || feed.version !== previous.available) {
      this.options.logger.info('release feed checked', { state: offer.state, current: this.options.current, offered: feed.version, detail: offer.detail, group: settings.group });
      this.options.onChange?.(status);
    }
    if (offer.state === 'available' && this.options.installer && this.downloadedVersion !== feed.version) {
      this.set({ state: 'downloading' });
      try {
        await this.options.installer.download(settings.feedUrl, settings.channel);
        this.downloadedVersion = feed.version;
        this.options.logger.info('update downloaded', { version: feed.version });
        this.tryInstall();
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        this.options.logger.error('update download failed', { version: feed.version, error: detail });
        return this.set({ state: 'error', detail });
      }
    }
    return status.state === 'available' && this.options.installer ? this.status() : status;
  }

  /** Installs when the building is not in a busy hour and the desk has no call in progress; else tries again later. */
  tryInstall(): void {
    if (this.downloadedVersion === null) return;
    if (this.installTimer) clearTimeout(this.installTimer);
    this.installTimer = null;
    const db = this.options.db();
    const now = this.options.clock.now();
    const settings = releaseSettings(db);
    const timeZone = buildingTimeZone(db);
    const callInProgress = ringingCalls({ db, clock: this.options.clock, now }).length > 0 || callsInProgress(db).length > 0;
    const decision = decideInstall({ now, busyHours: settings.busyHours, timeZone, callInProgress });
    if (decision.installNow) {
      this.options.logger.info('installing update', { version: this.downloadedVersion });
      this.set({ state: 'ready', notBefore: now });
      this.options.installer?.install();
      return;
    }
    this.set({ state: 'ready', notBefore: decision.notBefore, detail: callInProgress ? 'callInProgress' : 'busyHours' });
    this.installTimer = setTimeout(() => this.tryInstall(), Math.max(INSTALL_RECHECK_MS, Math.min(decision.notBefore - now, 30 * 60_000)));
    this.installTimer.unref();
  }
}
