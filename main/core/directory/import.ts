// Importing the tenant directory from a spreadsheet (CSV or XLSX, read by the shared reader in main/core/import).
// A header row names the columns (Chinese or English headers); each later row is a tenant, optionally with one
// contact person. Rows of the same tenant (same name, floor and room) add contacts to it. Bad rows are reported by
// line and reason.
import type { ReadableDB } from '../store/sql';
import { ValidationError } from '../errors';
import { locateHeader, readSpreadsheet } from '../import';
import { ContactInput, TenantInput, TENANT_KINDS, type TenantKind } from '../../../shared/contract/directory';
import type { NewContact, NewTenant } from './tenants';

export const IMPORT_COLUMNS = [
  'kind',
  'name',
  'displayName',
  'nameEn',
  'displayNameEn',
  'floor',
  'room',
  'contactName',
  'contactTitle',
  'contactPhone',
  'notes',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const MAX_IMPORT_ROWS = 5000;

/** Header spellings accepted for each column (compared without spaces, case-insensitive). */
const HEADERS: Record<ImportColumn, string[]> = {
  kind: ['类型', '租户类型', 'kind', 'type'],
  name: ['名称', '租户名称', '公司名称', '全称', 'name', 'tenant'],
  displayName: ['显示名称', '简称', '访客屏名称', 'displayname'],
  nameEn: ['英文名称', '英文名', 'englishname', 'nameen'],
  displayNameEn: ['英文显示名称', 'englishdisplayname', 'displaynameen'],
  floor: ['楼层', 'floor'],
  room: ['房号', '房间', '单元', '房间号', 'room', 'unit'],
  contactName: ['联系人', '联系人姓名', 'contact', 'contactname'],
  contactTitle: ['职务', '联系人职务', 'title', 'contacttitle'],
  contactPhone: ['联系电话', '电话', '手机', '联系人电话', 'phone', 'contactphone', 'mobile'],
  notes: ['备注', 'notes', 'note'],
};

const KIND_WORDS: Record<string, TenantKind> = {
  公司: 'company',
  企业: 'company',
  单位: 'company',
  company: 'company',
  住户: 'household',
  家庭: 'household',
  业主: 'household',
  个人: 'household',
  household: 'household',
  resident: 'household',
};

export interface SheetRow {
  line: number;
  values: Record<ImportColumn, string>;
}

export interface RowIssue {
  field: ImportColumn | '';
  key: string;
  params: Record<string, unknown>;
}

/**
 * Reads the first sheet into rows of the known columns (off the desk's thread, within the reader's limits). The
 * header is the first of the top rows that names 名称 and 楼层, so a title row above it is skipped. Throws a
 * ValidationError for a file it cannot use.
 */
export async function readDirectorySheet(fileName: string, contentBase64: string): Promise<SheetRow[]> {
  const rows = await readSpreadsheet({ fileName, contentBase64 }, { limits: { maxRows: MAX_IMPORT_ROWS } });
  const located = locateHeader(rows, HEADERS, ['name', 'floor']);
  if (!located) throw ValidationError.field('contentBase64', 'directory:error.noHeader');
  if (located.dataRows.length > MAX_IMPORT_ROWS) throw ValidationError.field('contentBase64', 'directory:error.tooManyRows', { max: MAX_IMPORT_ROWS });
  return located.dataRows.map(({ line, cells }) => {
    const values = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, ''])) as Record<ImportColumn, string>;
    located.columnAt.forEach((column, index) => {
      values[column] = cells[index] ?? '';
    });
    return { line, values };
  });
}

export interface PlannedRow {
  line: number;
  values: Record<ImportColumn, string>;
  action: 'new' | 'existing' | 'error';
  tenant: NewTenant | null;
  contact: NewContact | null;
  /** The tenant already in the directory, when the row adds to it. */
  existingTenantId: string | null;
  issues: RowIssue[];
}

function zodIssues(error: { issues: Array<{ path: PropertyKey[]; message: string }> }, fieldOf: (path: string) => ImportColumn): RowIssue[] {
  return error.issues.map((issue) => {
    const raw = issue as unknown as Record<string, unknown>;
    const params: Record<string, unknown> = { ...((raw.params as Record<string, unknown>) ?? {}) };
    if (raw.maximum !== undefined) params.max = raw.maximum;
    return { field: fieldOf(String(issue.path[0] ?? '')), key: issue.message, params };
  });
}

const CONTACT_COLUMNS: Record<string, ImportColumn> = { name: 'contactName', title: 'contactTitle', phone: 'contactPhone' };

