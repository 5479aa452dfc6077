// Notices (R-10, minimal): staff publish, correct and withdraw them; public current ones reach the visitor
// screen through `visitors.kioskWelcome`. Every change tells screens to reload (the event carries no content).
import { newId } from '../ids';
import type { CallContext, FeatureHandlers } from '../context';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { NOTICE_SELECT, toNotice, type NoticeRow } from './queries';

function noticeOut(ctx: CallContext, id: string) {
  const row = ctx.db.prepare(`${NOTICE_SELECT} WHERE n.id = ?`).get(id) as (NoticeRow & { created_by_name: string | null }) | undefined;
  if (!row) throw new NotFoundError('notices:error.notFound');
  return toNotice(row, ctx.now);
}

function checkShape(row: Pick<NoticeRow, 'target' | 'target_value' | 'active_from' | 'active_until'>): void {
  if (row.target !== 'all' && !row.target_value) throw ValidationError.field('targetValue', 'notices:error.targetValue');
  if (row.active_until !== null && row.active_until <= row.active_from) throw ValidationError.field('activeUntil', 'notices:error.untilBeforeFrom');
}

export const noticesHandlers: FeatureHandlers<'notices'> = {
  list: (ctx, input) => {
    const where = input.includeEnded ? '' : 'WHERE n.withdrawn_at IS NULL AND (n.active_until IS NULL OR n.active_until > @now)';
    const rows = ctx.db.prepare(`${NOTICE_SELECT} ${where} ORDER BY n.active_from DESC, n.id DESC LIMIT 500`).all({ now: ctx.now }) as Array<
      NoticeRow & { created_by_name: string | null }
    >;
    return { notices: rows.map((r) => toNotice(r, ctx.now)) };
  },

  create: (ctx, input) => {
    const row: NoticeRow = {
      id: newId(ctx.now),
      title: input.title,
      title_en: input.titleEn,
      body: input.body,
      body_en: input.bodyEn,
      public: input.public ? 1 : 0,
      target: input.target,
      target_value: input.target === 'all' ? '' : input.targetValue,
      active_from: input.activeFrom ?? ctx.now,
      active_until: input.activeUntil,
      withdrawn_at: null,
      withdrawn_by: null,
      created_at: ctx.now,
      created_by: ctx.actor.id ?? '',
      updated_at: ctx.now,
    };
    checkShape(row);
    ctx.tx.insert('notices', row);
    ctx.emit('notices.changed', {});
    return noticeOut(ctx, row.id);
  },

  update: (ctx, input) => {
    const before = ctx.tx.get<NoticeRow>('notices', input.id);
    if (!before) throw new NotFoundError('notices:error.notFound');
    if (before.withdrawn_at !== null) throw new ConflictError('notices:error.withdrawn');
    const patch: Partial<NoticeRow> = {};
    if (input.title !== undefined) patch.title = input.title;
    if (input.titleEn !== undefined) patch.title_en = input.titleEn;
    if (input.body !== undefined) patch.body = input.body;
    if (input.bodyEn !== undefined) patch.body_en = input.bodyEn;
    if (input.public !== undefined) patch.public = input.public ? 1 : 0;
    if (input.target !== undefined) patch.target = input.target;
    if (input.targetValue !== undefined) patch.target_value = input.targetValue;
    if (input.activeFrom !== undefined) patch.active_from = input.activeFrom;
    if (input.activeUntil !== undefined) patch.active_until = input.activeUntil;
    const next = { ...before, ...patch };
    if (next.target === 'all') patch.target_value = next.target_value = '';
    checkShape(next);
    ctx.tx.update('notices', input.id, { ...patch, updated_at: ctx.now });
    ctx.emit('notices.changed', {});
    return noticeOut(ctx, input.id);
  },

  withdraw: (ctx, input) => {
    const before = ctx.tx.get<NoticeRow>('notices', input.id);
    if (!before) throw new NotFoundError('notices:error.notFound');
    if (before.withdrawn_at === null) {
      ctx.tx.update('notices', input.id, { withdrawn_at: ctx.now, withdrawn_by: ctx.actor.id, updated_at: ctx.now });
      ctx.emit('notices.changed', {});
    }
    return noticeOut(ctx, input.id);
  },
};

// The public face: what other features use of this one.
export { activeNotices, activePublicNotices } from './queries';
