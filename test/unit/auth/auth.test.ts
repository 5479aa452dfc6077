import { describe, expect, it } from 'vitest';
import { auditText } from '../../support/audit';
import { createDesk, as, LOCAL, failure } from '../../support/core';


describe('auth', () => {
  it('X-1 signs in with the right PIN and refuses a wrong one, counting it', async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    const wrong = await failure(desk.core.invoke(LOCAL, 'auth.signIn', { userId: lee.id, pin: '0000' }));
    expect(wrong.code).toBe('pin_incorrect');
    expect(wrong.params).toEqual({ remaining: 4 });
    const failures = desk.core.db.prepare('SELECT COUNT(*) AS n FROM pin_failures WHERE user_id = ?').get(lee.id) as { n: number };
    expect(failures.n).toBe(1);
    const me = await desk.core.invoke(as(lee.token), 'auth.me', {});
    expect(me.user).toMatchObject({ name: '李前台', role: 'receptionist' });
    desk.close();
  });

  it('X-1 the sixth attempt within the window is refused even with the right PIN, and works after the lockout', async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    desk.clock.advance(60_000);
    for (let i = 0; i < 4; i += 1) {
      expect((await failure(desk.core.invoke(LOCAL, 'auth.signIn', { userId: lee.id, pin: '0000' }))).code).toBe('pin_incorrect');
      desk.clock.advance(10_000);
    }
    const fifth = await failure(desk.core.invoke(LOCAL, 'auth.signIn', { userId: lee.id, pin: '0000' }));
    expect(fifth.code).toBe('rate_limited');
    const sixth = await failure(desk.core.invoke(LOCAL, 'auth.signIn', { userId: lee.id, pin: '1357' }));
    expect(sixth.code).toBe('rate_limited');
    expect(sixth.retryAfterSeconds).toBeGreaterThan(0);
    desk.clock.advance(5 * 60_000);
    const session = await desk.core.invoke(LOCAL, 'auth.signIn', { userId: lee.id, pin: '1357' });
    expect(session.user.name).toBe('李前台');
    desk.close();
  });

  it('X-1 signing out or locking ends the session on the server', async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist');
    await desk.core.invoke(as(lee.token), 'auth.signOut', { reason: 'lock' });
    expect((await failure(desk.core.invoke(as(lee.token), 'auth.me', {}))).code).toBe('unauthenticated');
    desk.close();
  });

  it('X-1 a session ends after sessionMaxHours', async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist');
    desk.clock.advance(14 * 3_600_000);
    expect((await failure(desk.core.invoke(as(lee.token), 'auth.me', {}))).code).toBe('unauthenticated');
    desk.close();
  });

  it('X-1 roles are enforced in the core: a receptionist cannot create staff or read the audit trail', async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist');
    expect((await failure(desk.core.invoke(as(lee.token), 'staff.create', { name: 'x', role: 'admin', pin: '1234', department: null }))).code).toBe(
      'forbidden',
    );
    expect((await failure(desk.core.invoke(as(lee.token), 'audit.verify', {}))).code).toBe('forbidden');
    expect((await failure(desk.core.invoke(LOCAL, 'staff.list', {}))).code).toBe('unauthenticated');
    desk.close();
  });

  it('X-1 a deactivated person is signed out at once and cannot sign in', async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    await desk.core.invoke(as(desk.admin.token), 'staff.update', { id: lee.id, active: false });
    expect((await failure(desk.core.invoke(as(lee.token), 'auth.me', {}))).code).toBe('unauthenticated');
    expect((await failure(desk.core.invoke(LOCAL, 'auth.signIn', { userId: lee.id, pin: '1357' }))).code).toBe('forbidden');
    desk.close();
  });

  it('X-1 the last active administrator cannot be demoted or deactivated', async () => {
    const desk = await createDesk();
    const error = await failure(desk.core.invoke(as(desk.admin.token), 'staff.update', { id: desk.admin.id, active: false }));
    expect(error.code).toBe('conflict');
    const row = desk.core.db.prepare('SELECT active FROM staff WHERE id = ?').get(desk.admin.id) as { active: number };
    expect(row.active).toBe(1);
    desk.close();
  });

  it('X-1 X-6 PINs are stored hashed and neither they nor their hashes enter the audit trail (only a fingerprint of the hash)', async () => {
    const desk = await createDesk();
    await desk.person('receptionist', '李前台', '975312');
    const stored = desk.core.db.prepare("SELECT pin_hash FROM staff WHERE name = '李前台'").get() as { pin_hash: string };
    expect(stored.pin_hash).toMatch(/^scrypt\$/);
    expect(stored.pin_hash).not.toContain('975312');
    const text = auditText(desk.core.db);
    expect(text).not.toContain('975312');
    // In their place only a fingerprint (so a swapped hash is still seen by verify), never the hash itself.
    expect(text).not.toContain(stored.pin_hash);
    expect(text).toMatch(/"pin_hash":\{"fp":"[\w-]{16}"\}/);
    const tokens = desk.core.db.prepare('SELECT token_hash FROM sessions').all() as Array<{ token_hash: string }>;
    expect(tokens.length).toBeGreaterThan(0);
    for (const t of tokens) expect(text).not.toContain(t.token_hash);
    desk.close();
  });

  it('X-1 setup runs once: a second initialize is a conflict and changes nothing', async () => {
    const desk = await createDesk();
    const before = (desk.core.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    const error = await failure(
      desk.core.invoke(LOCAL, 'setup.initialize', {
        building: { name: '别的', postName: '别的前台' },
        admin: { name: '冒名', pin: '1111' },
      }),
    );
    expect(error.code).toBe('conflict');
    expect((desk.core.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n).toBe(before);
    desk.close();
  });
});
