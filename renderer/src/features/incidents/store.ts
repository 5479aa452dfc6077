// Incidents as the lobby sees them: the open ones (unsigned or with a follow-up pending).
import { create } from 'zustand';
import { api } from '../../api/client';
import type { IncidentSummary } from '../../../../shared/contract/incidents';

interface IncidentsState {
  open: IncidentSummary[];
  loadOpen(): Promise<void>;
}

export const useIncidents = create<IncidentsState>((set) => ({
  open: [],
  async loadOpen() {
    const [drafts, open] = await Promise.all([
      api.incidents.search({ state: 'draft', limit: 100 }),
      api.incidents.search({ state: 'open', limit: 100 }),
    ]);
    set({ open: [...drafts.incidents, ...open.incidents].sort((a, b) => b.occurredAt - a.occurredAt) });
  },
}));
