// The key register as the screens see it: what is out (for the lobby) and the current list view.
import { create } from 'zustand';
import { api } from '../../api/client';
import type { KeyLoan } from '../../../../shared/contract/keys';

interface KeysState {
  out: KeyLoan[];
  loadOut(): Promise<void>;
}

export const useKeys = create<KeysState>((set) => ({
  out: [],
  async loadOut() {
    set({ out: (await api.keys.list({ state: 'out', limit: 500 })).loans });
  },
}));
