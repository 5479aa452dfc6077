// Main's timers keep running when one of them misbehaves.
import { describe, expect, it } from 'vitest';
import { Core } from '../../../main/core/core';
import { FakeClock } from '../../../main/core/clock';
import type { Job } from '../../../main/core/jobs';
import { tempDir } from '../../support/core';

describe('scheduler', () => {
  it('X-2 a job whose schedule cannot be read is logged and skipped; the other timers still run', () => {
    const errors: string[] = [];
    let ran = 0;
    const broken: Job = { name: 'test.broken', nextDueAt: () => { throw new Error('cannot tell'); }, run: () => undefined };
    const counting: Job = { name: 'test.counting', nextDueAt: (_s, now) => (ran === 0 ? now : null), run: () => void (ran += 1) };
    const core = Core.open({
      dataDir: tempDir(),
      clock: new FakeClock(),
      version: 'test',
      jobs: [broken, counting],
      logger: { info() {}, warn() {}, error: (message, fields) => void errors.push(`${message} ${String(fields?.job)}`) },
    });
    expect(() => core.start()).not.toThrow();
    expect(ran).toBe(1);
    expect(errors).toContain('job schedule failed test.broken');
    core.close();
  });
});
