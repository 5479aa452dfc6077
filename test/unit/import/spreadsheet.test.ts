// The spreadsheet reader every import uses: files that would stop the desk (a cell in column XFD, a compression
// bomb, a sheet that needs more memory than the reader has) are refused with a localized message; what a person
// saw in a cell is what is read (a landline's leading zero kept by its number format); a title row above the
// header does not refuse the file. Files are built by hand (test/support/xlsx.ts), not with the reader's library.
import { afterEach, describe, expect, it } from 'vitest';
import { as, createDesk, failure, type TestDesk } from '../../support/core';
import { base64, bombWorkbook, col, rowXml, sheetXml, simpleXlsx, xfdWorkbook, xlsx, DIRECTORY_HEADER as HEADER } from '../../support/xlsx';
import { locateHeader, readSpreadsheet } from '../../../main/core/import';
import { formatInteger } from '../../../main/core/import/cells';
import { ValidationError } from '../../../main/core/errors';
import { translate } from '../../../main/core/i18n';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

/** The message a refusal shows, in each language. */
function messages(error: unknown): { zh: string; en: string } {
  if (!(error instanceof ValidationError)) throw error;
  const issue = error.fieldIssues[0]!;
  return { zh: translate('zh-CN', issue.message, issue.params), en: translate('en', issue.message, issue.params) };
}

async function refusal(promise: Promise<unknown>): Promise<{ zh: string; en: string }> {
  try {
    await promise;
  } catch (error) {
    return messages(error);
  }
  throw new Error('expected the file to be refused');
}

