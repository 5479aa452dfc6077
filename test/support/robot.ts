// A local HTTP server standing in for a WeCom (or DingTalk) group robot: it takes the robot's documented JSON
// (`{"msgtype":"text","text":{"content":…}}`) at `/cgi-bin/webhook/send?key=…` and answers `{"errcode":0,"errmsg":"ok"}`.
// It can be taken down (connections refused) and brought back on the same port, or made to answer an error code.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RobotMessage {
  path: string;
  key: string | null;
  body: { msgtype?: string; text?: { content?: string } };
}

export interface FakeRobot {
  /** The webhook URL a tenant's channel is given. */
  url: string;
  received: RobotMessage[];
  /** Answer every request with this errcode from now on (0 = accepted). */
  answerWith(errcode: number, errmsg?: string): void;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeRobot(key = 'test-robot-key-3f9a'): Promise<FakeRobot> {
  const received: RobotMessage[] = [];
  let errcode = 0;
  let errmsg = 'ok';
  const server = http.createServer((req, res) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://robot');
      let body: RobotMessage['body'];
      try {
        body = JSON.parse(data) as RobotMessage['body'];
      } catch {
        res.writeHead(400).end();
        return;
      }
      if (errcode === 0) received.push({ path: url.pathname, key: url.searchParams.get('key'), body });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ errcode, errmsg }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  let listening = true;
  return {
    url: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=${key}`,
    received,
    answerWith(code, message = code === 0 ? 'ok' : 'error') {
      errcode = code;
      errmsg = message;
    },
    async down() {
      if (!listening) return;
      listening = false;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async up() {
      if (listening) return;
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
      listening = true;
    },
    async close() {
      if (listening) {
        listening = false;
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}
