// The desktop's global ring hotkey (P-1): registers the accelerator from the phone desk's settings with
// Electron's globalShortcut, follows changes to it, and forwards each press to the lobby window as the
// `calls.hotkeyPressed` event (the lobby then rings or answers, as its page-level key does in a browser).
// The accelerator rules are pure and shared (shared/rules/accelerator.ts); here are only the calls.
import type { Core } from '../core/core';
import type { CallSettings } from '../../shared/contract/calls';
import { callSettings } from '../core/calls';
import { parseAccelerator } from '../../shared/rules/accelerator';

/** The part of Electron's `globalShortcut` used here. */
export interface ShortcutRegistry {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

export interface RingHotkey {
  /** The accelerator registered now, or null (none valid, or another program holds it). */
  registered(): string | null;
  dispose(): void;
}

export function bindRingHotkey(options: {
  core: Pick<Core, 'db' | 'onEvent' | 'logger'>;
  shortcuts: ShortcutRegistry;
  /** Sends the press to the lobby window (the IPC binding's `emit`). */
  forward: (accelerator: string) => void;
}): RingHotkey {
  const { core, shortcuts, forward } = options;
  let current: string | null = null;

  const apply = (wanted: string): void => {
    const parsed = parseAccelerator(wanted);
    const next = parsed.ok ? parsed.value.text : null;
    if (next === current) return;
    if (current) shortcuts.unregister(current);
    current = null;
    if (!next) {
      core.logger.warn('ring hotkey not valid; the lobby button and page key still work', { hotkey: wanted });
      return;
    }
    if (shortcuts.register(next, () => forward(next))) current = next;
    else core.logger.warn('ring hotkey is taken by another program; the lobby button and page key still work', { hotkey: next });
  };

  apply(callSettings(core.db).hotkey);
  const unsubscribe = core.onEvent((event) => {
    if (event.name === 'calls.settingsChanged') apply((event.payload as CallSettings).hotkey);
  });

  return {
    registered: () => current,
    dispose() {
      unsubscribe();
      if (current) shortcuts.unregister(current);
      current = null;
    },
  };
}
