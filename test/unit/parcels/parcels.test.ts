import { afterEach, describe, expect, it } from 'vitest';
import { auditText } from '../../support/audit';
import { as, createDesk, failure, LOCAL, type TestDesk } from '../../support/core';
import { seedDirectory, type SeededDirectory } from '../../support/visitors';
import { PNG_1PX, startShift } from '../../support/shift';
import { DAY, HOUR } from '../../../shared/rules/time';

let desk: TestDesk;
afterEach(() => desk?.close());

/** What a signature pad sends: a PNG (here a 1×1 one with trailing bytes, as long as a small drawing). */
const signature = Buffer.concat([PNG_1PX, Buffer.alloc(64)]).toString('base64');

async function setUp(): Promise<{ dir: SeededDirectory; lee: { id: string; pin: string; token: string } }> {
  desk = await createDesk();
  const dir = await seedDirectory(desk);
  const lee = await desk.person('receptionist', '李前台');
  return { dir, lee };
}

describe('parcels held at the desk', () => {
  it('V-9 a parcel is logged in one call, numbered per day, and collected with the pick-up code; a wrong code changes nothing', async () => {
    const { dir, lee } = await setUp();
    const { parcel, pickupCode } = await desk.core.invoke(as(lee.token), 'parcels.log', {
      courier: '顺丰',
      trackingNumber: ' sf 1234 5678 90 ',
      tenantId: dir.huaxin.id,
      recipientName: '王经理',
      shelf: 'A3',
    });
    expect(parcel).toMatchObject({ number: 'K1127-001', kind: 'parcel', trackingNumber: 'SF1234567890', status: 'held', uncollected: false, shelf: 'A3' });
    expect(pickupCode).toMatch(/^\d{6}$/);
    // The code is kept only as a keyed hash, and sealed in the message to the recipient: in no table, in no audit image.
    const stored = JSON.stringify([desk.core.db.prepare('SELECT * FROM parcels').all(), desk.core.db.prepare('SELECT * FROM notifications').all()]);
    expect(stored).toContain('K1127-001');
    expect(stored).not.toContain(pickupCode);
    expect(JSON.stringify(auditText(desk.core.db))).not.toContain(pickupCode);
    const wrong = String((Number(pickupCode) + 1) % 1_000_000).padStart(6, '0');
    const refused = await failure(desk.core.invoke(as(lee.token), 'parcels.collect', { id: parcel.id, method: 'code', code: wrong }));
    expect(refused.fieldIssues[0]).toMatchObject({ path: ['code'], message: 'parcels:error.codeWrong' });
    expect((await desk.core.invoke(as(lee.token), 'parcels.held', {})).parcels.map((p) => p.id)).toEqual([parcel.id]);
    const collected = await desk.core.invoke(as(lee.token), 'parcels.collect', { id: parcel.id, method: 'code', code: pickupCode, collectorName: '王经理' });
    expect(collected).toMatchObject({ status: 'collected', pickupMethod: 'code', collectorName: '王经理', collectedAt: desk.clock.now() });
    expect((await desk.core.invoke(as(lee.token), 'parcels.held', {})).parcels).toHaveLength(0);
    expect((await failure(desk.core.invoke(as(lee.token), 'parcels.collect', { id: parcel.id, method: 'code', code: pickupCode }))).messageKey).toBe('parcels:error.alreadyCollected');
    const second = await desk.core.invoke(as(lee.token), 'parcels.log', { kind: 'food', courier: '美团外卖', tenantId: dir.lawyers.id });
    expect(second.parcel.number).toBe('K1127-002');
    expect((await desk.core.invoke(as(lee.token), 'parcels.list', { q: '1234567890' })).parcels.map((p) => p.id)).toEqual([parcel.id]);
  });

  it('V-9 pick-up by the tenant contact’s PIN (their own tenant only) or by a signature on the touch screen', async () => {
    const { dir, lee } = await setUp();
    const contact = dir.huaxin.contacts[0]!;
    const lawyer = dir.lawyers.contacts[0]!;
    const { parcel } = await desk.core.invoke(as(lee.token), 'parcels.log', { courier: '京东', tenantId: dir.huaxin.id });
    expect((await failure(desk.core.invoke(as(lee.token), 'parcels.collect', { id: parcel.id, method: 'pin', contactId: contact.id, pin: '2468' }))).messageKey).toBe('parcels:error.noPin');
    await desk.core.invoke(as(lee.token), 'parcels.setContactPin', { contactId: contact.id, pin: '2468' });
    await desk.core.invoke(as(lee.token), 'parcels.setContactPin', { contactId: lawyer.id, pin: '1357' });
    expect((await failure(desk.core.invoke(as(lee.token), 'parcels.collect', { id: parcel.id, method: 'pin', contactId: contact.id, pin: '1111' }))).fieldIssues[0]!.message).toBe('parcels:error.pinWrong');
    expect((await failure(desk.core.invoke(as(lee.token), 'parcels.collect', { id: parcel.id, method: 'pin', contactId: lawyer.id, pin: '1357' }))).fieldIssues[0]!.message).toBe(
      'parcels:error.contactNotTenant',
    );
    const byPin = await desk.core.invoke(as(lee.token), 'parcels.collect', { id: parcel.id, method: 'pin', contactId: contact.id, pin: '2468' });
    expect(byPin).toMatchObject({ status: 'collected', pickupMethod: 'pin', collectorName: '王经理' });
    expect(JSON.stringify(auditText(desk.core.db))).not.toMatch(/scrypt\$/);

    const { parcel: other } = await desk.core.invoke(as(lee.token), 'parcels.log', { courier: '中通', tenantId: dir.huaxin.id });
    const unsigned = await failure(desk.core.invoke(as(lee.token), 'parcels.collect', { id: other.id, method: 'signature', collectorName: '李秘书', signaturePng: 'AAAA' }));
    expect(unsigned.code).toBe('validation_failed');
    const notPng = await failure(desk.core.invoke(as(lee.token), 'parcels.collect', { id: other.id, method: 'signature', collectorName: '李秘书', signaturePng: 'A'.repeat(200) }));
    expect(notPng.fieldIssues[0]!.message).toBe('parcels:error.signatureUnreadable');
    const signed = await desk.core.invoke(as(lee.token), 'parcels.collect', { id: other.id, method: 'signature', collectorName: '李秘书', signaturePng: signature });
    expect(signed).toMatchObject({ pickupMethod: 'signature', collectorName: '李秘书' });
  });

  it('V-9 S-1 S-2 X-4 a parcel held past 3 days is flagged by the timer, highlighted on the handover and listed in the diary; figures count it', async () => {
    const { dir, lee } = await setUp();
    const loggedAt = desk.clock.now();
    const { parcel } = await desk.core.invoke(as(lee.token), 'parcels.log', { courier: '顺丰', tenantId: dir.huaxin.id, recipientName: '王经理', shelf: 'B1' });
    const { parcel: fresh, pickupCode } = await desk.core.invoke(as(lee.token), 'parcels.log', { courier: '邮政EMS', tenantId: dir.lawyers.id });
    desk.clock.advance(3 * DAY - HOUR);
    desk.core.runDueJobs();
    expect(desk.core.db.prepare('SELECT COUNT(*) AS n FROM parcels WHERE uncollected_at IS NOT NULL').get()).toEqual({ n: 0 });
    const token = (await desk.core.invoke(LOCAL, 'auth.signIn', { userId: lee.id, pin: lee.pin })).token;
    await desk.core.invoke(as(token), 'parcels.collect', { id: fresh.id, method: 'code', code: pickupCode });
    desk.clock.advance(2 * HOUR);
    // The shift starts before the timer flags the parcel, so the diary's window covers it.
    const shift = await startShift(desk, token);
    desk.core.runDueJobs();
    expect(desk.core.db.prepare('SELECT id FROM parcels WHERE uncollected_at IS NOT NULL').all()).toEqual([{ id: parcel.id }]);
    desk.core.runDueJobs(); // idempotent
    expect(desk.core.db.prepare("SELECT COUNT(*) AS n FROM audit_trail WHERE method = 'parcels.uncollected' AND entity = 'parcels'").get()).toEqual({ n: 1 });
    const held = await desk.core.invoke(as(token), 'parcels.held', {});
    expect(held.parcels).toMatchObject([{ id: parcel.id, uncollected: true }]);

    const draft = await desk.core.invoke(as(token), 'handover.prepare', {});
    const lines = draft.lines.filter((l) => l.section === 'parcels');
    expect(lines).toMatchObject([{ key: `parcel:${parcel.id}`, kind: 'parcels:handover.uncollected', attention: true, params: { number: 'K1127-001', recipient: '王**', tenant: '华信科技', shelf: 'B1', days: 3 } }]);
    const diary = await desk.core.invoke(as(token), 'shifts.diary', { shiftId: shift.id });
    const section = diary!.sections.find((s) => s.key === 'parcels')!;
    expect(section.entries).toMatchObject([{ kind: 'parcels:diary.entryUncollected', params: { number: 'K1127-001', tenant: '华信科技' } }]);

    const figures = await desk.core.invoke(as(token), 'parcels.figures', { from: loggedAt - HOUR, to: desk.clock.now() + HOUR });
    expect(figures).toEqual({ logged: 2, parcels: 2, food: 0, collected: 1, heldNow: 1, uncollectedNow: 1, medianHoursToPickup: 71 });
  });

  it('V-9 X-3 bad input is refused with a field message and logs nothing: unknown tenant, a photo that is not an image', async () => {
    const { lee } = await setUp();
    const unknown = await failure(desk.core.invoke(as(lee.token), 'parcels.log', { courier: '顺丰', tenantId: '01J0000000000000000000000A' }));
    expect(unknown.fieldIssues[0]).toMatchObject({ path: ['tenantId'], message: 'visitors:error.tenantUnknown' });
    const tenant = (desk.core.db.prepare('SELECT id FROM tenants LIMIT 1').get() as { id: string }).id;
    const photo = await failure(desk.core.invoke(as(lee.token), 'parcels.log', { courier: '顺丰', tenantId: tenant, photo: { mime: 'image/jpeg', dataBase64: 'AAAAAAAAAAAAAAAAAAAA' } }));
    expect(photo.fieldIssues[0]).toMatchObject({ path: ['photo'], message: 'parcels:error.fileUnreadable' });
    expect(desk.core.db.prepare('SELECT COUNT(*) AS n FROM parcels').get()).toEqual({ n: 0 });
  });
});
