// Device-local preferences needed before the database opens (electron-store): which display is the visitor
// screen, language, whether to serve the LAN. Business settings live in SQLite, not here.
import Store from 'electron-store';

export interface DevicePreferences {
  visitorDisplayId: number | null;
  language: 'zh-CN' | 'en';
  lanEnabled: boolean;
  /** Address to serve the LAN on when enabled, e.g. 0.0.0.0 or this PC's LAN address. */
  lanHost: string;
  port: number;
  autoStart: boolean;
  localKioskDeviceId: string | null;
}

export const DEFAULT_PREFERENCES: DevicePreferences = {
  visitorDisplayId: null,
  language: 'zh-CN',
  lanEnabled: false,
  lanHost: '0.0.0.0',
  port: 5199,
  autoStart: true,
  localKioskDeviceId: null,
};

export function openPreferences(): Store<DevicePreferences> {
  return new Store<DevicePreferences>({ name: 'device-preferences', defaults: DEFAULT_PREFERENCES });
}
