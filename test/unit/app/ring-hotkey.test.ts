// The desktop shell's ring hotkey and its event, with Electron's globalShortcut, ipcMain and windows replaced by
// recording fakes (the Electron runtime is not needed for what is checked here).
import { afterEach, describe, expect, it } from 'vitest';
import type { IpcMain, WebContents } from 'electron';
import { createDesk, as, type TestDesk } from '../../support/core';
import { bindRingHotkey, type ShortcutRegistry } from '../../../main/app/ring-hotkey';
import { bindIpc } from '../../../main/ipc/bind-ipc';
import { ensureLocalKiosk } from '../../../main/core/devices';
import { APP_ORIGIN } from '../../../main/app/security';
import { IPC_EVENT, IPC_INVOKE, type InvokeResult } from '../../../shared/contract/bridge';
import type { Logger } from '../../../main/core/context';

let desk: TestDesk;
afterEach(() => desk?.close());

function fakeShortcuts(taken: string[] = []) {
  const registered = new Map<string, () => void>();
  const registry: ShortcutRegistry = {
    register(accelerator, callback) {
      if (taken.includes(accelerator)) return false;
      registered.set(accelerator, callback);
      return true;
    },
    unregister(accelerator) {
      registered.delete(accelerator);
    },
  };
  return { registry, registered, press: (accelerator: string) => registered.get(accelerator)?.() };
}

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info() {}, error() {}, warn: (message) => warnings.push(message) };
}

describe('desktop ring hotkey', () => {
  it('P-1 registers the configured hotkey, follows a change in the settings and forwards each press', async () => {
    desk = await createDesk();
    const shortcuts = fakeShortcuts();
    const pressed: string[] = [];
    const hotkey = bindRingHotkey({ core: desk.core, shortcuts: shortcuts.registry, forward: (a) => pressed.push(a) });
    expect([...shortcuts.registered.keys()]).toEqual(['F9']);
    shortcuts.press('F9');
    expect(pressed).toEqual(['F9']);

    await desk.core.invoke(as(desk.admin.token), 'calls.updateSettings', { secondsPerRing: 5, targetRings: 3, giveUpAfterSeconds: 60, hotkey: 'ctrl+alt+k' });
    expect([...shortcuts.registered.keys()]).toEqual(['Control+Alt+K']);
    expect(hotkey.registered()).toBe('Control+Alt+K');
    shortcuts.press('Control+Alt+K');
    expect(pressed).toEqual(['F9', 'Control+Alt+K']);

    hotkey.dispose();
    expect(shortcuts.registered.size).toBe(0);
  });

  it('P-1 a hotkey another program holds is reported, and the desk keeps working with the button and page key', async () => {
    desk = await createDesk();
    const shortcuts = fakeShortcuts(['F9']);
    const logger = recordingLogger();
    const hotkey = bindRingHotkey({ core: { db: desk.core.db, onEvent: (l) => desk.core.onEvent(l), logger }, shortcuts: shortcuts.registry, forward: () => {} });
    expect(hotkey.registered()).toBeNull();
    expect(logger.warnings).toEqual(['ring hotkey is taken by another program; the lobby button and page key still work']);
    hotkey.dispose();
  });

  it('P-1 the shell’s hotkey event reaches the signed-in lobby window only, never the visitor screen or a locked lobby', async () => {
    desk = await createDesk();
    let invoke: ((event: unknown, method: unknown, input: unknown, meta: unknown) => Promise<InvokeResult>) | null = null;
    const ipcMain = {
      handle: (channel: string, handler: typeof invoke) => {
        if (channel === IPC_INVOKE) invoke = handler;
      },
      removeHandler: () => {},
    } as unknown as IpcMain;
    const kiosk = ensureLocalKiosk(desk.core, null, '本机访客屏');
    const binding = bindIpc({ core: desk.core, ipcMain, allowedOrigins: [APP_ORIGIN], localKioskDevice: () => kiosk });
    const window = (id: number) => {
      const sent: unknown[][] = [];
      const contents = { id, isDestroyed: () => false, send: (...args: unknown[]) => sent.push(args), once: () => {} } as unknown as WebContents;
      return { contents, sent };
    };
    const lobby = window(1);
    const lockedLobby = window(2);
    const visitor = window(3);
    binding.register({ webContents: lobby.contents, screen: 'lobby' });
    binding.register({ webContents: lockedLobby.contents, screen: 'lobby' });
    binding.register({ webContents: visitor.contents, screen: 'visitor' });
    const frame = { url: `${APP_ORIGIN}/index.html#/lobby` };
    const fromLobby = await invoke!({ sender: { id: 1, mainFrame: frame }, senderFrame: frame }, 'calls.settings', {}, { sessionToken: desk.admin.token, lang: 'zh-CN' });
    expect(fromLobby.ok).toBe(true);

    binding.emit('calls.hotkeyPressed', { accelerator: 'F9' });
    expect(lobby.sent).toEqual([[IPC_EVENT, 'calls.hotkeyPressed', { accelerator: 'F9' }]]);
    expect(lockedLobby.sent).toEqual([]);
    expect(visitor.sent).toEqual([]);
    binding.dispose();
  });
});
