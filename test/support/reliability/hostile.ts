// Hostile request bodies for any method, generated from its input schema: wrong types, missing and extra
// fields, 1 MB strings, deep nesting, __proto__/constructor keys, SQL fragments, control characters, unpaired
// surrogates, full-width digits, emoji and rare CJK. An oracle says what the server must make of each: the
// contract's own schema, applied to the body as the server will see it.
import type { z } from 'zod';
import { fieldsOf, getAt, sample, setAt, type Field } from './schema';
import type { Prng } from './prng';

export interface Payload {
  /** What it is, for failure messages: `name ← 1 MB string`. */
  label: string;
  family: string;
  /** The request body exactly as sent. */
  raw: string;
  contentType?: string;
  /** The field it targets, if any (round-trip checks for odd but valid text). */
  field?: Field;
}

/** The server's request body limit (main/server/http-server.ts DEFAULT_BODY_LIMIT). */
export const BODY_LIMIT = 1024 * 1024;
const ONE_MB = 1024 * 1024;

/** Odd strings: some are invalid anywhere, some are valid text that must come back intact when accepted. */
export const ODD_STRINGS: ReadonlyArray<[string, string]> = [
  ['empty', ''],
  ['blank', '   '],
  ['10 000 characters', 'z'.repeat(10_000)],
  ['5 000 rare CJK (astral)', '𠮷'.repeat(5_000)],
  ['NUL inside', 'a\u0000b'],
  ['BEL', '\u0007'],
  ['ANSI escape', '\u001b[31mred'],
  ['DEL and C1', 'a\u007f\u0085b'],
  ['line separator', 'a\u2028b'],
  ['CR LF', 'a\r\nb'],
  ['tab', 'a\tb'],
  ['lone high surrogate', 'a\ud800'],
  ['lone low surrogate', '\udc00b'],
  ['reversed surrogate pair', '\udc00\ud83d'],
  ['SQL: quote and DROP', "x'; DROP TABLE staff; --"],
  ['SQL: OR 1=1', '" OR 1=1 --'],
  ['SQL: UNION', "' UNION SELECT pin_hash FROM staff --"],
  ['LIKE wildcards', '%_%'],
  ['backslashes', 'a\\b\\\\c'],
  ['HTML', '<script>alert(1)</script>'],
  ['template syntax', '${7*7}{{7*7}}'],
  ['path traversal', '../../etc/passwd'],
  ['full-width digits', '１３８００１３８０００'],
  ['full-width letters', 'ＡＢＣ前台'],
  ['emoji', '👩‍💼前台😀'],
  ['rare CJK name', '𠮷野家'],
  ['combining accent', 'Zoe\u0301'],
  ['RTL override', 'abc\u202edef'],
  ['zero-width space', 'a\u200bb'],
  ['BOM', '\ufeffname'],
  ['__proto__ as text', '__proto__'],
  ['constructor as text', 'constructor'],
  ['number-like', '1e309'],
  ['JSON inside', '{"a":1}'],
];

const WRONG_TYPES: ReadonlyArray<[string, unknown]> = [
  ['number', 1],
  ['negative number', -1],
  ['boolean', true],
  ['null', null],
  ['array', []],
  ['object', {}],
  ['string', 'x'],
];

const ODD_NUMBERS: ReadonlyArray<[string, unknown]> = [
  ['-1', -1],
  ['0', 0],
  ['1.5', 1.5],
  ['1e308', 1e308],
  ['-1e308', -1e308],
  ['2^53+1', 2 ** 53 + 1],
  ['1e-7', 1e-7],
  ['numeric string', '5'],
];

const RAW_TOKEN_JSON = JSON.stringify('\u0000RAW\u0000');

/** A body with `rawText` spliced in at `path` (numbers JSON cannot express, nesting too deep to stringify). */
function withRaw(base: unknown, path: ReadonlyArray<string | number>, rawText: string): string {
  return JSON.stringify(setAt(base, path, '\u0000RAW\u0000')).replace(RAW_TOKEN_JSON, () => rawText);
}