/** Rows naming the same tenant: same name, floor and room. */
export const tenantKey = (t: Pick<NewTenant, 'name' | 'floor' | 'room'>) => JSON.stringify([t.name, t.floor.toUpperCase(), t.room.toUpperCase()]);

/** Rows validated between two turns of the event loop (a few milliseconds of work). */
const PLAN_CHUNK = 200;

/**
 * Validates every row against the contract's own schemas and against the directory as it is now, a chunk at a
 * time with the desk answering in between (5 000 rows are a second's work on a busy PC).
 */
export async function planImport(db: ReadableDB, rows: SheetRow[]): Promise<PlannedRow[]> {
  const existing = new Map<string, string>();
  for (const t of db.prepare('SELECT id, name, floor, room FROM tenants').all() as Array<{ id: string; name: string; floor: string; room: string }>) {
    existing.set(tenantKey(t), t.id);
  }
  const knownPhones = new Set(
    (db.prepare('SELECT tenant_id, phone FROM tenant_contacts WHERE active = 1').all() as Array<{ tenant_id: string; phone: string }>).map(
      (c) => `${c.tenant_id}|${c.phone}`,
    ),
  );
  const seen = new Map<string, number>();
  const tenantsInFile = new Set<string>();

  const planned: PlannedRow[] = [];
  for (let at = 0; at < rows.length; at += PLAN_CHUNK) {
    if (at > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const row of rows.slice(at, at + PLAN_CHUNK)) planned.push(planRow(row));
  }
  return planned;

  function planRow({ line, values }: SheetRow): PlannedRow {
    const issues: RowIssue[] = [];
    const kindWord = values.kind.normalize('NFKC').trim().toLowerCase();
    let kind: TenantKind = 'company';
    if (kindWord) {
      const k = KIND_WORDS[kindWord] ?? (TENANT_KINDS as readonly string[]).find((x) => x === kindWord);
      if (k) kind = k as TenantKind;
      else issues.push({ field: 'kind', key: 'directory:error.badKind', params: { value: values.kind } });
    }
    const tenantParsed = TenantInput.safeParse({
      kind,
      name: values.name,
      nameEn: values.nameEn,
      displayName: values.displayName || values.name.slice(0, 60),
      displayNameEn: values.displayNameEn || values.nameEn.slice(0, 100),
      floor: values.floor,
      room: values.room,
      notes: values.notes,
    });
    if (!tenantParsed.success) issues.push(...zodIssues(tenantParsed.error, (p) => p as ImportColumn));

    let contact: NewContact | null = null;
    const hasContactName = values.contactName !== '';
    const hasContactPhone = values.contactPhone !== '';
    if (hasContactName !== hasContactPhone) {
      issues.push({ field: hasContactName ? 'contactPhone' : 'contactName', key: 'directory:error.contactIncomplete', params: {} });
    } else if (hasContactName) {
      const parsed = ContactInput.safeParse({ name: values.contactName, title: values.contactTitle, phone: values.contactPhone });
      if (parsed.success) contact = { name: parsed.data.name, title: parsed.data.title, phone: parsed.data.phone, primary: false };
      else issues.push(...zodIssues(parsed.error, (p) => CONTACT_COLUMNS[p] ?? 'contactName'));
    }

    let tenant: NewTenant | null = null;
    let existingTenantId: string | null = null;
    let addsToEarlierRow = false;
    if (tenantParsed.success) {
      const d = tenantParsed.data;
      tenant = { kind: d.kind, name: d.name, nameEn: d.nameEn, displayName: d.displayName, displayNameEn: d.displayNameEn, floor: d.floor, room: d.room, listed: true, notes: d.notes };
      const key = tenantKey(tenant);
      const rowKey = `${key}|${contact?.phone ?? ''}`;
      const earlier = seen.get(rowKey);
      if (earlier !== undefined) issues.push({ field: '', key: 'directory:error.duplicateInFile', params: { line: earlier } });
      else if (issues.length === 0) seen.set(rowKey, line);
      existingTenantId = existing.get(key) ?? null;
      if (issues.length === 0 && !existingTenantId) {
        addsToEarlierRow = tenantsInFile.has(key);
        tenantsInFile.add(key);
      }
      // A contact the tenant already has is not added twice (importing the same file again changes nothing).
      if (existingTenantId && contact && knownPhones.has(`${existingTenantId}|${contact.phone}`)) contact = null;
    }
    const action: PlannedRow['action'] = issues.length > 0 ? 'error' : existingTenantId || addsToEarlierRow ? 'existing' : 'new';
    return { line, values, action, tenant, contact, existingTenantId, issues };
  }
}
