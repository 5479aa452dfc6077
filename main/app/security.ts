// The Electron security checklist as pure rules, so they are unit-tested without Electron.

import { APP_SCHEME, isAllowedNavigation } from '../ipc/sender';

export { APP_SCHEME, isAllowedNavigation };

/** Our own renderer's origin: a privileged custom scheme, not file://. */
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  enableWebSQL: false;
  spellcheck: false;
  devTools: boolean;
  additionalArguments: string[];
  backgroundThrottling: false;
}

export function secureWebPreferences(options: { preload: string; screen: 'lobby' | 'visitor'; devTools: boolean }): SecureWebPreferences {
  return {
    preload: options.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    spellcheck: false,
    devTools: options.devTools,
    additionalArguments: [`--lobby-desk-screen=${options.screen}`],
    // The lobby's ring timer and clock must keep ticking when the window is not focused.
    backgroundThrottling: false,
  };
}

/**
 * The visitor window may show only the visitor route (and routes under it): never a staff screen. Judged on the
 * decoded hash path, so `#/visitor/../lobby` and its percent-encoded forms do not pass. The origin is checked
 * separately (`isAllowedNavigation`).
 */
export function isAllowedVisitorRoute(target: string): boolean {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  const routePath = url.hash.slice(1).split(/[?#]/)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(routePath);
  } catch {
    return false;
  }
  if (decoded.includes('\\') || decoded.split('/').some((segment) => segment === '.' || segment === '..')) return false;
  return decoded === '/visitor' || decoded.startsWith('/visitor/');
}

/**
 * Requests the renderer may make (the session's webRequest filter): our own scheme, inline data and blobs, dev
 * tools, and in development the dev server. Every other http(s)/ws(s) request is cancelled — the desk talks to
 * main over IPC and needs no network, so a page that tried to reach out (a link, an injected image) gets nothing.
 */
export function isAllowedRequest(target: string, allowedOrigins: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  if (['data:', 'blob:', 'devtools:', 'chrome-extension:'].includes(url.protocol)) return true;
  if (url.protocol === `${APP_SCHEME}:`) return url.host === APP_HOST;
  if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) {
    const origin = `${url.protocol === 'ws:' ? 'http:' : url.protocol === 'wss:' ? 'https:' : url.protocol}//${url.host}`;
    return allowedOrigins.includes(origin);
  }
  return false;
}

/** What the shell knows about a permission request: which window asked, and for media, which kinds. */
export interface PermissionRequest {
  /** The lobby window (the desk), the visitor window, or anything else (a print window, an unknown frame). */
  window: 'lobby' | 'visitor' | 'other';
  /** For 'media': what the page asked for (Electron's `mediaTypes` / `mediaType`). */
  mediaTypes?: readonly string[];
}

/**
 * No microphone, geolocation, notifications from the page, USB, serial …: the kiosk needs none. The one exception is
 * the camera (video only) for the lobby window: the desk's visitor photo, which the page asks for only after the
 * visitor's separate consent (V-11). The visitor screen never gets a camera.
 */
export function isPermissionAllowed(permission: string, request: PermissionRequest = { window: 'other' }): boolean {
  if (permission === 'clipboard-sanitized-write') return true;
  if (permission === 'media') {
    const kinds = request.mediaTypes ?? [];
    return request.window === 'lobby' && kinds.length > 0 && kinds.every((k) => k === 'video');
  }
  return false;
}

/** Devices (HID, serial, USB, Bluetooth) the page may be granted: none. Card readers and printers are main's. */
export function isDeviceAllowed(_deviceType: string): boolean {
  return false;
}

export interface KeyInput {
  type: string;
  key: string;
  /** The physical key (`KeyR`), the same on every keyboard layout; Electron provides it. */
  code?: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

const CODE_KEYS: Record<string, string> = { Equal: '=', Minus: '-', NumpadAdd: '+', NumpadSubtract: '-', Digit0: '0', Numpad0: '0', Space: ' ' };

/** The key as lower-case text, and what the physical key is on a US layout (Ctrl+R on a Russian layout is `к`). */
function keyNames(input: KeyInput): Set<string> {
  const names = new Set([input.key.toLowerCase()]);
  const code = input.code ?? '';
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (letter) names.add(letter.toLowerCase());
  if (CODE_KEYS[code]) names.add(CODE_KEYS[code]!);
  return names;
}

/**
 * Keyboard shortcuts that would let someone at a kiosk leave it: reload, dev tools, close, zoom, full-screen
 * toggles, new windows, printing dialogs the page did not ask for, history navigation, the window menu.
 * Allowed in development. Copy, paste, undo, select-all and the function keys the desk uses stay available.
 */
export function isEscapeShortcut(input: KeyInput): boolean {
  // Electron reports key presses as keyDown (rawKeyDown in some versions); key releases are never blocked.
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const keys = keyNames(input);
  const any = (...names: string[]) => names.some((n) => keys.has(n));
  const mod = input.control || input.meta;
  if (any('f5', 'f11', 'f12', 'browserback', 'browserforward', 'browserrefresh', 'browserhome', 'browserstop')) return true;
  if (input.alt && any('f4', ' ')) return true;
  if (mod && any('r', 'w', 'q', 'n', 't', 'o', 'p', 's', 'u', '+', '-', '=', '_', '0')) return true;
  if (mod && input.shift && any('i', 'j', 'c', 'delete')) return true;
  if (input.alt && any('arrowleft', 'arrowright', 'home')) return true;
  return false;
}

/** The header our protocol handler adds to every renderer file. Same policy as the HTTP server's. */
export { CONTENT_SECURITY_POLICY } from '../server/policy';
