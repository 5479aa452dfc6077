// The preload: exposes exactly the contract's invoke and subscribe on window.lobbyDesk — never ipcRenderer.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE, type LobbyDeskBridge } from '../shared/contract/bridge';

const screenArg = process.argv.find((a) => a.startsWith('--lobby-desk-screen='));
const screen: LobbyDeskBridge['screen'] = screenArg?.endsWith('=visitor') ? 'visitor' : 'lobby';

const bridge = {
  screen,
  invoke: (method, input, meta) => ipcRenderer.invoke(IPC_INVOKE, method, input, meta),
  subscribe: (event, listener) => {
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, handler);
    };
  },
} satisfies LobbyDeskBridge;

contextBridge.exposeInMainWorld('lobbyDesk', bridge);
