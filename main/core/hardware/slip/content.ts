// What a visitor slip (访客单) says (V-6, H-2): the building, the pass number and its QR code, whom the visitor
// sees, when, and the visitor's name masked — the slip leaves the building in a stranger's pocket.
import type { ReadableDB } from '../../store/sql';
import { maskPersonName } from '../../../../shared/rules/masking';
import { formatDateTime } from '../../../../shared/rules/time';
import { requireBuildingProfile } from '../../settings';
import { visitRow } from '../../visitors';
import { passQrText } from '../../../../shared/rules/visitor-pass';
import { ConflictError } from '../../errors';

export interface SlipContent {
  building: string;
  buildingEn: string;
  passNumber: string;
  qrText: string;
  visitorMasked: string;
  /** Tenant · floor / room, and the host's name when given. */
  visiting: string;
  host: string;
  time: string;
  partySize: number;
}

export function slipOfVisit(db: ReadableDB, visitId: string): SlipContent {
  const row = visitRow(db, visitId);
  if (!row.pass_number || row.status !== 'in') throw new ConflictError('hardware:error.noPass');
  const building = requireBuildingProfile(db);
  return {
    building: building.name,
    buildingEn: building.nameEn,
    passNumber: row.pass_number,
    qrText: passQrText(row.pass_number),
    visitorMasked: maskPersonName(row.visitor_name),
    visiting: `${row.t_display_name} ${row.t_floor}F${row.t_room ? ` ${row.t_room}` : ''}`,
    host: row.host_name,
    time: formatDateTime(row.checked_in_at ?? row.registered_at, building.timeZone),
    partySize: row.party_size,
  };
}

/** The slip "print a test slip" prints (Admin → Devices). */
export function testSlip(db: ReadableDB, time: string): SlipContent {
  const building = requireBuildingProfile(db);
  return {
    building: building.name,
    buildingEn: building.nameEn,
    passNumber: 'TEST-000',
    qrText: passQrText('TEST-000'),
    visitorMasked: '测**',
    visiting: '测试打印 · 试纸',
    host: '',
    time,
    partySize: 1,
  };
}
