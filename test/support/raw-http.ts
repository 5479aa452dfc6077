// HTTP as an attacker writes it: any Host header, raw bytes, sockets that trickle or stop, WebSocket upgrades
// with chosen headers. fetch() cannot set Host or hold a body back, so these go through node:http, node:net, ws.
import http from 'node:http';
import net from 'node:net';
import WebSocket from 'ws';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: { error?: { code?: string; message?: string } } | null;
}

export function rawRequest(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string },
): Promise<RawResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: Number(target.port),
        method: options.method ?? 'POST',
        path: options.path,
        headers: { 'content-type': 'application/json', ...options.headers },
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          let json: RawResponse['json'];
          try {
            json = JSON.parse(body) as RawResponse['json'];
          } catch {
            json = null;
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body, json });
        });
      },
    );
    request.on('error', reject);
    if (options.body !== undefined) request.write(options.body);
    request.end();
  });
}

/** Tries the event channel's upgrade with the given headers: opened, or the HTTP status it was refused with. */
export function tryUpgrade(url: string, headers: Record<string, string>, localAddress?: string): Promise<{ opened: boolean; status?: number; socket?: WebSocket }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/api/events`, { headers, localAddress });
    socket.once('open', () => resolve({ opened: true, socket }));
    socket.once('unexpected-response', (request, response) => {
      resolve({ opened: false, status: response.statusCode });
      request.destroy();
    });
    socket.once('error', () => resolve({ opened: false }));
  });
}

export interface HeldSocket {
  socket: net.Socket;
  /** What the server sent back. */
  received(): string;
  /** Milliseconds from opening until the server closed it, or null while open. */
  closedAfter(): number | null;
  closed: Promise<number>;
}

/** A TCP connection that the test writes to by hand. */
export function holdSocket(host: string, port: number, localAddress?: string): Promise<HeldSocket> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let data = '';
    let closedAt: number | null = null;
    const socket = net.connect({ host, port, localAddress });
    const closed = new Promise<number>((done) =>
      socket.once('close', () => {
        closedAt = performance.now() - started;
        done(closedAt);
      }),
    );
    socket.on('data', (chunk: Buffer) => (data += chunk.toString('latin1')));
    socket.on('error', () => {});
    socket.once('connect', () => resolve({ socket, received: () => data, closedAfter: () => closedAt, closed }));
    socket.once('error', reject);
  });
}
