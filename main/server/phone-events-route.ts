// The action-URL endpoint for desk phones (P-6): Yealink and Fanvil phones call
//   GET /phone-event?token=…&event=incoming|established|terminated|missed&number=$remote&id=$call_id
// on each call event. Only a paired phone, from its own address, with its token, is heard; everything else is
// refused like any unauthorised request. The route sits behind the server's own rules (Origin, limits, hosts).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Core } from '../core/core';
import { AppError } from '../core/errors';
import { deliverPhoneEvent } from '../core/hardware';
import { notePhoneEvent, pairedPhone } from '../core/hardware/telephony/desk-phones';
import { numberFromIdentity } from '../core/hardware/telephony/sip/message';
import type { PhoneEventKind } from '../core/hardware/telephony/phone-event';

/** The vendors' event names (Yealink action_url.*, Fanvil Action URL events, and plain words) → ours. */
const EVENT_KINDS: Record<string, PhoneEventKind> = {
  incoming: 'ringing',
  incoming_call: 'ringing',
  ringing: 'ringing',
  ring: 'ringing',
  established: 'answered',
  call_established: 'answered',
  answer: 'answered',
  answered: 'answered',
  answer_new_incoming_call: 'answered',
  offhook: 'answered',
  terminated: 'ended',
  call_terminated: 'ended',
  hangup: 'ended',
  missed: 'ended',
  missed_call: 'ended',
};

/** A variable the phone did not fill in arrives as itself ("$remote"): treat it as absent. */
function param(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  return text.startsWith('$') ? '' : text.slice(0, 200);
}

export async function registerPhoneEventRoute(app: FastifyInstance, core: Core): Promise<void> {
  const handle = async (request: FastifyRequest) => {
    const query = request.query as Record<string, unknown>;
    const phone = pairedPhone(core.db, request.socket.remoteAddress ?? '', param(query.token));
    if (!phone) throw new AppError('forbidden', 'hardware:error.phoneNotPaired');
    const kind = EVENT_KINDS[param(query.event).toLowerCase()];
    notePhoneEvent(core.db, phone.id, core.clock.now());
    if (!kind) return { ok: true, outcome: 'ignored' };
    const callId = param(query.id) || param(query.call_id) || 'line';
    const result = deliverPhoneEvent(core, {
      source: 'actionUrl',
      ref: `${phone.id}:${callId}`,
      kind,
      number: numberFromIdentity(param(query.number) || param(query.remote)),
    });
    return { ok: true, outcome: result.outcome };
  };
  app.get('/phone-event', handle);
  app.post('/phone-event', handle);
}
