// The tenant directory's methods. Contact numbers go only to the desk roles (PHONE_ROLES); the visitor screen's
// search returns display names and floors, shaped field by field (V-3).
import type { CallContext, FeatureHandlers, PreparedHandler } from '../context';
import { translate } from '../i18n';
import type { Language } from '../../../shared/i18n';
import type { ImportRowIssue } from '../../../shared/contract/directory';
import type { Contract } from '../../../shared/contract';
import { searchTenants } from './search';
import { insertContact, insertTenant, maySeePhones, tenantRow, toKioskTenant, toTenants, updateContact, updateTenant } from './tenants';
import { planImport, readDirectorySheet, tenantKey, type PlannedRow, type SheetRow } from './import';

function tenantOut(ctx: CallContext, id: string) {
  return toTenants(ctx.db, [tenantRow(ctx.db, id)], maySeePhones(ctx.caller))[0]!;
}

function issuesOf(rows: PlannedRow[], lang: Language): ImportRowIssue[] {
  return rows.flatMap((row) =>
    row.issues.map((issue) => {
      const message = translate(lang, issue.key, issue.params);
      return {
        line: row.line,
        field: issue.field,
        message: issue.field ? `${translate(lang, `directory:column.${issue.field}`)}${lang === 'en' ? ': ' : '：'}${message}` : message,
      };
    }),
  );
}

const importApply: PreparedHandler<Contract['directory']['importApply'], SheetRow[]> = {
  prepare: (_ctx, input) => readDirectorySheet(input.fileName, input.contentBase64),
  run: (ctx, _input, sheet) => {
    const planned = planImport(ctx.db, sheet);
    const createdByKey = new Map<string, string>();
    let tenantsCreated = 0;
    let contactsAdded = 0;
    for (const row of planned) {
      if (row.action === 'error' || !row.tenant) continue;
      const key = tenantKey(row.tenant);
      let tenantId = row.existingTenantId ?? createdByKey.get(key) ?? null;
      if (!tenantId) {
        tenantId = insertTenant(ctx.tx, row.tenant);
        createdByKey.set(key, tenantId);
        tenantsCreated += 1;
      }
      if (row.contact) {
        insertContact(ctx.tx, tenantId, row.contact);
        contactsAdded += 1;
      }
    }
    const issues = issuesOf(planned, ctx.lang);
    ctx.tx.note('tenants', null, { import: ctx.method, tenantsCreated, contactsAdded, rowsWithErrors: new Set(issues.map((i) => i.line)).size });
    ctx.emit('directory.changed', { tenantId: null });
    return { tenantsCreated, contactsAdded, issues };
  },
};

export const directoryHandlers: FeatureHandlers<'directory'> = {
  search: (ctx, input) => {
    const phoneVisible = maySeePhones(ctx.caller);
    const rows = searchTenants(ctx.db, input.q, { audience: 'staff', includeInactive: input.includeInactive, limit: input.limit });
    return { tenants: toTenants(ctx.db, rows, phoneVisible), phoneVisible };
  },

  get: (ctx, input) => ({ ...tenantOut(ctx, input.id), phoneVisible: maySeePhones(ctx.caller) }),

  create: (ctx, input) => {
    const { contact, ...tenant } = input;
    const id = insertTenant(ctx.tx, tenant);
    if (contact) insertContact(ctx.tx, id, contact);
    ctx.emit('directory.changed', { tenantId: id });
    return tenantOut(ctx, id);
  },

  update: (ctx, input) => {
    tenantRow(ctx.db, input.id);
    const patch: Record<string, unknown> = {};
    const map = {
      kind: 'kind',
      name: 'name',
      nameEn: 'name_en',
      displayName: 'display_name',
      displayNameEn: 'display_name_en',
      floor: 'floor',
      room: 'room',
      notes: 'notes',
    } as const;
    for (const [key, column] of Object.entries(map)) {
      const value = input[key as keyof typeof map];
      if (value !== undefined) patch[column] = value;
    }
    if (input.listed !== undefined) patch.listed = input.listed ? 1 : 0;
    if (input.active !== undefined) patch.active = input.active ? 1 : 0;
    updateTenant(ctx.tx, input.id, patch);
    ctx.emit('directory.changed', { tenantId: input.id });
    return tenantOut(ctx, input.id);
  },

  addContact: (ctx, input) => {
    const { tenantId, ...contact } = input;
    tenantRow(ctx.db, tenantId);
    insertContact(ctx.tx, tenantId, contact);
    ctx.emit('directory.changed', { tenantId });
    return tenantOut(ctx, tenantId);
  },

  updateContact: (ctx, input) => {
    const { id, ...patch } = input;
    const tenantId = updateContact(ctx.tx, id, patch);
    ctx.emit('directory.changed', { tenantId });
    return tenantOut(ctx, tenantId);
  },

  importPreview: async (ctx, input) => {
    const planned = planImport(ctx.db, await readDirectorySheet(input.fileName, input.contentBase64));
    const rows = planned.map((row) => {
      const rowIssues = issuesOf([row], ctx.lang);
      return {
        line: row.line,
        kind: row.tenant?.kind ?? row.values.kind,
        name: row.values.name,
        displayName: row.tenant?.displayName ?? row.values.displayName,
        floor: row.values.floor,
        room: row.values.room,
        contactName: row.values.contactName,
        contactPhone: row.contact?.phone ?? row.values.contactPhone,
        action: row.action,
        issues: rowIssues,
      };
    });
    const bad = rows.filter((r) => r.action === 'error').length;
    return { rows, good: rows.length - bad, bad };
  },

  importApply,

  kioskSearch: (ctx, input) => ({
    tenants: searchTenants(ctx.db, input.q, { audience: 'public', limit: 60 }).map(toKioskTenant),
  }),
};
