// The tenant directory: companies and households, where they are, their contact people. Contact phone numbers
// are private: only PHONE_ROLES receive them, a visitor screen never (it gets display names and floors only).
import { z } from 'zod';
import { mutation, query, STAFF, LEADS, DESK, type Role } from './define';
import { id, phone, personName, required, text } from './fields';

/** Who may see tenant contact phone numbers: the people who contact hosts for visitors and callers (V-3). */
export const PHONE_ROLES: readonly Role[] = DESK;
/** Who maintains the directory. */
export const DIRECTORY_EDITORS: readonly Role[] = LEADS;

export const TENANT_KINDS = ['company', 'household'] as const;
export type TenantKind = (typeof TENANT_KINDS)[number];

/** Largest spreadsheet accepted for import (the request body limit is 1 MB; base64 adds a third). */
export const IMPORT_MAX_BYTES = 700 * 1024;

const tenantFields = {
  kind: z.enum(TENANT_KINDS, { error: 'directory:error.kind' }),
  /** Full name, as staff know it (华信科技有限公司, 张伟家). */
  name: required(100),
  nameEn: text(150),
  /** What the visitor screen shows (华信科技; a household may prefer 1201 室住户). */
  displayName: required(60),
  displayNameEn: text(100),
  floor: required(10),
  room: text(20),
  /** Shown in the visitor screen's tenant picker. */
  listed: z.boolean(),
  notes: text(500, { multiline: true }),
};

export const TenantInput = z.strictObject({
  ...tenantFields,
  nameEn: tenantFields.nameEn.default(''),
  displayNameEn: tenantFields.displayNameEn.default(''),
  room: tenantFields.room.default(''),
  listed: tenantFields.listed.default(true),
  notes: tenantFields.notes.default(''),
});
export type TenantInput = z.input<typeof TenantInput>;

/** A change: only the fields given are changed (no defaults fill the rest). */
export const TenantPatch = z.strictObject({
  id: id(),
  kind: tenantFields.kind.optional(),
  name: tenantFields.name.optional(),
  nameEn: tenantFields.nameEn.optional(),
  displayName: tenantFields.displayName.optional(),
  displayNameEn: tenantFields.displayNameEn.optional(),
  floor: tenantFields.floor.optional(),
  room: tenantFields.room.optional(),
  listed: tenantFields.listed.optional(),
  notes: tenantFields.notes.optional(),
  active: z.boolean().optional(),
});

export const ContactInput = z.strictObject({
  name: personName(),
  title: text(40).default(''),
  phone: phone(),
  primary: z.boolean().default(false),
});
export type ContactInput = z.input<typeof ContactInput>;

export const ContactPatch = z.strictObject({
  id: id(),
  name: personName().optional(),
  title: text(40).optional(),
  phone: phone().optional(),
  primary: z.boolean().optional(),
  active: z.boolean().optional(),
});

export const Contact = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  /** Null for roles that may not see numbers. */
  phone: z.string().nullable(),
  primary: z.boolean(),
  active: z.boolean(),
});
export type Contact = z.infer<typeof Contact>;

export const Tenant = z.object({
  id: z.string(),
  kind: z.enum(TENANT_KINDS),
  name: z.string(),
  nameEn: z.string(),
  displayName: z.string(),
  displayNameEn: z.string(),
  floor: z.string(),
  room: z.string(),
  listed: z.boolean(),
  active: z.boolean(),
  notes: z.string(),
  contacts: z.array(Contact),
});
export type Tenant = z.infer<typeof Tenant>;

/** All a visitor screen ever learns about a tenant. */
export const KioskTenant = z.object({
  id: z.string(),
  displayName: z.string(),
  displayNameEn: z.string(),
  floor: z.string(),
});
export type KioskTenant = z.infer<typeof KioskTenant>;

export const ImportFile = z.strictObject({
  fileName: required(200).refine((n) => /\.(csv|xlsx)$/i.test(n), { error: 'directory:error.fileType' }),
  contentBase64: z
    .string()
    .min(1, { error: 'directory:error.fileEmpty' })
    .max(Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 4, { error: 'directory:error.fileTooLarge' }),
});

export const ImportRowIssue = z.object({ line: z.number(), field: z.string(), message: z.string() });
export type ImportRowIssue = z.infer<typeof ImportRowIssue>;

export const ImportPreviewRow = z.object({
  line: z.number(),
  kind: z.string(),
  name: z.string(),
  displayName: z.string(),
  floor: z.string(),
  room: z.string(),
  contactName: z.string(),
  /** Only for roles that may see numbers (importers always are). */
  contactPhone: z.string(),
  /** 'new' tenant, 'existing' tenant (contact added), or 'error'. */
  action: z.enum(['new', 'existing', 'error']),
  issues: z.array(ImportRowIssue),
});
export type ImportPreviewRow = z.infer<typeof ImportPreviewRow>;

export const directory = {
  search: query({
    summary: 'Find tenants by Chinese or English name, pinyin initials (hxkj → 华信科技), floor, room or contact name.',
    input: z.strictObject({
      q: text(60).default(''),
      includeInactive: z.boolean().default(false),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({ tenants: z.array(Tenant), phoneVisible: z.boolean() }),
    allow: STAFF,
  }),
  get: query({
    summary: 'One tenant with its contact people (numbers only for roles that may see them).',
    input: z.strictObject({ id: id() }),
    output: Tenant.extend({ phoneVisible: z.boolean() }),
    allow: STAFF,
  }),
  create: mutation({
    summary: 'Add a tenant company or household, optionally with its first contact person.',
    input: TenantInput.extend({ contact: ContactInput.nullable().default(null) }),
    output: Tenant,
    allow: DIRECTORY_EDITORS,
  }),
  update: mutation({
    summary: 'Change a tenant’s names, place or listing, or deactivate it (tenants are never deleted).',
    input: TenantPatch,
    output: Tenant,
    allow: DIRECTORY_EDITORS,
  }),
  addContact: mutation({
    summary: 'Add a contact person with a phone number to a tenant.',
    input: ContactInput.extend({ tenantId: id() }),
    output: Tenant,
    allow: DIRECTORY_EDITORS,
  }),
  updateContact: mutation({
    summary: 'Change or deactivate a contact person.',
    input: ContactPatch,
    output: Tenant,
    allow: DIRECTORY_EDITORS,
  }),
  importPreview: query({
    summary: 'Read a CSV or XLSX file and show what importing it would do, with each bad row’s line and reason.',
    input: ImportFile,
    output: z.object({ rows: z.array(ImportPreviewRow), good: z.number(), bad: z.number() }),
    allow: DIRECTORY_EDITORS,
  }),
  importApply: mutation({
    summary: 'Import the good rows of a CSV or XLSX file; bad rows are reported by line and reason and skipped.',
    input: ImportFile,
    output: z.object({ tenantsCreated: z.number(), contactsAdded: z.number(), issues: z.array(ImportRowIssue) }),
    allow: DIRECTORY_EDITORS,
  }),
  kioskSearch: query({
    summary: 'The visitor screen’s tenant picker: listed, active tenants’ display names and floors, nothing else.',
    input: z.strictObject({ q: text(40).default('') }),
    output: z.object({ tenants: z.array(KioskTenant) }),
    allow: ['kiosk'],
  }),
};
