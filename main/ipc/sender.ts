// Whether an IPC message comes from one of our own windows showing our own page (pure, unit-tested).
import { isAllowedNavigation } from '../app/security';

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
