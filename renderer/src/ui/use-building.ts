// The building's public profile for headers and greetings (setup.status is open to every screen).
import { create } from 'zustand';
import { api } from '../api/client';
import { DEFAULT_TIME_ZONE } from '../../../shared/rules/time';

interface BuildingState {
  loaded: boolean;
  needsSetup: boolean;
  name: string;
  nameEn: string;
  /** The building's time zone: clocks, day boundaries and times on screen follow it, not the PC's. */
  timeZone: string;
  version: string;
  load(): Promise<void>;
}

export const useBuilding = create<BuildingState>((set) => ({
  loaded: false,
  needsSetup: false,
  name: '',
  nameEn: '',
  timeZone: DEFAULT_TIME_ZONE,
  version: '',
  async load() {
    const status = await api.setup.status({});
    set({
      loaded: true,
      needsSetup: status.needsSetup,
      name: status.building?.name ?? '',
      nameEn: status.building?.nameEn ?? '',
      timeZone: status.building?.timeZone ?? DEFAULT_TIME_ZONE,
      version: status.version,
    });
  },
}));
