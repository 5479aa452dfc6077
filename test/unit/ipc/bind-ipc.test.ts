// The IPC binding with Electron's ipcMain and webContents faked (the runtime is absent where these run):
// sender-frame validation, the visitor window always a kiosk, events filtered per window.
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import type { IpcMain, WebContents } from 'electron';
import { bindIpc, type IpcBinding } from '../../../main/ipc/bind-ipc';
import { ensureLocalKiosk } from '../../../main/core/devices';
import { APP_ORIGIN } from '../../../main/app/security';
import { IPC_EVENT, IPC_INVOKE, type InvokeResult } from '../../../shared/contract/bridge';
import { createDesk, type TestDesk } from '../../support/core';

type Handler = (event: unknown, ...args: unknown[]) => Promise<InvokeResult>;

class FakeIpcMain {
  handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler) {
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
}

class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly mainFrame = { url: `${APP_ORIGIN}/index.html#/lobby` };
  readonly sent: Array<[string, string, unknown]> = [];
  destroyed = false;
  send(channel: string, name: string, payload: unknown) {
    this.sent.push([channel, name, payload]);
  }
  isDestroyed() {
    return this.destroyed;
  }
}

let desk: TestDesk;
let binding: IpcBinding;
afterEach(() => {
  binding?.dispose();
  desk?.close();
});

async function setUp() {
  desk = await createDesk();
  const ipcMain = new FakeIpcMain();
  let kioskId: string | null = null;
  const localKiosk = () => {
    const device = ensureLocalKiosk(desk.core, kioskId, '本机访客屏');
    kioskId = device?.id ?? kioskId;
    return device;
  };
  binding = bindIpc({ core: desk.core, ipcMain: ipcMain as unknown as IpcMain, allowedOrigins: [APP_ORIGIN], localKioskDevice: localKiosk });
  const lobby = new FakeWebContents();
  const visitor = new FakeWebContents();
  binding.register({ webContents: lobby as unknown as WebContents, screen: 'lobby' });
  binding.register({ webContents: visitor as unknown as WebContents, screen: 'visitor' });
  const invoke = (from: FakeWebContents, method: string, input: unknown, meta: object, frame: { url: string } | null = from.mainFrame) =>
    ipcMain.handlers.get(IPC_INVOKE)!({ sender: from, senderFrame: frame }, method, input, meta);
  return { lobby, visitor, invoke, kioskIdOf: () => kioskId };
}

describe('IPC binding', () => {
  it('X-1 the lobby window calls the contract with its session; errors come back as the contract’s error body', async () => {
    const { lobby, invoke } = await setUp();
    const ok = await invoke(lobby, 'staff.list', {}, { sessionToken: desk.admin.token, lang: 'zh-CN' });
    expect(ok.ok).toBe(true);
    const bad = await invoke(lobby, 'staff.create', { name: '' }, { sessionToken: desk.admin.token, lang: 'en' });
    expect(bad).toMatchObject({ ok: false, status: 400, body: { error: { code: 'validation_failed' } } });
    const anonymous = await invoke(lobby, 'staff.list', {}, { sessionToken: null, lang: 'zh-CN' });
    expect(anonymous).toMatchObject({ ok: false, status: 401 });
  });

  it('X-5 messages from a foreign page, a sub-frame or an unknown window are refused', async () => {
    const { lobby, invoke } = await setUp();
    const meta = { sessionToken: desk.admin.token, lang: 'zh-CN' };
    expect(await invoke(lobby, 'staff.list', {}, meta, { url: 'https://evil.example/' })).toMatchObject({ ok: false, status: 403 });
    expect(await invoke(lobby, 'staff.list', {}, meta, { url: `${APP_ORIGIN}/index.html` })).toMatchObject({ ok: false, status: 403 });
    expect(await invoke(lobby, 'staff.list', {}, meta, null)).toMatchObject({ ok: false, status: 403 });
    const stranger = new FakeWebContents();
    expect(await invoke(stranger, 'staff.list', {}, meta)).toMatchObject({ ok: false, status: 403 });
  });

  it('X-5 the visitor window is always a kiosk: a staff session token it sends is ignored', async () => {
    const { visitor, invoke } = await setUp();
    const stolen = await invoke(visitor, 'staff.list', {}, { sessionToken: desk.admin.token, lang: 'zh-CN' });
    expect(stolen).toMatchObject({ ok: false, status: 403 });
    const status = await invoke(visitor, 'setup.status', {}, { sessionToken: null, lang: 'zh-CN' });
    expect(status).toMatchObject({ ok: true, result: { building: { name: '华信大厦' } } });
    const who = await invoke(visitor, 'devices.whoami', {}, { sessionToken: null, lang: 'zh-CN' });
    expect(who).toMatchObject({ ok: true, result: { device: { kind: 'kiosk', name: '本机访客屏' } } });
  });

  it('X-1 events reach each window by its caller: staff events to the signed-in lobby, kiosk events to the visitor window, none after revocation', async () => {
    const { lobby, visitor, invoke, kioskIdOf } = await setUp();
    await invoke(lobby, 'auth.me', {}, { sessionToken: desk.admin.token, lang: 'zh-CN' });
    await invoke(visitor, 'setup.status', {}, { sessionToken: null, lang: 'zh-CN' });
    await invoke(lobby, 'settings.updateBuilding', { name: '新华大厦', postName: '新华大厦前台' }, { sessionToken: desk.admin.token, lang: 'zh-CN' });
    expect(lobby.sent).toContainEqual([IPC_EVENT, 'settings.buildingChanged', { name: '新华大厦', nameEn: '' }]);
    expect(visitor.sent).toContainEqual([IPC_EVENT, 'settings.buildingChanged', { name: '新华大厦', nameEn: '' }]);
    // devices.changed is for admins only.
    await invoke(lobby, 'devices.revoke', { id: kioskIdOf()! }, { sessionToken: desk.admin.token, lang: 'zh-CN' });
    expect(lobby.sent.map((s) => s[1])).toContain('devices.changed');
    expect(visitor.sent.map((s) => s[1])).not.toContain('devices.changed');
    const before = visitor.sent.length;
    await invoke(lobby, 'settings.updateBuilding', { name: '新华大厦二期', postName: '前台' }, { sessionToken: desk.admin.token, lang: 'zh-CN' });
    expect(visitor.sent).toHaveLength(before);
    // Revoked: only what pairing needs answers; the staff names of the sign-in screen do not.
    expect(await invoke(visitor, 'setup.status', {}, { sessionToken: null, lang: 'zh-CN' })).toMatchObject({ ok: true });
    expect(await invoke(visitor, 'auth.signInChoices', {}, { sessionToken: null, lang: 'zh-CN' })).toMatchObject({
      ok: false,
      status: 401,
      body: { error: { code: 'device_required' } },
    });
    const who = await invoke(visitor, 'devices.whoami', {}, { sessionToken: null, lang: 'zh-CN' });
    expect(who).toMatchObject({ ok: true, result: { device: null } });
  });

  it('X-1 a window that signed out stops receiving staff events', async () => {
    const { lobby, invoke } = await setUp();
    const lee = await desk.person('receptionist');
    expect(await invoke(lobby, 'auth.signOut', { reason: 'lock' }, { sessionToken: lee.token, lang: 'zh-CN' })).toMatchObject({ ok: true });
    lobby.sent.length = 0;
    await desk.core.invoke({ origin: 'loopback', sessionToken: desk.admin.token }, 'settings.updateBuilding', { name: '某大厦', postName: '前台' });
    expect(lobby.sent).toEqual([]);
  });
});
