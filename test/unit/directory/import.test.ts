import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { as, createDesk, type TestDesk } from '../../support/core';
import { failure } from '../../support/visitors';

let desk: TestDesk;
afterEach(() => desk?.close());

const HEADER = ['类型', '名称', '显示名称', '楼层', '房号', '联系人', '联系电话'];
const ROWS: string[][] = [
  ['公司', '华信科技有限公司', '华信科技', '12', '1201', '王经理', '13800138000'], // line 2: new tenant
  ['公司', '华信科技有限公司', '华信科技', '12', '1201', '李秘书', '021-62345678转806'], // 3: second contact of line 2's tenant
  ['公司', '', '缺名称', '5', '501', '', ''], // 4: no name
  ['仓库', '某仓库', '', 'B1', '', '', ''], // 5: unknown type
  ['住户', '张伟家', '18楼住户', '18', '1802', '张伟', '12345'], // 6: bad phone
  ['公司', '明达律师事务所', '', '25', '2501', '陈律师', ''], // 7: contact without phone
  ['公司', '华信科技有限公司', '华信科技', '12', '1201', '王经理', '138 0013 8000'], // 8: same as line 2
  ['company', 'Acme Ltd', '', '7', '', 'Bob Smith', '13511112222'], // 9: English type word
];

function csv(rows: string[][]): string {
  return [HEADER, ...rows].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
}

async function xlsx(rows: Array<Array<string | number>>): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('租户');
  sheet.addRow(HEADER);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

const EXPECTED_ISSUES = [
  { line: 4, field: 'name', message: '名称：此项必填。' },
  { line: 5, field: 'kind', message: '类型：类型“仓库”无法识别，应为“公司”或“住户”。' },
  { line: 6, field: 'contactPhone', message: '联系电话：请输入有效的电话号码。' },
  { line: 7, field: 'contactPhone', message: '联系电话：联系人和联系电话需同时填写。' },
  { line: 8, field: '', message: '与第 2 行重复。' },
];

describe('directory import', () => {
  it('V-3 a CSV with good and bad rows: the preview shows each row, the import takes the good ones and reports each bad row by line and reason', async () => {
    desk = await createDesk();
    const file = { fileName: '租户名录.csv', contentBase64: Buffer.from('\ufeff' + csv(ROWS)).toString('base64') };
    const auditBefore = (desk.core.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    const preview = await desk.core.invoke(as(desk.admin.token), 'directory.importPreview', file);
    expect(preview.rows.map((r) => [r.line, r.action])).toEqual([
      [2, 'new'],
      [3, 'existing'],
      [4, 'error'],
      [5, 'error'],
      [6, 'error'],
      [7, 'error'],
      [8, 'error'],
      [9, 'new'],
    ]);
    expect({ good: preview.good, bad: preview.bad }).toEqual({ good: 3, bad: 5 });
    expect(preview.rows.flatMap((r) => r.issues)).toEqual(EXPECTED_ISSUES);
    // A preview writes nothing.
    expect((desk.core.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n).toBe(auditBefore);

    const result = await desk.core.invoke(as(desk.admin.token), 'directory.importApply', file);
    expect(result).toEqual({ tenantsCreated: 2, contactsAdded: 3, issues: EXPECTED_ISSUES });
    const found = await desk.core.invoke(as(desk.admin.token), 'directory.search', { q: 'hxkj' });
    expect(found.tenants).toHaveLength(1);
    expect(found.tenants[0]!.contacts.map((c) => [c.name, c.phone])).toEqual([
      ['王经理', '13800138000'],
      ['李秘书', '021-62345678转806'],
    ]);
    expect((await desk.core.invoke(as(desk.admin.token), 'directory.search', { q: 'acme' })).tenants[0]).toMatchObject({ kind: 'company', floor: '7' });

    // Importing the same file again adds nothing twice.
    const again = await desk.core.invoke(as(desk.admin.token), 'directory.importApply', file);
    expect(again).toMatchObject({ tenantsCreated: 0, contactsAdded: 0 });
  });

  it('V-3 an XLSX file (numbers as numbers) imports the same way, with messages in English for an English caller', async () => {
    desk = await createDesk();
    const rows: Array<Array<string | number>> = ROWS.map((r) => [...r]);
    rows[0]![6] = 13800138000;
    const file = { fileName: 'tenants.XLSX', contentBase64: await xlsx(rows) };
    const result = await desk.core.invoke(as(desk.admin.token), 'directory.importApply', file, 'en');
    expect(result.tenantsCreated).toBe(2);
    expect(result.contactsAdded).toBe(3);
    expect(result.issues.map((i) => [i.line, i.field])).toEqual(EXPECTED_ISSUES.map((i) => [i.line, i.field]));
    expect(result.issues[1]!.message).toBe('Type: Type “仓库” is unknown; use “company” or “household”.');
  });

  it('V-3 a CSV saved by Excel on Chinese Windows (GB18030) is read correctly', async () => {
    desk = await createDesk();
    // 名称,楼层 / 华信,12 in GB18030 bytes.
    const bytes = Buffer.from([0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xc2, 0xa5, 0xb2, 0xe3, 0x0d, 0x0a, 0xbb, 0xaa, 0xd0, 0xc5, 0x2c, 0x31, 0x32]);
    const result = await desk.core.invoke(as(desk.admin.token), 'directory.importApply', { fileName: 'gbk.csv', contentBase64: bytes.toString('base64') });
    expect(result).toEqual({ tenantsCreated: 1, contactsAdded: 0, issues: [] });
    expect((await desk.core.invoke(as(desk.admin.token), 'directory.search', { q: 'hx' })).tenants[0]!.name).toBe('华信');
  });

  it('V-3 X-3 a file that is not a directory is refused with a reason and nothing is written', async () => {
    desk = await createDesk();
    const count = () => (desk.core.db.prepare('SELECT COUNT(*) AS n FROM tenants').get() as { n: number }).n;
    const noHeader = await failure(
      desk.core.invoke(as(desk.admin.token), 'directory.importApply', { fileName: 'x.csv', contentBase64: Buffer.from('a,b\n1,2').toString('base64') }),
    );
    expect(desk.core.errorResponse(noHeader, 'zh-CN').body.error.issues?.[0]?.message).toBe('第一行应为表头，至少包含“名称”和“楼层”两列。');
    const garbage = await failure(
      desk.core.invoke(as(desk.admin.token), 'directory.importApply', { fileName: 'x.xlsx', contentBase64: Buffer.from('not a zip').toString('base64') }),
    );
    expect(desk.core.errorResponse(garbage, 'en').body.error.issues?.[0]?.message).toBe('The file cannot be read; is it CSV or XLSX?');
    const wrongType = await failure(
      desk.core.invoke(as(desk.admin.token), 'directory.importPreview', { fileName: 'x.pdf', contentBase64: 'AAAA' }),
    );
    expect(wrongType.code).toBe('validation_failed');
    expect(count()).toBe(0);
  });
});
