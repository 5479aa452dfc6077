// HTTP digest authentication as SIP uses it (RFC 2617 with MD5 and qop=auth; RFC 8760 SHA-256 where offered).
import { createHash, randomBytes } from 'node:crypto';
import { headerParams } from './message';

export interface DigestCredentials {
  username: string;
  password: string;
}

export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque: string | null;
  algorithm: 'MD5' | 'SHA-256';
  qop: 'auth' | null;
}

export function parseChallenge(value: string): DigestChallenge | null {
  if (!/^\s*Digest\s/i.test(value)) return null;
  const p = headerParams(value.replace(/^\s*Digest\s+/i, ''));
  if (!p.nonce || p.realm === undefined) return null;
  const algorithm = (p.algorithm ?? 'MD5').toUpperCase();
  if (algorithm !== 'MD5' && algorithm !== 'SHA-256') return null;
  const qops = (p.qop ?? '').split(',').map((q) => q.trim().toLowerCase());
  return { realm: p.realm, nonce: p.nonce, opaque: p.opaque ?? null, algorithm, qop: qops.includes('auth') ? 'auth' : null };
}

function hash(algorithm: DigestChallenge['algorithm'], text: string): string {
  return createHash(algorithm === 'MD5' ? 'md5' : 'sha256').update(text, 'utf8').digest('hex');
}

/** The Authorization / Proxy-Authorization value answering `challenge` for `method uri`. */
export function digestAuthorization(
  challenge: DigestChallenge,
  credentials: DigestCredentials,
  method: string,
  uri: string,
  nonceCount: number,
  cnonce = randomBytes(8).toString('hex'),
): string {
  const ha1 = hash(challenge.algorithm, `${credentials.username}:${challenge.realm}:${credentials.password}`);
  const ha2 = hash(challenge.algorithm, `${method}:${uri}`);
  const nc = nonceCount.toString(16).padStart(8, '0');
  const response = challenge.qop
    ? hash(challenge.algorithm, `${ha1}:${challenge.nonce}:${nc}:${cnonce}:${challenge.qop}:${ha2}`)
    : hash(challenge.algorithm, `${ha1}:${challenge.nonce}:${ha2}`);
  const parts = [
    `username="${credentials.username}"`,
    `realm="${challenge.realm}"`,
    `nonce="${challenge.nonce}"`,
    `uri="${uri}"`,
    `response="${response}"`,
    `algorithm=${challenge.algorithm}`,
  ];
  if (challenge.opaque !== null) parts.push(`opaque="${challenge.opaque}"`);
  if (challenge.qop) parts.push(`qop=${challenge.qop}`, `nc=${nc}`, `cnonce="${cnonce}"`);
  return `Digest ${parts.join(', ')}`;
}
