// The Electron security checklist as pure rules: web preferences, navigation, the visitor window's routes,
// permissions, escape shortcuts.
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  secureWebPreferences,
  isAllowedNavigation,
  isAllowedVisitorRoute,
  isPermissionAllowed,
  isAllowedRequest,
  isDeviceAllowed,
  isEscapeShortcut,
  CONTENT_SECURITY_POLICY,
  type KeyInput,
} from '../../../main/app/security';
import { CONTENT_SECURITY_POLICY as SERVER_CSP } from '../../../main/server/policy';
import { commonZhCN } from '../../../renderer/src/i18n/common';

const APP = `${APP_ORIGIN}/index.html`;

/** Every staff screen: the navigation keys are the staff routes (renderer/src/app/registry.tsx), plus setup. */
const STAFF_ROUTES = [...Object.keys(commonZhCN.nav), 'setup'];

describe('Electron security rules', () => {
  it('X-5 both windows get isolated, sandboxed renderers without Node; dev tools only outside production', () => {
    for (const screen of ['lobby', 'visitor'] as const) {
      const prefs = secureWebPreferences({ preload: '/app/preload.cjs', screen, devTools: false });
      expect(prefs).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        devTools: false,
        preload: '/app/preload.cjs',
      });
      expect(prefs.additionalArguments).toEqual([`--lobby-desk-screen=${screen}`]);
    }
    expect(secureWebPreferences({ preload: 'p', screen: 'lobby', devTools: true }).devTools).toBe(true);
    expect(CONTENT_SECURITY_POLICY).toBe(SERVER_CSP);
  });

  it('X-5 windows navigate only within our own origin (and the dev server’s when one is configured)', () => {
    const allowed = [APP_ORIGIN];
    expect(isAllowedNavigation(`${APP}#/lobby`, allowed)).toBe(true);
    expect(isAllowedNavigation(`${APP_ORIGIN}/assets/x.js`, allowed)).toBe(true);
    for (const target of [
      'https://evil.example/',
      'http://127.0.0.1:5199/#/lobby',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
      'lobby-desk://app.evil.example/',
      'lobby-desk://evil/',
      'chrome://settings',
      'not a url',
      '',
    ]) {
      expect(isAllowedNavigation(target, allowed), target).toBe(false);
    }
    const dev = [APP_ORIGIN, 'http://localhost:5173'];
    expect(isAllowedNavigation('http://localhost:5173/#/lobby', dev)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', dev)).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173@evil.example/', dev)).toBe(false);
  });

  it('X-5 the visitor window shows only the visitor route: every staff route is refused, however it is written', () => {
    expect(STAFF_ROUTES).toEqual(expect.arrayContaining(['lobby', 'admin', 'records', 'handover']));
    for (const ok of [`${APP}#/visitor`, `${APP}#/visitor?lang=en`, `${APP}#/visitor/register`, `http://192.168.1.5:5199/#/visitor`]) {
      expect(isAllowedVisitorRoute(ok), ok).toBe(true);
    }
    for (const route of STAFF_ROUTES) {
      for (const target of [
        `${APP}#/${route}`,
        `${APP}#/${route}?from=visitor`,
        `${APP}#/${route}#/visitor`,
        `${APP}#/visitor/../${route}`,
        `${APP}#/visitor/./../${route}`,
        `${APP}#/visitor/%2e%2e/${route}`,
        `${APP}#/visitor%2F..%2F${route}`,
        `${APP}#/visitor\\..\\${route}`,
        `${APP}#//${route}`,
        `${APP_ORIGIN}/${route}`,
      ]) {
        expect(isAllowedVisitorRoute(target), target).toBe(false);
      }
    }
    for (const odd of [`${APP}`, `${APP}#`, `${APP}#/visitorx`, `${APP}#/Visitor`, `${APP}#/visitor%`, 'not a url']) {
      expect(isAllowedVisitorRoute(odd), odd).toBe(false);
    }
  });

  it('X-5 the page gets no camera, microphone, location, notifications, USB, serial or other permissions', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'pointerLock', 'fullscreen', 'openExternal', 'usb', 'serial', 'hid', 'clipboard-read', 'display-capture', 'unknown']) {
      expect(isPermissionAllowed(permission), permission).toBe(false);
    }
    expect(isPermissionAllowed('clipboard-sanitized-write')).toBe(true);
  });

  it('V-11 X-5 the camera (video only) is allowed for the lobby window alone: never the visitor window, a microphone or another window', () => {
    expect(isPermissionAllowed('media', { window: 'lobby', mediaTypes: ['video'] })).toBe(true);
    expect(isPermissionAllowed('media', { window: 'lobby', mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(isPermissionAllowed('media', { window: 'lobby', mediaTypes: ['audio'] })).toBe(false);
    expect(isPermissionAllowed('media', { window: 'lobby', mediaTypes: [] })).toBe(false);
    expect(isPermissionAllowed('media', { window: 'lobby' })).toBe(false);
    expect(isPermissionAllowed('media', { window: 'visitor', mediaTypes: ['video'] })).toBe(false);
    expect(isPermissionAllowed('media', { window: 'other', mediaTypes: ['video'] })).toBe(false);
    for (const permission of ['geolocation', 'notifications', 'display-capture', 'hid']) expect(isPermissionAllowed(permission, { window: 'lobby', mediaTypes: ['video'] }), permission).toBe(false);
  });

  const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ type: 'keyDown', key: k, control: false, meta: false, alt: false, shift: false, ...mods });

  it('X-5 shortcuts that would leave the kiosk are caught: reload, close, dev tools, zoom, full screen, new windows, history, the window menu', () => {
    const escapes: Array<[string, KeyInput]> = [
      ['F5', key('F5')],
      ['F11', key('F11')],
      ['F12', key('F12')],
      ['Ctrl+R', key('r', { control: true })],
      ['Ctrl+Shift+R', key('R', { control: true, shift: true })],
      ['Cmd+R', key('r', { meta: true })],
      ['Ctrl+W', key('w', { control: true })],
      ['Cmd+Q', key('q', { meta: true })],
      ['Alt+F4', key('F4', { alt: true })],
      ['Alt+Space (window menu)', key(' ', { alt: true, code: 'Space' })],
      ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
      ['Ctrl+Shift+J', key('J', { control: true, shift: true })],
      ['Ctrl+Shift+C', key('C', { control: true, shift: true })],
      ['Ctrl+Shift+Delete', key('Delete', { control: true, shift: true })],
      ['Ctrl+N', key('n', { control: true })],
      ['Ctrl+T', key('t', { control: true })],
      ['Ctrl+O', key('o', { control: true })],
      ['Ctrl+P', key('p', { control: true })],
      ['Ctrl+S', key('s', { control: true })],
      ['Ctrl+U', key('u', { control: true })],
      ['Ctrl+Plus', key('+', { control: true, shift: true })],
      ['Ctrl+=', key('=', { control: true })],
      ['Ctrl+Minus', key('-', { control: true })],
      ['Ctrl+_', key('_', { control: true, shift: true })],
      ['Ctrl+0', key('0', { control: true })],
      ['Ctrl+numpad plus', key('+', { control: true, code: 'NumpadAdd' })],
      ['Alt+Left', key('ArrowLeft', { alt: true })],
      ['Alt+Right', key('ArrowRight', { alt: true })],
      ['Alt+Home', key('Home', { alt: true })],
      ['Browser Back key', key('BrowserBack')],
      ['Browser Refresh key', key('BrowserRefresh')],
      ['Ctrl+R on a Russian layout', key('к', { control: true, code: 'KeyR' })],
      ['Ctrl+W on a French AZERTY layout', key('w', { control: true, code: 'KeyZ' })],
      ['reported as rawKeyDown', { ...key('F5'), type: 'rawKeyDown' }],
    ];
    for (const [what, input] of escapes) expect(isEscapeShortcut(input), what).toBe(true);
  });

  it('X-5 typing, editing and the desk’s own shortcuts are left alone', () => {
    const fine: Array<[string, KeyInput]> = [
      ['a letter', key('a')],
      ['a capital', key('A', { shift: true })],
      ['Enter', key('Enter')],
      ['Escape', key('Escape')],
      ['Tab', key('Tab')],
      ['Shift+Tab', key('Tab', { shift: true })],
      ['Backspace', key('Backspace')],
      ['Ctrl+C', key('c', { control: true })],
      ['Ctrl+V', key('v', { control: true })],
      ['Ctrl+X', key('x', { control: true })],
      ['Ctrl+A', key('a', { control: true })],
      ['Ctrl+Z', key('z', { control: true })],
      ['Ctrl+F', key('f', { control: true })],
      ['F1', key('F1')],
      ['F2', key('F2')],
      ['F9', key('F9')],
      ['Alt+1', key('1', { alt: true })],
      ['Arrow keys', key('ArrowLeft')],
      ['a digit', key('0')],
      ['an IME composition', key('Process')],
      ['F5 released', { ...key('F5'), type: 'keyUp' }],
    ];
    for (const [what, input] of fine) expect(isEscapeShortcut(input), what).toBe(false);
  });
});

describe('requests and devices', () => {
  it('X-5 a screen reaches no network: only our own scheme, data and blobs, and in development the local dev server', () => {
    const origins = [APP_ORIGIN];
    expect(isAllowedRequest(`${APP_ORIGIN}/assets/index.js`, origins)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', origins)).toBe(true);
    expect(isAllowedRequest('blob:lobby-desk://app/0b3c', origins)).toBe(true);
    for (const remote of ['https://example.com/x.js', 'http://192.168.1.20:5199/api/health', 'wss://example.com/socket', 'http://localhost:5173/', 'ftp://example.com/', 'lobby-desk://other/index.html', 'not a url']) {
      expect(isAllowedRequest(remote, origins), remote).toBe(false);
    }
    const dev = [APP_ORIGIN, 'http://localhost:5173'];
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('http://localhost:5174/', dev)).toBe(false);
  });

  it('X-5 no HID, serial, USB or Bluetooth device is ever granted to a page', () => {
    for (const type of ['hid', 'serial', 'usb', 'bluetooth']) expect(isDeviceAllowed(type)).toBe(false);
  });
});
