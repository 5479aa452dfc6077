// Reading the contract's zod schemas generically: a valid sample for any input schema, and the list of fields
// (paths) the hostile-input generators mutate. Works from zod's own definitions, so methods other features add
// are covered without test code; odd string formats get samples from their `.regex()` or from STRING_CANDIDATES.
import type { z } from 'zod';
import { sampleForRegex } from './regex-sample';

type Schema = z.ZodType;
// zod 4 keeps each schema's definition on `_zod.def`; the fields used here are stable across zod 4 releases.
type Def = { type: string; checks?: Array<{ _zod: { def: any } }>; [key: string]: any };

export function defOf(schema: Schema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function checksOf(schema: Schema): Array<Record<string, unknown>> {
  const def = defOf(schema);
  const own = (def.checks ?? []).map((c) => c._zod.def as Record<string, unknown>);
  // String formats (z.email(), z.iso.datetime()) carry their pattern on the definition itself.
  if (def.type === 'string' && def.pattern instanceof RegExp) own.push({ check: 'string_format', pattern: def.pattern });
  return own;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional', 'success']);

/** Strips optional/nullable/default/pipe wrappers: the schema that decides what a present value must be. */
export function core(schema: Schema): { schema: Schema; optional: boolean; nullable: boolean } {
  let current = schema;
  let optional = false;
  let nullable = false;
  for (let guard = 0; guard < 50; guard += 1) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault' || def.type === 'catch') optional = true;
    if (def.type === 'nullable') nullable = true;
    if (WRAPPERS.has(def.type)) current = def.innerType as Schema;
    else if (def.type === 'pipe') current = def.in as Schema;
    else if (def.type === 'lazy') current = (def.getter as () => Schema)();
    else break;
  }
  return { schema: current, optional, nullable };
}

/**
 * Strings tried for every string field before anything derived from the schema, in order; the first the field
 * accepts wins. A feature whose fields need a form none of these has, and no `.regex()` describes, adds one here.
 */
export const STRING_CANDIDATES: string[] = [
  '测试 Lobby',
  '13800138000',
  '010-88886666',
  '01ARZ3NDEKTSV4RRFFQ69G5FAV',
  '2468',
  'Asia/Shanghai',
  'zh-CN',
  'test@example.invalid',
  '2026-11-27',
  '2026-11-27T10:00:00.000Z',
  '09:30',
  'https://example.invalid/',
  'F9', // a global hotkey (Electron accelerator)
  '11010519491231002X', // a resident ID number with a valid GB 11643 check character
  'tenants.csv', // an uploaded file's name
  'A1-1203',
  '京A12345',
  'ABCD2345',
  '{"to":"{{phone}}","text":"{{text}}"}', // an SMS gateway's request template
  '10.20.30.40', // a desk phone's IP address
  'x',
];

export interface SampleOptions {
  /** Tried first for every string field (the crash harness puts a unique marker in every free-text field). */
  preferredStrings?: readonly string[];
  /** Include optional keys (default true). */
  optionalKeys?: boolean;
}

export type SampleResult = { ok: true; value: unknown } | { ok: false; path: Array<string | number>; reason: string };

function accepts(schema: Schema, value: unknown): boolean {
  return schema.safeParse(value).success;
}

function numberCandidates(schema: Schema): number[] {
  let min = -Infinity;
  let max = Infinity;
  let int = false;
  for (const c of checksOf(schema)) {
    if (c.check === 'greater_than') min = Math.max(min, Number(c.value) + (c.inclusive ? 0 : 1e-9));
    if (c.check === 'less_than') max = Math.min(max, Number(c.value) - (c.inclusive ? 0 : 1e-9));
    if (c.check === 'number_format' && String(c.format).includes('int')) int = true;
    if (c.check === 'multiple_of') int = true;
  }
  const out: number[] = [];
  if (Number.isFinite(min)) out.push(int ? Math.ceil(min) : min, Math.ceil(min) + 1);
  out.push(1, 0, 5, 10, 100, 1_700_000_000_000);
  if (Number.isFinite(max)) out.push(int ? Math.floor(max) : max);
  return out;
}

function stringCandidates(schema: Schema, options: SampleOptions): string[] {
  const out = [...(options.preferredStrings ?? []), ...STRING_CANDIDATES];
  let minLength = 0;
  for (const c of checksOf(schema)) {
    if (c.check === 'string_format' && c.pattern instanceof RegExp) {
      const s = sampleForRegex(c.pattern);
      if (s !== null) out.push(s);
    }
    if (c.check === 'min_length') minLength = Number(c.minimum);
    if (c.check === 'length_equals') minLength = Number(c.length);
  }
  if (minLength > 0) out.push('x'.repeat(minLength), '中'.repeat(minLength), '1'.repeat(minLength));
  return out;
}

/** A value the schema accepts, built from its definition; optional keys included unless told otherwise. */
export function sample(schema: Schema, options: SampleOptions = {}, path: Array<string | number> = []): SampleResult {
  const def = defOf(schema);
  const fail = (reason: string): SampleResult => ({ ok: false, path, reason });
  const checked = (value: unknown): SampleResult => (accepts(schema, value) ? { ok: true, value } : fail(`sample ${JSON.stringify(value)} refused`));
  switch (def.type) {
    case 'optional':
      return options.optionalKeys === false ? { ok: true, value: undefined } : sample(def.innerType as Schema, options, path);
    case 'default':
    case 'prefault':
      return options.optionalKeys === false ? { ok: true, value: undefined } : sample(def.innerType as Schema, options, path);
    case 'nullable':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return sample(def.innerType as Schema, options, path);
    case 'lazy':
      return sample((def.getter as () => Schema)(), options, path);
    case 'pipe': {
      const inner = sample(def.in as Schema, options, path);
      return inner.ok ? checked(inner.value) : inner;
    }
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape as Record<string, Schema>)) {
        const result = sample(field, options, [...path, key]);
        if (!result.ok) return result;
        if (result.value !== undefined) value[key] = result.value;
      }
      if (accepts(schema, value)) return { ok: true, value };
      // Cross-field rules (superRefine) may dislike optional keys: try without them.
      if (options.optionalKeys !== false) {
        const lean = sample(schema, { ...options, optionalKeys: false }, path);
        if (lean.ok) return lean;
      }
      return fail('object sample refused by a cross-field rule');
    }
    case 'string': {
      for (const candidate of stringCandidates(schema, options)) if (accepts(schema, candidate)) return { ok: true, value: candidate };
      return fail('no string candidate fits (add one to STRING_CANDIDATES or give the field a .regex())');
    }
    case 'number': {
      for (const candidate of numberCandidates(schema)) if (accepts(schema, candidate)) return { ok: true, value: candidate };
      return fail('no number fits');
    }
    case 'bigint':
      return fail('bigint is not JSON');
    case 'boolean':
      return checked(true);
    case 'null':
      return checked(null);
    case 'undefined':
    case 'void':
      return { ok: true, value: undefined };
    case 'any':
    case 'unknown':
      return checked('x');
    case 'enum':
      return checked(Object.values(def.entries as Record<string, unknown>)[0]);
    case 'literal':
      return checked((def.values as unknown[])[0]);
    case 'array': {
      let min = 1;
      for (const c of checksOf(schema)) {
        if (c.check === 'min_length') min = Math.max(min, Number(c.minimum));
        if (c.check === 'length_equals') min = Number(c.length);
        if (c.check === 'max_length' && Number(c.maximum) === 0) min = 0;
      }
      const items: unknown[] = [];
      for (let i = 0; i < min; i += 1) {
        const item = sample(def.element as Schema, options, [...path, i]);
        if (!item.ok) return item;
        items.push(item.value);
      }
      return checked(items);
    }
    case 'tuple': {
      const items: unknown[] = [];
      for (const [i, item] of (def.items as Schema[]).entries()) {
        const result = sample(item, options, [...path, i]);
        if (!result.ok) return result;
        items.push(result.value);
      }
      return checked(items);
    }
    case 'record':
      return checked({});
    case 'union': {
      for (const option of def.options as Schema[]) {
        const result = sample(option, options, path);
        if (result.ok && accepts(schema, result.value)) return result;
      }
      return fail('no union option could be sampled');
    }
    case 'intersection': {
      const left = sample(def.left as Schema, options, path);
      const right = sample(def.right as Schema, options, path);
      if (!left.ok) return left;
      if (!right.ok) return right;
      const merged =
        typeof left.value === 'object' && typeof right.value === 'object' ? { ...(left.value as object), ...(right.value as object) } : left.value;
      return checked(merged);
    }
    default:
      return fail(`cannot sample a ${def.type}`);
  }
}

