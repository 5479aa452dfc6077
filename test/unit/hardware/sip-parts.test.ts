// The SIP watcher's pieces without a network: messages, digest answers, dialog-info bodies and how dialog states
// become phone events (P-6).
import { describe, expect, it } from 'vitest';
import { digestAuthorization, parseChallenge } from '../../../main/core/hardware/telephony/sip/digest';
import { numberFromIdentity, parseSipMessage } from '../../../main/core/hardware/telephony/sip/message';
import { parseDialogInfo } from '../../../main/core/hardware/telephony/sip/dialog-info';
import { DialogEventMapper } from '../../../main/core/hardware/telephony/sip/dialog-events';

const NOTIFY = (state: string, version: number, extra = '') =>
  `NOTIFY sip:8001@10.0.0.5:5062 SIP/2.0\r\nv: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1\r\nf: <sip:8001@pbx>;tag=abc\r\nt: <sip:8001@pbx>;tag=me\r\ni: call-1\r\nCSeq: 2 NOTIFY\r\no: dialog\r\nSubscription-State: active;expires=500\r\nc: application/dialog-info+xml\r\n\r\n` +
  `<?xml version="1.0"?><dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="${version}" state="full" entity="sip:8001@pbx">` +
  `<dialog id="d1" call-id="c-77@pbx" direction="recipient"><state>${state}</state><remote><identity display="Zhou &amp; Co">sip:13800138000@pbx;user=phone</identity></remote></dialog>${extra}</dialog-info>`;

describe('SIP parts', () => {
  it('P-6 a NOTIFY with compact headers parses; the caller’s number comes out of sip:, tel: and bare identities', () => {
    const message = parseSipMessage(NOTIFY('early', 1))!;
    expect(message.method).toBe('NOTIFY');
    expect(message.headers.get('call-id')).toEqual(['call-1']);
    expect(message.headers.get('event')).toEqual(['dialog']);
    expect(numberFromIdentity('sip:13800138000@pbx;user=phone')).toBe('13800138000');
    expect(numberFromIdentity('"Zhou" <tel:+86-21-6234-5678>')).toBe('+86-21-6234-5678');
    expect(numberFromIdentity('13800138000@192.168.1.10')).toBe('13800138000');
    expect(numberFromIdentity('sip:anonymous@anonymous.invalid')).toBeNull();
    expect(parseSipMessage('\r\n\r\n')).toBeNull();
  });

  it('P-6 the digest answer matches RFC 2617’s worked example (qop=auth)', () => {
    const challenge = parseChallenge('Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"')!;
    const answer = digestAuthorization(challenge, { username: 'Mufasa', password: 'Circle Of Life' }, 'GET', '/dir/index.html', 1, '0a4f113b');
    expect(answer).toContain('response="6629fae49393a05397450978507c4ef1"');
    expect(answer).toContain('nc=00000001');
  });

  it('P-6 early → ringing, confirmed → answered, terminated → ended, each once; a dialog gone from a full list has ended; outgoing calls are not rings', () => {
    const mapper = new DialogEventMapper();
    const info = (state: string, v: number, extra = '') => parseDialogInfo(parseSipMessage(NOTIFY(state, v, extra))!.body)!;
    expect(info('early', 1).dialogs[0]).toMatchObject({ callId: 'c-77@pbx', direction: 'recipient', remoteDisplay: 'Zhou & Co' });
    expect(mapper.map(info('early', 1))).toEqual([{ source: 'sip', ref: 'c-77@pbx', kind: 'ringing', number: '13800138000' }]);
    expect(mapper.map(info('early', 2))).toEqual([]);
    expect(mapper.map(info('confirmed', 3)).map((e) => e.kind)).toEqual(['answered']);
    const outgoing = '<dialog id="d2" call-id="out-1" direction="initiator"><state>early</state></dialog>';
    expect(mapper.map(info('confirmed', 4, outgoing))).toEqual([]);
    const empty = parseDialogInfo('<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="5" state="full" entity="sip:8001@pbx"/>')!;
    expect(mapper.map(empty)).toEqual([{ source: 'sip', ref: 'c-77@pbx', kind: 'ended', number: '13800138000' }]);
    // A call first seen already answered still gets its ring first, so the timer has a line to answer.
    const late = new DialogEventMapper();
    expect(late.map(info('confirmed', 1)).map((e) => e.kind)).toEqual(['ringing', 'answered']);
    expect(parseDialogInfo('<not-dialog/>')).toBeNull();
  });
});
