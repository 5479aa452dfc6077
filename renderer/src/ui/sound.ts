// Short alert sounds made with Web Audio (no files to ship): a chime for "needs you", a buzz for alarms.
let context: AudioContext | null = null;

function audio(): AudioContext | null {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
    return context;
  } catch {
    return null;
  }
}

function tone(frequency: number, start: number, duration: number, type: OscillatorType = 'sine', volume = 0.2): void {
  const ctx = audio();
  if (!ctx) return;
  const oscillator = ctx.createOscillator();
  const gain = ctx.createGain();
  oscillator.type = type;
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(volume, ctx.currentTime + start);
  gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + start + duration);
  oscillator.connect(gain).connect(ctx.destination);
  oscillator.start(ctx.currentTime + start);
  oscillator.stop(ctx.currentTime + start + duration);
}

/** Two rising notes: a visitor is waiting, a callback is due. */
export function chime(): void {
  tone(880, 0, 0.25);
  tone(1320, 0.18, 0.35);
}

/** Three short low buzzes: an escalation, a watch-list match, an overstay. */
export function alarm(): void {
  for (let i = 0; i < 3; i += 1) tone(440, i * 0.22, 0.16, 'square', 0.12);
}