function deepObject(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}
function deepArray(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

function label(path: ReadonlyArray<string | number>): string {
  return path.length === 0 ? 'body' : path.join('.');
}

/** Whole-body payloads: not an object, not JSON, prototype keys, extra keys, oversize, deep nesting. */
function bodyPayloads(base: Record<string, unknown>): Payload[] {
  const json = JSON.stringify(base);
  const inner = json.slice(1, -1);
  const withKey = (key: string, value: string) => `{${inner}${inner ? ',' : ''}${JSON.stringify(key)}:${value}}`;
  const out: Payload[] = [
    ...['[]', '"x"', '42', 'true', 'null', '', '   ', '[{}]'].map((raw) => ({ label: `body ${JSON.stringify(raw)}`, family: 'body', raw })),
    ...['{', '{"a":1,}', "{'a':1}", 'NaN', '{"a":1}{"b":2}', '{"a":undefined}', '\u0000', '{"a":"\\x41"}'].map((raw) => ({
      label: `malformed ${JSON.stringify(raw)}`,
      family: 'malformed',
      raw,
    })),
    { label: 'BOM before the JSON', family: 'malformed', raw: `\ufeff${json}` },
    { label: '__proto__ key', family: 'prototype', raw: withKey('__proto__', '{"admin":true}') },
    { label: 'constructor.prototype key', family: 'prototype', raw: withKey('constructor', '{"prototype":{"admin":true}}') },
    { label: 'constructor key', family: 'prototype', raw: withKey('constructor', '1') },
    { label: 'toString key', family: 'extra', raw: withKey('toString', '"x"') },
    { label: 'hasOwnProperty key', family: 'extra', raw: withKey('hasOwnProperty', '1') },
    { label: 'extra key', family: 'extra', raw: withKey('extra', '1') },
    { label: 'extra key with a CJK name', family: 'extra', raw: withKey('姓名', '"x"') },
    { label: 'extra key holding 1 MB', family: 'size', raw: withKey('extra', JSON.stringify('x'.repeat(ONE_MB))) },
    { label: 'extra key holding 900 KB', family: 'size', raw: withKey('extra', JSON.stringify('x'.repeat(900 * 1024))) },
    { label: 'extra key nested 5 000 deep', family: 'nesting', raw: withKey('extra', deepObject(5_000)) },
    { label: 'extra key: array nested 100 000 deep', family: 'nesting', raw: withKey('extra', deepArray(100_000)) },
    { label: 'body: array nested 200 000 deep', family: 'nesting', raw: deepArray(200_000) },
    { label: 'wrong content type', family: 'content-type', raw: json, contentType: 'text/plain' },
    { label: 'form content type', family: 'content-type', raw: 'a=1', contentType: 'application/x-www-form-urlencoded' },
    { label: 'UTF-16 declared, UTF-8 sent', family: 'content-type', raw: json, contentType: 'application/json; charset=utf-16' },
  ];
  // Duplicate keys: the last one wins in JSON.parse; the hostile value must not sneak past the first.
  const firstKey = Object.keys(base)[0];
  if (firstKey) out.push({ label: `duplicate key ${firstKey}`, family: 'extra', raw: withKey(firstKey, '{"$ne":null}') });
  return out;
}

/** Payloads that change one field of a valid sample. */
function fieldPayloads(base: unknown, field: Field): Payload[] {
  const out: Payload[] = [];
  const at = label(field.path);
  const put = (what: string, family: string, value: unknown) =>
    out.push({ label: `${at} ← ${what}`, family, raw: JSON.stringify(setAt(base, field.path, value)), field });
  const putRaw = (what: string, family: string, rawText: string) =>
    out.push({ label: `${at} ← ${what}`, family, raw: withRaw(base, field.path, rawText), field });

  if (!field.optional) out.push({ label: `${at} missing`, family: 'missing', raw: JSON.stringify(setAt(base, field.path, undefined, true)), field });
  for (const [name, value] of WRONG_TYPES) {
    if (name === 'string' && field.kind === 'string') continue;
    if ((name === 'number' || name === 'negative number') && field.kind === 'number') continue;
    if (name === 'boolean' && field.kind === 'boolean') continue;
    if (name === 'object' && field.kind === 'object') continue;
    if (name === 'array' && field.kind === 'array') continue;
    put(name, 'type', value);
  }
  const current = getAt(base, field.path);
  put('the valid value inside an array', 'type', [current]);
  put('the valid value inside an object', 'type', { value: current });
  putRaw('an object nested 2 000 deep', 'nesting', deepObject(2_000));
  putRaw('an array nested 50 000 deep', 'nesting', deepArray(50_000));
  putRaw('1e400 (Infinity)', 'number', '1e400');
  putRaw('-0', 'number', '-0');

  switch (field.kind) {
    case 'string':
    case 'enum':
    case 'literal':
    case 'union':
      for (const [name, value] of ODD_STRINGS) put(name, 'string', value);
      put('1 MB string', 'size', 'x'.repeat(ONE_MB));
      put('900 KB string', 'size', 'y'.repeat(900 * 1024));
      if (typeof current === 'string') {
        put('valid value upper-cased', 'string', current.toUpperCase());
        put('valid value with spaces around', 'string', ` ${current} `);
        put('valid value with full-width digits', 'string', current.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))));
        put('valid value + NUL', 'string', `${current}\u0000`);
      }
      break;
    case 'number':
      for (const [name, value] of ODD_NUMBERS) put(name, 'number', value);
      break;
    case 'boolean':
      put('"true"', 'type', 'true');
      put('0', 'type', 0);
      break;
    case 'array':
      put('10 000 items', 'size', Array.from({ length: 10_000 }, () => (Array.isArray(current) ? current[0] : null)));
      put('items of the wrong type', 'type', [1, true, null]);
      break;
    case 'object':
      put('an empty object', 'missing', {});
      out.push({ label: `${at} ← with __proto__`, family: 'prototype', raw: withRaw(base, field.path, '{"__proto__":{"admin":true}}'), field });
      put('with an extra key', 'extra', { ...(current as object), extra: 1 });
      break;
  }
  return out;
}

