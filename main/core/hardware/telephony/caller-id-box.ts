// Caller-ID boxes (来电显示盒) on analog lines: the box, or a modem with caller ID on (AT+VCID=1), prints lines on
// its serial port (USB serial). Understood here:
//   RING                      a ring burst (one per ring, 1 s on / 4 s off on Chinese lines)
//   NMBR = 13800138000        caller ID (also DATE = 1203, TIME = 0930, NAME = …, which are ignored)
//   OFFHOOK / ONHOOK          the phone on the box's phone port was picked up / put down (boxes that report it)
// each optionally prefixed with the box's line (`L2 RING`, `L2:NMBR=…`) on multi-line boxes.
// A line rings at its first RING or NMBR; OFFHOOK while ringing is the answer; rings that stop without an
// answer (no RING for `silenceMs`) mean the caller gave up. A box that reports no hook state still starts the
// timer by itself; the receptionist marks the answer with the button or hotkey as before.
import { SerialLineAdapter } from '../serial-lines';
import type { PhoneEvent, PhoneEventSink } from './phone-event';

export type CallerIdLine =
  | { line: number; kind: 'ring' }
  | { line: number; kind: 'number'; number: string }
  | { line: number; kind: 'offHook' }
  | { line: number; kind: 'onHook' };

/** One line of the box's output, or null for lines that mean nothing here (OK, DATE, TIME, NAME, echoes). */
export function parseCallerIdLine(text: string): CallerIdLine | null {
  const match = /^(?:L(\d)\s*[:\s]\s*)?(.*)$/i.exec(text.trim());
  if (!match) return null;
  const line = match[1] ? Number(match[1]) : 1;
  const body = match[2]!.trim();
  if (/^RING$/i.test(body)) return { line, kind: 'ring' };
  if (/^(OFF[-_ ]?HOOK|HOOK[-_ ]?OFF)$/i.test(body)) return { line, kind: 'offHook' };
  if (/^(ON[-_ ]?HOOK|HOOK[-_ ]?ON|HANG[-_ ]?UP)$/i.test(body)) return { line, kind: 'onHook' };
  const number = /^(?:NMBR|NUMBER|CID)\s*[=:]\s*(.+)$/i.exec(body);
  if (number) {
    const value = number[1]!.trim();
    // P: private (withheld), O: out of area — no number to show.
    if (/^[PO]$/i.test(value) || !/\d/.test(value)) return null;
    return { line, kind: 'number', number: value.replace(/[^\d+*#-]/g, '') };
  }
  return null;
}

interface LineState {
  state: 'idle' | 'ringing' | 'answered';
  ref: string;
  number: string | null;
  silence: NodeJS.Timeout | null;
}

/** The box's protocol as phone events; pure except for the silence timer. */
export class CallerIdInterpreter {
  private readonly lines = new Map<number, LineState>();
  private sequence = 0;

  constructor(
    private readonly emit: PhoneEventSink,
    private readonly silenceMs = 9000,
    private readonly refPrefix = 'box',
  ) {}

  private lineState(line: number): LineState {
    let state = this.lines.get(line);
    if (!state) {
      state = { state: 'idle', ref: '', number: null, silence: null };
      this.lines.set(line, state);
    }
    return state;
  }

  private event(state: LineState, kind: PhoneEvent['kind']): void {
    this.emit({ source: 'callerIdBox', ref: state.ref, kind, number: state.number });
  }

  private armSilence(state: LineState): void {
    if (state.silence) clearTimeout(state.silence);
    state.silence = setTimeout(() => {
      state.silence = null;
      if (state.state === 'ringing') this.event(state, 'ended');
      state.state = 'idle';
    }, this.silenceMs);
  }

  feed(parsed: CallerIdLine): void {
    const state = this.lineState(parsed.line);
    switch (parsed.kind) {
      case 'ring':
      case 'number':
        if (parsed.kind === 'number') state.number = parsed.number;
        if (state.state === 'idle') {
          this.sequence += 1;
          state.ref = `${this.refPrefix}:${parsed.line}:${this.sequence}`;
          if (parsed.kind === 'ring') state.number = null;
          state.state = 'ringing';
          this.event(state, 'ringing');
        } else if (state.state === 'ringing' && parsed.kind === 'number') {
          // The number arrives between the first and second ring (FSK): the same ring, now with its caller ID.
          this.event(state, 'ringing');
        }
        if (state.state === 'ringing') this.armSilence(state);
        return;
      case 'offHook':
        if (state.state === 'ringing') {
          state.state = 'answered';
          if (state.silence) clearTimeout(state.silence);
          state.silence = null;
          this.event(state, 'answered');
        }
        return;
      case 'onHook':
        if (state.state === 'answered') {
          state.state = 'idle';
          this.event(state, 'ended');
        }
        return;
    }
  }

  stop(): void {
    for (const state of this.lines.values()) if (state.silence) clearTimeout(state.silence);
    this.lines.clear();
  }
}

export class CallerIdBoxSource extends SerialLineAdapter {
  private interpreter: CallerIdInterpreter | null = null;

  constructor(
    private readonly options: { path: string; baudRate: number; silenceMs?: number },
    private readonly sink: PhoneEventSink,
    now: () => number,
  ) {
    super(options, now);
  }

  protected override opened(): void {
    this.interpreter = new CallerIdInterpreter((event) => {
      this.heard();
      this.sink(event);
    }, this.options.silenceMs, `box-${this.now().toString(36)}`);
  }

  protected line(text: string): void {
    const parsed = parseCallerIdLine(text);
    if (parsed) this.interpreter?.feed(parsed);
  }

  protected override closing(): void {
    this.interpreter?.stop();
    this.interpreter = null;
  }
}
