// The call's two ways out to other features, one entry each: the reception record (a complaint, repair, inquiry …
// pre-filled from the call, P-3) and callbacks (a message for a tenant, P-4 / V-3). Each opens the other feature's
// form for the call; saving it goes through `calls.toRecord` / `calls.toCallback`, which link both ways.
import type { Role } from '../../../../shared/contract/define';
import { CALL_TO_CALLBACK, CALL_TO_RECORD, type Call, type SaveCallInput } from '../../../../shared/contract/calls';
import { useRecords } from '../records';
import { useCallLinks } from './link-store';
import { recordPrefillOf } from './to-record';

export type CallLinkKind = 'toRecord' | 'toCallback';

export interface CallLink {
  /** Who may make this link (the core enforces the same). */
  roles: readonly Role[];
  /** Opens the form for the saved call; `onLinked` hears the call once the link is made. */
  open(call: Call, onLinked?: (call: Call) => void, saveCall?: Omit<SaveCallInput, 'id'>): void;
}

export const callLinks: Record<CallLinkKind, CallLink> = {
  toRecord: {
    roles: CALL_TO_RECORD,
    open: (call, onLinked, saveCall) => useRecords.getState().openNew({ prefill: recordPrefillOf(call), fromCall: call, onLinked, ...(saveCall ? { saveCall } : {}) }),
  },
  toCallback: {
    roles: CALL_TO_CALLBACK,
    open: (call, onLinked) => useCallLinks.getState().openCallback(call, onLinked),
  },
};

/** Whether the call already has that link (then the button shows the link instead). */
export function linkedId(call: Call, kind: CallLinkKind): string | null {
  return kind === 'toRecord' ? call.recordId : call.callbackId;
}
