// Whether an IPC message comes from one of our own windows showing our own page (pure, unit-tested).

/** The custom scheme the packaged app serves its pages from (the shell registers it; senders are judged by it). */
export const APP_SCHEME = 'lobby-desk';

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

export interface SenderInfo {
  webContentsId: number;
  /** URL of the frame that sent the message; null when the frame is gone. */
  frameUrl: string | null;
  /** Whether the sending frame is the window's main frame (iframes may not call). */
  isMainFrame: boolean;
}

export function isTrustedSender(sender: SenderInfo, knownWindows: ReadonlyMap<number, unknown>, allowedOrigins: readonly string[]): boolean {
  if (!knownWindows.has(sender.webContentsId)) return false;
  if (!sender.isMainFrame || sender.frameUrl === null) return false;
  return isAllowedNavigation(sender.frameUrl, allowedOrigins);
}
