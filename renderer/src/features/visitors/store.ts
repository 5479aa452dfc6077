// The lobby's visitor state: awaiting confirmation, in the building, and the settings the desk form needs.
// Pushed events refresh it; a new self-registration chimes, a watch-list match or an overstay sounds the alarm.
import { create } from 'zustand';
import { api, staffClient } from '../../api/client';
import { alarm, chime } from '../../ui/sound';
import type { Visit, VisitorSettings } from '../../../../shared/contract/visitors';

interface VisitorsState {
  pending: Visit[];
  inBuilding: Visit[];
  overstayMinutes: number;
  settings: VisitorSettings | null;
  loaded: boolean;
  /** The visitor most recently checked in at this desk (registered or confirmed), for printing the pass. */
  lastCheckedIn: Visit | null;
  setLastCheckedIn(visit: Visit | null): void;
  load(): Promise<void>;
  loadSettings(): Promise<void>;
  /** Subscribes to the pushed events; returns the unsubscribe function. */
  listen(): () => void;
}

export const useVisitors = create<VisitorsState>((set, get) => ({
  pending: [],
  inBuilding: [],
  overstayMinutes: 0,
  settings: null,
  loaded: false,
  lastCheckedIn: null,
  setLastCheckedIn(visit) {
    // Shown in the list at once; the reload that follows brings the list in line with the server.
    set((s) => ({
      lastCheckedIn: visit,
      pending: visit ? s.pending.filter((v) => v.id !== visit.id) : s.pending,
      inBuilding: visit && !s.inBuilding.some((v) => v.id === visit.id) ? [...s.inBuilding, visit] : s.inBuilding,
    }));
  },
  async load() {
    const lobby = await api.visitors.lobby({});
    set({ pending: lobby.pending, inBuilding: lobby.inBuilding, overstayMinutes: lobby.overstayMinutes, loaded: true });
  },
  async loadSettings() {
    set({ settings: await api.visitors.settings({}) });
  },
  listen() {
    const offChanged = staffClient.on('visitors.changed', (e) => {
      if (e.status === 'pending' && e.source === 'kiosk') (e.watchListMatch ? alarm : chime)();
      void get().load();
    });
    const offOverstay = staffClient.on('visitors.overstay', () => {
      alarm();
      void get().load();
    });
    // A self-registration waiting too long (V-2) and a refusal the guard must know of (V-6) sound the alarm.
    const offWaiting = staffClient.on('visitors.pendingWaiting', () => {
      alarm();
      void get().load();
    });
    const offRefused = staffClient.on('visitors.refused', () => alarm());
    return () => {
      offChanged();
      offOverstay();
      offWaiting();
      offRefused();
    };
  },
}));

export function peopleCount(visits: Visit[]): number {
  return visits.reduce((n, v) => n + v.partySize, 0);
}
