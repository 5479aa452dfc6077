// The one thing every telephony adapter produces: a phone event. The ring timer consumes nothing else, so an
// action URL from a Yealink, a NOTIFY from a PBX and a line from a caller-ID box all drive it the same way.
export const PHONE_EVENT_SOURCES = ['actionUrl', 'sip', 'callerIdBox'] as const;
export type PhoneEventSource = (typeof PHONE_EVENT_SOURCES)[number];

export const PHONE_EVENT_KINDS = ['ringing', 'answered', 'ended'] as const;
export type PhoneEventKind = (typeof PHONE_EVENT_KINDS)[number];

export interface PhoneEvent {
  source: PhoneEventSource;
  /** The phone system's own id of the call (SIP Call-ID, the phone's $call_id, the box's line). */
  ref: string;
  kind: PhoneEventKind;
  /** Caller ID when the source knows it. */
  number: string | null;
}

export type PhoneEventSink = (event: PhoneEvent) => void;
