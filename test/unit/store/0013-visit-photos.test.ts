import { describe, expect, it } from 'vitest';
import { upgradeThrough } from '../../support/migration';

describe('migration 0013-visit-photos', () => {
  it('V-11 a released database gains visit photos: one per visit, never replaced, only ever blanked', () => {
    const { db, version } = upgradeThrough('visit-photos');
    expect(db.pragma('user_version', { simple: true })).toBe(version);
    const insert = db.prepare("INSERT INTO visit_photos (id, visit_id, image, mime, consent_at, taken_at, taken_by) VALUES (?, 'V', x'89504e47', 'image/png', 1, 1, 'S')");
    insert.run('F1');
    expect(() => insert.run('F2')).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE visit_photos SET image = x'00' WHERE id = 'F1'").run()).toThrow(/only be redacted/);
    expect(() => db.prepare("UPDATE visit_photos SET consent_at = 2, image = NULL, redacted_at = 5 WHERE id = 'F1'").run()).toThrow(/only be redacted/);
    db.prepare("UPDATE visit_photos SET image = NULL, redacted_at = 5 WHERE id = 'F1'").run();
    expect(db.prepare('SELECT image, redacted_at FROM visit_photos').get()).toEqual({ image: null, redacted_at: 5 });
    expect(() => db.prepare("UPDATE visit_photos SET redacted_at = 6 WHERE id = 'F1'").run()).toThrow(/only be redacted/);
    expect(() => db.prepare('DELETE FROM visit_photos').run()).toThrow(/never deleted/);
    db.close();
  });
});