/** One place in an input the generators can change: its path and the schema that governs it there. */
export interface Field {
  path: Array<string | number>;
  schema: Schema;
  /** The value's type once wrappers are stripped ('string', 'number', 'object' …). */
  kind: string;
  optional: boolean;
  nullable: boolean;
}

/** Every field of an input schema, depth first (objects' keys, the first item of arrays, union members' keys). */
export function fieldsOf(schema: Schema, path: Array<string | number> = [], out: Field[] = [], depth = 0): Field[] {
  if (depth > 8) return out;
  const stripped = core(schema);
  const def = defOf(stripped.schema);
  // An array's item can always be left out (the array gets shorter), so it never counts as required here.
  const isItem = typeof path[path.length - 1] === 'number';
  if (path.length > 0) out.push({ path, schema, kind: def.type, optional: stripped.optional || isItem, nullable: stripped.nullable });
  if (def.type === 'object') {
    for (const [key, field] of Object.entries(def.shape as Record<string, Schema>)) fieldsOf(field, [...path, key], out, depth + 1);
  } else if (def.type === 'array') {
    fieldsOf(def.element as Schema, [...path, 0], out, depth + 1);
  } else if (def.type === 'union') {
    // Keys of the first object member stand for the union (the generators start from a sample of it).
    const first = (def.options as Schema[]).find((o) => defOf(core(o).schema).type === 'object');
    if (first) {
      for (const [key, field] of Object.entries(defOf(core(first).schema).shape as Record<string, Schema>)) fieldsOf(field, [...path, key], out, depth + 1);
    }
  }
  return out;
}

