// Notices (R-10, minimal): important matters for owners and tenants. Public, current notices for everyone
// (or the building) are shown on the visitor screen's welcome (V-5).
import { z } from 'zod';
import { mutation, query, STAFF, DESK } from './define';
import { epochMs, id, required, text } from './fields';

export const NOTICE_TARGETS = ['all', 'building', 'unit'] as const;

const noticeFields = {
  title: required(60),
  titleEn: text(120),
  body: text(2000, { multiline: true }),
  bodyEn: text(4000, { multiline: true }),
  /** Shown on the visitor screen while current (only notices for everyone or the building). */
  public: z.boolean(),
  target: z.enum(NOTICE_TARGETS),
  /** The building (in a compound) or unit the notice is for; empty for everyone. */
  targetValue: text(40),
  activeFrom: epochMs(),
  activeUntil: epochMs().nullable(),
};

export const NoticeInput = z.strictObject({
  ...noticeFields,
  titleEn: noticeFields.titleEn.default(''),
  body: noticeFields.body.default(''),
  bodyEn: noticeFields.bodyEn.default(''),
  public: noticeFields.public.default(false),
  target: noticeFields.target.default('all'),
  targetValue: noticeFields.targetValue.default(''),
  /** Null = from now. */
  activeFrom: noticeFields.activeFrom.nullable().default(null),
  activeUntil: noticeFields.activeUntil.default(null),
});
export type NoticeInput = z.input<typeof NoticeInput>;

export const Notice = z.object({
  id: z.string(),
  title: z.string(),
  titleEn: z.string(),
  body: z.string(),
  bodyEn: z.string(),
  public: z.boolean(),
  target: z.enum(NOTICE_TARGETS),
  targetValue: z.string(),
  activeFrom: z.number(),
  activeUntil: z.number().nullable(),
  withdrawnAt: z.number().nullable(),
  /** Active now: started, not ended, not withdrawn. */
  current: z.boolean(),
  createdAt: z.number(),
  createdByName: z.string(),
});
export type Notice = z.infer<typeof Notice>;

export const notices = {
  list: query({
    summary: 'Notices: current ones first; ended and withdrawn ones on request.',
    input: z.strictObject({ includeEnded: z.boolean().default(false) }),
    output: z.object({ notices: z.array(Notice) }),
    allow: STAFF,
  }),
  create: mutation({ summary: 'Publish a notice.', input: NoticeInput, output: Notice, allow: DESK }),
  update: mutation({
    summary: 'Correct a notice that has not been withdrawn.',
    input: z.strictObject({
      id: id(),
      title: noticeFields.title.optional(),
      titleEn: noticeFields.titleEn.optional(),
      body: noticeFields.body.optional(),
      bodyEn: noticeFields.bodyEn.optional(),
      public: noticeFields.public.optional(),
      target: noticeFields.target.optional(),
      targetValue: noticeFields.targetValue.optional(),
      activeFrom: noticeFields.activeFrom.optional(),
      activeUntil: noticeFields.activeUntil.optional(),
    }),
    output: Notice,
    allow: DESK,
  }),
  withdraw: mutation({ summary: 'Take a notice down (it stays on record).', input: z.strictObject({ id: id() }), output: Notice, allow: DESK }),
};
