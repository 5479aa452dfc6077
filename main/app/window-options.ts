// BrowserWindow options for the two screens (pure, unit-tested).
import { secureWebPreferences, type SecureWebPreferences } from './security';
import type { DisplayInfo } from './displays';

export interface WindowOptions {
  x: number;
  y: number;
  width: number;
  height: number;
  kiosk: boolean;
  fullscreen: boolean;
  autoHideMenuBar: true;
  frame: boolean;
  show: false;
  backgroundColor: string;
  title: string;
  webPreferences: SecureWebPreferences;
}

export interface ShellMode {
  /** Packaged production build: kiosk, full screen, no dev tools. */
  production: boolean;
  preload: string;
}

export function windowOptions(screen: 'lobby' | 'visitor', display: DisplayInfo, mode: ShellMode): WindowOptions {
  return {
    ...display.bounds,
    kiosk: mode.production,
    fullscreen: mode.production,
    autoHideMenuBar: true,
    frame: !mode.production,
    show: false,
    backgroundColor: screen === 'visitor' ? '#0b3d6e' : '#f0f2f5',
    title: screen === 'visitor' ? '访客登记 · Visitor registration' : '大堂前台 · Lobby Desk',
    webPreferences: secureWebPreferences({ preload: mode.preload, screen, devTools: !mode.production }),
  };
}
