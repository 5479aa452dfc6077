// The generators behind the crash, hostile-input and load harnesses work from schemas in general, not only from
// today's foundation methods: a made-up feature input with every kind of field shows it.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { id, mobile, phone, personName, pin, text, required, epochMs, timeZone } from '../../../shared/contract/fields';
import { sample, fieldsOf, isFreeText, setAt, getAt } from '../../support/reliability/schema';
import { sampleForRegex } from '../../support/reliability/regex-sample';
import { hostilePayloads, invalidPayloads, expectationFor } from '../../support/reliability/hostile';
import { prng } from '../../support/reliability/prng';

// What a visitors/records feature might declare.
const FutureInput = z.strictObject({
  name: personName(),
  mobile: mobile(),
  hostId: id(),
  purpose: z.enum(['meeting', 'delivery', 'repair']),
  partySize: z.number().int().min(1).max(50),
  plate: z
    .string()
    .regex(/^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][A-HJ-NP-Z0-9]{5,6}$/)
    .optional(),
  idNumber: z
    .string()
    .regex(/^\d{17}[\dX]$/)
    .nullable()
    .default(null),
  notes: text(500, { multiline: true }).default(''),
  checkInAt: epochMs().optional(),
  contact: z.union([mobile(), phone()]),
  items: z.array(z.strictObject({ label: required(40), count: z.number().int().min(1) })).min(1).max(10),
  channel: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('walkIn') }),
    z.strictObject({ kind: z.literal('phone'), number: phone() }),
  ]),
  signer: z.strictObject({ userId: id(), pin: pin() }),
  zone: timeZone().default('Asia/Shanghai'),
  unit: z.string().regex(/^[A-Z]\d?-\d{3,4}$/),
});

describe('schema generators', () => {
  it('X-3 make a valid sample of an input with every kind of field (strings with limits and formats, enums, numbers, arrays, optionals, nullables, defaults, unions, nested strict objects)', () => {
    const result = sample(FutureInput);
    expect(result.ok).toBe(true);
    expect(FutureInput.safeParse((result as { value: unknown }).value).success).toBe(true);
    // Without optional keys too.
    const lean = sample(FutureInput, { optionalKeys: false });
    expect(lean.ok && FutureInput.safeParse(lean.value).success).toBe(true);
  });

  it('X-2 put a marker into every free-text field and nowhere else', () => {
    const result = sample(FutureInput, { preferredStrings: ['mk-7'] });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const value = result.value as Record<string, unknown>;
    expect(value.name).toBe('mk-7');
    expect(value.notes).toBe('mk-7');
    expect(getAt(value, ['items', 0, 'label'])).toBe('mk-7');
    expect(value.mobile).toMatch(/^1[3-9]\d{9}$/);
    expect(value.hostId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    const free = fieldsOf(FutureInput)
      .filter(isFreeText)
      .map((f) => f.path.join('.'));
    expect(free).toEqual(expect.arrayContaining(['name', 'notes', 'items.0.label']));
    expect(free).not.toContain('mobile');
    expect(free).not.toContain('signer.pin');
  });

  it('X-3 sample regular expressions of the kinds the contract uses', () => {
    for (const re of [/^1[3-9]\d{9}$/, /^[0-9A-HJKMNP-TV-Z]{26}$/, /^\+?\d[\d-]{4,22}\d(?:(?:转|ext\.?|x|#)\d{1,6})?$/i, /^(?:A|B)-\d{2,3}$/, /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/, /^(?=.*\d)\w{4}$/]) {
      const s = sampleForRegex(re);
      expect(s, re.source).not.toBeNull();
      expect(re.test(s!), re.source).toBe(true);
    }
  });

  it('X-3 list every field, nested objects, array items and union members included', () => {
    const paths = fieldsOf(FutureInput).map((f) => f.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['name', 'plate', 'idNumber', 'items', 'items.0', 'items.0.label', 'items.0.count', 'channel', 'channel.kind', 'signer.userId', 'signer.pin']),
    );
    const plate = fieldsOf(FutureInput).find((f) => f.path.join('.') === 'plate')!;
    expect(plate).toMatchObject({ kind: 'string', optional: true, nullable: false });
    const idNumber = fieldsOf(FutureInput).find((f) => f.path.join('.') === 'idNumber')!;
    expect(idNumber).toMatchObject({ optional: true, nullable: true });
  });

  it('X-3 every generated invalid payload is invalid, and the hostile set covers every family with both verdicts', () => {
    for (const payload of invalidPayloads(FutureInput)) expect(expectationFor(FutureInput, payload).expect, payload.label).toBe('invalid');
    const hostile = hostilePayloads(FutureInput, prng(7), 20);
    const verdicts = new Map<string, Set<string>>();
    for (const p of hostile) {
      const verdict = expectationFor(FutureInput, p).expect;
      if (!verdicts.has(p.family)) verdicts.set(p.family, new Set());
      verdicts.get(p.family)!.add(verdict);
    }
    expect([...verdicts.keys()]).toEqual(
      expect.arrayContaining(['body', 'malformed', 'prototype', 'extra', 'size', 'nesting', 'missing', 'type', 'string', 'number', 'random']),
    );
    expect(verdicts.get('size')).toContain('oversize');
    expect(verdicts.get('prototype')).toContain('malformed');
    // Odd but valid text exists (rare CJK names, emoji, SQL fragments as text) — the round-trip cases.
    expect(verdicts.get('string')).toContain('valid');
    expect(hostile.length).toBeGreaterThan(500);
  });

  it('X-3 setAt writes own __proto__ keys (sent as JSON, not swallowed by the prototype setter)', () => {
    const body = setAt({ a: 1 }, ['__proto__'], { admin: true });
    expect(JSON.stringify(body)).toBe('{"a":1,"__proto__":{"admin":true}}');
    expect(setAt({ a: { b: 1 } }, ['a', 'b'], undefined, true)).toEqual({ a: {} });
  });
});
