// A minimal SIP watcher over UDP (RFC 6665 SUBSCRIBE/NOTIFY for the RFC 4235 `dialog` event): subscribes to the
// desk's extension at the PBX, answers the digest challenge, refreshes before expiry, answers every NOTIFY and
// hands each dialog-info body on. Nothing else of SIP (no calls, no media, no REGISTER) is needed to know that
// the desk's phone rings. Why hand-written and not a library: docs/architecture.md, "Telephony".
import dgram from 'node:dgram';
import { randomBytes } from 'node:crypto';
import { digestAuthorization, parseChallenge, type DigestChallenge } from './digest';
import { header, headerAll, headerParams, parseSipMessage, serializeSip, tagOf, type SipMessage } from './message';
import { parseDialogInfo, type DialogInfo } from './dialog-info';

export interface SipWatchOptions {
  /** The PBX / presence server. */
  host: string;
  port: number;
  /** The extension whose dialogs are watched (the desk phone's number, e.g. 8001). */
  extension: string;
  /** SIP domain of the extension; the server's host by default. */
  domain?: string;
  /** Credentials of the account the PBX lets subscribe (often the desk phone's own). */
  username: string;
  password: string;
  /** Local UDP port; 0 picks a free one. */
  localPort?: number;
  /** Requested subscription length in seconds. */
  expires?: number;
}

export type WatchState =
  | { kind: 'subscribing' }
  | { kind: 'active'; expires: number }
  | { kind: 'noAnswer' }
  | { kind: 'refused'; status: number; reason: string }
  | { kind: 'authFailed' }
  | { kind: 'closed' };

export interface SipWatchHandlers {
  onDialogInfo(info: DialogInfo): void;
  onState(state: WatchState): void;
}

const RETRANSMIT_MS = [500, 1000, 2000, 4000, 4000];
const RETRY_MS = [2000, 5000, 15000, 30000, 60000];

const token = (bytes = 6) => randomBytes(bytes).toString('hex');

/** The local address that routes to `host` (what the PBX must send its NOTIFYs back to). */
async function localAddressToward(host: string, port: number): Promise<string> {
  const probe = dgram.createSocket('udp4');
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.connect(port, host, () => resolve());
    });
    return probe.address().address;
  } finally {
    probe.close();
  }
}

export class SipDialogSubscriber {
  private socket: dgram.Socket | null = null;
  private localIp = '127.0.0.1';
  private localPort = 0;
  private readonly fromTag = token();
  private callId = `${token(10)}@lobby-desk`;
  private cseq = 0;
  private toTag: string | null = null;
  private challenge: { value: DigestChallenge; header: 'Authorization' | 'Proxy-Authorization' } | null = null;
  private nonceCount = 0;
  private authAttempts = 0;
  private pending: { cseq: number; timers: NodeJS.Timeout[] } | null = null;
  private refreshTimer: NodeJS.Timeout | null = null;
  private retryIndex = 0;
  private stopped = false;
  private lastVersion: number | null = null;

  constructor(
    private readonly options: SipWatchOptions,
    private readonly handlers: SipWatchHandlers,
  ) {}

  private get domain(): string {
    return this.options.domain || this.options.host;
  }

  private get target(): string {
    return `sip:${this.options.extension}@${this.domain}`;
  }

