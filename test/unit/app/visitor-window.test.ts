// The visitor window cannot reach any staff screen's data: in the desktop app main treats every message
// from it as a kiosk caller, whatever the page sends; the core refuses a kiosk every method not marked for it.
import { describe, expect, it } from 'vitest';
import { listMethods } from '../../../shared/contract';
import { AppError } from '../../../main/core/errors';
import { ensureLocalKiosk } from '../../../main/core/devices';
import { createDesk } from '../../support/core';
import { sample } from '../../support/reliability/schema';

describe('visitor window', () => {
  it('X-5 a kiosk caller — even one presenting a staff session — is refused every method not marked for kiosks, and nothing is written', async () => {
    const desk = await createDesk();
    const device = ensureLocalKiosk(desk.core, null, '本机访客屏')!;
    // What the IPC binding builds for the visitor window; the staff token is what a tampered page might add.
    const visitorWindow = { origin: 'ipc' as const, kioskDevice: device, sessionToken: desk.admin.token };
    const auditCount = () => (desk.core.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    const refused: string[] = [];
    const reachable: string[] = [];
    for (const [method, spec] of listMethods()) {
      const input = sample(spec.input);
      const before = auditCount();
      let outcome: string;
      try {
        await desk.core.call(visitorWindow, method, input.ok ? input.value : {});
        outcome = 'ok';
      } catch (error) {
        outcome = error instanceof AppError ? error.code : `crash: ${String(error)}`;
      }
      if (spec.allow.includes('kiosk')) {
        reachable.push(method);
        expect(outcome, method).not.toBe('forbidden');
      } else {
        refused.push(method);
        expect(outcome, method).toBe('forbidden');
        expect(auditCount(), method).toBe(before);
      }
    }
    expect(refused).toEqual(expect.arrayContaining(['staff.list', 'settings.updateBuilding', 'audit.list', 'auth.signIn', 'auth.me', 'devices.createPairingCode']));
    expect(reachable).toEqual(expect.arrayContaining(['setup.status']));
    desk.close();
  });
});