describe('spreadsheet reader', () => {
  it('X-3 X-2 a sheet with a cell in column XFD is refused at once with a localized message, and the directory import writes nothing', async () => {
    const file = xfdWorkbook();
    expect(file.length).toBeLessThan(60 * 1024);
    const refused = await refusal(readSpreadsheet({ fileName: 'tenants.xlsx', contentBase64: base64(file) }));
    expect(refused.zh).toBe('文件在 XFD 列有内容，最多读取 50 列（A 至 AX 列）。请删除多余的列后再导入。');
    expect(refused.en).toBe('The file has something in column XFD; at most 50 columns (A to AX) are read. Delete the extra columns and import it again.');

    desk = await createDesk();
    const tenants = () => (desk!.core.db.prepare('SELECT COUNT(*) AS n FROM tenants').get() as { n: number }).n;
    const error = await failure(desk.core.invoke(as(desk.admin.token), 'directory.importApply', { fileName: '租户.xlsx', contentBase64: base64(file) }));
    expect(desk.core.errorResponse(error, 'zh-CN').body.error.issues?.[0]).toMatchObject({ path: ['contentBase64'], message: refused.zh });
    expect(tenants()).toBe(0);
  });

  it('X-3 a formatted but empty cell far to the right does not refuse the file', async () => {
    const rows = [rowXml(1, ['名称', '楼层']), '<row r="2"><c r="A2" t="inlineStr"><is><t>华信</t></is></c><c r="B2"><v>12</v></c><c r="XFD2" s="0"/></row>'];
    const read = await readSpreadsheet({ fileName: 'x.xlsx', contentBase64: base64(xlsx({ sheets: [{ name: 'S', file: 1, xml: sheetXml(rows) }] })) });
    expect(read).toEqual([
      { line: 1, cells: ['名称', '楼层'] },
      { line: 2, cells: ['华信', '12'] },
    ]);
  });

  it('X-3 a compression bomb (300 MB of sheet in a 300 KB file) is refused by what it unpacks to, not read to the end', async () => {
    const file = bombWorkbook(300);
    expect(file.length).toBeLessThan(700 * 1024);
    const refused = await refusal(readSpreadsheet({ fileName: 'bomb.xlsx', contentBase64: base64(file) }));
    expect(refused.zh).toBe('文件解压后超过 32 MB，无法导入。请另存为新的 XLSX 或 CSV 文件后再试。');
    expect(refused.en).toMatch(/^The file unpacks to more than 32 MB/);
  });

  it('X-3 a file that needs more memory than the reader has stops the reader, not the process: refused as too complex', async () => {
    // Within every count limit (no values), but one row of 400 000 empty cells: heavy for the library's row objects.
    const empties = function* () {
      yield '<row r="1">';
      for (let i = 1; i <= 400_000; i += 1) yield `<c r="${col((i % 16384) + 1)}1"/>`;
      yield '</row>';
    };
    const file = xlsx({ sheets: [{ name: 'S', file: 1, xml: sheetXml(empties()) }] });
    const refused = await refusal(readSpreadsheet({ fileName: 'wide.xlsx', contentBase64: base64(file) }, { worker: { heapMb: 24, youngMb: 4, timeoutMs: 60_000 } }));
    expect(refused.zh).toBe('文件过于复杂，读取所需内存超过 24 MB，已停止读取。请另存为 CSV 文件后再试。');
    // The next file is read as usual.
    expect(await readSpreadsheet({ fileName: 'ok.csv', contentBase64: base64(Buffer.from('名称,楼层\n华信,12')) })).toHaveLength(2);
  });

  it('X-3 rows and columns beyond the limits are refused in CSV files too', async () => {
    const far = `名称,楼层${','.repeat(120)}x`;
    expect((await refusal(readSpreadsheet({ fileName: 'far.csv', contentBase64: base64(Buffer.from(`${far}\n华信,12`)) }))).en).toMatch(/column DR;/);
    const many = ['名称,楼层', ...Array.from({ length: 5011 }, (_, i) => `公司${i},1`)].join('\n');
    expect((await refusal(readSpreadsheet({ fileName: 'many.csv', contentBase64: base64(Buffer.from(many)) }))).zh).toBe('文件超过 5000 行，请分批导入。');
  });

  it('V-3 a landline typed with its leading zero into a cell formatted 00000000000 keeps the zero; other formats show what Excel shows', async () => {
    expect(formatInteger(2162345678, '00000000000')).toBe('02162345678');
    expect(formatInteger(2162345678, '"0"##########')).toBe('02162345678');
    expect(formatInteger(13800138000, '000-0000-0000')).toBe('138-0013-8000');
    expect(formatInteger(13800138000, 'General')).toBeNull();
    expect(formatInteger(12, '0.00')).toBeNull();
    expect(formatInteger(7, '[Red]000')).toBe('007');

    desk = await createDesk();
    const file = simpleXlsx(
      [HEADER, ['公司', '华信科技有限公司', '华信科技', '12', '1201', '李秘书', { n: 2162345678, style: 1 }], ['公司', '明达律所', '', '25', '', '陈律师', 13800138000]],
      { formats: ['00000000000'] },
    );
    const preview = await desk.core.invoke(as(desk.admin.token), 'directory.importPreview', { fileName: 'tenants.xlsx', contentBase64: base64(file) });
    expect(preview.rows.map((r) => [r.line, r.contactPhone, r.action])).toEqual([
      [2, '02162345678', 'new'],
      [3, '13800138000', 'new'],
    ]);
  });

  it('V-3 a merged title row above the header: the header is found below it and lines are the sheet’s rows', async () => {
    desk = await createDesk();
    const title = rowXml(1, ['2026 年华信大厦租户名录']);
    const rows = [title, rowXml(2, HEADER), rowXml(3, ['公司', '华信科技有限公司', '华信科技', '12', '1201', '王经理', '13800138000'])];
    const file = xlsx({ sheets: [{ name: '名录', file: 1, xml: sheetXml(rows, '<mergeCells count="1"><mergeCell ref="A1:G1"/></mergeCells>') }] });
    const result = await desk.core.invoke(as(desk.admin.token), 'directory.importApply', { fileName: '名录.xlsx', contentBase64: base64(file) });
    expect(result).toEqual({ tenantsCreated: 1, contactsAdded: 1, issues: [] });
    // Without any header among the first rows the file is still refused, saying what a header needs.
    const noHeader = await failure(desk.core.invoke(as(desk.admin.token), 'directory.importPreview', { fileName: 'x.xlsx', contentBase64: base64(simpleXlsx([['甲', '乙'], ['1', '2']])) }));
    expect(desk.core.errorResponse(noHeader, 'zh-CN').body.error.issues?.[0]?.message).toBe('第一行应为表头，至少包含“名称”和“楼层”两列。');
  });

  it('V-3 the first sheet is the workbook’s first, whatever order the zip lists the parts in', async () => {
    const file = xlsx({
      sheets: [
        { name: '名录', file: 2, xml: sheetXml([rowXml(1, ['名称', '楼层']), rowXml(2, ['华信', 12])]) },
        { name: '说明', file: 1, xml: sheetXml([rowXml(1, ['填写说明'])]) },
      ],
      order: 'sheetsLast',
    });
    const read = await readSpreadsheet({ fileName: 'x.xlsx', contentBase64: base64(file) });
    expect(read.map((r) => r.cells)).toEqual([
      ['名称', '楼层'],
      ['华信', '12'],
    ]);
    const located = locateHeader(read, { name: ['名称'], floor: ['楼层'] }, ['name', 'floor']);
    expect(located?.header.line).toBe(1);
    expect(located?.dataRows).toEqual([{ line: 2, cells: ['华信', '12'] }]);
  });
});
