// The building's public profile for headers and greetings (setup.status is open to every screen).
import { create } from 'zustand';
import { api } from '../api/client';

interface BuildingState {
  loaded: boolean;
  needsSetup: boolean;
  name: string;
  nameEn: string;
  version: string;
  load(): Promise<void>;
}

export const useBuilding = create<BuildingState>((set) => ({
  loaded: false,
  needsSetup: false,
  name: '',
  nameEn: '',
  version: '',
  async load() {
    const status = await api.setup.status({});
    set({
      loaded: true,
      needsSetup: status.needsSetup,
      name: status.building?.name ?? '',
      nameEn: status.building?.nameEn ?? '',
      version: status.version,
    });
  },
}));
