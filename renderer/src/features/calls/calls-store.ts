// The phone desk's state on this screen. Main owns the ringing state; this store keeps what it last reported
// (each ringing line's elapsed time and when it was read) and animates from there, so a reload loses nothing.
import { create } from 'zustand';
import { api } from '../../api/client';
import type { BuildingProfile } from '../../../../shared/contract/settings';
import {
  DEFAULT_CALL_SETTINGS,
  type Call,
  type CallFigures,
  type CallSettings,
  type RingingCall,
  type SaveCallInput,
  type ScriptStep,
} from '../../../../shared/contract/calls';

export interface RingingLine {
  call: RingingCall;
  /** `performance.now()` when `call.elapsedMs` arrived. */
  receivedAt: number;
}

/** How long a line has been ringing now, from what main last reported. */
export function elapsedNow(line: RingingLine, at = performance.now()): number {
  return line.call.elapsedMs + Math.max(0, at - line.receivedAt);
}

type RingSource = Call['source'];

interface PhoneState {
  loaded: boolean;
  ringing: RingingLine[];
  inProgress: Call[];
  settings: CallSettings;
  figures: CallFigures | null;
  building: Pick<BuildingProfile, 'postName' | 'postNameEn' | 'timeZone'> | null;
  load(): Promise<void>;
  /** Another line rings (always a new ring). */
  ring(source: RingSource): Promise<void>;
  /** The hotkey and the big button: answer the line ringing longest, or start a ring when none rings. */
  ringOrAnswer(source: RingSource): Promise<void>;
  answer(id?: string): Promise<void>;
  giveUp(id?: string): Promise<void>;
  tick(id: string, step: ScriptStep, done: boolean): Promise<void>;
  guard(id: string): Promise<void>;
  save(input: SaveCallInput): Promise<Call>;
  /** A call in conversation changed elsewhere (a callback linked to it). */
  replace(call: Call): void;
}

let loadSequence = 0;
/**
 * Desk actions run one after another: a second press of the ring key while the first ring is still on its way to
 * main must see that ring (and answer it), not start another.
 */
let deskQueue: Promise<unknown> = Promise.resolve();
function inTurn<T>(action: () => Promise<T>): Promise<T> {
  const next = deskQueue.then(action, action);
  deskQueue = next.catch(() => undefined);
  return next;
}
let lastPress: { source: RingSource; at: number } | null = null;
/** One press that reaches the page both as a key and as the shell's hotkey event counts once. */
const SAME_PRESS_MS = 300;

export const usePhone = create<PhoneState>((set, get) => {
  const ringNow = async (source: RingSource) => {
    const call = await api.calls.ring({ source });
    const receivedAt = performance.now();
    set((s) => ({ ringing: [...s.ringing.filter((l) => l.call.id !== call.id), { call, receivedAt }] }));
    void get().load();
  };

  const answerNow = async (id: string | undefined) => {
    const target = id ?? get().ringing[0]?.call.id;
    const call = await api.calls.answer(target ? { id: target } : {});
    set((s) => ({ ringing: s.ringing.filter((l) => l.call.id !== call.id), inProgress: [...s.inProgress.filter((c) => c.id !== call.id), call] }));
    void get().load();
  };

  return {
    loaded: false,
    ringing: [],
    inProgress: [],
    settings: DEFAULT_CALL_SETTINGS,
    figures: null,
    building: null,

    async load() {
      const sequence = (loadSequence += 1);
      const [active, figures, building] = await Promise.all([
        api.calls.active({}),
        api.calls.figures({}),
        get().building ? Promise.resolve(get().building) : api.settings.building({}),
      ]);
      const receivedAt = performance.now();
      if (sequence !== loadSequence) return; // a newer read already arrived
      // A line already on screen keeps the reading it is animated from (both clocks are monotonic on this PC, so
      // the counting stays smooth); a new line, or every line after a reload, starts from main's elapsed time.
      const known = new Map(get().ringing.map((line) => [line.call.id, line]));
      set({
        loaded: true,
        ringing: active.ringing.map((call) => {
          const line = known.get(call.id);
          return line ? { call: { ...call, elapsedMs: line.call.elapsedMs }, receivedAt: line.receivedAt } : { call, receivedAt };
        }),
        inProgress: active.inProgress,
        settings: active.settings,
        figures,
        building,
      });
    },

    ring: (source) => inTurn(() => ringNow(source)),

    ringOrAnswer: (source) => {
      const now = performance.now();
      if (lastPress && lastPress.source !== source && now - lastPress.at < SAME_PRESS_MS) return Promise.resolve();
      lastPress = { source, at: now };
      return inTurn(() => (get().ringing.length > 0 ? answerNow(undefined) : ringNow(source)));
    },

    answer: (id) => inTurn(() => answerNow(id)),

    giveUp: (id) =>
      inTurn(async () => {
        const target = id ?? get().ringing[0]?.call.id;
        const call = await api.calls.giveUp(target ? { id: target } : {});
        set((s) => ({ ringing: s.ringing.filter((l) => l.call.id !== call.id) }));
        void get().load();
      }),

    async tick(id, step, done) {
      const call = await api.calls.tickStep({ id, step, done });
      set((s) => ({ inProgress: s.inProgress.map((c) => (c.id === call.id ? call : c)) }));
    },

    async guard(id) {
      const call = await api.calls.guard({ id });
      set((s) => ({ inProgress: s.inProgress.map((c) => (c.id === call.id ? call : c)) }));
    },

    replace(call) {
      set((s) => ({ inProgress: s.inProgress.map((c) => (c.id === call.id ? call : c)) }));
    },

    async save(input) {
      const call = await api.calls.save(input);
      set((s) => ({ inProgress: s.inProgress.filter((c) => c.id !== call.id) }));
      void get().load();
      return call;
    },
  };
});
