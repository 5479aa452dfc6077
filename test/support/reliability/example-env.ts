// What an example input is made from: the harness's environment (markers, earlier acknowledged calls, the
// server's clock, queries as the caller) and small generators of realistic values.
import type { Role } from '../../../shared/contract/define';
import type { Prng } from './prng';
import type { TestCaller } from './callers';

export interface EarlierCall {
  input: unknown;
  output: unknown;
  /** Who made it (callerIdentity): for things only their author may continue (a draft, a signature). */
  by: string;
}

type Filter = (call: EarlierCall) => boolean;

export interface ExampleEnv {
  /** Unique for this call: put it in a free-text field so the write can be found again after a crash. */
  marker: string;
  rng: Prng;
  /** The server's clock (epoch ms): the child process's system clock, or the test's FakeClock. */
  now(): number;
  /** Who will make the call (its PIN and id, for signatures and acknowledgements). */
  caller: TestCaller;
  /** An earlier acknowledged call of the method(s), removed from the pool (for one-time things: codes, sign-outs). */
  take(methods: string | readonly string[], filter?: Filter): EarlierCall | null;
  /** An earlier acknowledged call of the method(s) (at random), left in the pool. */
  peek(methods: string | readonly string[], filter?: Filter): EarlierCall | null;
  /** An earlier acknowledged call of the method(s) (at random), taken from the pool since or not. */
  earlier(methods: string | readonly string[], filter?: Filter): EarlierCall | null;
  /** Every earlier acknowledged call of the method(s) still in the pool. */
  pool(methods: string | readonly string[]): readonly EarlierCall[];
  /** True the first time a key is claimed: exclusive use of something without taking it from a pool. */
  claim(key: string): boolean;
  /** Whether the earlier call was made by this caller. */
  mine(call: EarlierCall): boolean;
  /** A query as this caller (what the screen would read first); null when it is refused. */
  query<T = unknown>(method: string, input?: unknown): Promise<T | null>;
  /** A value for the method's schema generated from the contract, with the marker in its free-text fields. */
  generated(): unknown;
  /** What the example that needs this call asked for (`{ type: 'repair' }`), if anything. */
  hint: Readonly<Record<string, unknown>>;
}

/** A method an example refers to, optionally with a hint for its example (a repair, not any item). */
export type Need = string | { method: string; hint: Record<string, unknown> };

export interface Example {
  /** Who calls it (default: an administrator where allowed, else the first role allowed — callerFor). */
  as?: Role | 'kiosk';
  /** Methods whose acknowledged writes this example refers to: called first when it cannot be made yet. */
  needs?: readonly Need[];
  /** How many times to call `needs` before giving up (a handover needs every line marked: many calls). */
  attempts?: number;
  /** The input, or null when it cannot be made now (nothing to refer to yet). */
  make(env: ExampleEnv): unknown;
}

export const idOf = (call: EarlierCall | null): string | null => ((call?.output as { id?: string } | undefined)?.id ?? null);

/** A mainland mobile number at random (never the sample number other generated records carry). */
export function mobileNumber(rng: Prng): string {
  let n = `1${rng.int(3, 9)}`;
  for (let i = 0; i < 9; i += 1) n += String(rng.int(0, 9));
  return n === '13800138000' ? '13900139000' : n;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '强', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '建华', '晓东', '丽'];

/** A Chinese personal name with the marker after it (王芳mk-1a), so the record can be found again. */
export function personWith(rng: Prng, marker: string): string {
  return `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}${marker}`;
}
