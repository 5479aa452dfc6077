// A non-loopback address of this machine, so a test can be a "LAN client": the server decides LAN by the remote
// address not being loopback, and a connection to one's own LAN address comes from that address. When the
// machine has none (or LAN_TEST_ADDRESS=added forces it), a private /32 address is added to the loopback device
// with `ip addr` (needs CAP_NET_ADMIN) and removed afterwards — it is not 127/8, so connections to it count as
// LAN. When neither is possible the caller skips with the reason.
import os from 'node:os';
import { spawnSync } from 'node:child_process';

export type LanAddress = { address: string; how: string; remove(): void } | { address: null; reason: string };

const ADDED = '10.254.254.1';

function ip(args: string[]): { ok: boolean; output: string } {
  const result = spawnSync('ip', args, { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`.trim() };
}

export function findLanAddress(): LanAddress {
  if (process.env.LAN_TEST_ADDRESS === 'added') return addAddress();
  for (const [name, addresses] of Object.entries(os.networkInterfaces())) {
    for (const a of addresses ?? []) {
      if (!a.internal && a.family === 'IPv4') return { address: a.address, how: `${name} ${a.address}`, remove() {} };
    }
  }
  for (const [name, addresses] of Object.entries(os.networkInterfaces())) {
    for (const a of addresses ?? []) {
      if (!a.internal && a.family === 'IPv6' && !a.address.startsWith('fe80')) return { address: a.address, how: `${name} ${a.address}`, remove() {} };
    }
  }
  return addAddress();
}

function addAddress(): LanAddress {
  const add = ip(['addr', 'add', `${ADDED}/32`, 'dev', 'lo']);
  if (!add.ok && !/exists/i.test(add.output)) {
    return { address: null, reason: `no non-loopback address on this machine, and \`ip addr add ${ADDED}/32 dev lo\` failed: ${add.output}` };
  }
  return { address: ADDED, how: `${ADDED} added to lo for the test`, remove: () => void ip(['addr', 'del', `${ADDED}/32`, 'dev', 'lo']) };
}
