// Admin → Devices settings (P-6, H-1, H-2): stored in the audited `hardware` section, checked with clear localized
// messages, the SIP password sealed — never in clear in the database or the audit trail, never sent to a screen.
import { afterEach, describe, expect, it } from 'vitest';
import { as, createDesk, failure, type TestDesk } from '../../support/core';
import { hardwareConfig } from '../../../main/core/hardware/settings';
import { ROLES } from '../../../shared/contract/define';
import { auditText } from '../../support/audit';
import { hardware } from '../../../shared/contract/hardware';

let desk: TestDesk;
afterEach(() => desk?.close());

describe('hardware settings', () => {
  it('P-6 the SIP password is sealed with the installation key: not in the settings row, not in the audit images, not in the answer; kept when omitted', async () => {
    desk = await createDesk();
    const admin = as(desk.admin.token);
    const saved = await desk.core.invoke(admin, 'hardware.updateSettings', {
      sip: { enabled: true, host: '192.168.1.2', extension: '8001', username: '8001', password: 'Secret-8001' },
    });
    expect(saved.sip).toEqual({ enabled: true, host: '192.168.1.2', port: 5060, extension: '8001', domain: '', username: '8001', passwordSet: true, localPort: 0 });
    expect(JSON.stringify(saved)).not.toContain('Secret-8001');
    const everything = JSON.stringify(desk.core.db.prepare('SELECT * FROM settings').all()) + auditText(desk.core.db);
    expect(everything).not.toContain('Secret-8001');
    expect(hardwareConfig(desk.core.db, desk.core.keys).sip.password).toBe('Secret-8001');
    // Saving again without a password keeps it; an empty one clears it.
    await desk.core.invoke(admin, 'hardware.updateSettings', { sip: { enabled: true, host: '192.168.1.3', extension: '8001', username: '8001' } });
    expect(hardwareConfig(desk.core.db, desk.core.keys).sip).toMatchObject({ host: '192.168.1.3', password: 'Secret-8001' });
    await desk.core.invoke(admin, 'hardware.updateSettings', { sip: { enabled: false, password: '' } });
    expect((await desk.core.invoke(admin, 'hardware.settings', {})).sip.passwordSet).toBe(false);
    // Each change is audited.
    expect(desk.core.db.prepare("SELECT COUNT(*) AS n FROM audit_trail WHERE method = 'hardware.updateSettings'").get()).toEqual({ n: 3 });
  });

  it('P-6 H-1 H-2 X-3 bad settings get field messages in the caller’s language and change nothing', async () => {
    desk = await createDesk();
    const admin = as(desk.admin.token);
    const before = await desk.core.invoke(admin, 'hardware.settings', {});
    const bad = await failure(
      desk.core.invoke(
        admin,
        'hardware.updateSettings',
        // Deliberately wrong values (a paper width and a baud rate no printer or port uses): as the server receives them.
        ({
          sip: { enabled: true, host: '', extension: '80 01', username: '' },
          idReader: { kind: 'vendorHttp', url: 'http://reader.example.com/read' },
          slipPrinter: { kind: 'escpos', host: '', port: 70000, paperWidth: 76 },
          callerIdBox: { enabled: true, path: 'C:/box', baudRate: 1234 },
        }) as unknown as Parameters<typeof desk.core.invoke<'hardware.updateSettings'>>[2],
        'en',
      ),
    );
    const issues = Object.fromEntries(bad.fieldIssues.map((i) => [i.path.join('.'), i.message]));
    expect(issues).toMatchObject({
      'sip.extension': 'hardware:error.extension',
      'idReader.url': 'hardware:error.localUrl',
      'slipPrinter.port': 'hardware:error.port',
      'slipPrinter.paperWidth': 'hardware:error.paperWidth',
      'callerIdBox.path': 'hardware:error.devicePath',
      'callerIdBox.baudRate': 'hardware:error.baudRate',
    });
    const body = desk.core.errorResponse(bad, 'en').body;
    expect(body.error.issues?.find((i) => i.path.join('.') === 'idReader.url')?.message).toBe('The reader service must be on this PC (http://127.0.0.1:port/…).');
    expect(desk.core.errorResponse(bad, 'zh-CN').body.error.issues?.find((i) => i.path.join('.') === 'slipPrinter.paperWidth')?.message).toBe('纸宽只能是 58 或 80 毫米。');
    // Enabled with a field missing.
    const missing = await failure(desk.core.invoke(admin, 'hardware.updateSettings', { sip: { enabled: true, host: '10.0.0.1', extension: '', username: '8001' } }));
    expect(missing.fieldIssues.map((i) => i.path.join('.'))).toEqual(['sip.extension']);
    expect(await desk.core.invoke(admin, 'hardware.settings', {})).toEqual(before);
    // Only an admin configures devices.
    const lee = await desk.person('receptionist');
    expect((await failure(desk.core.invoke(as(lee.token), 'hardware.settings', {}))).code).toBe('forbidden');
  });

  it('P-6 H-1 H-2 Admin → Devices is an administrator’s: every other role is refused by the core (forbidden) for each configure and test method, and nothing is written', async () => {
    desk = await createDesk();
    const admin = as(desk.admin.token);
    const { phone } = await desk.core.invoke(admin, 'hardware.addPhone', { name: '前台话机', address: '10.0.0.21' });
    const inputs = {
      settings: {},
      updateSettings: { slipPrinter: { kind: 'escpos', host: '10.0.0.9' } },
      status: {},
      phones: {},
      addPhone: { name: '另一部', address: '10.0.0.22' },
      revokePhone: { id: phone.id },
      testRing: { seconds: 1 },
      testCardReader: {},
      testSlipPrinter: {},
      testScanner: { seconds: 1 },
    } as const;
    const adminOnly = Object.entries(hardware).filter(([, spec]) => spec.allow.length === 1 && spec.allow[0] === 'admin').map(([name]) => name);
    // The list above is the contract's admin-only list: a new Devices method must be added here, too.
    expect(adminOnly.sort()).toEqual(Object.keys(inputs).sort());
    const audited = () => (desk.core.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const person = await desk.person(role);
      const before = audited();
      for (const [name, input] of Object.entries(inputs)) {
        const refused = await failure(desk.core.invoke(as(person.token), `hardware.${name}` as 'hardware.settings', input as never));
        expect(refused.code, `${role} → hardware.${name}`).toBe('forbidden');
      }
      expect(audited(), role).toBe(before);
    }
    expect((await desk.core.invoke(admin, 'hardware.phones', {})).phones.map((p) => p.revokedAt)).toEqual([null]);
    expect((await desk.core.invoke(admin, 'hardware.settings', {})).slipPrinter.kind).toBe('none');
  });
});
