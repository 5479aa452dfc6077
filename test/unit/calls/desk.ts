// A building with a receptionist at the phone, for the phone desk's core tests.
import { createDesk, as, type TestDesk } from '../../support/core';
import { FakeClock } from '../../../main/core/clock';
import type { InputOf, OutputOf } from '../../../shared/contract/define';
import type { Method, Spec } from '../../../shared/contract';

export interface PhoneDesk {
  desk: TestDesk;
  lee: { id: string; token: string; name: string };
  /** Calls a method as the receptionist 李前台 (or as someone else's token). */
  call<N extends Method>(method: N, input: InputOf<Spec<N>>, token?: string): Promise<OutputOf<Spec<N>>>;
}

/** `start`: when the shift begins (sessions last 14 hours, so tests that cross midnight start late). */
export async function phoneDesk(start?: string): Promise<PhoneDesk> {
  const desk = await createDesk(start ? { clock: new FakeClock(start) } : {});
  const lee = await desk.person('receptionist', '李前台', '1357');
  return {
    desk,
    lee,
    call: (method, input, token = lee.token) => desk.core.invoke(as(token), method, input),
  };
}

export { failure } from '../../support/core';
