// The phone desk's hotkey (P-1), in Electron's accelerator syntax ("F9", "Control+Alt+R"). One parser for the
// three places that use it: the settings schema (refuses what cannot work), the desktop shell (registers it
// with globalShortcut) and the lobby page (matches key presses against it in a browser).

export const MODIFIERS = ['CommandOrControl', 'Command', 'Control', 'Alt', 'Shift', 'Super'] as const;
export type Modifier = (typeof MODIFIERS)[number];

const MODIFIER_ALIASES: Record<string, Modifier> = {
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  alt: 'Alt',
  option: 'Alt',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
  win: 'Super',
};

const NAMED_KEYS: Record<string, string> = {
  space: 'Space',
  enter: 'Enter',
  return: 'Enter',
  tab: 'Tab',
  backspace: 'Backspace',
  delete: 'Delete',
  del: 'Delete',
  insert: 'Insert',
  ins: 'Insert',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pgup: 'PageUp',
  pagedown: 'PageDown',
  pgdn: 'PageDown',
  up: 'Up',
  arrowup: 'Up',
  down: 'Down',
  arrowdown: 'Down',
  left: 'Left',
  arrowleft: 'Left',
  right: 'Right',
  arrowright: 'Right',
};

/**
 * Keys the desk itself or the kiosk shell already uses, so they cannot also be the ring hotkey: F5/F11/F12 and
 * Alt+F4 are blocked by the kiosk, F4/F8/F10 are the lobby's guard / caller-gave-up / another-line keys, and
 * the editing shortcuts must keep working in every form.
 */
/**
 * The lobby's own keys — one table for the handlers and the on-screen key map (F1). F4 is the visitors' sign-out
 * box (its placeholder says so); the phone's confidentiality guard has F3. None of them can be the ring hotkey.
 */
export const DESK_KEYS = {
  keyMap: 'F1',
  visitor: 'F2',
  guard: 'F3',
  signOutBox: 'F4',
  record: 'F6',
  message: 'F7',
  giveUp: 'F8',
  anotherLine: 'F10',
} as const;
export type DeskKeyAction = keyof typeof DESK_KEYS;

const DESK_KEY_NAMES: readonly string[] = Object.values(DESK_KEYS);

export type AcceleratorProblem = 'empty' | 'unknownModifier' | 'unknownKey' | 'duplicateModifier' | 'noKey' | 'twoKeys' | 'needsModifier' | 'reserved';

export interface Accelerator {
  /** In canonical order. */
  modifiers: Modifier[];
  /** Canonical key name: 'A'…'Z', '0'…'9', 'F1'…'F24', 'Space', 'Enter', 'Up', 'num0' … */
  key: string;
  /** The canonical text, what Electron's globalShortcut is given: 'Control+Alt+R', 'F9'. */
  text: string;
}

export type ParsedAccelerator = { ok: true; value: Accelerator } | { ok: false; problem: AcceleratorProblem };

function canonicalKey(part: string): string | null {
  const lower = part.toLowerCase();
  if (/^[a-z]$/.test(lower)) return lower.toUpperCase();
  if (/^[0-9]$/.test(lower)) return lower;
  const fn = /^f([1-9]|1[0-9]|2[0-4])$/.exec(lower);
  if (fn) return `F${fn[1]}`;
  const num = /^(?:num|numpad)([0-9])$/.exec(lower);
  if (num) return `num${num[1]}`;
  return NAMED_KEYS[lower] ?? null;
}

function isFunctionKey(key: string): boolean {
  return /^F\d+$/.test(key);
}

function isReserved(modifiers: readonly Modifier[], key: string): boolean {
  const has = (m: Modifier) => modifiers.includes(m);
  const ctrlLike = has('Control') || has('CommandOrControl') || has('Command');
  if (['F5', 'F11', 'F12', ...DESK_KEY_NAMES].includes(key)) return true;
  if (has('Alt') && !ctrlLike && !has('Super') && (key === 'F4' || /^[1-9]$/.test(key) || key === 'Tab' || key === 'Left' || key === 'Right' || key === 'Home')) {
    return true;
  }
  if (ctrlLike && ['A', 'C', 'V', 'X', 'Y', 'Z', 'R', 'W', 'Q', 'N', 'T', 'O', 'P', 'S', 'U', 'Enter'].includes(key)) return true;
  if (ctrlLike && has('Alt') && key === 'Delete') return true;
  if (has('Super') && key === 'L') return true;
  return false;
}

