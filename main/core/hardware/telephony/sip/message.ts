// SIP messages as text (RFC 3261 §7): just enough to SUBSCRIBE, answer NOTIFYs and read responses. Header names
// are case-insensitive and have compact forms (v, f, t, i, m, l, c, o, k, u).
const COMPACT: Record<string, string> = {
  v: 'via',
  f: 'from',
  t: 'to',
  i: 'call-id',
  m: 'contact',
  l: 'content-length',
  c: 'content-type',
  o: 'event',
  k: 'supported',
  u: 'allow-events',
};

export interface SipMessage {
  /** A request's method, or null for a response. */
  method: string | null;
  uri: string | null;
  status: number | null;
  reason: string | null;
  /** Lower-case header name → values in order (a header may repeat). */
  headers: Map<string, string[]>;
  body: string;
}

export function header(message: SipMessage, name: string): string | null {
  return message.headers.get(name.toLowerCase())?.[0] ?? null;
}

export function headerAll(message: SipMessage, name: string): string[] {
  return message.headers.get(name.toLowerCase()) ?? [];
}

/** Parses one datagram; null when it is not a SIP message (keep-alive CRLFs, garbage). */
export function parseSipMessage(data: Buffer | string): SipMessage | null {
  const text = typeof data === 'string' ? data : data.toString('utf8');
  const split = text.indexOf('\r\n\r\n');
  const head = split >= 0 ? text.slice(0, split) : text;
  let body = split >= 0 ? text.slice(split + 4) : '';
  const lines = head.split(/\r\n/);
  const start = lines.shift()?.trim() ?? '';
  let method: string | null = null;
  let uri: string | null = null;
  let status: number | null = null;
  let reason: string | null = null;
  const response = /^SIP\/2\.0\s+(\d{3})\s*(.*)$/i.exec(start);
  const request = /^([A-Z]+)\s+(\S+)\s+SIP\/2\.0$/i.exec(start);
  if (response) {
    status = Number(response[1]);
    reason = response[2] ?? '';
  } else if (request) {
    method = request[1]!.toUpperCase();
    uri = request[2]!;
  } else {
    return null;
  }
  const headers = new Map<string, string[]>();
  for (const line of lines) {
    // A line starting with white space continues the previous header (folding).
    if (/^[ \t]/.test(line) && headers.size > 0) {
      const last = [...headers.values()].at(-1)!;
      last[last.length - 1] += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const raw = line.slice(0, colon).trim().toLowerCase();
    const name = COMPACT[raw] ?? raw;
    const value = line.slice(colon + 1).trim();
    // Via and Contact may list several values in one header.
    const values = name === 'via' ? value.split(/,(?=\s*SIP\/)/i).map((v) => v.trim()) : [value];
    headers.set(name, [...(headers.get(name) ?? []), ...values]);
  }
  const length = Number(headers.get('content-length')?.[0] ?? NaN);
  if (Number.isFinite(length) && length >= 0) body = Buffer.from(body, 'utf8').subarray(0, length).toString('utf8');
  return { method, uri, status, reason, headers, body };
}

/** Writes a request or response; Content-Length is always set from the body. */
export function serializeSip(startLine: string, headers: Array<[string, string]>, body = ''): Buffer {
  const lines = [startLine, ...headers.filter(([name]) => name.toLowerCase() !== 'content-length').map(([n, v]) => `${n}: ${v}`)];
  lines.push(`Content-Length: ${Buffer.byteLength(body, 'utf8')}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`, 'utf8');
}

/** The `tag` parameter of a From/To value. */
export function tagOf(value: string | null): string | null {
  if (!value) return null;
  const match = /;\s*tag=([^;>\s]+)/i.exec(value.replace(/<[^>]*>/, ''));
  return match ? match[1]! : null;
}

/** The URI inside `"Name" <sip:...>` or a bare `sip:...;params`. */
export function uriOf(value: string): string {
  const angle = /<([^>]+)>/.exec(value);
  if (angle) return angle[1]!;
  return value.split(';')[0]!.trim();
}

/** Parameters of a header value such as `active;expires=600` or `Digest realm="x", nonce="y"`. */
export function headerParams(value: string): Record<string, string> {
  const params: Record<string, string> = {};
  const pattern = /([a-zA-Z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,;]+))/g;
  for (const match of value.matchAll(pattern)) params[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? '';
  return params;
}

/**
 * The caller's number from a SIP identity: `sip:13800138000@pbx;user=phone` → `13800138000`,
 * `tel:+86-21-6234-5678` → `+86-21-6234-5678`. Null when there is no user part (anonymous calls).
 */
export function numberFromIdentity(identity: string | null | undefined): string | null {
  if (!identity) return null;
  const uri = uriOf(identity.trim());
  const tel = /^tel:([^;]+)/i.exec(uri);
  if (tel) return decodeURIComponent(tel[1]!);
  const sip = /^sips?:([^@;]+)@/i.exec(uri);
  if (sip) {
    const user = decodeURIComponent(sip[1]!);
    return /anonymous|unknown|restricted/i.test(user) ? null : user;
  }
  // user@host without a scheme, or a bare number ($remote as some phones fill it in).
  const bare = /^([^@;:]+)@/.exec(uri)?.[1] ?? uri;
  return /^[+\d][\d\s()-]*$/.test(bare) ? bare : null;
}
