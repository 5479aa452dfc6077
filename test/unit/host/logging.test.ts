// The desk's log: JSON lines in the per-user logs folder, rotated by size with a cap, nothing secret in
// them, and the last errors read back for the admin screen.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openAppLog, readRecentErrors } from '../../../main/host/logging';
import { REDACTED, scrubFields, scrubText } from '../../../main/host/log-scrub';
import { tempDir } from '../../support/core';

const base = { mode: 'web' as const, version: '1.2.3' };

function lines(file: string): Array<Record<string, unknown>> {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('log', () => {
  it('X-5 each entry is one JSON line with its time, level, message and which shell and version wrote it', async () => {
    const dir = tempDir('lobby-desk-log-');
    const log = openAppLog({ dir, base });
    log.logger.info('desk started', { port: 5199 });
    log.logger.error('daily backup failed', { error: 'disk full' });
    await log.close();
    const written = lines(path.join(dir, 'lobby-desk.log'));
    expect(written).toHaveLength(2);
    expect(written[0]).toMatchObject({ level: 'info', message: 'desk started', port: 5199, mode: 'web', version: '1.2.3' });
    expect(Date.parse(String(written[0]!.time))).not.toBeNaN();
    expect(readRecentErrors(dir, 10)).toEqual([{ at: Date.parse(String(written[1]!.time)), level: 'error', message: 'daily backup failed', detail: '{"error":"disk full"}' }]);
  });

  it('X-5 the log rotates by size and keeps a fixed number of files, so the folder has a size cap', async () => {
    const dir = tempDir('lobby-desk-log-');
    const log = openAppLog({ dir, base, size: '1K', rotate: 3 });
    for (let i = 0; i < 400; i += 1) {
      log.logger.info('a line long enough to fill the file quickly', { i });
      if (i % 20 === 0) await new Promise((r) => setTimeout(r, 5)); // let rotations happen between writes
    }
    await log.close();
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.log')).sort();
    expect(files).toEqual(['lobby-desk.1.log', 'lobby-desk.2.log', 'lobby-desk.3.log', 'lobby-desk.log']);
    for (const f of files) expect(fs.statSync(path.join(dir, f)).size).toBeLessThan(4 * 1024);
    // The newest line is in the current file.
    expect(lines(path.join(dir, 'lobby-desk.log')).at(-1)).toMatchObject({ i: 399 });
  });

  it('X-1 PINs, tokens, pairing codes and full ID numbers never reach the file, whatever field or message carries them', async () => {
    const dir = tempDir('lobby-desk-log-');
    const log = openAppLog({ dir, base });
    const token = 'q9Zx_3kLmP0aBcDeFgHiJkLmNoPqRsTuVwXyZ012345';
    log.logger.error(`sign-in failed for 11010519491231002X with Bearer ${token}`, {
      pin: '246810',
      input: { newPin: '135790', idNumber: '110105194912310021', note: '访客证件号 110105194912310021' },
      headers: { authorization: `Bearer ${token}`, 'x-device-token': token },
      code: 'K7MN-PQ2R',
      message: 'pairing code K7MN-PQ2R was used',
    });
    await log.close();
    const text = fs.readFileSync(path.join(dir, 'lobby-desk.log'), 'utf8');
    for (const secret of ['246810', '135790', token, '11010519491231002X', '110105194912310021', 'K7MN-PQ2R']) expect(text).not.toContain(secret);
    expect(text).toContain('110*************2X'); // enough to tell which visitor it was about, not the number
  });

  it('X-1 the scrubber keeps what a support person needs: ids, method names, error codes, counts', () => {
    expect(scrubText('visit 01JD3Q7W9X8Y2Z5A6B7C8D9E0F confirmed by visitors.confirm')).toBe('visit 01JD3Q7W9X8Y2Z5A6B7C8D9E0F confirmed by visitors.confirm');
    expect(scrubFields({ code: 'SQLITE_BUSY', count: 12, method: 'auth.signIn', sessionToken: 'x' })).toEqual({ code: 'SQLITE_BUSY', count: 12, method: 'auth.signIn', sessionToken: REDACTED });
    expect(scrubText('call from 13812345678')).toBe('call from 13812345678'); // an 11-digit phone number is not an ID number
    expect(scrubText('previous before-restore-2026-12-03T13-43-39-428Z.sqlite')).toBe('previous before-restore-2026-12-03T13-43-39-428Z.sqlite');
    expect(scrubText('hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08')).toContain('9f86d081884c7d65');
    // Tokens as the desk makes them (32 random bytes, base64url) never stay, whatever their letters.
    for (let i = 0; i < 200; i += 1) expect(scrubText(`t ${randomBytes(32).toString('base64url')}`)).toBe(`t ${REDACTED}`);
    expect(scrubFields(new Error('boom'))).toMatch(/^Error: boom/);
  });
});
