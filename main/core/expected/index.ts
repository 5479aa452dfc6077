// Expected visitors (V-8): invitations, today's list, and arrival in one step at the visitor screen or the desk.
import { newId } from '../ids';
import { anyLike, containsPattern } from '../store/sql';
import type { CallContext, FeatureHandlers } from '../context';
import { ConflictError, ValidationError } from '../errors';
import { requireBuildingProfile } from '../settings';
import { writeSection } from '../settings';
import { checkPurpose, checkTenant, visitorColumns } from '../visitors';
import { visitorSettings } from '../visitors';
import { notifyTenant } from '../notify';
import { maskPersonName } from '../../../shared/rules/masking';
import { minutesOfTime } from '../../../shared/rules/invitation';
import { passQrText } from '../../../shared/rules/visitor-pass';
import { dayKey } from '../../../shared/rules/time';
import type { z } from 'zod';
import type { Expected, ExpectedDraft as DraftSchema } from '../../../shared/contract/expected';
import { EXPECTED_SELECT, expectedRow, occursOn, toExpected, windowOn, type ExpectedRow } from './rows';
import { admit, invitationFor, usableDay } from './arrival';
import { expectedSettings, EXPECTED_SECTION } from './settings';
import { readExpectedCsv } from './import';
import { invitationCode } from './invitation';

export { expectedRetention } from './retention';

type Draft = z.output<typeof DraftSchema>;
type JoinRow = ReturnType<typeof expectedRow>;

const tz = (ctx: Pick<CallContext, 'db'>) => requireBuildingProfile(ctx.db).timeZone;
const out = (ctx: CallContext, id: string): Expected => toExpected(ctx, expectedRow(ctx.db, id), tz(ctx));

function staffId(ctx: CallContext): string {
  if (ctx.caller.kind !== 'staff') throw new Error(`${ctx.method} needs a signed-in person`);
  return ctx.caller.user.id;
}

/** Checks a draft against the directory, the purposes and the calendar; throws a field error in the caller's language. */
function checkDraft(ctx: CallContext, draft: Draft): void {
  checkTenant(ctx, draft.tenantId, { listedOnly: false });
  checkPurpose(visitorSettings(ctx.db), draft.purpose);
  if (minutesOfTime(draft.endTime) <= minutesOfTime(draft.startTime)) throw ValidationError.field('endTime', 'expected:error.windowOrder');
  if (draft.recurrence !== 'once') {
    if (!draft.until) throw ValidationError.field('until', 'expected:error.untilRequired');
    if (draft.until < draft.date) throw ValidationError.field('until', 'expected:error.untilBefore');
  }
  if ((draft.recurrence === 'once' ? draft.date : draft.until!) < dayKey(ctx.now, tz(ctx))) throw ValidationError.field('date', 'expected:error.datePast');
}

function insertExpected(ctx: CallContext, draft: Draft): string {
  const row: Omit<ExpectedRow, 'cancel_reason' | 'cancelled_at' | 'redacted_at'> = {
    id: newId(ctx.now),
    ...visitorColumns(draft),
    first_day: draft.date,
    last_day: draft.recurrence === 'once' ? draft.date : draft.until!,
    start_minute: minutesOfTime(draft.startTime),
    end_minute: minutesOfTime(draft.endTime),
    recurrence: draft.recurrence,
    source: draft.source,
    requested_by: draft.requestedBy,
    notes: draft.notes,
    invite_number: ctx.tx.nextNumber('invitation'),
    invite_rev: 1,
    status: 'active',
    created_at: ctx.now,
    created_by: staffId(ctx),
  };
  ctx.tx.insert('expected_visits', row);
  ctx.emit('expected.changed', { expectedId: row.id });
  return row.id;
}

/** The invitation to the host (to pass on to the visitor): window and code, through the tenant's channels. */
function sendInvitation(ctx: CallContext, row: JoinRow): void {
  const post = requireBuildingProfile(ctx.db).postName;
  const when = row.recurrence === 'once' ? row.first_day : `${row.first_day} 至 ${row.last_day}（${row.recurrence === 'weekdays' ? '工作日' : '每天'}）`;
  const window = `${Math.floor(row.start_minute / 60)}:${String(row.start_minute % 60).padStart(2, '0')}–${Math.floor(row.end_minute / 60)}:${String(row.end_minute % 60).padStart(2, '0')}`;
  notifyTenant(ctx, {
    subjectKind: 'expected',
    subjectId: row.id,
    tenantId: row.tenant_id,
    event: 'invitation',
    subjectLine: `${post}：访客 ${row.visitor_name} 的来访邀请`,
    body: `【${post}】访客 ${row.visitor_name} 的来访邀请已登记：${when} ${window}。邀请码 ${invitationCode(ctx.keys, row.invite_number, row.invite_rev)}，请转给访客，到访时在大堂访客屏输入或在前台出示。`,
    fallbackPhone: false,
  });
}