/** Random JSON values at random fields (the seeded part of the fuzz). */
function randomValue(rng: Prng, depth = 0): unknown {
  switch (rng.int(0, depth > 2 ? 3 : 5)) {
    case 0:
      return rng.pick([0, -1, 1, 2 ** 31, -(2 ** 53), 0.1, 1e21, 123456789]);
    case 1: {
      const length = rng.pick([0, 1, 2, 8, 33, 200, 5000]);
      let s = '';
      for (let i = 0; i < length; i += 1) {
        const range = rng.pick([
          [0x20, 0x7e],
          [0x00, 0x1f],
          [0x4e00, 0x9fff],
          [0xd800, 0xdfff],
          [0xff00, 0xffef],
          [0x1f300, 0x1faff],
          [0x20000, 0x2a6df],
        ] as Array<[number, number]>);
        s += String.fromCodePoint(rng.int(range[0], range[1]));
      }
      return s;
    }
    case 2:
      return rng.pick([true, false, null]);
    case 3:
      return rng.pick(['', 'admin', 'kiosk', '0', '13800138000', '01ARZ3NDEKTSV4RRFFQ69G5FAV']);
    case 4:
      return Array.from({ length: rng.int(0, 3) }, () => randomValue(rng, depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = rng.int(0, 3); i > 0; i -= 1) out[rng.pick(['a', 'id', 'name', '__proto__', 'constructor', '$gt'])] = randomValue(rng, depth + 1);
      return out;
    }
  }
}

function randomPayloads(base: unknown, fields: readonly Field[], rng: Prng, count: number): Payload[] {
  const out: Payload[] = [];
  for (let i = 0; i < count; i += 1) {
    let body = base;
    const changes: string[] = [];
    for (let k = rng.int(1, Math.max(1, Math.min(3, fields.length))); k > 0; k -= 1) {
      const field = fields.length > 0 ? rng.pick(fields) : null;
      const path = field ? field.path : [rng.pick(['x', '__proto__', 'constructor'])];
      body = setAt(body, path, randomValue(rng));
      changes.push(label(path));
    }
    out.push({ label: `random (seed ${rng.seed}) #${i} at ${changes.join(', ')}`, family: 'random', raw: JSON.stringify(body) });
  }
  return out;
}

/**
 * Every hostile payload for a method's input schema, each a change of a valid base: `base` when given (an example
 * naming real records), else a sample generated from the schema. `random` adds that many seeded random payloads.
 */
