// The one-time setup code: first-run setup is accepted from this PC, or from another device with the code
// the server prints in its console — so a page elsewhere on the LAN cannot make itself the administrator of a
// fresh install. The code lives in memory only; a restart prints a new one.
import { timingSafeEqual } from 'node:crypto';
import { newPairingCode, normalizePairingCode } from '../auth';

/** Wrong codes allowed before the code stops working (40 random bits; this only stops a patient guesser). */
export const SETUP_CODE_TRIES = 10;

export type SetupCodeCheck = 'ok' | 'wrong' | 'spent';

export class SetupCode {
  private code: string | null = null;
  private wrong = 0;

  constructor(private readonly make: () => string = newPairingCode) {}

  /** The code to print (made on first use), as XXXX-XXXX. */
  current(): string {
    this.code ??= this.make();
    return this.code;
  }

  /** Checks a code typed on another device; a used or spent code never works again. */
  check(input: string | undefined): SetupCodeCheck {
    if (this.wrong >= SETUP_CODE_TRIES) return 'spent';
    const expected = Buffer.from(this.current());
    const given = Buffer.from(normalizePairingCode(input ?? ''));
    if (given.length === expected.length && timingSafeEqual(given, expected)) return 'ok';
    this.wrong += 1;
    return this.wrong >= SETUP_CODE_TRIES ? 'spent' : 'wrong';
  }

  /** After setup the code has done its work. */
  retire(): void {
    this.wrong = SETUP_CODE_TRIES;
  }
}
