// The reception record feature: handlers for every `records.*` method, the timer, and what other features use.
import type { FeatureHandlers } from '../context';
import { staffOf } from '../context';
import { createRecordItem, editItem, readItem, staffChoices } from './items';
import { toDetail } from './detail';
import { addTrailNote, closeUnresolvable, followUpItem, forwardItem, resolveItem, updateRepair } from './handling';
import { listItems } from './list';
import { auditItems, auditQueue } from './daily-audit';
import { signWeeklyReview, weeklyReview } from './weekly-review';
import { lobbyView } from './queries';
import { recordsEnv, recordsSettings, saveRecordsSettings } from './settings';

export { createRecordItem, readItem } from './items';
export { dueSoonAndOverdue } from './queries';
export { recordsClockJob } from './clock';
export { recordsSettings } from './settings';

export const recordsHandlers: FeatureHandlers<'records'> = {
  list: (ctx, input) => listItems(ctx, input),
  get: (ctx, input) => readItem(ctx, input.id),
  create: (ctx, input) => toDetail(ctx.db, createRecordItem(ctx, input), staffOf(ctx).user, recordsEnv(ctx.db), ctx.now),
  update: (ctx, input) => editItem(ctx, input),
  addNote: (ctx, input) => addTrailNote(ctx, input),
  forward: (ctx, input) => forwardItem(ctx, input),
  resolve: (ctx, input) => resolveItem(ctx, input),
  closeUnresolvable: (ctx, input) => closeUnresolvable(ctx, input),
  followUp: (ctx, input) => followUpItem(ctx, input),
  updateRepair: (ctx, input) => updateRepair(ctx, input),
  auditItems: (ctx, input) => auditItems(ctx, input),
  auditQueue: (ctx) => auditQueue(ctx),
  lobby: (ctx) => lobbyView(ctx.db, ctx.now),
  weeklyReview: (ctx, input) => weeklyReview(ctx, input),
  signWeeklyReview: (ctx, input) => signWeeklyReview(ctx, input),
  staffChoices: (ctx) => staffChoices(ctx),
  settings: (ctx) => recordsSettings(ctx.db),
  updateSettings: (ctx, input) => saveRecordsSettings(ctx.tx, input),
};
