// Open callbacks for the lobby, by due time; refreshed by pushed events, a chime when one falls due.
import { create } from 'zustand';
import { api, staffClient } from '../../api/client';
import { chime } from '../../ui/sound';
import type { Callback, CallbackSettings } from '../../../../shared/contract/callbacks';

interface CallbacksState {
  open: Callback[];
  settings: CallbackSettings | null;
  load(): Promise<void>;
  listen(): () => void;
}

export const useCallbacks = create<CallbacksState>((set, get) => ({
  open: [],
  settings: null,
  async load() {
    const [list, settings] = await Promise.all([api.callbacks.list({ status: 'open' }), api.callbacks.settings({})]);
    set({ open: list.callbacks, settings });
  },
  listen() {
    const offChanged = staffClient.on('callbacks.changed', () => void get().load());
    const offDue = staffClient.on('callbacks.due', () => {
      chime();
      void get().load();
    });
    return () => {
      offChanged();
      offDue();
    };
  },
}));
