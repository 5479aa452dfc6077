import { describe, expect, it } from 'vitest';
import { upgradeThrough } from '../../support/migration';

describe('migration 0011-notify', () => {
  it('V-10 a released database gains channels and the outbox; a sent notification stays sent and none is deleted', () => {
    const { db, version } = upgradeThrough('notify');
    expect(db.pragma('user_version', { simple: true })).toBe(version);
    db.prepare("INSERT INTO notify_recipients (id, tenant_id, channel, target_enc, target_hint, created_at, created_by, updated_at) VALUES ('R', 'T', 'wecom', 'v1:x', 'h/…1234', 1, 'S', 1)").run();
    const insert = db.prepare(
      `INSERT INTO notifications (id, subject_kind, subject_id, tenant_id, event, channel, recipient_id, contact_id, body, status, next_attempt_at, created_at)
       VALUES (@id, 'visit', 'V', 'T', 'visitorArrived', @channel, @recipient, @contact, 'v1:y', 'queued', @next, 1)`,
    );
    insert.run({ id: 'N1', channel: 'wecom', recipient: 'R', contact: null, next: 1 });
    insert.run({ id: 'N2', channel: 'phone', recipient: null, contact: 'C', next: null });
    expect(() => insert.run({ id: 'N3', channel: 'wecom', recipient: null, contact: null, next: 1 })).toThrow(/CHECK/); // a robot message names its channel
    expect(() => insert.run({ id: 'N4', channel: 'sms', recipient: 'R', contact: null, next: null })).toThrow(/CHECK/); // queued needs a next attempt
    expect(() => db.prepare("UPDATE notifications SET status = 'sending' WHERE id = 'N1'").run()).toThrow(/CHECK/); // a claim has a time
    db.prepare("UPDATE notifications SET status = 'sent', sent_at = 5 WHERE id = 'N1'").run();
    expect(() => db.prepare("UPDATE notifications SET status = 'queued' WHERE id = 'N1'").run()).toThrow(/stays sent/);
    expect(() => db.prepare("DELETE FROM notifications").run()).toThrow(/never deleted/);
    expect(() => db.prepare("DELETE FROM notify_recipients").run()).toThrow(/never deleted/);
    db.close();
  });
});
