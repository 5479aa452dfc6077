// The phone desk's part of the work diary, through the real core.
import { afterEach, describe, expect, it } from 'vitest';
import { phoneDesk, type PhoneDesk } from './desk';
import { startShift } from '../../support/shift';

let phone: PhoneDesk;
afterEach(() => phone?.desk.close());

describe('the phone desk in the work diary', () => {
  it('S-2 P-1 P-5 the diary counts the shift’s calls, answered and missed, and the share answered within the target rings as the day’s figures count it', async () => {
    phone = await phoneDesk();
    const { desk, call, lee } = phone;
    const ring = async (outcome: { answerAfter?: number; missAfter?: number }) => {
      await call('calls.ring', {});
      if (outcome.answerAfter !== undefined) {
        desk.clock.advance(outcome.answerAfter);
        const c = await call('calls.answer', {});
        await call('calls.save', { id: c.id, topic: '咨询', outcome: 'resolved' });
      } else {
        desk.clock.advance(outcome.missAfter!);
        await call('calls.giveUp', {});
      }
      desk.clock.advance(60_000);
    };
    // Before the shift: the day's figures count it, the diary does not.
    await ring({ missAfter: 20_000 });
    await startShift(desk, lee.token);
    const empty = (await call('shifts.diary', {}))!.sections.find((s) => s.key === 'calls')!;
    expect(empty.figures.at(-1)).toEqual({ kind: 'calls:diary.withinTargetNone', params: { rings: 3 }, at: null });

    await ring({ answerAfter: 4_000 });
    await ring({ answerAfter: 14_900 });
    await ring({ answerAfter: 15_000 });
    const missedAt = desk.clock.now();
    await ring({ missAfter: 20_000 });

    const section = (await call('shifts.diary', {}))!.sections.find((s) => s.key === 'calls')!;
    expect(section.title).toBe('calls:diary.section');
    expect(section.figures).toEqual([
      { kind: 'calls:diary.calls', params: { count: 4 }, at: null },
      { kind: 'calls:diary.answered', params: { count: 3 }, at: null },
      { kind: 'calls:diary.missed', params: { count: 1 }, at: null },
      { kind: 'calls:diary.withinTarget', params: { rings: 3, within: 2, counted: 4, share: '50%' }, at: null },
    ]);
    expect(section.entries).toEqual([{ kind: 'calls:diary.entryMissed', params: {}, at: missedAt }]);
    // The day's figures, from the same code, include the call before the shift.
    expect(await call('calls.figures', {})).toMatchObject({ calls: 5, answered: 3, missed: 2, withinTarget: 2, withinTargetShare: 0.4 });
  });
});