function listWhere(ctx: CallContext, where: string, params: Record<string, unknown>): Expected[] {
  const rows = ctx.db.prepare(`${EXPECTED_SELECT} WHERE ${where} ORDER BY e.first_day, e.start_minute, e.id LIMIT @limit`).all({ limit: 500, ...params }) as JoinRow[];
  return rows.map((r) => toExpected(ctx, r, tz(ctx)));
}

export const expectedHandlers: FeatureHandlers<'expected'> = {
  settings: (ctx) => expectedSettings(ctx.db),
  updateSettings: (ctx, input) => {
    writeSection(ctx.tx, EXPECTED_SECTION, input);
    return input;
  },

  create: (ctx, input) => {
    checkDraft(ctx, input);
    const id = insertExpected(ctx, input);
    if (input.sendToHost) sendInvitation(ctx, expectedRow(ctx.db, id));
    return out(ctx, id);
  },

  cancel: (ctx, input) => {
    const row = expectedRow(ctx.db, input.id);
    if (row.status === 'cancelled') throw new ConflictError('expected:error.invitationCancelled');
    ctx.tx.update('expected_visits', row.id, { status: 'cancelled', cancel_reason: input.reason, cancelled_at: ctx.now });
    ctx.emit('expected.changed', { expectedId: row.id });
    return out(ctx, row.id);
  },

  reissue: (ctx, input) => {
    const row = expectedRow(ctx.db, input.id);
    if (row.status === 'cancelled') throw new ConflictError('expected:error.invitationCancelled');
    ctx.tx.update('expected_visits', row.id, { invite_rev: row.invite_rev + 1 });
    ctx.emit('expected.changed', { expectedId: row.id });
    return out(ctx, row.id);
  },

  today: (ctx) => {
    const zone = tz(ctx);
    const today = dayKey(ctx.now, zone);
    const rows = ctx.db
      .prepare(`${EXPECTED_SELECT} WHERE e.status = 'active' AND e.redacted_at IS NULL AND e.first_day <= ? AND e.last_day >= ?`)
      .all(today, today) as JoinRow[];
    const todays = rows.filter((r) => occursOn(r, today, zone));
    todays.sort((a, b) => windowOn(a, today, zone).from - windowOn(b, today, zone).from || a.id.localeCompare(b.id));
    return { expected: todays.map((r) => toExpected(ctx, r, zone)) };
  },

  list: (ctx, input) => {
    const today = dayKey(ctx.now, tz(ctx));
    const where = [input.includeEnded ? '1 = 1' : "e.status = 'active' AND e.last_day >= @today", 'e.redacted_at IS NULL'];
    const q = input.q.normalize('NFKC').trim();
    if (q) where.push(anyLike(['e.visitor_name', 'e.mobile', 't.name', 't.display_name', 'e.host_name'], '@like'));
    return { expected: listWhere(ctx, where.join(' AND '), { today, like: containsPattern(q), limit: input.limit }) };
  },

  get: (ctx, input) => out(ctx, input.id),

  arrive: (ctx, input) => {
    const row = expectedRow(ctx.db, input.id);
    const day = usableDay(ctx, row);
    const visit = admit(ctx, row, day, { via: 'desk', checkIn: true, overrideWatchList: input.overrideWatchList });
    return { visit, expectedId: row.id };
  },

  arriveByCode: (ctx, input) => {
    const row = invitationFor(ctx, input.code);
    const day = usableDay(ctx, row);
    const visit = admit(ctx, row, day, { via: 'scan', checkIn: true, overrideWatchList: input.overrideWatchList });
    return { visit, expectedId: row.id };
  },

  kioskArrive: (ctx, input) => {
    const row = invitationFor(ctx, input.code);
    const day = usableDay(ctx, row);
    const checkIn = expectedSettings(ctx.db).arrivalAtKiosk === 'checkIn';
    const visit = admit({ ...ctx, lang: input.lang }, row, day, { via: 'kiosk', checkIn, overrideWatchList: false });
    // Built field by field: the visitor's own name masked, the tenant's public names, the pass if checked in.
    return {
      registrationId: visit.id,
      status: visit.status === 'in' ? ('confirmed' as const) : ('pending' as const),
      greeting: maskPersonName(row.visitor_name),
      tenant: { displayName: row.t_display_name, displayNameEn: row.t_display_name_en, floor: row.t_floor },
      passNumber: visit.status === 'in' ? visit.passNumber : null,
      qrText: visit.status === 'in' && visit.passNumber ? passQrText(visit.passNumber) : null,
    };
  },

  importCsv: (ctx, input) => {
    const drafts = readExpectedCsv(ctx.db, input.contentBase64);
    const ids: string[] = [];
    drafts.forEach((draft, index) => {
      try {
        checkDraft(ctx, draft);
      } catch (error) {
        if (error instanceof ValidationError) {
          throw new ValidationError(
            error.fieldIssues.map((i) => ({ ...i, path: ['rows', index + 2, ...i.path], params: { ...i.params, line: index + 2 } })),
            'expected:error.importRows',
          );
        }
        throw error;
      }
      ids.push(insertExpected(ctx, draft));
    });
    return { created: ids.length, expected: ids.map((id) => out(ctx, id)) };
  },
};

