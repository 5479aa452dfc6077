// Over the real HTTP server, as a desk would meet it: a spreadsheet that used to stop the server (a cell in column
// XFD, a compression bomb) is refused with a localized message while another client keeps being answered, and the
// server's memory stays within the reader's stated bound (main/core/import: under 200 MB above its footprint).
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/core';
import { httpClient, startWebServer, type WebServer } from '../support/web-server';
import { base64, bombWorkbook, xfdWorkbook } from '../support/xlsx';

let server: WebServer | undefined;
afterEach(async () => server?.stop());

/** The stated bound of one spreadsheet read, in bytes (see main/core/import/index.ts). */
const READ_BOUND = 200 * 1024 * 1024;

function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

type ErrorBody = { error: { code: string; issues?: Array<{ message: string }> } };

describe.skipIf(!fs.existsSync('/proc/self/status'))('spreadsheets that would stop the desk (reads the server’s memory from /proc: Linux only)', () => {
  it('X-3 X-2 the XFD sheet and a compression bomb are refused in the caller’s language while another client is answered in under 1 s, and memory stays under the bound', async () => {
    server = await startWebServer(tempDir('lobby-desk-import-limits-'));
    const call = httpClient(server.url);
    const init = await call<{ adminId: string }>('setup.initialize', { building: { name: '华信大厦', postName: '前台' }, admin: { name: '管理员', pin: '246810' } });
    const { body: session } = await call<{ token: string }>('auth.signIn', { userId: init.body.adminId, pin: '246810' });
    // One ordinary import first: what the server settles at with the reader used once is its footprint.
    const ok = await call('directory.importPreview', { fileName: 'ok.csv', contentBase64: base64(Buffer.from('名称,楼层\n华信,12')) }, { token: session.token });
    expect(ok.status).toBe(200);
    const before = memoryOf(server.process.pid!);

    const files = [
      { name: '租户.xlsx', bytes: xfdWorkbook(), lang: 'zh-CN', message: '文件在 XFD 列有内容，最多读取 50 列（A 至 AX 列）。请删除多余的列后再导入。' },
      { name: 'tenants.xlsx', bytes: bombWorkbook(600), lang: 'en', message: 'The file unpacks to more than 32 MB and cannot be imported. Save it as a new XLSX or CSV file and try again.' },
    ];
    for (const file of files) {
      expect(file.bytes.length).toBeLessThan(700 * 1024);
      // Another client (a visitor screen's status check) asks every 20 ms for as long as the import is read.
      let reading = true;
      const answers: number[] = [];
      const other = (async () => {
        while (reading) {
          const started = performance.now();
          const status = await call('setup.status', {});
          expect(status.status).toBe(200);
          answers.push(performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      const refused = await call<ErrorBody>('directory.importPreview', { fileName: file.name, contentBase64: base64(file.bytes) }, { token: session.token, lang: file.lang });
      reading = false;
      await other;
      expect(refused.status).toBe(400);
      expect(refused.body.error.issues?.[0]?.message).toBe(file.message);
      expect(answers.length).toBeGreaterThan(0);
      expect(Math.max(...answers)).toBeLessThan(1000);
    }
    const after = memoryOf(server.process.pid!);
    expect(after.peak - before.rss).toBeLessThan(READ_BOUND);
    // Still serving, and still reading ordinary files.
    expect((await call('directory.importPreview', { fileName: 'ok.csv', contentBase64: base64(Buffer.from('名称,楼层\n华信,12')) }, { token: session.token })).status).toBe(200);
  });
});
