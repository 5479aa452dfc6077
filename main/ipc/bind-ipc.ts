// The IPC binding of the contract: one invoke channel, one event channel, no per-method code.
// The lobby window calls with its session token; the visitor window is always a kiosk caller.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Core } from '../core/core';
import type { Credentials } from '../core/auth/callers';
import type { DeviceRef, OutgoingEvent } from '../core/context';
import { AppError } from '../core/errors';
import { IPC_EVENT, IPC_INVOKE, type InvokeMeta, type InvokeResult } from '../../shared/contract/bridge';
import { events, type EventName, type EventPayload } from '../../shared/contract';
import { pickLanguage } from '../../shared/i18n';
import { isTrustedSender } from './sender';

export interface IpcWindow {
  webContents: WebContents;
  screen: 'lobby' | 'visitor';
}

export interface IpcBinding {
  register(window: IpcWindow): void;
  /**
   * Sends an event that comes from the shell rather than the core (the global ring hotkey) to the windows whose
   * caller may receive it, exactly as core events are filtered.
   */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  dispose(): void;
}

export function bindIpc(options: {
  core: Core;
  ipcMain: IpcMain;
  allowedOrigins: readonly string[];
  /** The paired device record of this PC's own visitor screen (null when it was revoked). */
  localKioskDevice: () => DeviceRef | null;
}): IpcBinding {
  const { core, ipcMain } = options;
  const windows = new Map<number, IpcWindow>();
  const lastCredentials = new Map<number, Credentials>();

  // The visitor window's identity is looked up afresh at every call and event, so revoking it takes effect at
  // once; without a live kiosk device it may only reach pairing, like an unpaired LAN screen.
  const credentialsFor = (window: IpcWindow, meta: Partial<InvokeMeta> | undefined): Credentials =>
    window.screen === 'visitor'
      ? { origin: 'ipc', kioskDevice: options.localKioskDevice(), requirePairing: true, sessionToken: null, windowId: window.webContents.id }
      : { origin: 'ipc', sessionToken: typeof meta?.sessionToken === 'string' ? meta.sessionToken : null, windowId: window.webContents.id };

  ipcMain.handle(IPC_INVOKE, async (event: IpcMainInvokeEvent, method: unknown, input: unknown, meta: Partial<InvokeMeta> | undefined): Promise<InvokeResult> => {
    const lang = pickLanguage(typeof meta?.lang === 'string' ? meta.lang : null);
    const window = windows.get(event.sender.id);
    const trusted = isTrustedSender(
      { webContentsId: event.sender.id, frameUrl: event.senderFrame?.url ?? null, isMainFrame: event.senderFrame === event.sender.mainFrame },
      windows,
      options.allowedOrigins,
    );
    if (!window || !trusted || typeof method !== 'string') {
      const { status, body } = core.errorResponse(new AppError('forbidden'), lang);
      return { ok: false, status, body };
    }
    const credentials = credentialsFor(window, meta);
    if (window.screen === 'lobby') {
      const before = lastCredentials.get(event.sender.id);
      lastCredentials.set(event.sender.id, credentials);
      // A session new to this window gets what the timers sent at start, before it could listen.
      if (before?.sessionToken !== credentials.sessionToken) {
        for (const held of core.replayTo(credentials)) window.webContents.send(IPC_EVENT, held.name, held.payload);
      }
    }
    try {
      return { ok: true, result: await core.call(credentials, method, input, lang) };
    } catch (error) {
      const { status, body } = core.errorResponse(error, lang);
      return { ok: false, status, body };
    }
  });

  const deliver = (event: OutgoingEvent): void => {
    for (const [id, window] of windows) {
      if (window.webContents.isDestroyed()) continue;
      const credentials = window.screen === 'lobby' ? (lastCredentials.get(id) ?? credentialsFor(window, undefined)) : credentialsFor(window, undefined);
      try {
        if (core.mayReceive(core.resolve(credentials), event)) window.webContents.send(IPC_EVENT, event.name, event.payload);
      } catch {
        /* a revoked device receives nothing */
      }
    }
  };
  const unsubscribe = core.onEvent(deliver);

  return {
    register(window) {
      const id = window.webContents.id;
      windows.set(id, window);
      window.webContents.once('destroyed', () => {
        windows.delete(id);
        lastCredentials.delete(id);
      });
    },
    emit(name, payload) {
      deliver({ name, payload: events[name].payload.parse(payload), target: undefined });
    },
    dispose() {
      unsubscribe();
      ipcMain.removeHandler(IPC_INVOKE);
    },
  };
}
