// How calls and events travel: IPC through the preload bridge in Electron, HTTP + WebSocket in a browser.
import type { ErrorBody } from '../../../shared/contract/errors';
import type { LobbyDeskBridge } from '../../../shared/contract/bridge';
import { REFUSED_CLOSE_CODE } from '../../../shared/contract/wire';

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly issues: NonNullable<ErrorBody['error']['issues']>;
  readonly retryAfterSeconds: number | undefined;
  constructor(status: number, body: ErrorBody) {
    super(body.error.message);
    this.name = 'ApiError';
    this.code = body.error.code;
    this.status = status;
    this.issues = body.error.issues ?? [];
    this.retryAfterSeconds = body.error.retryAfterSeconds;
  }
}

export interface Credentials {
  sessionToken: string | null;
  deviceToken: string | null;
}

export interface Transport {
  call(method: string, input: unknown, credentials: Credentials, lang: 'zh-CN' | 'en'): Promise<unknown>;
  /** Starts receiving events; `credentialsChanged` is called again whenever who is signed in changes. */
  listen(
    eventNames: readonly string[],
    onEvent: (name: string, payload: unknown) => void,
    credentials: () => Credentials,
    /** The server closed the channel because the credentials are no longer valid (a revoked device). */
    onRefused?: () => void,
  ): { credentialsChanged(): void; close(): void };
}

export function bridge(): LobbyDeskBridge | null {
  return (globalThis as { lobbyDesk?: LobbyDeskBridge }).lobbyDesk ?? null;
}

function networkError(lang: 'zh-CN' | 'en'): ApiError {
  return new ApiError(0, {
    error: {
      code: 'network',
      message: lang === 'en' ? 'The desk service cannot be reached. Retrying…' : '无法连接前台服务，正在重试……',
    },
  });
}

export const httpTransport: Transport = {
  async call(method, input, credentials, lang) {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-lang': lang };
    if (credentials.sessionToken) headers.authorization = `Bearer ${credentials.sessionToken}`;
    if (credentials.deviceToken) headers['x-device-token'] = credentials.deviceToken;
    let response: Response;
    try {
      response = await fetch(`./api/${encodeURIComponent(method)}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
    } catch {
      throw networkError(lang);
    }
    const body = (await response.json().catch(() => null)) as unknown;
    if (!response.ok) {
      const error = body && typeof body === 'object' && 'error' in body ? (body as ErrorBody) : { error: { code: 'internal', message: response.statusText } };
      throw new ApiError(response.status, error);
    }
    return body;
  },

  listen(_eventNames, onEvent, credentials, onRefused) {
    let socket: WebSocket | null = null;
    let closed = false;
    let retry = 500;
    const hello = () => {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'hello', ...credentials() }));
    };
    const connect = () => {
      if (closed) return;
      const url = new URL('./api/events', location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      url.hash = '';
      socket = new WebSocket(url);
      socket.onopen = () => {
        retry = 500;
        hello();
      };
      socket.onmessage = (message) => {
        try {
          const data = JSON.parse(String(message.data)) as { type?: string; name?: string; payload?: unknown };
          if (data.type === 'event' && typeof data.name === 'string') onEvent(data.name, data.payload);
        } catch {
          /* ignore a malformed frame */
        }
      };
      socket.onclose = (event) => {
        socket = null;
        if (event.code === REFUSED_CLOSE_CODE) onRefused?.();
        if (!closed) setTimeout(connect, (retry = Math.min(retry * 2, 10_000)));
      };
    };
    connect();
    return {
      credentialsChanged: hello,
      close() {
        closed = true;
        socket?.close();
      },
    };
  },
};

export function ipcTransport(b: LobbyDeskBridge): Transport {
  return {
    async call(method, input, credentials, lang) {
      const outcome = await b.invoke(method, input ?? {}, { sessionToken: credentials.sessionToken, lang });
      if (!outcome.ok) throw new ApiError(outcome.status, outcome.body);
      return outcome.result;
    },
    listen(eventNames, onEvent) {
      // Main filters events by the credentials this window last called with; nothing to send here.
      const unsubscribers = eventNames.map((name) => b.subscribe(name, (payload) => onEvent(name, payload)));
      return { credentialsChanged() {}, close: () => unsubscribers.forEach((u) => u()) };
    },
  };
}
