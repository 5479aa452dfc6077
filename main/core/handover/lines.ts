// Building a handover's lines: every section provider's live lines, merged with the lines the previous handover
// left unticked (marked carried), onto the draft's existing lines without losing a tick or a comment.
import { newId } from '../ids';
import type { CallContext } from '../context';
import type { HandoverSectionProvider } from './sections';
import { sectionContext, type ShiftRow } from '../shifts';
import { linesOf, previousSignedHandover, type HandoverRow, type LineRow } from './rows';

interface DesiredLine {
  key: string;
  section: string;
  section_title: string;
  section_order: number;
  position: number;
  kind: string;
  params_json: string;
  attention: number;
  current: number;
  carried_from_id: string | null;
  carried_from_number: string | null;
  carried_count: number;
  carried_comment: string;
}

const COMPARED: Array<keyof DesiredLine> = [
  'section',
  'section_title',
  'section_order',
  'position',
  'kind',
  'params_json',
  'attention',
  'current',
  'carried_from_id',
  'carried_from_number',
  'carried_count',
  'carried_comment',
];

/** What the sheet should show now, by key, in sheet order. */
function desiredLines(
  ctx: CallContext,
  shift: ShiftRow,
  providers: readonly HandoverSectionProvider[],
  previous: HandoverRow | undefined,
): DesiredLine[] {
  const sectionCtx = sectionContext(ctx.db, ctx.now, shift);
  const carried = new Map<string, LineRow>();
  if (previous) {
    for (const line of linesOf(ctx.db, previous.id)) if (line.ticked === 0) carried.set(line.key, line);
  }
  const carriedFields = (key: string): Pick<DesiredLine, 'carried_from_id' | 'carried_from_number' | 'carried_count' | 'carried_comment'> => {
    const from = carried.get(key);
    return from && previous
      ? { carried_from_id: previous.id, carried_from_number: previous.number, carried_count: from.carried_count + 1, carried_comment: from.comment }
      : { carried_from_id: null, carried_from_number: null, carried_count: 0, carried_comment: '' };
  };
  const out = new Map<string, DesiredLine>();
  const ordered = [...providers].sort((a, b) => a.order - b.order);
  for (const provider of ordered) {
    provider.lines(sectionCtx).forEach((line, index) => {
      if (out.has(line.key)) return; // a key belongs to one line; the first section that names it keeps it
      out.set(line.key, {
        key: line.key,
        section: provider.key,
        section_title: provider.title,
        section_order: provider.order,
        position: index,
        kind: line.kind,
        params_json: JSON.stringify(line.params),
        attention: line.attention ? 1 : 0,
        current: 1,
        ...carriedFields(line.key),
      });
    });
  }
  // Unticked lines no section produces any more still carry over, as they were, until someone ticks them.
  for (const [key, from] of carried) {
    if (out.has(key)) continue;
    out.set(key, {
      key,
      section: from.section,
      section_title: from.section_title,
      section_order: from.section_order,
      position: 1000 + from.position,
      kind: from.kind,
      params_json: from.params_json,
      attention: from.attention,
      current: 0,
      ...carriedFields(key),
    });
  }
  return [...out.values()];
}

/**
 * Brings a draft's lines up to date. New lines are added; lines that are no longer produced are withdrawn if
 * nobody touched them, or kept (marked not current) if they were ticked or commented. Returns how many lines
 * were added.
 */
export function refreshLines(ctx: CallContext, handover: HandoverRow, shift: ShiftRow, providers: readonly HandoverSectionProvider[]): number {
  const previous = previousSignedHandover(ctx.db, handover.id);
  const previousId = previous?.id ?? null;
  if (handover.previous_id !== previousId) ctx.tx.update('handovers', handover.id, { previous_id: previousId });
  const desired = desiredLines(ctx, shift, providers, previous);
  const existing = new Map(linesOf(ctx.db, handover.id, true).map((l) => [l.key, l]));
  let added = 0;
  for (const line of desired) {
    const before = existing.get(line.key);
    if (!before) {
      ctx.tx.insert('handover_lines', { id: newId(ctx.now), handover_id: handover.id, ...line, ticked: 0, comment: '', withdrawn: 0, updated_at: ctx.now });
      added += 1;
      continue;
    }
    existing.delete(line.key);
    const patch: Record<string, unknown> = {};
    for (const column of COMPARED) if (before[column] !== line[column]) patch[column] = line[column];
    if (before.withdrawn === 1) {
      patch.withdrawn = 0;
      added += 1;
    }
    if (Object.keys(patch).length > 0) ctx.tx.update('handover_lines', before.id, { ...patch, updated_at: ctx.now });
  }
  for (const gone of existing.values()) {
    if (gone.withdrawn === 1) continue;
    const touched = gone.ticked === 1 || gone.comment !== '';
    if (!touched) ctx.tx.update('handover_lines', gone.id, { withdrawn: 1, updated_at: ctx.now });
    // Kept because someone touched it; it moves below the section's current lines.
    else if (gone.current === 1) ctx.tx.update('handover_lines', gone.id, { current: 0, position: 1000 + gone.position, updated_at: ctx.now });
  }
  return added;
}
