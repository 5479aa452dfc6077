// Reading and writing tenants and contacts; shaping them for staff (numbers by role) and for visitor screens.
import type { ReadableDB } from '../store/sql';
import { newId } from '../ids';
import type { Caller } from '../context';
import type { Tx } from '../store/tx';
import { NotFoundError } from '../errors';
import { PHONE_ROLES, type Tenant, type KioskTenant, type TenantKind } from '../../../shared/contract/directory';
import { publicSearchText, staffSearchText, type TenantRow } from './search';

export type ContactRow = {
  id: string;
  tenant_id: string;
  name: string;
  title: string;
  phone: string;
  is_primary: number;
  active: number;
  created_at: number;
  updated_at: number;
};

/** Whether this caller may receive contact phone numbers (V-3): desk roles yes; guards, departments, kiosks never. */
export function maySeePhones(caller: Caller): boolean {
  return caller.kind === 'staff' && PHONE_ROLES.includes(caller.user.role);
}

export function tenantRow(db: ReadableDB, id: string): TenantRow {
  const row = db.prepare('SELECT * FROM tenants WHERE id = ?').get(id) as TenantRow | undefined;
  if (!row) throw new NotFoundError('directory:error.notFound');
  return row;
}

function contactsOf(db: ReadableDB, tenantIds: string[]): Map<string, ContactRow[]> {
  const out = new Map<string, ContactRow[]>();
  if (tenantIds.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT * FROM tenant_contacts WHERE tenant_id IN (SELECT value FROM json_each(?))
       ORDER BY is_primary DESC, active DESC, created_at, id`,
    )
    .all(JSON.stringify(tenantIds)) as ContactRow[];
  for (const row of rows) {
    const list = out.get(row.tenant_id) ?? [];
    list.push(row);
    out.set(row.tenant_id, list);
  }
  return out;
}

/** Staff shape; `phone` is null unless the caller's role may see numbers. */
export function toTenants(db: ReadableDB, rows: TenantRow[], phoneVisible: boolean): Tenant[] {
  const contacts = contactsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    name: row.name,
    nameEn: row.name_en,
    displayName: row.display_name,
    displayNameEn: row.display_name_en,
    floor: row.floor,
    room: row.room,
    listed: row.listed === 1,
    active: row.active === 1,
    notes: row.notes,
    contacts: (contacts.get(row.id) ?? []).map((c) => ({
      id: c.id,
      name: c.name,
      title: c.title,
      phone: phoneVisible ? c.phone : null,
      primary: c.is_primary === 1,
      active: c.active === 1,
    })),
  }));
}

/** The visitor screen's shape: built field by field, so nothing else can slip through. */
export function toKioskTenant(row: TenantRow): KioskTenant {
  return { id: row.id, displayName: row.display_name, displayNameEn: row.display_name_en, floor: row.floor };
}

export interface NewTenant {
  kind: TenantKind;
  name: string;
  nameEn: string;
  displayName: string;
  displayNameEn: string;
  floor: string;
  room: string;
  listed: boolean;
  notes: string;
}

function searchColumns(t: Pick<TenantRow, 'name' | 'name_en' | 'display_name' | 'display_name_en' | 'floor' | 'room'>, contactNames: string[]) {
  const source = {
    name: t.name,
    nameEn: t.name_en,
    displayName: t.display_name,
    displayNameEn: t.display_name_en,
    floor: t.floor,
    room: t.room,
    contactNames,
  };
  return { search_text: staffSearchText(source), public_search_text: publicSearchText(source) };
}

/** Inserts a tenant; `contactNames` of contacts about to be added, so its search text is computed once. */
export function insertTenant(tx: Tx, input: NewTenant, contactNames: string[] = []): string {
  const id = newId(tx.at);
  const base = {
    name: input.name,
    name_en: input.nameEn,
    display_name: input.displayName,
    display_name_en: input.displayNameEn,
    floor: input.floor,
    room: input.room,
  };
  tx.insert('tenants', {
    id,
    kind: input.kind,
    ...base,
    listed: input.listed ? 1 : 0,
    active: 1,
    notes: input.notes,
    ...searchColumns(base, contactNames),
    created_at: tx.at,
    updated_at: tx.at,
  });
  return id;
}

/** Applies a change to a tenant and recomputes its search columns (contact names are part of staff search). */
export function updateTenant(tx: Tx, id: string, patch: Partial<TenantRow>): void {
  const before = tenantRow(tx.db, id);
  const next = { ...before, ...patch };
  const contactNames = (
    tx.db.prepare('SELECT name FROM tenant_contacts WHERE tenant_id = ? AND active = 1').all(id) as Array<{ name: string }>
  ).map((c) => c.name);
  const search = searchColumns(next, contactNames);
  const changes: Record<string, unknown> = { ...patch };
  if (search.search_text !== before.search_text) changes.search_text = search.search_text;
  if (search.public_search_text !== before.public_search_text) changes.public_search_text = search.public_search_text;
  if (Object.keys(changes).length === 0) return;
  tx.update('tenants', id, { ...changes, updated_at: tx.at });
}

export interface NewContact {
  name: string;
  title: string;
  phone: string;
  primary: boolean;
}

/** Only one primary contact per tenant: making one primary demotes the others. */
function demoteOtherPrimaries(tx: Tx, tenantId: string, keepId: string): void {
  const others = tx.db.prepare('SELECT id FROM tenant_contacts WHERE tenant_id = ? AND is_primary = 1 AND id <> ?').all(tenantId, keepId) as Array<{ id: string }>;
  for (const o of others) tx.update('tenant_contacts', o.id, { is_primary: 0, updated_at: tx.at });
}

/** Adds a contact; `refreshTenant: false` when the caller brings the tenant's search text up to date itself. */
export function insertContact(tx: Tx, tenantId: string, contact: NewContact, options: { refreshTenant?: boolean } = {}): string {
  const id = newId(tx.at);
  const hasPrimary = tx.db.prepare('SELECT 1 FROM tenant_contacts WHERE tenant_id = ? AND is_primary = 1 AND active = 1').get(tenantId);
  const primary = contact.primary || !hasPrimary;
  tx.insert('tenant_contacts', {
    id,
    tenant_id: tenantId,
    name: contact.name,
    title: contact.title,
    phone: contact.phone,
    is_primary: primary ? 1 : 0,
    active: 1,
    created_at: tx.at,
    updated_at: tx.at,
  });
  if (primary) demoteOtherPrimaries(tx, tenantId, id);
  if (options.refreshTenant !== false) updateTenant(tx, tenantId, {});
  return id;
}

export function updateContact(tx: Tx, id: string, patch: Partial<NewContact> & { active?: boolean }): string {
  const row = tx.get<ContactRow>('tenant_contacts', id);
  if (!row) throw new NotFoundError('directory:error.contactNotFound');
  const changes: Record<string, unknown> = {};
  if (patch.name !== undefined) changes.name = patch.name;
  if (patch.title !== undefined) changes.title = patch.title;
  if (patch.phone !== undefined) changes.phone = patch.phone;
  if (patch.primary !== undefined) changes.is_primary = patch.primary ? 1 : 0;
  if (patch.active !== undefined) changes.active = patch.active ? 1 : 0;
  if (Object.keys(changes).length > 0) tx.update('tenant_contacts', id, { ...changes, updated_at: tx.at });
  if (patch.primary) demoteOtherPrimaries(tx, row.tenant_id, id);
  updateTenant(tx, row.tenant_id, {});
  return row.tenant_id;
}
