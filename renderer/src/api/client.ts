// The renderer's typed client of the contract: `api.visitors.register(draft)`. Two instances: `api` for staff
// screens (session + desk device token) and `kioskApi` for the visitor screen (its kiosk device token only,
// never a staff session, even when both screens run in one browser).
import { contract, events, type Api, type EventName, type EventPayload } from '../../../shared/contract';
import { ApiError, bridge, httpTransport, ipcTransport, type Credentials, type Transport } from './transport';

export { ApiError };

type Screen = 'staff' | 'visitor';
type Listener = (payload: unknown) => void;

const SESSION_KEY = 'lobbyDesk.session';
const deviceKey = (screen: Screen) => `lobbyDesk.device.${screen}`;

export interface StoredSession {
  token: string;
}

export class ApiClient {
  readonly api: Api;
  private readonly transport: Transport;
  private lang: 'zh-CN' | 'en' = 'zh-CN';
  private readonly listeners = new Map<string, Set<Listener>>();
  private channel: ReturnType<Transport['listen']> | null = null;
  private readonly refusedListeners = new Set<() => void>();

  constructor(private readonly screen: Screen) {
    const b = bridge();
    this.transport = b ? ipcTransport(b) : httpTransport;
    const calls: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
    for (const [feature, methods] of Object.entries(contract)) {
      calls[feature] = {};
      for (const name of Object.keys(methods)) calls[feature]![name] = (input) => this.call(`${feature}.${name}`, input);
    }
    this.api = calls as unknown as Api;
  }

  setLanguage(lang: 'zh-CN' | 'en'): void {
    this.lang = lang;
  }

  credentials(): Credentials {
    return {
      sessionToken: this.screen === 'staff' ? sessionStorage.getItem(SESSION_KEY) : null,
      deviceToken: localStorage.getItem(deviceKey(this.screen)),
    };
  }

  /** After sign-in, sign-out or lock. Kept per tab (sessionStorage): a reload stays signed in, a new tab does not. */
  setSessionToken(token: string | null): void {
    if (this.screen !== 'staff') throw new Error('the visitor screen never holds a staff session');
    if (token) sessionStorage.setItem(SESSION_KEY, token);
    else sessionStorage.removeItem(SESSION_KEY);
    this.channel?.credentialsChanged();
  }

  setDeviceToken(token: string | null): void {
    if (token) localStorage.setItem(deviceKey(this.screen), token);
    else localStorage.removeItem(deviceKey(this.screen));
    this.channel?.credentialsChanged();
  }

  async call(method: string, input: unknown): Promise<unknown> {
    try {
      return await this.transport.call(method, input, this.credentials(), this.lang);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'device_required') this.refusedListeners.forEach((l) => l());
      throw error;
    }
  }

  /** This screen's device was revoked (or never paired): it must pair again. */
  onDeviceRefused(listener: () => void): () => void {
    this.refusedListeners.add(listener);
    return () => this.refusedListeners.delete(listener);
  }

  /** Subscribes to a pushed event; the channel opens on first use. Returns the unsubscribe function. */
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    if (!this.channel) {
      this.channel = this.transport.listen(
        Object.keys(events),
        (n, p) => this.listeners.get(n)?.forEach((l) => l(p)),
        () => this.credentials(),
        () => this.refusedListeners.forEach((l) => l()),
      );
    }
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener as Listener);
    return () => set.delete(listener as Listener);
  }
}

export const staffClient = new ApiClient('staff');
export const kioskClient = new ApiClient('visitor');

/** The staff screens' API. */
export const api = staffClient.api;
/** The visitor screen's API: only kiosk methods answer it. */
export const kioskApi = kioskClient.api;
