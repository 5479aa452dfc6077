// Shifts at the desk: starting duty with the opening check (S-3), the shift's work diary (S-2). A shift ends with
// its handover (see handover.ts) or, when left open, is closed by a supervisor.
import { z } from 'zod';
import { mutation, query, ADMIN, LEADS, STAFF, type Role } from './define';
import { epochMs, id, paging, required, text, empty } from './fields';

/** Who stands duty at the desk: starts shifts, keeps the diary, hands over. */
export const DUTY: readonly Role[] = ['receptionist', 'supervisor', 'manager'];
/** Who may read diaries (they name incidents and borrowers): the desk, the leads, the guards — not departments. */
export const DIARY_READERS: readonly Role[] = ['receptionist', 'supervisor', 'manager', 'security', 'admin'];

/** Interpolation values of a line the screen localizes; names ending in `At` are epoch ms shown as local time. */
export const LineParams = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type LineParams = z.infer<typeof LineParams>;

/** One item of an admin-configurable checklist (the opening check, the handover template). */
export const ChecklistItem = z.object({ key: z.string(), label: z.string(), labelEn: z.string() });
export type ChecklistItem = z.infer<typeof ChecklistItem>;

/** A checklist as an admin edits it: items without a key are new and get one. */
export const ChecklistInput = z
  .array(
    z.strictObject({
      key: z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,40}$/, { error: 'errors:field.id' })
        .optional(),
      label: required(60),
      labelEn: text(100).default(''),
    }),
  )
  .min(1, { error: 'shifts:errors.checklistEmpty' })
  .max(30, { error: 'shifts:errors.checklistTooLong' });

export const ShiftSettings = z.object({ openingCheck: z.array(ChecklistItem) });
export type ShiftSettings = z.infer<typeof ShiftSettings>;

export const OpeningCheckAnswer = z.object({
  key: z.string(),
  label: z.string(),
  labelEn: z.string(),
  ok: z.boolean(),
  comment: z.string(),
});

export const Shift = z.object({
  id: z.string(),
  person: z.object({ id: z.string(), name: z.string() }),
  startedAt: z.number(),
  openingCheck: z.array(OpeningCheckAnswer),
  openingAllOk: z.boolean(),
  endedAt: z.number().nullable(),
  endReason: z.enum(['handover', 'closed']).nullable(),
  closedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  closeReason: z.string(),
  handover: z.object({ id: z.string(), number: z.string() }).nullable(),
});
export type Shift = z.infer<typeof Shift>;

/** One line of the diary: a figure (count, share) or an entry (something that happened at `at`). */
export const DiaryItem = z.object({ kind: z.string(), params: LineParams, at: z.number().nullable() });
export type DiaryItem = z.infer<typeof DiaryItem>;

export const DiarySection = z.object({
  key: z.string(),
  /** i18n key of the heading. */
  title: z.string(),
  order: z.number(),
  figures: z.array(DiaryItem),
  entries: z.array(DiaryItem),
});
export type DiarySection = z.infer<typeof DiarySection>;

export const Diary = z.object({
  shift: Shift,
  text: z.string(),
  textUpdatedAt: z.number().nullable(),
  /** True once the shift ended: sections and text are then the frozen record. */
  finalised: z.boolean(),
  sections: z.array(DiarySection),
});
export type Diary = z.infer<typeof Diary>;

export const ShiftSummary = z.object({
  id: z.string(),
  person: z.object({ id: z.string(), name: z.string() }),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  endReason: z.enum(['handover', 'closed']).nullable(),
  openingAllOk: z.boolean(),
  handoverNumber: z.string().nullable(),
});
export type ShiftSummary = z.infer<typeof ShiftSummary>;

export const shifts = {
  settings: query({
    summary: 'The opening check (S-3) every shift starts with.',
    input: empty(),
    output: ShiftSettings,
    allow: STAFF,
  }),
  updateSettings: mutation({
    summary: 'Change the opening check.',
    input: z.strictObject({ openingCheck: ChecklistInput }),
    output: ShiftSettings,
    allow: ADMIN,
  }),
  current: query({
    summary: 'The caller’s open shift, if any, and the opening check to start one with.',
    input: empty(),
    output: z.object({ shift: Shift.nullable(), openingCheck: z.array(ChecklistItem) }),
    allow: STAFF,
  }),
  start: mutation({
    summary: 'Start duty: every opening-check item ticked, or not ticked with a comment saying what is wrong (S-3).',
    input: z.strictObject({
      checks: z
        .array(z.strictObject({ key: z.string().max(40), ok: z.boolean(), comment: text(200).default('') }))
        .max(30),
    }),
    output: Shift,
    allow: DUTY,
  }),
  diary: query({
    summary: 'A shift’s work diary: what the features recorded during it plus free text (S-2). Default: the caller’s open shift.',
    input: z.strictObject({ shiftId: id().optional() }),
    output: Diary.nullable(),
    allow: DIARY_READERS,
  }),
  saveDiary: mutation({
    summary: 'Save the free text of one’s own open shift’s diary.',
    input: z.strictObject({ shiftId: id(), text: text(5000, { multiline: true }) }),
    output: z.object({ ok: z.literal(true), textUpdatedAt: z.number() }),
    allow: DUTY,
  }),
  list: query({
    summary: 'Past and open shifts (diaries), newest first, by date and person.',
    input: z.strictObject({
      from: epochMs().optional(),
      to: epochMs().optional(),
      person: text(50).optional(),
      limit: paging.limit,
    }),
    output: z.object({ shifts: z.array(ShiftSummary) }),
    allow: DIARY_READERS,
  }),
  close: mutation({
    summary: 'Close a shift left open without a handover (the receptionist left or fell ill); its diary is finalised.',
    input: z.strictObject({ shiftId: id(), reason: required(200) }),
    output: Shift,
    allow: LEADS,
  }),
};
