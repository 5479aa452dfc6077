// Whose number is this? A caller's number matched against the directory's contact people (a missed call from a
// known number gets a callback to that tenant). Numbers are compared as digits: separators, a +86 / 0086 country
// prefix and an extension (转806, ext. 12) do not matter, so a switchboard number finds its company.
import type Database from 'better-sqlite3';
import { normalizeInput } from '../../../shared/contract/fields';

/** The digits that identify a line: no separators, no country prefix, no extension. */
export function phoneKey(value: string): string {
  const withoutExtension = normalizeInput(value).replace(/(?:转|ext\.?|x|#)\s*\d{1,6}$/i, '');
  const digits = withoutExtension.replace(/\D/g, '');
  // Mainland numbers dialled with the country code: 86 13800138000, 0086 21 62345678.
  return digits
    .replace(/^(?:0086|86)(?=1\d{10}$)/, '')
    .replace(/^(?:0086|86)(?=[2-9]\d{8,10}$)/, '0');
}

export interface DirectoryContactMatch {
  tenantId: string;
  tenantName: string;
  contactId: string;
  contactName: string;
}

interface ContactRow {
  contact_id: string;
  contact_name: string;
  phone: string;
  tenant_id: string;
  display_name: string;
}

/**
 * The active contact of an active tenant whose number is `number`, or null. Several people sharing one line
 * (a switchboard): the tenant's primary contact first, then the earliest entered.
 */
export function contactByPhone(db: Database.Database, number: string): DirectoryContactMatch | null {
  const key = phoneKey(number);
  if (key.length < 5) return null;
  const rows = db
    .prepare(
      `SELECT c.id AS contact_id, c.name AS contact_name, c.phone, t.id AS tenant_id, t.display_name
       FROM tenant_contacts c JOIN tenants t ON t.id = c.tenant_id
       WHERE c.active = 1 AND t.active = 1
       ORDER BY c.is_primary DESC, c.created_at, c.id`,
    )
    .all() as ContactRow[];
  const found = rows.find((row) => phoneKey(row.phone) === key);
  return found ? { tenantId: found.tenant_id, tenantName: found.display_name, contactId: found.contact_id, contactName: found.contact_name } : null;
}
