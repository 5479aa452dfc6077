// The RFC 4235 dialog event package's body (application/dialog-info+xml): which dialogs the watched extension
// has, their state (trying, proceeding, early, confirmed, terminated), direction and the remote party.
import { XMLParser } from 'fast-xml-parser';

export const DIALOG_STATES = ['trying', 'proceeding', 'early', 'confirmed', 'terminated'] as const;
export type DialogState = (typeof DIALOG_STATES)[number];

export interface DialogInfoDialog {
  id: string;
  callId: string | null;
  /** 'recipient': the watched extension is being called; 'initiator': it placed the call. */
  direction: 'initiator' | 'recipient' | null;
  state: DialogState;
  /** The other party's identity (the caller, for an incoming call). */
  remoteIdentity: string | null;
  remoteDisplay: string | null;
}

export interface DialogInfo {
  version: number | null;
  /** 'full': the complete list of the entity's dialogs; 'partial': only those that changed. */
  fullState: boolean;
  entity: string | null;
  dialogs: DialogInfoDialog[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'dialog',
});

function textOf(node: unknown): string | null {
  if (node === undefined || node === null) return null;
  if (typeof node === 'string') return node;
  if (typeof node === 'object' && '#text' in (node as Record<string, unknown>)) return String((node as Record<string, unknown>)['#text']);
  return null;
}

/** Null when the body is not a dialog-info document. */
export function parseDialogInfo(xml: string): DialogInfo | null {
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch {
    return null;
  }
  const root = doc['dialog-info'] as Record<string, unknown> | undefined;
  if (!root || typeof root !== 'object') return null;
  const dialogs: DialogInfoDialog[] = [];
  for (const raw of (root.dialog as Array<Record<string, unknown>> | undefined) ?? []) {
    const state = textOf(raw.state)?.toLowerCase() as DialogState | undefined;
    if (!state || !DIALOG_STATES.includes(state)) continue;
    const remote = raw.remote as Record<string, unknown> | undefined;
    const identity = remote?.identity;
    const direction = String(raw['@direction'] ?? '').toLowerCase();
    dialogs.push({
      id: String(raw['@id'] ?? raw['@call-id'] ?? ''),
      callId: raw['@call-id'] !== undefined ? String(raw['@call-id']) : null,
      direction: direction === 'initiator' || direction === 'recipient' ? direction : null,
      state,
      remoteIdentity: textOf(identity),
      remoteDisplay: identity && typeof identity === 'object' ? ((identity as Record<string, unknown>)['@display'] as string | undefined) ?? null : null,
    });
  }
  const version = Number(root['@version']);
  return {
    version: Number.isFinite(version) ? version : null,
    fullState: String(root['@state'] ?? 'full').toLowerCase() === 'full',
    entity: (root['@entity'] as string | undefined) ?? null,
    dialogs,
  };
}