  /** Opens the socket and sends the first SUBSCRIBE; the outcome arrives through `onState`. */
  async start(): Promise<void> {
    this.stopped = false;
    this.localIp = await localAddressToward(this.options.host, this.options.port);
    const socket = dgram.createSocket('udp4');
    this.socket = socket;
    socket.on('message', (data, remote) => this.receive(data, remote));
    socket.on('error', () => this.scheduleRetry());
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(this.options.localPort ?? 0, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    this.localPort = socket.address().port;
    this.subscribe(this.options.expires ?? 600);
  }

  /** Ends the subscription (Expires: 0, best effort) and closes the socket. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.clearTimers();
    const socket = this.socket;
    if (socket && this.toTag) {
      await new Promise<void>((resolve) => socket.send(this.subscribeMessage(0), this.options.port, this.options.host, () => resolve()));
    }
    this.socket = null;
    socket?.close();
    this.handlers.onState({ kind: 'closed' });
  }

  private clearTimers(): void {
    for (const timer of this.pending?.timers ?? []) clearTimeout(timer);
    this.pending = null;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
  }

  private subscribeMessage(expires: number): Buffer {
    const headers: Array<[string, string]> = [
      ['Via', `SIP/2.0/UDP ${this.localIp}:${this.localPort};branch=z9hG4bK${token(8)};rport`],
      ['Max-Forwards', '70'],
      ['From', `<sip:${this.options.username}@${this.domain}>;tag=${this.fromTag}`],
      ['To', `<${this.target}>${this.toTag ? `;tag=${this.toTag}` : ''}`],
      ['Call-ID', this.callId],
      ['CSeq', `${this.cseq} SUBSCRIBE`],
      ['Contact', `<sip:${this.options.username}@${this.localIp}:${this.localPort}>`],
      ['Event', 'dialog'],
      ['Accept', 'application/dialog-info+xml'],
      ['Expires', String(expires)],
      ['User-Agent', 'LobbyDesk'],
    ];
    if (this.challenge) {
      this.nonceCount += 1;
      headers.push([this.challenge.header, digestAuthorization(this.challenge.value, this.options, 'SUBSCRIBE', this.target, this.nonceCount)]);
    }
    return serializeSip(`SUBSCRIBE ${this.target} SIP/2.0`, headers);
  }

  private subscribe(expires: number): void {
    const socket = this.socket;
    if (!socket || this.stopped) return;
    for (const timer of this.pending?.timers ?? []) clearTimeout(timer);
    this.cseq += 1;
    const message = this.subscribeMessage(expires);
    const send = () => socket.send(message, this.options.port, this.options.host);
    const timers: NodeJS.Timeout[] = [];
    let at = 0;
    // UDP loses datagrams: resend until an answer, then give up and try again later (timer F, shortened).
    for (const gap of RETRANSMIT_MS) {
      at += gap;
      timers.push(setTimeout(send, at));
    }
    timers.push(
      setTimeout(() => {
        this.handlers.onState({ kind: 'noAnswer' });
        this.scheduleRetry();
      }, at + 2000),
    );
    this.pending = { cseq: this.cseq, timers };
    if (!this.toTag) this.handlers.onState({ kind: 'subscribing' });
    send();
  }

  /** Starts over with a new subscription after a failure, waiting longer each time. */
  private scheduleRetry(): void {
    if (this.stopped) return;
    this.clearTimers();
    const delay = RETRY_MS[Math.min(this.retryIndex, RETRY_MS.length - 1)]!;
    this.retryIndex += 1;
    this.refreshTimer = setTimeout(() => {
      this.callId = `${token(10)}@lobby-desk`;
      this.toTag = null;
      this.challenge = null;
      this.authAttempts = 0;
      this.lastVersion = null;
      this.subscribe(this.options.expires ?? 600);
    }, delay);
  }

  private receive(data: Buffer, remote: dgram.RemoteInfo): void {
    const message = parseSipMessage(data);
    if (!message || header(message, 'call-id') !== this.callId) return;
    if (message.method === null) this.onResponse(message);
    else this.onRequest(message, remote);
  }

  private onResponse(message: SipMessage): void {
    const [cseqText, method] = (header(message, 'cseq') ?? '').split(/\s+/);
    if (method?.toUpperCase() !== 'SUBSCRIBE' || Number(cseqText) !== this.pending?.cseq) return;
    const status = message.status ?? 0;
    if (status < 200) return; // provisional: keep waiting (retransmissions stop only on a final answer)
    for (const timer of this.pending.timers) clearTimeout(timer);
    this.pending = null;
    if (status === 401 || status === 407) {
      const name = status === 401 ? 'www-authenticate' : 'proxy-authenticate';
      const challenge = parseChallenge(header(message, name) ?? '');
      const stale = /stale\s*=\s*"?true/i.test(header(message, name) ?? '');
      this.authAttempts += 1;
      if (!challenge || (this.authAttempts > 1 && !stale)) {
        this.handlers.onState({ kind: 'authFailed' });
        this.scheduleRetry();
        return;
      }
      this.challenge = { value: challenge, header: status === 401 ? 'Authorization' : 'Proxy-Authorization' };
      this.nonceCount = 0;
      this.subscribe(this.options.expires ?? 600);
      return;
    }
    if (status >= 200 && status < 300) {
      this.authAttempts = 0;
      this.retryIndex = 0;
      this.toTag = tagOf(header(message, 'to')) ?? this.toTag;
      const expires = Number(header(message, 'expires') ?? this.options.expires ?? 600);
      this.handlers.onState({ kind: 'active', expires });
      // Refresh at four fifths of the granted time (RFC 6665 §4.1.2.1), at least a few seconds ahead.
      const refreshIn = Math.max(5, Math.floor(expires * 0.8)) * 1000;
      if (this.refreshTimer) clearTimeout(this.refreshTimer);
      this.refreshTimer = setTimeout(() => this.subscribe(this.options.expires ?? 600), refreshIn);
      return;
    }
    this.handlers.onState({ kind: 'refused', status, reason: message.reason ?? '' });
    this.scheduleRetry();
  }

  private onRequest(message: SipMessage, remote: dgram.RemoteInfo): void {
    const socket = this.socket;
    if (!socket) return;
    const ok = message.method === 'NOTIFY';
    const response = serializeSip(ok ? 'SIP/2.0 200 OK' : 'SIP/2.0 405 Method Not Allowed', [
      ...headerAll(message, 'via').map((via): [string, string] => ['Via', via]),
      ['From', header(message, 'from') ?? ''],
      ['To', header(message, 'to') ?? ''],
      ['Call-ID', this.callId],
      ['CSeq', header(message, 'cseq') ?? ''],
      ...(ok ? [['Contact', `<sip:${this.options.username}@${this.localIp}:${this.localPort}>`] as [string, string]] : []),
    ]);
    // Answer where the request came from (rport behaviour): the server may send from another port than 5060.
    socket.send(response, remote.port, remote.address);
    if (!ok) return;
    // A NOTIFY may arrive before the SUBSCRIBE's 2xx; its From tag is the subscription's To tag.
    this.toTag = this.toTag ?? tagOf(header(message, 'from'));
    const info = message.body ? parseDialogInfo(message.body) : null;
    if (info && !(info.version !== null && this.lastVersion !== null && info.version <= this.lastVersion && info.fullState === false)) {
      this.lastVersion = info.version ?? this.lastVersion;
      this.handlers.onDialogInfo(info);
    }
    const subscriptionState = header(message, 'subscription-state') ?? '';
    if (/^terminated/i.test(subscriptionState)) {
      const retryAfter = Number(headerParams(subscriptionState)['retry-after'] ?? NaN);
      this.clearTimers();
      this.refreshTimer = setTimeout(
        () => {
          this.callId = `${token(10)}@lobby-desk`;
          this.toTag = null;
          this.challenge = null;
          this.authAttempts = 0;
          this.lastVersion = null;
          this.subscribe(this.options.expires ?? 600);
        },
        Number.isFinite(retryAfter) ? retryAfter * 1000 : 1000,
      );
    }
  }
}
