// The handover's own sections: the admin's checklist template, and the free notes of the previous handover.
import type { HandoverSectionProvider } from './sections';
import { handoverSettings } from './settings';

export const checklistSection: HandoverSectionProvider = {
  key: 'checklist',
  title: 'handover:sections.checklist',
  order: 0,
  lines(ctx) {
    return handoverSettings(ctx.db).template.map((item) => ({
      key: `template:${item.key}`,
      kind: 'handover:line.template',
      params: { label: item.label, labelEn: item.labelEn },
    }));
  },
};

/** The notes the previous person wrote on their handover, so they are read again (and carried if unticked). */
export const previousNotesSection: HandoverSectionProvider = {
  key: 'previous',
  title: 'handover:sections.previous',
  order: 90,
  lines(ctx) {
    const previous = ctx.db
      .prepare(
        `SELECT id, number, outgoing_name, notes, signed_at FROM handovers
         WHERE signed_at IS NOT NULL AND shift_id <> ? ORDER BY signed_at DESC LIMIT 1`,
      )
      .get(ctx.shift.id) as { id: string; number: string; outgoing_name: string; notes: string; signed_at: number } | undefined;
    if (!previous || previous.notes.trim() === '') return [];
    return [
      {
        key: `notes:${previous.id}`,
        kind: 'handover:line.previousNotes',
        params: { number: previous.number, by: previous.outgoing_name, signedAt: previous.signed_at, notes: previous.notes },
      },
    ];
  },
};
