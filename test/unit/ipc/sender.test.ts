// IPC messages are accepted only from our own windows' main frames showing our own page (X-5).
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../main/ipc/sender';
import { APP_ORIGIN } from '../../../main/app/security';

const windows = new Map<number, unknown>([[3, {}], [4, {}]]);
const allowed = [APP_ORIGIN];

describe('IPC sender check', () => {
  it('X-5 our window’s main frame on our own page may call', () => {
    expect(isTrustedSender({ webContentsId: 3, frameUrl: `${APP_ORIGIN}/index.html#/lobby`, isMainFrame: true }, windows, allowed)).toBe(true);
    expect(isTrustedSender({ webContentsId: 4, frameUrl: `${APP_ORIGIN}/index.html#/visitor`, isMainFrame: true }, windows, allowed)).toBe(true);
  });

  it('X-5 an unknown window, a sub-frame, a gone frame or a foreign page may not', () => {
    expect(isTrustedSender({ webContentsId: 9, frameUrl: `${APP_ORIGIN}/index.html`, isMainFrame: true }, windows, allowed)).toBe(false);
    expect(isTrustedSender({ webContentsId: 3, frameUrl: `${APP_ORIGIN}/index.html`, isMainFrame: false }, windows, allowed)).toBe(false);
    expect(isTrustedSender({ webContentsId: 3, frameUrl: null, isMainFrame: true }, windows, allowed)).toBe(false);
    for (const url of ['https://evil.example/', 'about:blank', 'data:text/html,x', 'file:///tmp/x.html', 'devtools://devtools/', 'lobby-desk://other/']) {
      expect(isTrustedSender({ webContentsId: 3, frameUrl: url, isMainFrame: true }, windows, allowed), url).toBe(false);
    }
  });

  it('X-5 the dev server’s origin counts only when it is configured', () => {
    const sender = { webContentsId: 3, frameUrl: 'http://localhost:5173/#/lobby', isMainFrame: true };
    expect(isTrustedSender(sender, windows, allowed)).toBe(false);
    expect(isTrustedSender(sender, windows, [...allowed, 'http://localhost:5173'])).toBe(true);
  });
});
