// BrowserWindow options of the two screens: kiosk and full screen, no frame, no dev tools in production.
import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../../main/app/window-options';
import type { DisplayInfo } from '../../../main/app/displays';

const display: DisplayInfo = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 1024 } };

describe('window options', () => {
  it('X-5 in production both screens are kiosk, full screen and frameless, with dev tools off and hidden until ready', () => {
    for (const screen of ['lobby', 'visitor'] as const) {
      const options = windowOptions(screen, display, { production: true, preload: '/p.cjs' });
      expect(options).toMatchObject({
        x: 1920,
        y: 0,
        width: 1280,
        height: 1024,
        kiosk: true,
        fullscreen: true,
        frame: false,
        autoHideMenuBar: true,
        show: false,
      });
      expect(options.webPreferences).toMatchObject({ devTools: false, sandbox: true, contextIsolation: true, nodeIntegration: false, preload: '/p.cjs' });
      expect(options.webPreferences.additionalArguments).toEqual([`--lobby-desk-screen=${screen}`]);
    }
  });

  it('X-5 in development the windows are ordinary (framed, dev tools on), still sandboxed', () => {
    const options = windowOptions('lobby', display, { production: false, preload: '/p.cjs' });
    expect(options).toMatchObject({ kiosk: false, fullscreen: false, frame: true });
    expect(options.webPreferences).toMatchObject({ devTools: true, sandbox: true, contextIsolation: true, nodeIntegration: false });
  });

  it('X-5 each screen has its own title and background (no white flash on the visitor screen)', () => {
    const lobby = windowOptions('lobby', display, { production: true, preload: 'p' });
    const visitor = windowOptions('visitor', display, { production: true, preload: 'p' });
    expect(lobby.title).toContain('大堂前台');
    expect(visitor.title).toContain('访客登记');
    expect(visitor.backgroundColor).not.toBe(lobby.backgroundColor);
  });
});
