// Keeping the lobby and visitor screens up, as pure rules the window manager follows: a crashed renderer is
// reloaded, a window closed (Alt+F4 in kiosk mode) is prevented or re-created, a hung one is given a grace period
// and then reloaded — at most a few times a minute. A crash loop shows a notice with what to do, and tries again
// once after a pause, instead of reloading forever.
import type { Language } from '../../shared/i18n';

export class ReloadLimiter {
  private readonly times: number[] = [];
  constructor(
    private readonly maxReloads = 3,
    private readonly windowMs = 60_000,
  ) {}

  /** Whether a reload at `now` is allowed; records it when it is. */
  allow(now: number): boolean {
    while (this.times.length > 0 && now - this.times[0]! >= this.windowMs) this.times.shift();
    if (this.times.length >= this.maxReloads) return false;
    this.times.push(now);
    return true;
  }
}

/** How long a hung renderer gets to answer again before it is reloaded. */
export const UNRESPONSIVE_GRACE_MS = 15_000;
/** How long the crash-loop notice stays before one more try. */
export const NOTICE_PAUSE_MS = 5 * 60_000;

export type Trouble = 'gone' | 'closed' | 'unresponsive';

export type Recovery =
  /** Load the screen again in the same window. */
  | { action: 'reload' }
  /** The window is gone: open a new one. */
  | { action: 'recreate' }
  /** Still hung: check again at `at` (a 'responsive' event in between cancels it). */
  | { action: 'wait'; at: number }
  /** Hung past the grace period: end its renderer; the 'gone' that follows reloads it (and is what counts). */
  | { action: 'kill' }
  /** Too many in a row: show the notice, try again at `retryAt`. */
  | { action: 'notice'; retryAt: number };

/** One screen's recovery: the decisions and their rate limit. */
export class ScreenRecovery {
  private readonly limiter: ReloadLimiter;
  private hungSince: number | null = null;
  private noticeUntil: number | null = null;

  constructor(options: { maxReloads?: number; windowMs?: number } = {}) {
    this.limiter = new ReloadLimiter(options.maxReloads ?? 3, options.windowMs ?? 60_000);
  }

  /** What to do about trouble at `now`. */
  onTrouble(trouble: Trouble, now: number): Recovery {
    if (this.noticeUntil !== null && now < this.noticeUntil) return { action: 'notice', retryAt: this.noticeUntil };
    if (trouble === 'unresponsive') {
      if (this.hungSince === null) {
        this.hungSince = now;
        return { action: 'wait', at: now + UNRESPONSIVE_GRACE_MS };
      }
      if (now - this.hungSince < UNRESPONSIVE_GRACE_MS) return { action: 'wait', at: this.hungSince + UNRESPONSIVE_GRACE_MS };
      this.hungSince = null;
      return { action: 'kill' };
    }
    if (!this.limiter.allow(now)) {
      this.noticeUntil = now + NOTICE_PAUSE_MS;
      return { action: 'notice', retryAt: this.noticeUntil };
    }
    return trouble === 'closed' ? { action: 'recreate' } : { action: 'reload' };
  }

  /** The renderer answers again: the hang is over. */
  onResponsive(): void {
    this.hungSince = null;
  }

  /** The notice's pause is over: one more try (which counts against the limit like any other). */
  onNoticeOver(now: number): Recovery {
    this.noticeUntil = null;
    return this.onTrouble('gone', now);
  }
}

/** Whether a window's close is refused: in kiosk mode nobody closes a screen, except the app quitting. */
export function refuseClose(options: { kiosk: boolean; quitting: boolean }): boolean {
  return options.kiosk && !options.quitting;
}

const NOTICE: Record<Language, { title: string; body: string; retry: string; help: string }> = {
  'zh-CN': {
    title: '此屏幕多次意外停止',
    body: '为避免反复重启，已暂停自动恢复。',
    retry: '将于 {time} 再试一次。',
    help: '若仍出现此页面，请重新启动电脑；如问题持续，请联系技术支持（管理员可在“管理 → 本机”查看日志文件夹）。',
  },
  en: {
    title: 'This screen stopped unexpectedly several times',
    body: 'Automatic recovery is paused so it does not restart over and over.',
    retry: 'It will try again at {time}.',
    help: 'If you see this page again, restart the PC; if it keeps happening, contact support (an administrator finds the log folder under Admin → This PC).',
  },
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The crash-loop notice as a self-contained page (no script, no requests), to load as a data: URL. */
export function noticePage(lang: Language, retryTime: string): string {
  const t = NOTICE[lang] ?? NOTICE['zh-CN'];
  const other = NOTICE[lang === 'en' ? 'zh-CN' : 'en'];
  const block = (x: typeof t) =>
    `<h1>${escapeHtml(x.title)}</h1><p>${escapeHtml(x.body)} ${escapeHtml(x.retry.replace('{time}', retryTime))}</p><p>${escapeHtml(x.help)}</p>`;
  return (
    `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    `<title>${escapeHtml(t.title)}</title><style>body{font-family:system-ui,"Microsoft YaHei","WenQuanYi Zen Hei",sans-serif;background:#f0f2f5;color:#1f1f1f;` +
    `margin:0;display:flex;align-items:center;justify-content:center;height:100vh}main{max-width:720px;padding:48px;background:#fff;border-radius:8px}` +
    `h1{font-size:28px}p{font-size:18px;line-height:1.6}hr{border:0;border-top:1px solid #ddd;margin:32px 0}</style></head>` +
    `<body><main>${block(t)}<hr>${block(other)}</main></body></html>`
  );
}

export function noticeUrl(lang: Language, retryTime: string): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(noticePage(lang, retryTime))}`;
}
