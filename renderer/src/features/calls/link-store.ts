// The callback form opened from a call (the drawer's or the lobby card's "arrange a callback"): which call, and who
// wants to hear that the link was made. Hosted by CallsShell on every staff screen of the desk roles.
import { create } from 'zustand';
import type { Call } from '../../../../shared/contract/calls';

interface CallLinkState {
  callbackFor: { call: Call; onLinked?: (call: Call) => void } | null;
  openCallback(call: Call, onLinked?: (call: Call) => void): void;
  close(): void;
}

export const useCallLinks = create<CallLinkState>((set) => ({
  callbackFor: null,
  openCallback: (call, onLinked) => set({ callbackFor: { call, onLinked } }),
  close: () => set({ callbackFor: null }),
}));
