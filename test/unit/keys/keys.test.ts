import { describe, expect, it } from 'vitest';
import { createDesk, as } from '../../support/core';
import { failure } from '../../support/shift';

describe('key and item register', () => {
  it('S-1 records what was lent, to whom, when, expected back, and its return', async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    const wang = await desk.person('security', '王保安', '2468');
    const due = desk.clock.now() + 2 * 3_600_000;
    const loan = await desk.core.invoke(as(lee.token), 'keys.lend', {
      kind: 'key',
      item: '3F 机房钥匙',
      itemCode: 'K-301',
      borrower: '张师傅',
      borrowerUnit: '工程部',
      expectedBackAt: due,
    });
    expect(loan).toMatchObject({ item: '3F 机房钥匙', borrower: '张师傅', lentBy: { name: '李前台' }, expectedBackAt: due, returnedAt: null, overdue: false });
    desk.clock.advance(3 * 3_600_000);
    expect((await desk.core.invoke(as(wang.token), 'keys.list', { state: 'overdue' })).loans.map((l) => l.id)).toEqual([loan.id]);
    const back = await desk.core.invoke(as(wang.token), 'keys.return', { id: loan.id, note: '钥匙完好' });
    expect(back).toMatchObject({ returnedAt: desk.clock.now(), returnedTo: { name: '王保安' }, returnNote: '钥匙完好', overdue: false });
    expect((await failure(desk.core.invoke(as(lee.token), 'keys.return', { id: loan.id }))).code).toBe('conflict');
    expect((await desk.core.invoke(as(lee.token), 'keys.list', { state: 'out' })).loans).toEqual([]);
    expect((await desk.core.invoke(as(lee.token), 'keys.list', { state: 'all', text: 'K-301' })).loans).toHaveLength(1);
    expect((await desk.core.invoke(as(lee.token), 'keys.catalogue', {})).items).toEqual([{ kind: 'key', item: '3F 机房钥匙', itemCode: 'K-301', out: false }]);
    desk.close();
  });

  it('S-1 bad input is refused with a clear message and nothing saved', async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    const error = await failure(
      desk.core.invoke(as(lee.token), 'keys.lend', { kind: 'car' as never, item: '', borrower: '', expectedBackAt: desk.clock.now() - 1 }),
    );
    const issues = desk.core.errorResponse(error, 'zh-CN').body.error.issues!;
    expect(issues.map((i) => [i.path[0], i.message])).toEqual(
      expect.arrayContaining([
        ['kind', '请选择物品类别。'],
        ['item', '此项必填。'],
        ['borrower', '此项必填。'],
      ]),
    );
    const past = await failure(desk.core.invoke(as(lee.token), 'keys.lend', { kind: 'key', item: '钥匙', borrower: '张', expectedBackAt: desk.clock.now() - 1 }));
    expect(desk.core.errorResponse(past, 'zh-CN').body.error.issues?.[0]?.message).toBe('预计归还时间不能早于现在。');
    expect((desk.core.db.prepare('SELECT COUNT(*) AS n FROM key_loans').get() as { n: number }).n).toBe(0);
    desk.close();
  });
});
