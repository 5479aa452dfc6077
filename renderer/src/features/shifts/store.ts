// The signed-in person's shift: whether they are on duty, the opening check to start with (S-3).
import { create } from 'zustand';
import { api } from '../../api/client';
import type { ChecklistItem, Shift } from '../../../../shared/contract/shifts';

interface ShiftState {
  loaded: boolean;
  shift: Shift | null;
  openingCheck: ChecklistItem[];
  load(): Promise<void>;
  start(checks: Array<{ key: string; ok: boolean; comment: string }>): Promise<Shift>;
}

export const useShift = create<ShiftState>((set) => ({
  loaded: false,
  shift: null,
  openingCheck: [],
  async load() {
    const current = await api.shifts.current({});
    set({ loaded: true, shift: current.shift, openingCheck: current.openingCheck });
  },
  async start(checks) {
    const shift = await api.shifts.start({ checks });
    set({ shift });
    return shift;
  },
}));
