// Which Host names the server answers to. A page on another site whose name resolves to this PC (DNS
// rebinding) sends its own name as Host, so answering only to our own names keeps it out — even when its
// Origin matches its Host, which is all the Origin check can see.
import os from 'node:os';
import { isLoopbackAddress } from './policy';

/** What a Host header names: the host without its port, lower case, IPv6 without brackets; null when unreadable. */
export function hostNameOf(hostHeader: string | undefined): string | null {
  if (!hostHeader) return null;
  let url: URL;
  try {
    url = new URL(`http://${hostHeader}`);
  } catch {
    return null;
  }
  // Anything beyond host[:port] (a path, user info) is not a Host header.
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return null;
  const name = url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  return name === '' ? null : name;
}

/** A name or address as it would appear in a Host header, normalised the same way (for configured names). */
export function normalizeHostName(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return hostNameOf(trimmed.includes(':') && !trimmed.startsWith('[') && !/^[^:]+:\d+$/.test(trimmed) ? `[${trimmed}]` : trimmed);
}

/** The PC itself: `localhost` and loopback addresses. Browsers never ask DNS for these. */
export function isLoopbackName(name: string): boolean {
  return name === 'localhost' || isLoopbackAddress(name);
}

const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '']);
const INTERFACE_REFRESH_MS = 5_000;

export interface HostAllowListOptions {
  /** The address or name the server was told to listen on (`--host`). */
  bindHost: string;
  /** Names given when starting (`--allow-host`). */
  extraNames?: readonly string[];
  /** Names an administrator has set (the security settings), read when a name is not otherwise known. */
  adminNames?: () => readonly string[];
  /** This machine's addresses and name; replaceable in tests. */
  machine?: () => { addresses: string[]; hostName: string };
}

export function machineNames(): { addresses: string[]; hostName: string } {
  const addresses: string[] = [];
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) addresses.push(a.address.replace(/%.*$/, ''));
  }
  return { addresses, hostName: os.hostname() };
}

/**
 * The names a server answers to: loopback names and addresses always; the host it listens on (for a wildcard
 * such as 0.0.0.0, every address of this machine and the machine's own name); names given at start; names an
 * administrator set. Everything else is refused before any method runs.
 */
export class HostAllowList {
  private readonly fixed = new Set<string>();
  private readonly wildcard: boolean;
  private readonly machine: () => { addresses: string[]; hostName: string };
  private machineSet = new Set<string>();
  private machineReadAt = -Infinity;

  constructor(private readonly options: HostAllowListOptions) {
    this.machine = options.machine ?? machineNames;
    const bind = options.bindHost.trim().toLowerCase();
    this.wildcard = WILDCARD_BINDS.has(bind);
    if (!this.wildcard) {
      const name = normalizeHostName(bind);
      if (name) this.fixed.add(name);
    }
    for (const extra of options.extraNames ?? []) {
      const name = normalizeHostName(extra);
      if (name) this.fixed.add(name);
    }
  }

  /** Whether a request with this Host header is for us. */
  allows(hostHeader: string | undefined): boolean {
    const name = hostNameOf(hostHeader);
    if (name === null) return false;
    if (isLoopbackName(name) || this.fixed.has(name)) return true;
    if (this.wildcard && this.machineHas(name)) return true;
    for (const admin of this.options.adminNames?.() ?? []) if (normalizeHostName(admin) === name) return true;
    return false;
  }

  /** The names configured for this server, for the start-up message. */
  describe(): string[] {
    return ['localhost', '127.0.0.1', '::1', ...this.fixed, ...(this.wildcard ? [...this.readMachine()] : [])];
  }

  private machineHas(name: string): boolean {
    if (this.machineSet.has(name)) return true;
    // Addresses change (DHCP, a cable plugged in): look again, but not on every refused request.
    const now = performance.now();
    if (now - this.machineReadAt < INTERFACE_REFRESH_MS) return false;
    this.machineReadAt = now;
    return this.readMachine().has(name);
  }

  private readMachine(): Set<string> {
    const { addresses, hostName } = this.machine();
    const names = new Set<string>();
    for (const a of addresses) {
      // A link-local address's zone (fe80::1%eth0) is never part of a Host header.
      const name = normalizeHostName(a.replace(/%.*$/, ''));
      if (name) names.add(name);
    }
    const host = normalizeHostName(hostName);
    if (host) {
      names.add(host);
      if (!host.includes('.')) names.add(`${host}.local`);
    }
    this.machineSet = names;
    return names;
  }
}
