// How much one client may hold of the server: deadlines for a request to arrive, and caps on open
// connections and event channels per source address and in total. The deadlines are Node's own HTTP server
// options; only the per-source counting is ours.
import type { Server, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { isLoopbackAddress } from './policy';

export interface ClientLimits {
  /** Headers must be complete this long after a request starts (Node `headersTimeout`). */
  headersTimeoutMs: number;
  /** The whole request, body included, must have arrived this long after it started (Node `requestTimeout`). */
  requestTimeoutMs: number;
  /** How often Node looks for requests past those deadlines (`connectionsCheckingInterval`). */
  checkIntervalMs: number;
  /** Open TCP connections from one LAN address, and from all LAN addresses together. */
  connectionsPerAddress: number;
  connectionsOnLan: number;
  /** Event channels (WebSockets) from one LAN address, and from all LAN addresses together. */
  socketsPerAddress: number;
  socketsOnLan: number;
  /** This PC's own screens (loopback) have an allowance of their own that the LAN cannot use up. */
  connectionsFromThisPc: number;
  socketsFromThisPc: number;
}

export const DEFAULT_CLIENT_LIMITS: ClientLimits = {
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  checkIntervalMs: 1_000,
  connectionsPerAddress: 32,
  connectionsOnLan: 256,
  socketsPerAddress: 16,
  socketsOnLan: 128,
  connectionsFromThisPc: 128,
  socketsFromThisPc: 64,
};

/** The remote address a connection or request comes from, IPv4-mapped IPv6 written as IPv4. */
export function sourceOf(socket: Pick<Socket, 'remoteAddress'>): string {
  const address = socket.remoteAddress ?? '';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/** Counts what each source holds open, against a per-source and a total cap (loopback has its own). */
export class SourceCounter {
  private readonly bySource = new Map<string, number>();
  private lanTotal = 0;

  constructor(
    private readonly perAddress: number,
    private readonly lanCap: number,
    private readonly thisPcCap: number,
  ) {}

  /** Takes one slot for `source`, or returns false when its cap or the LAN's total is reached. */
  take(source: string): boolean {
    const held = this.bySource.get(source) ?? 0;
    if (isLoopbackAddress(source)) {
      if (this.heldFromThisPc() >= this.thisPcCap) return false;
    } else if (held >= this.perAddress || this.lanTotal >= this.lanCap) {
      return false;
    }
    this.bySource.set(source, held + 1);
    if (!isLoopbackAddress(source)) this.lanTotal += 1;
    return true;
  }

  release(source: string): void {
    const held = this.bySource.get(source) ?? 0;
    if (held <= 0) return;
    if (held === 1) this.bySource.delete(source);
    else this.bySource.set(source, held - 1);
    if (!isLoopbackAddress(source)) this.lanTotal -= 1;
  }

  held(source: string): number {
    return this.bySource.get(source) ?? 0;
  }

  private heldFromThisPc(): number {
    let n = 0;
    for (const [source, count] of this.bySource) if (isLoopbackAddress(source)) n += count;
    return n;
  }
}

/**
 * Applies the connection caps to a Node HTTP server: a connection over its source's cap is closed at once,
 * before a byte is read, so a client that opens hundreds of sockets holds only its own share.
 */
export function capConnections(server: Server, limits: ClientLimits): SourceCounter {
  const counter = new SourceCounter(limits.connectionsPerAddress, limits.connectionsOnLan, limits.connectionsFromThisPc);
  // The absolute backstop: Node refuses connections beyond this before emitting them.
  server.maxConnections = limits.connectionsOnLan + limits.connectionsFromThisPc;
  server.prependListener('connection', (socket: Socket) => {
    const source = sourceOf(socket);
    if (!counter.take(source)) {
      socket.destroy();
      return;
    }
    socket.once('close', () => counter.release(source));
  });
  return counter;
}

/** The Node HTTP server options that carry the deadlines (passed through fastify's `http` option). */
export function nodeServerOptions(limits: ClientLimits): { headersTimeout: number; requestTimeout: number; connectionsCheckingInterval: number } {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    connectionsCheckingInterval: limits.checkIntervalMs,
  };
}

export function requestSource(request: IncomingMessage): string {
  return sourceOf(request.socket);
}
