// One way to make a visit row, whoever registers it: the desk (signed in at once), the visitor screen (pending
// until the desk confirms) or an expected visitor's arrival (either, by the building's setting).
import { newId } from '../ids';
import type { CallContext } from '../context';
import type { Language } from '../../../shared/i18n';
import type { VisitorSettings } from '../../../shared/contract/visitors';
import { idNumberColumns, nextPassNumber, staffId } from './desk';
import { matchesJson } from './watch-list';
import type { WatchMatch } from '../../../shared/contract/visitors';

export interface VisitDraft {
  visitorName: string;
  mobile: string | null;
  tenantId: string;
  hostName: string;
  purpose: string;
  partySize: number;
  idNumber?: string | null;
  vehiclePlate?: string | null;
  badgeNumber?: string;
  notes?: string;
}

export interface HowRegistered {
  /** At the desk (a signed-in person) or on a paired visitor screen (its device). */
  source: 'desk' | 'kiosk';
  /** Signed in now (a pass number is drawn), or pending the desk's confirmation. */
  checkIn: boolean;
  lang: Language;
  matches: WatchMatch[];
  /** The visitor screen's device; the visitor's consent is given there. */
  deviceId?: string | null;
  /** The visitor agreed to their ID number being kept (visitor screen). */
  idConsent?: boolean;
}

/** The visitor's own columns, as a visit and an expected visit store them. */
export function visitorColumns(draft: Pick<VisitDraft, 'visitorName' | 'mobile' | 'tenantId' | 'hostName' | 'purpose' | 'partySize'>) {
  return {
    visitor_name: draft.visitorName,
    mobile: draft.mobile,
    tenant_id: draft.tenantId,
    host_name: draft.hostName,
    purpose: draft.purpose,
    party_size: draft.partySize,
  };
}

/** Inserts the visit through the write path and returns the row as inserted. */
export function insertVisit(ctx: CallContext, settings: VisitorSettings, draft: VisitDraft, how: HowRegistered) {
  const atKiosk = how.source === 'kiosk';
  const decidedBy = how.checkIn && !atKiosk ? staffId(ctx) : null;
  const row = {
    id: newId(ctx.now),
    source: how.source,
    status: how.checkIn ? ('in' as const) : ('pending' as const),
    pass_number: how.checkIn ? nextPassNumber(ctx) : null,
    ...visitorColumns(draft),
    ...idNumberColumns(settings, draft.idNumber ?? null),
    vehicle_plate: draft.vehiclePlate ?? null,
    badge_number: draft.badgeNumber ?? '',
    notes: draft.notes ?? '',
    lang: how.lang,
    device_id: atKiosk ? (how.deviceId ?? null) : null,
    consent_at: atKiosk ? ctx.now : null,
    id_consent_at: atKiosk && draft.idNumber && how.idConsent ? ctx.now : null,
    watch_matches: matchesJson(how.matches),
    registered_at: ctx.now,
    registered_by: atKiosk ? null : staffId(ctx),
    decided_at: how.checkIn ? ctx.now : null,
    decided_by: decidedBy,
    checked_in_at: how.checkIn ? ctx.now : null,
  };
  ctx.tx.insert('visits', row);
  return row;
}
