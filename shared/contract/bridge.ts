// The shape the preload puts on `window.lobbyDesk`: exactly the contract's invoke and subscribe.
import type { ErrorBody } from './errors';

export interface InvokeMeta {
  sessionToken: string | null;
  lang: 'zh-CN' | 'en';
}

export type InvokeResult = { ok: true; result: unknown } | { ok: false; status: number; body: ErrorBody };

export interface LobbyDeskBridge {
  /** Which window this is: the lobby (staff) or the visitor screen (kiosk). Decided by main, not the page. */
  readonly screen: 'lobby' | 'visitor';
  invoke(method: string, input: unknown, meta: InvokeMeta): Promise<InvokeResult>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

export const IPC_INVOKE = 'lobby-desk:invoke';
export const IPC_EVENT = 'lobby-desk:event';
