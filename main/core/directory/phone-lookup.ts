// Whose number is this? A caller's number matched against the directory's contact people (a missed call from a
// known number gets a callback to that tenant). Numbers are compared as digits: separators, a +86 / 0086 country
// prefix and an extension (转806, ext. 12) do not matter, so a switchboard number finds its company.
import type { ReadableDB } from '../store/sql';
import { phoneKey } from '../../../shared/rules/phone';

export { phoneKey };

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
export function contactByPhone(db: ReadableDB, number: string): DirectoryContactMatch | null {
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
