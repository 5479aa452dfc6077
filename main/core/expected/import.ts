// Expected visitors from a CSV file (a tenant sends a list for an event): the first line names the columns, Chinese
// or English; every row must be valid or nothing is imported, and each bad row is reported by line and field.
import type { ReadableDB } from '../store/sql';
import { ValidationError, type FieldIssue } from '../errors';
import { ExpectedDraft } from '../../../shared/contract/expected';
import type { z } from 'zod';

const HEADERS: Record<string, string[]> = {
  visitorName: ['姓名', '访客姓名', 'name', 'visitor'],
  mobile: ['手机', '手机号', '电话', 'mobile', 'phone'],
  tenant: ['单位', '被访单位', '租户', 'tenant', 'company'],
  hostName: ['被访人', '接待人', 'host'],
  date: ['日期', 'date'],
  startTime: ['开始', '开始时间', 'from', 'start'],
  endTime: ['结束', '结束时间', 'to', 'end'],
  purpose: ['事由', '来访事由', 'purpose'],
  partySize: ['人数', 'party', 'partysize'],
};
export const MAX_EXPECTED_IMPORT_ROWS = 1000;

/** RFC 4180 fields: quotes, doubled quotes, commas and line breaks inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

const normHeader = (h: string) => h.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

export function readExpectedCsv(db: ReadableDB, contentBase64: string): Array<z.output<typeof ExpectedDraft>> {
  const text = Buffer.from(contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '');
  const rows = parseCsv(text);
  if (rows.length < 2) throw ValidationError.field('contentBase64', 'expected:error.importEmpty');
  if (rows.length - 1 > MAX_EXPECTED_IMPORT_ROWS) throw ValidationError.field('contentBase64', 'expected:error.importTooMany', { max: MAX_EXPECTED_IMPORT_ROWS });
  const header = rows[0]!.map(normHeader);
  const column = (key: string) => header.findIndex((h) => HEADERS[key]!.map(normHeader).includes(h));
  for (const key of ['visitorName', 'mobile', 'tenant', 'date', 'startTime', 'endTime', 'purpose']) {
    if (column(key) < 0) throw ValidationError.field('contentBase64', 'expected:error.importColumn', { column: HEADERS[key]![0] });
  }
  const issues: FieldIssue[] = [];
  const drafts: Array<z.output<typeof ExpectedDraft>> = [];
  rows.slice(1).forEach((cells, index) => {
    const line = index + 2;
    const cell = (key: string) => (column(key) >= 0 ? (cells[column(key)] ?? '').trim() : '');
    const tenantName = cell('tenant');
    const tenant = db
      .prepare('SELECT id FROM tenants WHERE active = 1 AND (name = ? OR display_name = ?) ORDER BY created_at LIMIT 1')
      .get(tenantName, tenantName) as { id: string } | undefined;
    if (!tenant) {
      issues.push({ path: ['rows', line, 'tenant'], code: 'custom', message: 'expected:error.importTenant', params: { line, tenant: tenantName } });
      return;
    }
    const parsed = ExpectedDraft.safeParse({
      visitorName: cell('visitorName'),
      mobile: cell('mobile'),
      tenantId: tenant.id,
      hostName: cell('hostName'),
      date: cell('date').replace(/\//g, '-').replace(/-(\d)(?=-|$)/g, '-0$1'),
      startTime: cell('startTime').padStart(5, '0'),
      endTime: cell('endTime').padStart(5, '0'),
      purpose: cell('purpose'),
      partySize: cell('partySize') ? Number(cell('partySize')) : 1,
      source: 'import',
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ path: ['rows', line, ...issue.path.map(String)], code: issue.code, message: issue.message, params: { line } });
    } else drafts.push(parsed.data);
  });
  if (issues.length > 0) throw new ValidationError(issues, 'expected:error.importRows');
  return drafts;
}
