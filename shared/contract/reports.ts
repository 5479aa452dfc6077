// Reports: a day, a week (Monday–Sunday) or a calendar month of the desk's work in figures — visitors,
// calls, reception items with the Chinese KPIs (投诉及时处理率, 回访率, 满意度), incidents, handovers — for the
// building and by person; exported as XLSX or CSV. Figures only: no visitor, caller or owner is named.
import { z } from 'zod';
import { query, type Role } from './define';
import { dateKey } from './records';

export const REPORT_PERIODS = ['day', 'week', 'month'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];
export const REPORT_FORMATS = ['xlsx', 'csv'] as const;

/** Supervisors' daily page and the manager's review link here; the administrator sees the same figures. */
export const REPORT_READERS: readonly Role[] = ['supervisor', 'manager', 'admin'];

const Count = z.object({ key: z.string(), count: z.number() });
export type ReportCount = z.infer<typeof Count>;
/** A share 0–1, or null when there was nothing to divide by. */
const Share = z.number().nullable();

export const ReportFigures = z.object({
  period: z.enum(REPORT_PERIODS),
  /** First and last calendar day covered ('YYYY-MM-DD', in the building's time zone), and the instants. */
  firstDay: z.string(),
  lastDay: z.string(),
  start: z.number(),
  end: z.number(),
  /** False while the period is still running: the figures so far. */
  complete: z.boolean(),
  building: z.object({ name: z.string(), nameEn: z.string() }),
  visitors: z.object({
    /** Visits registered in the period (desk and visitor screen), people counted by party size too. */
    registered: z.number(),
    people: z.number(),
    checkedIn: z.number(),
    fromKiosk: z.number(),
    declined: z.number(),
    refused: z.number(),
    expired: z.number(),
    byPurpose: z.array(Count),
    /** Check-ins by local hour 0–23. */
    byHour: z.array(z.number()),
    peakHour: z.number().nullable(),
    averageStayMinutes: z.number().nullable(),
    /** Checked in during the period and still in the building when their day ended (midnight). */
    stillInAtNight: z.number(),
  }),
  calls: z.object({
    total: z.number(),
    answered: z.number(),
    withinTarget: z.number(),
    withinTargetShare: Share,
    answeredShare: Share,
    meanAnswerSeconds: z.number().nullable(),
    p90AnswerSeconds: z.number().nullable(),
    missed: z.number(),
    /** Callbacks and messages due in the period, and those closed by their due time. */
    callbacksDue: z.number(),
    callbacksClosedInTime: z.number(),
  }),
  items: z.object({
    received: z.number(),
    byType: z.array(Count),
    byChannel: z.array(Count),
    byStatus: z.array(Count),
    byDepartment: z.array(Count),
    complaints: z.number(),
    /** 投诉及时处理率: complaints answered or resolved within the complaint limit, of complaints received. */
    complaintsInTime: z.number(),
    complaintTimelyRate: Share,
    resolved: z.number(),
    /** 回访率: follow-up visits made, of repairs and complaints resolved in the period. */
    followUpsDue: z.number(),
    followUps: z.number(),
    followUpRate: Share,
    satisfied: z.number(),
    satisfactionRate: Share,
    escalatedToSupervisor: z.number(),
    escalatedToManager: z.number(),
    complaintBreaches: z.number(),
    followUpsOverdue: z.number(),
  }),
  incidents: z.object({ total: z.number(), signed: z.number(), byCategory: z.array(Count) }),
  handovers: z.object({ total: z.number(), signed: z.number(), acknowledged: z.number() }),
  /** Per person on duty: what they registered, answered and entered. */
  people: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      visitorsRegistered: z.number(),
      callsAnswered: z.number(),
      callsWithinTarget: z.number(),
      itemsEntered: z.number(),
    }),
  ),
});
export type ReportFigures = z.infer<typeof ReportFigures>;

const ReportInput = z.strictObject({
  period: z.enum(REPORT_PERIODS, { error: 'reports:error.period' }),
  /** Any day inside the period wanted. */
  day: dateKey(),
});

export const reports = {
  figures: query({
    summary: 'The figures of a day, week or month that contains the given day.',
    input: ReportInput,
    output: ReportFigures,
    allow: REPORT_READERS,
  }),
  export: query({
    summary: 'The same figures as a spreadsheet (XLSX) or CSV with a BOM so Excel reads the Chinese (base64).',
    input: ReportInput.extend({ format: z.enum(REPORT_FORMATS, { error: 'reports:error.format' }) }),
    output: z.object({ fileName: z.string(), mime: z.string(), base64: z.string() }),
    allow: REPORT_READERS,
  }),
};
