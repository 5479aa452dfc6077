// The desk is keyboard-first: the ring hotkey as a page key (in the desktop app it is also a global hotkey,
// forwarded by the shell as `calls.hotkeyPressed`), and the phone desk's own keys.
import { useEffect, useRef } from 'react';
import { staffClient } from '../../api/client';
import { usePhone } from './calls-store';
import { DESK_KEYS, isPlainKey, matchesKeyStroke, parseAccelerator } from '../../../../shared/rules/accelerator';

export interface PhoneKeyActions {
  ringOrAnswer(source: 'key' | 'hotkey'): void;
  anotherLine(): void;
  giveUp(): void;
  guard(): void;
  /** Alt+1…6 (or 1…6 outside a text field): tick step n of the current call's script. */
  tick(index: number): void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function usePhoneKeys(hotkey: string, actions: PhoneKeyActions): void {
  // The latest actions without re-subscribing on every render.
  const current = useRef(actions);
  current.current = actions;

  useEffect(() => {
    const parsed = parseAccelerator(hotkey);
    const accelerator = parsed.ok ? parsed.value : null;
    const isMac = /Mac/i.test(navigator.platform);
    const onKey = (event: KeyboardEvent) => {
      if (event.repeat || event.isComposing) return;
      const act = (run: () => void) => {
        event.preventDefault();
        event.stopPropagation();
        run();
      };
      if (accelerator && matchesKeyStroke(accelerator, event, isMac)) return act(() => current.current.ringOrAnswer('key'));
      if (isPlainKey(event, DESK_KEYS.anotherLine)) return act(() => current.current.anotherLine());
      if (isPlainKey(event, DESK_KEYS.giveUp)) return act(() => current.current.giveUp());
      if (isPlainKey(event, DESK_KEYS.guard)) return act(() => current.current.guard());
      const digit = /^Digit([1-6])$/.exec(event.code);
      if (digit && !event.ctrlKey && !event.metaKey && !event.shiftKey && (event.altKey || !isTyping(event.target))) {
        return act(() => current.current.tick(Number(digit[1]) - 1));
      }
    };
    window.addEventListener('keydown', onKey, true);
    lobbyKeys = current;
    followGlobalHotkey();
    return () => {
      window.removeEventListener('keydown', onKey, true);
      if (lobbyKeys === current) lobbyKeys = null;
    };
  }, [hotkey]);
}

/** The lobby's key handlers while it is on screen. */
let lobbyKeys: { current: PhoneKeyActions } | null = null;
let following = false;

/**
 * The desktop's global hotkey works wherever the screen is: on the lobby it acts like the page key; on another
 * page (the call log, admin) it brings the lobby back and acts on main's current state. Subscribed once, the
 * first time the lobby shows (always right after sign-in).
 */
function followGlobalHotkey(): void {
  if (following) return;
  following = true;
  staffClient.on('calls.hotkeyPressed', () => {
    if (lobbyKeys) return lobbyKeys.current.ringOrAnswer('hotkey');
    window.location.hash = '#/lobby';
    const phone = usePhone.getState();
    void phone
      .load()
      .then(() => phone.ringOrAnswer('hotkey'))
      .catch(() => undefined);
  });
}

/**
 * The ring hotkey on every staff page: off the lobby a press brings the lobby back and rings or answers,
 * as the desktop's global hotkey does. Mounted once around the staff screens; also keeps the phone's state
 * current there, so the idle lock knows a call is in conversation.
 */
export function useRingHotkeyEverywhere(): void {
  const hotkey = usePhone((s) => s.settings.hotkey);
  useEffect(() => {
    const load = () => {
      if (!lobbyKeys) void usePhone.getState().load().catch(() => undefined);
    };
    load();
    const off = staffClient.on('calls.changed', load);
    const parsed = parseAccelerator(hotkey);
    const accelerator = parsed.ok ? parsed.value : null;
    const isMac = /Mac/i.test(navigator.platform);
    const onKey = (event: KeyboardEvent) => {
      if (lobbyKeys || !accelerator || event.repeat || event.isComposing) return;
      if (!matchesKeyStroke(accelerator, event, isMac)) return;
      event.preventDefault();
      event.stopPropagation();
      window.location.hash = '#/lobby';
      const phone = usePhone.getState();
      void phone
        .load()
        .then(() => phone.ringOrAnswer('key'))
        .catch(() => undefined);
    };
    window.addEventListener('keydown', onKey, true);
    followGlobalHotkey();
    return () => {
      off();
      window.removeEventListener('keydown', onKey, true);
    };
  }, [hotkey]);
}

/** Mounted around the staff screens of the phone desk's roles. */
export function RingHotkey(): null {
  useRingHotkeyEverywhere();
  return null;
}
