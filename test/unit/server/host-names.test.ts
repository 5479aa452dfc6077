// The Host allow-list and the per-source counting, as pure rules (the HTTP tests drive them over sockets).
import { describe, expect, it } from 'vitest';
import { HostAllowList, hostNameOf, normalizeHostName } from '../../../main/server/host-names';
import { SourceCounter } from '../../../main/server/limits';

describe('Host allow-list', () => {
  it('X-7 reads a Host header as a name: no port, lower case, IPv6 without brackets; anything else is unreadable', () => {
    expect(hostNameOf('127.0.0.1:5199')).toBe('127.0.0.1');
    expect(hostNameOf('Desk-PC.Huaxin.LAN.:80')).toBe('desk-pc.huaxin.lan');
    expect(hostNameOf('[::1]:5199')).toBe('::1');
    expect(hostNameOf('127.1')).toBe('127.0.0.1'); // as a browser writes it
    for (const bad of [undefined, '', 'evil.example/path', 'a@127.0.0.1', 'a b', '[::1']) expect(hostNameOf(bad), String(bad)).toBeNull();
    expect(normalizeHostName('fd00::2')).toBe('fd00::2');
    expect(normalizeHostName('frontdesk.lan:5199')).toBe('frontdesk.lan');
  });

  it('X-7 answers to loopback names always, to the host it listens on, to names given at start and set by an admin — and to no other', () => {
    const admin: string[] = [];
    const onLan = new HostAllowList({ bindHost: '192.168.1.20', extraNames: ['desk-pc.huaxin.lan'], adminNames: () => admin });
    for (const ok of ['localhost:5199', '127.0.0.1', '127.9.9.9:1', '[::1]:5199', '192.168.1.20:5199', 'DESK-PC.huaxin.lan']) expect(onLan.allows(ok), ok).toBe(true);
    for (const no of ['evil.example', 'localhost.evil.example', '127.0.0.1.nip.io', '192.168.1.21', 'frontdesk.lan', '0.0.0.0', undefined]) {
      expect(onLan.allows(no), String(no)).toBe(false);
    }
    admin.push('FrontDesk.LAN');
    expect(onLan.allows('frontdesk.lan:5199')).toBe(true);

    const everywhere = new HostAllowList({ bindHost: '0.0.0.0', machine: () => ({ addresses: ['127.0.0.1', '10.0.0.7', 'fe80::1%eth0'], hostName: 'DESK01' }) });
    for (const ok of ['10.0.0.7:5199', '[fe80::1]:5199', 'desk01', 'desk01.local']) expect(everywhere.allows(ok), ok).toBe(true);
    expect(everywhere.allows('10.0.0.8')).toBe(false);
    expect(everywhere.describe()).toEqual(expect.arrayContaining(['localhost', '10.0.0.7', 'desk01.local']));
  });
});

describe('per-source counting', () => {
  it('X-7 one address holds at most its share, the LAN together at most its total, and this PC has an allowance the LAN cannot take', () => {
    const counter = new SourceCounter(2, 3, 2);
    expect([counter.take('10.0.0.1'), counter.take('10.0.0.1'), counter.take('10.0.0.1')]).toEqual([true, true, false]);
    expect([counter.take('10.0.0.2'), counter.take('10.0.0.3')]).toEqual([true, false]); // the LAN's 3 are used
    expect([counter.take('127.0.0.1'), counter.take('::1'), counter.take('127.0.0.2')]).toEqual([true, true, false]);
    counter.release('10.0.0.1');
    expect(counter.held('10.0.0.1')).toBe(1);
    expect(counter.take('10.0.0.3')).toBe(true);
    counter.release('10.0.0.9'); // never held: nothing changes
    expect(counter.take('10.0.0.4')).toBe(false);
  });
});
