// Admin-configurable checklists (the opening check, the handover template): stored as settings sections, each
// item with a stable key so answers and carried lines can refer to it across edits.
import type { z } from 'zod';
import { newId } from '../ids';
import type { CallContext } from '../context';
import { ValidationError } from '../errors';
import type { ChecklistInput, ChecklistItem } from '../../../shared/contract/shifts';

/** Gives new items a key and refuses two items with the same key. */
export function normalizeChecklist(ctx: Pick<CallContext, 'now'>, items: z.output<typeof ChecklistInput>, field: string): ChecklistItem[] {
  const seen = new Set<string>();
  return items.map((item, index) => {
    const key = item.key ?? newId(ctx.now + index).toLowerCase();
    if (seen.has(key)) {
      throw new ValidationError([{ path: [field, index, 'key'], code: 'custom', message: 'shifts:errors.checklistDuplicate' }]);
    }
    seen.add(key);
    return { key, label: item.label, labelEn: item.labelEn };
  });
}