export function hostilePayloads(input: z.ZodType, rng: Prng, random: number, given?: unknown): Payload[] {
  const sampled = sample(input);
  const base = (given ?? (sampled.ok ? sampled.value : {})) as Record<string, unknown>;
  const fields = fieldsOf(input);
  return [...bodyPayloads(base), ...fields.flatMap((f) => fieldPayloads(base, f)), ...randomPayloads(base, fields, rng, random)];
}

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

function ulidsIn(value: unknown, at: string, out: Map<string, string>): Map<string, string> {
  if (typeof value === 'string' && ULID.test(value)) out.set(at, value);
  else if (Array.isArray(value)) value.forEach((v, i) => ulidsIn(v, `${at}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) ulidsIn(v, `${at}.${k}`, out);
  return out;
}

/**
 * A payload made from one valid base moved onto another: the record ids (ULIDs, unique strings) the first base
 * named are replaced by those the second names at the same places. For a method whose valid call used its record
 * up (a visit confirmed, an incident signed), the next payloads then act on a fresh one.
 */
export function rebase(raw: string, from: unknown, to: unknown): string {
  const before = ulidsIn(from, '', new Map());
  const after = ulidsIn(to, '', new Map());
  let out = raw;
  for (const [at, id] of before) {
    const next = after.get(at);
    if (next && next !== id) out = out.split(id).join(next);
  }
  return out;
}

/** A few plainly invalid payloads per method (issue 2's generated X-3 test). */
export function invalidPayloads(input: z.ZodType): Payload[] {
  const sampled = sample(input);
  const base = (sampled.ok ? sampled.value : {}) as Record<string, unknown>;
  const out: Payload[] = [
    { label: 'body is an array', family: 'body', raw: '[]' },
    { label: 'body is a string', family: 'body', raw: '"x"' },
    { label: 'extra key', family: 'extra', raw: JSON.stringify({ ...base, unexpected: 1 }) },
  ];
  for (const field of fieldsOf(input)) {
    const at = label(field.path);
    if (!field.optional) out.push({ label: `${at} missing`, family: 'missing', raw: JSON.stringify(setAt(base, field.path, undefined, true)), field });
    const wrong = field.kind === 'string' || field.kind === 'enum' ? 12345 : field.kind === 'number' ? 'x' : field.kind === 'array' ? 'x' : 'x';
    out.push({ label: `${at} ← wrong type`, family: 'type', raw: JSON.stringify(setAt(base, field.path, wrong)), field });
  }
  return out;
}

export type Expectation = 'oversize' | 'malformed' | 'invalid' | 'valid';

function hasPrototypeKey(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(v, '__proto__')) return true;
    const ctor = Object.prototype.hasOwnProperty.call(v, 'constructor') ? (v as { constructor: unknown }).constructor : undefined;
    if (ctor && typeof ctor === 'object' && Object.prototype.hasOwnProperty.call(ctor, 'prototype')) return true;
    for (const item of Object.values(v)) stack.push(item);
  }
  return false;
}

/**
 * What the server must make of a body, judged as it will see it: too large → 413; not JSON (or a prototype
 * key) → 400 bad_request; otherwise whatever the method's own schema says (an empty body or `null` is `{}`).
 */
export function expectationFor(input: z.ZodType, payload: Payload, bodyLimit = BODY_LIMIT): { expect: Expectation; value?: unknown } {
  // A method may declare a larger limit than the server's default (an attachment upload).
  if (Buffer.byteLength(payload.raw, 'utf8') > Math.max(BODY_LIMIT, bodyLimit)) return { expect: 'oversize' };
  // Only JSON is parsed; a declared charset is not honoured (the body is read as UTF-8, as JSON must be).
  if (payload.contentType && !/^application\/json(;.*)?$/i.test(payload.contentType)) return { expect: 'malformed' };
  let text = payload.raw;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return input.safeParse({}).success ? { expect: 'valid', value: {} } : { expect: 'invalid' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { expect: 'malformed' };
  }
  if (hasPrototypeKey(value)) return { expect: 'malformed' };
  const parsed = input.safeParse(value ?? {});
  return parsed.success ? { expect: 'valid', value: parsed.data } : { expect: 'invalid' };
}
