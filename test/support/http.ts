// The real HTTP server, in-process, on a random loopback port, around a test core.
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../main/server/http-server';
import type { Core } from '../../main/core/core';
import { httpClient } from './web-server';

export interface EventChannel {
  received: Array<{ name: string; payload: unknown }>;
  raw: string[];
  /** The close code, once the server closed the channel. */
  closedWith: number | null;
  close(): void;
}

export interface TestServer {
  server: RunningServer;
  url: string;
  call: ReturnType<typeof httpClient>;
  /** Opens the event channel with the given tokens and collects what arrives. */
  events(tokens: { sessionToken?: string; deviceToken?: string }): Promise<EventChannel>;
  close(): Promise<void>;
}

export async function startTestServer(core: Core, options: { host?: string } = {}): Promise<TestServer> {
  const server = await startServer({ core, host: options.host ?? '127.0.0.1', port: 0, rendererDir: null });
  const sockets: WebSocket[] = [];
  return {
    server,
    url: server.url,
    call: httpClient(server.url),
    async events(tokens) {
      const socket = new WebSocket(`${server.url.replace('http', 'ws')}/api/events`);
      sockets.push(socket);
      const channel: EventChannel = { received: [], raw: [], closedWith: null, close: () => socket.close() };
      const { received, raw } = channel;
      socket.on('close', (code) => {
        channel.closedWith = code;
      });
      socket.on('message', (data) => {
        raw.push(String(data));
        const message = JSON.parse(String(data)) as { name: string; payload: unknown };
        received.push({ name: message.name, payload: message.payload });
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve());
        socket.once('error', reject);
      });
      socket.send(JSON.stringify({ type: 'hello', ...tokens }));
      // Let the hello arrive before the test acts.
      await new Promise((r) => setTimeout(r, 50));
      return channel;
    },
    async close() {
      for (const s of sockets) s.terminate();
      await server.close();
    },
  };
}

/** Waits until `check` passes or the time is up (for pushed events). */
export async function eventually(check: () => void, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
