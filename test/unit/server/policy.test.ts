// The HTTP server's pure rules: who counts as the PC itself, which page may call, which headers go out.
import { describe, expect, it } from 'vitest';
import { isLoopbackAddress, originAllowed, securityHeaders, CONTENT_SECURITY_POLICY } from '../../../main/server/policy';

describe('server policy', () => {
  it('X-1 only 127.0.0.0/8 and ::1 (also IPv4-mapped) count as the PC itself; everything else is the LAN', () => {
    for (const local of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(local), local).toBe(true);
    for (const lan of ['192.168.1.20', '10.0.0.1', '::ffff:192.168.1.20', 'fe80::1', 'fd00::2', '0.0.0.0', '::', '128.0.0.1', '', undefined, '127.0.0.1.nip.io']) {
      expect(isLoopbackAddress(lan), String(lan)).toBe(false);
    }
  });

  it('X-5 a browser Origin must be this very server (scheme http/https, same host and port); no Origin is judged by credentials', () => {
    expect(originAllowed(undefined, '127.0.0.1:5199')).toBe(true);
    expect(originAllowed('http://127.0.0.1:5199', '127.0.0.1:5199')).toBe(true);
    expect(originAllowed('HTTP://127.0.0.1:5199', '127.0.0.1:5199')).toBe(true);
    expect(originAllowed('http://[::1]:5199', '[::1]:5199')).toBe(true);
    expect(originAllowed('http://192.168.1.20:5199', '192.168.1.20:5199')).toBe(true);
    for (const [origin, host] of [
      ['http://localhost:5199', '127.0.0.1:5199'],
      ['http://127.0.0.1:5200', '127.0.0.1:5199'],
      ['http://evil.example', '127.0.0.1:5199'],
      ['http://127.0.0.1:5199.evil.example', '127.0.0.1:5199'],
      ['null', '127.0.0.1:5199'],
      ['file://', '127.0.0.1:5199'],
      ['ws://127.0.0.1:5199', '127.0.0.1:5199'],
      ['lobby-desk://app', '127.0.0.1:5199'],
      ['http://127.0.0.1:5199', undefined],
      ['', '127.0.0.1:5199'],
    ] as Array<[string, string | undefined]>) {
      expect(originAllowed(origin, host), `${origin} → ${host}`).toBe(false);
    }
  });

  it('X-5 every response carries the CSP and the security headers; API answers are never cached', () => {
    const page = securityHeaders(false);
    const api = securityHeaders(true);
    expect(page['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' });
    expect(page['cache-control']).toBeUndefined();
    expect(api['cache-control']).toBe('no-store');
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
      'form-action': "'self'",
    });
    // No remote hosts anywhere: the kiosk works offline and loads nothing from elsewhere.
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:\/\//);
  });
});
