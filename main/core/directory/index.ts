// The tenant directory's methods. Contact numbers go only to the desk roles (PHONE_ROLES); the visitor screen's
// search returns display names and floors, shaped field by field (V-3).
import type { BatchedHandler, CallContext, FeatureHandlers } from '../context';
import { translate } from '../i18n';
import type { Language } from '../../../shared/i18n';
import type { ImportRowIssue } from '../../../shared/contract/directory';
import type { Contract } from '../../../shared/contract';
import { searchTenants } from './search';
import { insertContact, insertTenant, maySeePhones, tenantRow, toKioskTenant, toTenants, updateContact, updateTenant, type NewContact, type NewTenant } from './tenants';
import { planImport, readDirectorySheet, tenantKey, type PlannedRow } from './import';

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

/** The rows of one tenant in the file (the first row names it; later ones add contacts). */
interface TenantGroup {
  key: string;
  tenant: NewTenant;
  existingTenantId: string | null;
  contacts: NewContact[];
}

interface ImportPlan {
  planned: PlannedRow[];
  groups: TenantGroup[];
  tenantsCreated: number;
  contactsAdded: number;
}

/** Tenants per transaction (with their contacts: 10–20 ms of writing on an idle PC), the desk answering in between. */
export const IMPORT_BATCH = 20;

/**
 * The import is applied in batches (a 5 000-row file held the desk for 5–12 s in one transaction). It is
 * idempotent — a tenant is found again by name, floor and room, a contact by its number — so a file imported again
 * after an interruption adds only what is missing.
 */
const importApply: BatchedHandler<Contract['directory']['importApply'], ImportPlan, TenantGroup[]> = {
  prepare: async (ctx, input) => {
    const planned = await planImport(ctx.db, await readDirectorySheet(input.fileName, input.contentBase64));
    const groups = new Map<string, TenantGroup>();
    for (const row of planned) {
      if (row.action === 'error' || !row.tenant) continue;
      const key = tenantKey(row.tenant);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { key, tenant: row.tenant, existingTenantId: row.existingTenantId, contacts: [] }));
      if (row.contact) group.contacts.push(row.contact);
    }
    return { planned, groups: [...groups.values()], tenantsCreated: 0, contactsAdded: 0 };
  },
  batches: (plan) => {
    const out: TenantGroup[][] = [];
    for (let i = 0; i < plan.groups.length; i += IMPORT_BATCH) out.push(plan.groups.slice(i, i + IMPORT_BATCH));
    return out;
  },
  runBatch: (ctx, batch, plan) => {
    const findTenant = ctx.db.prepare('SELECT id FROM tenants WHERE name = ? AND upper(floor) = upper(?) AND upper(room) = upper(?) LIMIT 1');
    const hasPhone = ctx.db.prepare('SELECT 1 FROM tenant_contacts WHERE tenant_id = ? AND phone = ? AND active = 1');
    for (const group of batch) {
      // Looked up again inside the transaction: another import or an edit may have added it since the plan.
      const existing = (findTenant.get(group.tenant.name, group.tenant.floor, group.tenant.room) as { id: string } | undefined)?.id ?? null;
      if (!existing) {
        const id = insertTenant(ctx.tx, group.tenant, group.contacts.map((c) => c.name));
        plan.tenantsCreated += 1;
        for (const contact of group.contacts) insertContact(ctx.tx, id, contact, { refreshTenant: false });
        plan.contactsAdded += group.contacts.length;
        continue;
      }
      const added = group.contacts.filter((c) => !hasPhone.get(existing, c.phone));
      for (const contact of added) insertContact(ctx.tx, existing, contact, { refreshTenant: false });
      if (added.length > 0) updateTenant(ctx.tx, existing, {});
      plan.contactsAdded += added.length;
    }
  },
  finish: (ctx, _input, plan) => {
    const issues = issuesOf(plan.planned, ctx.lang);
    const { tenantsCreated, contactsAdded } = plan;
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
    const planned = await planImport(ctx.db, await readDirectorySheet(input.fileName, input.contentBase64));
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

// The public face: what other features use of this one.
export { maySeePhones, tenantRow } from './tenants';
export { contactByPhone, phoneKey } from './phone-lookup';