/** Parses and checks an accelerator; full-width characters from a Chinese IME are accepted. */
export function parseAccelerator(input: string): ParsedAccelerator {
  const text = input.normalize('NFKC').trim();
  if (!text) return { ok: false, problem: 'empty' };
  const parts = text.split('+').map((p) => p.trim());
  const modifiers = new Set<Modifier>();
  let key: string | null = null;
  for (const part of parts) {
    const modifier = MODIFIER_ALIASES[part.toLowerCase()];
    if (modifier) {
      if (modifiers.has(modifier)) return { ok: false, problem: 'duplicateModifier' };
      modifiers.add(modifier);
      continue;
    }
    const named = canonicalKey(part);
    if (!named) return { ok: false, problem: /^(altgr|hyper|fn)$/i.test(part) ? 'unknownModifier' : 'unknownKey' };
    if (key) return { ok: false, problem: 'twoKeys' };
    key = named;
  }
  if (!key) return { ok: false, problem: 'noKey' };
  const ordered = MODIFIERS.filter((m) => modifiers.has(m));
  // A key that types or moves the cursor would be stolen from every program on the PC: it needs Ctrl, Alt or
  // Super (Shift alone still types). Function keys may stand alone.
  const strong = ordered.some((m) => m !== 'Shift');
  if (!isFunctionKey(key) && !strong) return { ok: false, problem: 'needsModifier' };
  if (isReserved(ordered, key)) return { ok: false, problem: 'reserved' };
  return { ok: true, value: { modifiers: ordered, key, text: [...ordered, key].join('+') } };
}

/** The accelerator's key name for a KeyboardEvent.code (layout-independent, unaffected by an active IME). */
export function keyOfCode(code: string): string | null {
  let match = /^Key([A-Z])$/.exec(code);
  if (match) return match[1]!;
  match = /^Digit([0-9])$/.exec(code);
  if (match) return match[1]!;
  match = /^Numpad([0-9])$/.exec(code);
  if (match) return `num${match[1]}`;
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(code)) return code;
  const named: Record<string, string> = {
    Space: 'Space',
    Enter: 'Enter',
    NumpadEnter: 'Enter',
    Tab: 'Tab',
    Backspace: 'Backspace',
    Delete: 'Delete',
    Insert: 'Insert',
    Home: 'Home',
    End: 'End',
    PageUp: 'PageUp',
    PageDown: 'PageDown',
    ArrowUp: 'Up',
    ArrowDown: 'Down',
    ArrowLeft: 'Left',
    ArrowRight: 'Right',
  };
  return named[code] ?? null;
}

export interface KeyStroke {
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

/** Whether a key press in the page is exactly this accelerator (no extra modifiers). */
export function matchesKeyStroke(accelerator: Accelerator, stroke: KeyStroke, isMac: boolean): boolean {
  if (keyOfCode(stroke.code) !== accelerator.key) return false;
  const has = (m: Modifier) => accelerator.modifiers.includes(m);
  const wantCtrl = has('Control') || (has('CommandOrControl') && !isMac);
  const wantMeta = has('Command') || has('Super') || (has('CommandOrControl') && isMac);
  return stroke.ctrlKey === wantCtrl && stroke.metaKey === wantMeta && stroke.altKey === has('Alt') && stroke.shiftKey === has('Shift');
}

/** Plain function keys (the desk's own F4/F8/F10) pressed without modifiers. */
export function isPlainKey(stroke: KeyStroke, key: string): boolean {
  return keyOfCode(stroke.code) === key && !stroke.ctrlKey && !stroke.altKey && !stroke.shiftKey && !stroke.metaKey;
}
