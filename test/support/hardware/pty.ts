// A pair of connected pseudo-terminals made by socat: the app opens `device` as if it were the serial port of a
// caller-ID box, card reader or scanner; the simulator writes and reads at `peer`.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const SOCAT = '/usr/bin/socat';

export function ptyMissing(): string | null {
  return fs.existsSync(SOCAT) ? null : 'socat is not installed (apt-get install socat)';
}

export interface PtyPair {
  device: string;
  peer: string;
  close(): Promise<void>;
}

export async function ptyPair(): Promise<PtyPair> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lobby-pty-'));
  const device = path.join(dir, 'device');
  const peer = path.join(dir, 'peer');
  const child: ChildProcess = spawn(SOCAT, [`pty,raw,echo=0,link=${device}`, `pty,raw,echo=0,link=${peer}`], { stdio: 'ignore' });
  for (let i = 0; i < 100 && !(fs.existsSync(device) && fs.existsSync(peer)); i += 1) await new Promise((r) => setTimeout(r, 20));
  if (!fs.existsSync(device)) {
    child.kill('SIGKILL');
    throw new Error('socat did not create the pseudo-terminals');
  }
  return {
    device,
    peer,
    async close() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 1000))]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
