// The few messages of the event channel (WebSocket in web mode; IPC carries the same shapes).
import { z } from 'zod';

const ClientMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('hello'),
    sessionToken: z.string().max(200).nullable().optional(),
    deviceToken: z.string().max(200).nullable().optional(),
  }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

/** The event channel's close code for credentials that are no longer valid (a revoked device). */
export const REFUSED_CLOSE_CODE = 4401;

export interface ServerEventMessage {
  type: 'event';
  name: string;
  payload: unknown;
}

export function encodeEvent(name: string, payload: unknown): string {
  return JSON.stringify({ type: 'event', name, payload } satisfies ServerEventMessage);
}

export function parseClientMessage(text: string): ClientMessage | null {
  if (text.length > 4096) return null;
  try {
    const parsed = ClientMessage.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
