// Events out of the core, after commit: to every listener (the transports), and — for the timers' events of the
// first minutes after start — held for the screens that connect later (the catch-up of escalations, overdue
// callbacks and overstays went out before the server listened or a window was open). Who may receive an event is
// decided here too: its audience, then its address if it has one.
import type { Caller, Logger, OutgoingEvent } from './context';
import { events } from '../../shared/contract';

export type EventListener = (event: OutgoingEvent) => void;

/** The timers' events of the first minutes after start are held for screens that connect after they went out… */
const HOLD_MS = 2 * 60_000;
/** …and handed to those that connect within this time of the start, once per person's session or device. */
const REPLAY_MS = 10 * 60_000;
const MAX_HELD = 500;

interface HeldEvent {
  event: OutgoingEvent;
  /** Sessions and devices it was handed to. */
  handedTo: Set<string>;
}

/** Whether a caller may receive an event: the event's audience, then its address if it has one. */
export function mayReceive(caller: Caller, event: OutgoingEvent): boolean {
  const spec = events[event.name];
  let inAudience = false;
  if (caller.kind === 'staff') inAudience = spec.audience.includes(caller.user.role);
  else if (caller.kind === 'kiosk') inAudience = spec.audience.includes('kiosk');
  if (!inAudience) return false;
  const target = event.target;
  if (!target) return true;
  if (target.deviceId !== undefined && (caller.kind === 'system' || caller.kind === 'anonymous' || caller.device?.id !== target.deviceId)) {
    return false;
  }
  if (target.userId !== undefined && (caller.kind !== 'staff' || caller.user.id !== target.userId)) return false;
  if (target.roles !== undefined && (caller.kind !== 'staff' || !target.roles.includes(caller.user.role))) return false;
  if (target.localOnly && (caller.kind !== 'staff' || caller.device !== null)) return false;
  return true;
}

export class EventDelivery {
  private readonly listeners = new Set<EventListener>();
  /** Monotonic time of the start, while timer events are held for late screens. */
  private startedAt: number | null = null;
  private held: HeldEvent[] = [];

  constructor(
    private readonly monotonic: () => number,
    private readonly logger: Logger,
  ) {}

  started(): void {
    this.startedAt = this.monotonic();
  }

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.listeners.clear();
  }

  deliver(outbox: OutgoingEvent[], fromTimers = false): void {
    const holding = fromTimers && this.startedAt !== null && this.monotonic() - this.startedAt <= HOLD_MS;
    for (const event of outbox) {
      if (holding && this.held.length < MAX_HELD) this.held.push({ event, handedTo: new Set() });
      for (const listener of this.listeners) {
        try {
          listener(event);
        } catch (error) {
          this.logger.error('event listener failed', { event: event.name, error: String(error) });
        }
      }
    }
  }

  /** The held events a caller that has just connected may receive, each once per session or device. */
  replayTo(caller: () => Caller | null): OutgoingEvent[] {
    if (this.startedAt === null || this.monotonic() - this.startedAt > REPLAY_MS) {
      this.held = [];
      return [];
    }
    const who = caller();
    if (who === null) return [];
    const identity = who.kind === 'staff' ? `session:${who.sessionId}` : who.kind === 'kiosk' ? `device:${who.device.id}` : null;
    if (identity === null) return [];
    const out: OutgoingEvent[] = [];
    for (const held of this.held) {
      if (held.handedTo.has(identity) || !mayReceive(who, held.event)) continue;
      held.handedTo.add(identity);
      out.push(held.event);
    }
    return out;
  }
}
