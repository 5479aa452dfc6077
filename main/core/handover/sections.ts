// How a feature contributes to the end-of-shift handover (S-1) and to the shift's work diary (S-2): each feature
// writes one provider next to its own code and lists it in `main/core/features.ts`. The handover and the diary
// know nothing about visitors, calls or records; they ask every listed provider.
import type { ReadableDB } from '../store/sql';
import type { LineParams } from '../../../shared/contract/shifts';

/** What a provider may look at: the store (read only), the time of the call, the shift being handed over. */
export interface SectionContext {
  db: ReadableDB;
  now: number;
  /** The building's time zone, for "today" and day boundaries. */
  timeZone: string;
  shift: { id: string; personId: string; startedAt: number };
}

/** One line a section puts on the handover sheet. */
export interface HandoverLineDraft {
  /**
   * Stable across handovers for the same thing — `visit:<id>`, `key-loan:<id>`, `incident:<id>` — so a line
   * left unticked on one handover is recognised (and marked carried) on the next.
   */
  key: string;
  /** i18n key (`<namespace>:<key>`) of the line's text; the screen interpolates `params`. */
  kind: string;
  /** Interpolation values: strings, numbers, booleans; names ending in `At` are epoch ms (shown as local time). */
  params: LineParams;
  /** Needs attention (overdue, unsigned): shown highlighted. */
  attention?: boolean;
}

export interface HandoverSectionProvider {
  /** Section key, e.g. 'visitors'. Unique among providers. */
  key: string;
  /** i18n key of the section heading, e.g. 'visitors:handover.section'. */
  title: string;
  /** Position on the sheet (lower first). Template 0, then 10, 20, … */
  order: number;
  /** What is open right now. Read-only: runs inside the handover's transaction, must not write. */
  lines(ctx: SectionContext): HandoverLineDraft[];
}

/** The window of activity a diary covers. */
export interface DiaryWindow {
  from: number;
  to: number;
}

/** One line of the diary: a figure (no `at`) or an entry (with the time it happened). */
export interface DiaryItemDraft {
  kind: string;
  params: LineParams;
  at?: number | null;
}

/** What a feature recorded during a shift, for its work diary (S-2). */
export interface DiaryContribution {
  key: string;
  /** i18n key of the heading. */
  title: string;
  order: number;
  /** Figures (counts, the within-target share …) and entries for `window`. Read-only. */
  collect(ctx: SectionContext, window: DiaryWindow): { figures: DiaryItemDraft[]; entries: DiaryItemDraft[] };
}
