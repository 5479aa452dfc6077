// The Electron security checklist, applied: the session's permission, device and request policies, and each
// screen's navigation, window-opening and keyboard guards. The rules are pure, in security.ts; here are the calls.
import type { Session, WebContents } from 'electron';
import type { Logger } from '../core/context';
import { isAllowedNavigation, isAllowedRequest, isAllowedVisitorRoute, isDeviceAllowed, isEscapeShortcut, isPermissionAllowed } from './security';

export function hardenSession(
  session: Session,
  allowedOrigins: readonly string[],
  logger: Logger,
  windowOf: (contents: WebContents | null) => 'lobby' | 'visitor' | 'other',
): void {
  // Only the lobby window may use the camera (video only), for the visitor photo after consent (V-11).
  session.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, { window: windowOf(contents), mediaTypes: 'mediaTypes' in details ? details.mediaTypes : undefined })),
  );
  session.setPermissionCheckHandler((contents, permission, _origin, details) =>
    isPermissionAllowed(permission, { window: windowOf(contents), mediaTypes: details.mediaType ? [details.mediaType] : undefined }),
  );
  session.setDevicePermissionHandler((details) => isDeviceAllowed(details.deviceType));
  // The desk needs no network from its pages: every http(s)/ws(s) request but the dev server's is cancelled.
  session.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (details, callback) => {
    const allowed = isAllowedRequest(details.url, allowedOrigins);
    if (!allowed) logger.warn('a screen tried to reach the network; refused', { origin: safeOrigin(details.url), type: details.resourceType });
    callback({ cancel: !allowed });
  });
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(not a URL)';
  }
}

export function hardenContents(
  contents: WebContents,
  route: 'lobby' | 'visitor',
  options: { allowedOrigins: readonly string[]; kiosk: boolean; screenUrl: () => string },
): void {
  const allowed = (url: string) => isAllowedNavigation(url, options.allowedOrigins) && (route !== 'visitor' || isAllowedVisitorRoute(url));
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!allowed(url)) event.preventDefault();
  });
  // Subframes too (an injected iframe): will-navigate sees the main frame only.
  contents.on('will-frame-navigate', (details) => {
    if (!isAllowedNavigation(details.url, options.allowedOrigins)) details.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, options.allowedOrigins)) event.preventDefault();
  });
  if (route === 'visitor') {
    // Hash changes do not pass through will-navigate: put the visitor window back on its own route.
    contents.on('did-navigate-in-page', (_event, url) => {
      if (!isAllowedVisitorRoute(url)) void contents.loadURL(options.screenUrl());
    });
  }
  contents.on('before-input-event', (event, input) => {
    if (options.kiosk && isEscapeShortcut(input)) event.preventDefault();
  });
}