/** Whether a field takes free text (a name, a note): it keeps ordinary mixed text as typed. */
export function isFreeText(field: Field): boolean {
  if (field.kind !== 'string') return false;
  const probe = 'Ab 中文 12';
  const parsed = core(field.schema).schema.safeParse(probe);
  return parsed.success && parsed.data === probe;
}

export function getAt(value: unknown, path: ReadonlyArray<string | number>): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** A copy of `value` with the field at `path` set (or removed, for `remove`). Missing parents are created. */
export function setAt(value: unknown, path: ReadonlyArray<string | number>, next: unknown, remove = false): unknown {
  if (path.length === 0) return next;
  const [key, ...rest] = path;
  const base: Record<string | number, unknown> | unknown[] =
    Array.isArray(value) ? [...value] : value !== null && typeof value === 'object' ? { ...(value as object) } : typeof key === 'number' ? [] : {};
  const container = base as Record<string | number, unknown>;
  if (rest.length === 0 && remove) {
    if (Array.isArray(base)) base.splice(key as number, 1);
    else delete container[key!];
  } else {
    // Own property even for '__proto__' (defineProperty does not invoke the setter).
    Object.defineProperty(container, key!, { value: setAt(container[key!], rest, next, remove), enumerable: true, writable: true, configurable: true });
  }
  return base;
}
