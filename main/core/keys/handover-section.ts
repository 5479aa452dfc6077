// The keys section of the handover (S-1): every key, card or item still out, overdue ones highlighted.
import type { HandoverSectionProvider } from '../handover';
import { isOverdue, loansOut } from './rows';

export const keysHandoverSection: HandoverSectionProvider = {
  key: 'keys',
  title: 'keys:handover.section',
  order: 30,
  lines(ctx) {
    return loansOut(ctx.db).map((row) => ({
      key: `key-loan:${row.id}`,
      kind: row.expected_back_at === null ? 'keys:handover.outOpenEnded' : 'keys:handover.out',
      params: {
        loanKind: row.kind,
        item: row.item,
        itemCode: row.item_code,
        borrower: row.borrower,
        borrowerUnit: row.borrower_unit,
        lentAt: row.lent_at,
        expectedBackAt: row.expected_back_at,
      },
      attention: isOverdue(row, ctx.now),
    }));
  },
};
