// What the visitor screen may call (V-2, V-3, V-5). Each answer is built field by field from what the screen
// needs: the building's name, public notices, purposes, and the calling screen's own registration — never a
// tenant's or staff member's phone number, never another visitor's details.
import type { CallContext, FeatureHandlers } from '../context';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { buildingProfile, buildingTimeZone } from '../settings';
import { activePublicNotices } from '../notices';
import { KIOSK_IDLE_SECONDS, type KioskStatus } from '../../../shared/contract/visitors';
import { passQrText } from '../../../shared/rules/visitor-pass';
import { visitorSettings } from './settings';
import { matchWatchList } from './watch-list';
import { checkPurpose, checkTenant } from './desk';
import { insertVisit } from './new-visit';
import type { VisitRow } from './rows';

/** A visitor screen sees its own registration only this long (the visitor is at the screen meanwhile). */
export const KIOSK_STATUS_WINDOW_MS = 30 * 60_000;
/** At most this many undecided registrations per visitor screen: more means see the desk. */
export const KIOSK_MAX_PENDING = 3;

function kioskDeviceId(ctx: CallContext): string {
  if (ctx.caller.kind !== 'kiosk') throw new ForbiddenError('errors:auth.kioskOnly');
  return ctx.caller.device.id;
}

type KioskHandlers = Pick<FeatureHandlers<'visitors'>, 'kioskWelcome' | 'selfRegister' | 'kioskStatus'>;

export const kioskHandlers: KioskHandlers = {
  kioskWelcome: (ctx) => {
    const profile = buildingProfile(ctx.db);
    const settings = visitorSettings(ctx.db);
    return {
      building: { name: profile?.name ?? '', nameEn: profile?.nameEn ?? '', timeZone: buildingTimeZone(ctx.db) },
      notices: activePublicNotices(ctx.db, ctx.now).map((n) => ({ id: n.id, title: n.title, titleEn: n.title_en, body: n.body, bodyEn: n.body_en })),
      purposes: settings.purposes.map((p) => ({ zh: p.zh, en: p.en })),
      idNumber: settings.kioskIdNumber,
      idleSeconds: KIOSK_IDLE_SECONDS,
      retentionDays: settings.retentionDays,
    };
  },

  selfRegister: (ctx, input) => {
    const deviceId = kioskDeviceId(ctx);
    const settings = visitorSettings(ctx.db);
    checkTenant(ctx, input.tenantId, { listedOnly: true });
    checkPurpose(settings, input.purpose);
    if (input.idNumber && settings.kioskIdNumber === 'off') throw ValidationError.field('idNumber', 'visitors:error.idNotAsked');
    if (!input.idNumber && settings.kioskIdNumber === 'required') throw ValidationError.field('idNumber', 'visitors:error.idRequired');
    if (input.idNumber && !input.idConsent) throw ValidationError.field('idConsent', 'visitors:error.idConsent');
    const { n } = ctx.db
      .prepare("SELECT COUNT(*) AS n FROM visits WHERE device_id = ? AND status = 'pending' AND registered_at >= ?")
      .get(deviceId, ctx.now - KIOSK_STATUS_WINDOW_MS) as { n: number };
    if (n >= KIOSK_MAX_PENDING) throw new ConflictError('visitors:error.tooManyPending');

    // A watch-list match is recorded for the desk; the visitor screen's answer is the same either way.
    const matches = matchWatchList(ctx, input);
    const row = insertVisit(ctx, settings, input, { source: 'kiosk', checkIn: false, lang: input.lang, matches, deviceId, idConsent: input.idConsent });
    ctx.emit('visitors.changed', { visitId: row.id, status: 'pending', source: 'kiosk', watchListMatch: matches.length > 0 });
    return { registrationId: row.id, status: 'pending' as const };
  },

  kioskStatus: (ctx, input): KioskStatus => {
    const deviceId = kioskDeviceId(ctx);
    const row = ctx.db
      .prepare('SELECT status, pass_number FROM visits WHERE id = ? AND device_id = ? AND registered_at >= ? AND redacted_at IS NULL')
      .get(input.registrationId, deviceId, ctx.now - KIOSK_STATUS_WINDOW_MS) as Pick<VisitRow, 'status' | 'pass_number'> | undefined;
    if (!row) throw new NotFoundError('visitors:error.registrationNotFound');
    if (row.status === 'pending') return { status: 'pending', passNumber: null, qrText: null };
    if (row.status === 'declined') return { status: 'declined', passNumber: null, qrText: null };
    return { status: 'confirmed', passNumber: row.pass_number, qrText: row.pass_number ? passQrText(row.pass_number) : null };
  },
};
