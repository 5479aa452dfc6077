// X-3 (generated from the contract): an invalid payload to every method, sent as a caller allowed to call it
// (kiosk-only methods as a paired kiosk), is a 400 with a stable code and a message, and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMethods } from '../../shared/contract';
import { createDesk, type TestDesk } from '../support/core';
import { startTestServer, type TestServer } from '../support/http';
import { everyCaller, callerFor, callerOptions, type TestCaller } from '../support/reliability/callers';
import { invalidPayloads, expectationFor } from '../support/reliability/hostile';
import { sample } from '../support/reliability/schema';

let desk: TestDesk;
let http: TestServer;
let callers: TestCaller[];

beforeAll(async () => {
  desk = await createDesk();
  http = await startTestServer(desk.core);
  callers = await everyCaller(http.call, desk.admin);
});

afterAll(async () => {
  await http?.close();
  desk?.close();
});

const auditCount = () => (desk.core.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;

describe('invalid input, generated from the contract', () => {
  it('X-3 the generator makes a valid example of every method’s input (so the invalid ones differ in one thing)', () => {
    const unsampled = listMethods()
      .map(([name, spec]) => [name, sample(spec.input)] as const)
      .filter(([, result]) => !result.ok)
      .map(([name, result]) => `${name}: ${JSON.stringify(result)}`);
    expect(unsampled).toEqual([]);
  });

  for (const [method, spec] of listMethods()) {
    it(`X-3 ${method}: invalid payloads are 400 with a stable code and change nothing`, async () => {
      const caller = callerFor(spec, callers);
      const payloads = invalidPayloads(spec.input);
      expect(payloads.length).toBeGreaterThan(0);
      for (const payload of payloads) {
        expect(expectationFor(spec.input, payload, spec.bodyLimit).expect, payload.label).toBe('invalid');
        const before = auditCount();
        const response = await http.call<{ error: { code: string; message: string; issues?: unknown[] } }>(method, null, {
          ...callerOptions(caller),
          raw: payload.raw,
          lang: 'en',
        });
        expect({ label: payload.label, status: response.status, code: response.body.error?.code }).toEqual({
          label: payload.label,
          status: 400,
          code: 'validation_failed',
        });
        expect(response.body.error.message).toMatch(/\S/);
        expect(response.body.error.issues?.length ?? 0, payload.label).toBeGreaterThan(0);
        expect(auditCount(), payload.label).toBe(before);
      }
    });
  }
});
