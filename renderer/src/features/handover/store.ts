// The handover as the screens see it: the caller's draft (or none), and the handovers waiting for a guard.
import { create } from 'zustand';
import { api } from '../../api/client';
import type { Handover, HandoverLine, HandoverSummary } from '../../../../shared/contract/handover';

interface HandoverState {
  loaded: boolean;
  shift: { id: string; startedAt: number } | null;
  draft: Handover | null;
  pending: HandoverSummary[];
  load(): Promise<void>;
  loadPending(): Promise<void>;
  prepare(): Promise<void>;
  mark(line: HandoverLine, ticked: boolean, comment: string): Promise<void>;
  saveNotes(notes: string): Promise<void>;
  sign(pin: string): Promise<Handover>;
}

export const useHandover = create<HandoverState>((set, get) => ({
  loaded: false,
  shift: null,
  draft: null,
  pending: [],
  async load() {
    const current = await api.handover.current({});
    set({ loaded: true, shift: current.shift, draft: current.handover });
  },
  async loadPending() {
    set({ pending: (await api.handover.pending({})).handovers });
  },
  async prepare() {
    set({ draft: await api.handover.prepare({}) });
  },
  async mark(line, ticked, comment) {
    const draft = get().draft;
    if (!draft) return;
    const updated = await api.handover.mark({ id: draft.id, lineId: line.id, ticked, comment });
    const current = get().draft;
    if (current?.id === draft.id) set({ draft: { ...current, lines: current.lines.map((l) => (l.id === updated.id ? updated : l)) } });
  },
  async saveNotes(notes) {
    const draft = get().draft;
    if (!draft) return;
    await api.handover.saveNotes({ id: draft.id, notes });
    set({ draft: { ...draft, notes } });
  },
  async sign(pin) {
    const draft = get().draft;
    if (!draft) throw new Error('no draft');
    const signed = await api.handover.sign({ id: draft.id, pin });
    set({ draft: null, shift: null });
    return signed;
  },
}));
