// Keeping the screens up: reloading a crashed renderer with a limit, re-creating a closed window, ending a
// hung one after a grace period, and a notice instead of reloading forever.
import { describe, expect, it } from 'vitest';
import { NOTICE_PAUSE_MS, noticePage, noticeUrl, refuseClose, ReloadLimiter, ScreenRecovery, UNRESPONSIVE_GRACE_MS } from '../../../main/app/crash-recovery';

describe('crash recovery', () => {
  it('X-5 a crashed screen is reloaded up to three times a minute, then waits', () => {
    const limiter = new ReloadLimiter();
    const t0 = 1_000_000;
    expect([limiter.allow(t0), limiter.allow(t0 + 1000), limiter.allow(t0 + 2000)]).toEqual([true, true, true]);
    expect(limiter.allow(t0 + 3000)).toBe(false);
    expect(limiter.allow(t0 + 59_999)).toBe(false);
    // A refused attempt does not count: once the first reload is a minute old, one more is allowed.
    expect(limiter.allow(t0 + 60_000)).toBe(true);
    expect(limiter.allow(t0 + 60_500)).toBe(false);
    expect(limiter.allow(t0 + 62_000)).toBe(true);
  });

  it('X-5 the limits are configurable', () => {
    const limiter = new ReloadLimiter(1, 10_000);
    expect(limiter.allow(0)).toBe(true);
    expect(limiter.allow(9_999)).toBe(false);
    expect(limiter.allow(10_000)).toBe(true);
  });
});

describe('screen recovery', () => {
  it('X-5 a crashed screen is reloaded, a closed one re-created; after three in a minute the notice shows and one more try follows the pause', () => {
    const recovery = new ScreenRecovery();
    const t0 = 5_000_000;
    expect(recovery.onTrouble('gone', t0)).toEqual({ action: 'reload' });
    expect(recovery.onTrouble('closed', t0 + 1000)).toEqual({ action: 'recreate' });
    expect(recovery.onTrouble('gone', t0 + 2000)).toEqual({ action: 'reload' });
    const notice = recovery.onTrouble('gone', t0 + 3000);
    expect(notice).toEqual({ action: 'notice', retryAt: t0 + 3000 + NOTICE_PAUSE_MS });
    // More trouble during the pause changes nothing: no reload spins.
    expect(recovery.onTrouble('closed', t0 + 60_000)).toEqual(notice);
    expect(recovery.onNoticeOver(t0 + 3000 + NOTICE_PAUSE_MS)).toEqual({ action: 'reload' });
  });

  it('X-5 a hung screen gets a grace period; still hung after it, its renderer is ended (the crash that follows reloads it)', () => {
    const recovery = new ScreenRecovery();
    expect(recovery.onTrouble('unresponsive', 1000)).toEqual({ action: 'wait', at: 1000 + UNRESPONSIVE_GRACE_MS });
    expect(recovery.onTrouble('unresponsive', 2000)).toEqual({ action: 'wait', at: 1000 + UNRESPONSIVE_GRACE_MS });
    expect(recovery.onTrouble('unresponsive', 1000 + UNRESPONSIVE_GRACE_MS)).toEqual({ action: 'kill' });
    // Answering again in time ends the hang.
    expect(recovery.onTrouble('unresponsive', 100_000)).toEqual({ action: 'wait', at: 100_000 + UNRESPONSIVE_GRACE_MS });
    recovery.onResponsive();
    expect(recovery.onTrouble('unresponsive', 100_000 + UNRESPONSIVE_GRACE_MS)).toEqual({ action: 'wait', at: 100_000 + 2 * UNRESPONSIVE_GRACE_MS });
  });

  it('X-5 in kiosk mode a screen cannot be closed (Alt+F4) unless the app is quitting; in development it can', () => {
    expect(refuseClose({ kiosk: true, quitting: false })).toBe(true);
    expect(refuseClose({ kiosk: true, quitting: true })).toBe(false);
    expect(refuseClose({ kiosk: false, quitting: false })).toBe(false);
  });

  it('X-5 the crash-loop notice says what to do in both languages, as a page with no script and no requests', () => {
    const zh = noticePage('zh-CN', '14:05');
    expect(zh).toContain('此屏幕多次意外停止');
    expect(zh).toContain('将于 14:05 再试一次');
    expect(zh).toContain('This screen stopped unexpectedly several times');
    expect(zh).toContain("default-src 'none'");
    expect(zh).not.toMatch(/<script|src=|href=/);
    expect(noticePage('en', '<b>').indexOf('This screen')).toBeLessThan(noticePage('en', '<b>').indexOf('此屏幕'));
    expect(noticePage('en', '<b>')).toContain('&lt;b&gt;');
    expect(decodeURIComponent(noticeUrl('en', '14:05').replace(/^data:text\/html;charset=utf-8,/, ''))).toBe(noticePage('en', '14:05'));
  });
});
