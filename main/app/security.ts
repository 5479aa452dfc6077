// The Electron security checklist as pure rules, so they are unit-tested without Electron.

/** Our own renderer's origin: a privileged custom scheme, not file://. */
export const APP_SCHEME = 'lobby-desk';
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

/** Where a window may navigate: only within our own origin (or the dev server's, in development). */
export function isAllowedNavigation(target: string, allowedOrigins: readonly string[]): boolean {
  try {
    const url = new URL(target);
    const origin = url.protocol === `${APP_SCHEME}:` ? `${APP_SCHEME}://${url.host}` : url.origin;
    return allowedOrigins.includes(origin);
  } catch {
    return false;
  }
}

/** The visitor window may show only the visitor route: never a staff screen. */
export function isAllowedVisitorRoute(target: string): boolean {
  try {
    const url = new URL(target);
    return url.hash === '#/visitor' || url.hash.startsWith('#/visitor?') || url.hash.startsWith('#/visitor/');
  } catch {
    return false;
  }
}

/** No camera, microphone, geolocation, notifications from the page, USB, serial …: the kiosk needs none. */
export function isPermissionAllowed(permission: string): boolean {
  return permission === 'clipboard-sanitized-write';
}

export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/**
 * Keyboard shortcuts that would let someone at a kiosk leave it: reload, dev tools, close, zoom, full-screen
 * toggles, new windows, printing dialogs the page did not ask for. Allowed in development.
 */
export function isEscapeShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  if (['f5', 'f11', 'f12'].includes(key)) return true;
  if (input.alt && key === 'f4') return true;
  if (mod && ['r', 'w', 'q', 'n', 't', 'o', 'p', 's', 'u', '+', '-', '=', '0'].includes(key)) return true;
  if (mod && input.shift && ['i', 'j', 'c', 'delete'].includes(key)) return true;
  if (input.alt && (key === 'arrowleft' || key === 'arrowright' || key === 'home')) return true;
  return false;
}

/** The header our protocol handler adds to every renderer file. Same policy as the HTTP server's. */
export { CONTENT_SECURITY_POLICY } from '../server/policy';
