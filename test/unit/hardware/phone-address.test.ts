// A desk phone is told apart by the address it sends from: only an IPv4 or IPv6 address is taken (the table's own
// check would otherwise answer a one-letter "address" with a server error).
import { describe, it, expect } from 'vitest';
import { hardware } from '../../../shared/contract/hardware';

const input = hardware.addPhone.input;

describe('desk phone address', () => {
  it('P-6 X-3 an IPv4 or IPv6 address is taken; a one-letter, out-of-range or colon-only address is refused with the field’s message', () => {
    for (const address of ['10.0.0.1', '192.168.1.254', 'fe80::1', '2001:db8::8a2e:370:7334']) {
      expect(input.safeParse({ name: '前台话机', address }).success).toBe(true);
    }
    for (const address of ['a', 'ab', '999.1.1.1', '1.2.3', '::::::::::', '10.0.0.1.5']) {
      const result = input.safeParse({ name: '前台话机', address });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('hardware:error.address');
    }
  });
});
