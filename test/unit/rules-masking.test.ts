import { describe, expect, it } from 'vitest';
import { maskDigitRuns, maskPersonName, privateExcerpt } from '../../shared/rules/masking';

describe('masking personal data on the handover sheet and the work diary', () => {
  it('S-1 S-2 V-7 a name keeps its first character per word, at most three stars after it', () => {
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('刘女士')).toBe('刘**');
    expect(maskPersonName('欧阳娜娜')).toBe('欧***');
    expect(maskPersonName('  John   Smithson ')).toBe('J*** S***');
    expect(maskPersonName('王')).toBe('王');
    expect(maskPersonName('')).toBe('');
  });

  it('S-1 V-3 runs of seven or more digits (phones, ID numbers, full-width too) are starred; room numbers and times stay', () => {
    expect(maskDigitRuns('请回电 137 1111 2222 或 021-62345678')).toBe('请回电 **** 或 ****');
    expect(maskDigitRuns('身份证 11010519491231002X')).toBe('身份证 ****X');
    expect(maskDigitRuns('电话１３８００１３８０００')).toBe('电话****');
    expect(maskDigitRuns('1201 室 15:30 见，单号 123456')).toBe('1201 室 15:30 见，单号 123456');
  });

  it('S-1 an excerpt is one line, cut with an ellipsis, digits masked', () => {
    expect(privateExcerpt('第一行\n第二行 13812345678', 40)).toBe('第一行 第二行 ****');
    expect(privateExcerpt('一二三四五六七八九十', 4)).toBe('一二三四…');
  });
});
