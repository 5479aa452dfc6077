// From dialog states to phone events (P-6): early → the phone is ringing, confirmed → answered, terminated →
// ended (missed when it never was confirmed; the ring timer decides). Only calls to the desk (direction
// recipient, or no direction given) count; calls the desk places are not rings.
import type { PhoneEvent, PhoneEventKind } from '../phone-event';
import { numberFromIdentity } from './message';
import type { DialogInfo, DialogState } from './dialog-info';

function kindOf(state: DialogState): PhoneEventKind {
  if (state === 'confirmed') return 'answered';
  if (state === 'terminated') return 'ended';
  return 'ringing';
}

/** Remembers what it has already reported per dialog, so repeated or full-state NOTIFYs report each step once. */
export class DialogEventMapper {
  private readonly known = new Map<string, { kind: PhoneEventKind; number: string | null }>();

  map(info: DialogInfo): PhoneEvent[] {
    const out: PhoneEvent[] = [];
    const seen = new Set<string>();
    for (const dialog of info.dialogs) {
      if (dialog.direction === 'initiator') continue;
      const ref = dialog.callId || dialog.id;
      if (!ref) continue;
      seen.add(ref);
      const kind = kindOf(dialog.state);
      const previous = this.known.get(ref);
      const number = numberFromIdentity(dialog.remoteIdentity) ?? previous?.number ?? null;
      if (previous?.kind === kind) continue;
      // A dialog first seen confirmed or terminated was never seen ringing here: report the ring first, so the
      // timer has a line to answer or close (its latency is then near zero, which is the truth we know).
      if (!previous && kind !== 'ringing') out.push({ source: 'sip', ref, kind: 'ringing', number });
      if (previous?.kind === 'ended') continue;
      out.push({ source: 'sip', ref, kind, number });
      this.known.set(ref, { kind, number });
    }
    // A full-state notification lists every dialog: one we knew that is no longer there has ended.
    if (info.fullState) {
      for (const [ref, state] of this.known) {
        if (seen.has(ref) || state.kind === 'ended') continue;
        out.push({ source: 'sip', ref, kind: 'ended', number: state.number });
        this.known.set(ref, { ...state, kind: 'ended' });
      }
    }
    // Forget ended dialogs beyond a small window, so a long-running desk does not grow this map for ever.
    if (this.known.size > 200) {
      for (const [ref, state] of this.known) if (state.kind === 'ended' && this.known.size > 100) this.known.delete(ref);
    }
    return out;
  }
}
