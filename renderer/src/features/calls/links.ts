// The call's two ways out to other features, one function each. They are connected when those features are part
// of the build: the reception record (a complaint, repair, inquiry … pre-filled from the call, linked both ways)
// and callbacks (a callback to the caller or, after a take-a-message, from the tenant). Until then the buttons
// stay disabled and say why.
import type { Call } from '../../../../shared/contract/calls';

export type CallLinkKind = 'toRecord' | 'toCallback';

/** Each receives the saved call and opens the other feature's item for it (which links back with the call id). */
export const callLinks: Record<CallLinkKind, ((call: Call) => Promise<void>) | undefined> = {
  toRecord: undefined,
  toCallback: undefined,
};

/** Whether the call already has that link (then the button shows the link instead). */
export function linkedId(call: Call, kind: CallLinkKind): string | null {
  return kind === 'toRecord' ? call.recordId : call.callbackId;
}
