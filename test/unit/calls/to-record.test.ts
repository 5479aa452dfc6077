import { describe, expect, it } from 'vitest';
import { itemTypeForTopic, matterOf } from '../../../renderer/src/features/calls/to-record';

describe('what a call brings to a reception-record item', () => {
  it('P-3 R-2 the item’s type is guessed from the call’s topic in either language; a complaint about a repair is a complaint', () => {
    expect(itemTypeForTopic('投诉楼上装修噪音')).toBe('complaint');
    expect(itemTypeForTopic('投诉维修不及时')).toBe('complaint');
    expect(itemTypeForTopic('报修：空调不制冷')).toBe('repair');
    expect(itemTypeForTopic('卫生间漏水')).toBe('repair');
    expect(itemTypeForTopic('装修申请')).toBe('renovation');
    expect(itemTypeForTopic('办理入伙手续')).toBe('move_in');
    expect(itemTypeForTopic('咨询停车')).toBe('inquiry');
    expect(itemTypeForTopic('Complaint about noise')).toBe('complaint');
    expect(itemTypeForTopic('Repair: broken lock')).toBe('repair');
    expect(itemTypeForTopic('找王经理')).toBeUndefined();
  });

  it('P-3 the matter is the topic, then the note, each on its own line; an empty part leaves no blank line', () => {
    expect(matterOf({ topic: '投诉噪音', note: '午休时间仍在施工。' })).toBe('投诉噪音\n午休时间仍在施工。');
    expect(matterOf({ topic: '咨询停车', note: '' })).toBe('咨询停车');
  });
});
