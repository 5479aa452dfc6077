// The key and item register: what was lent, to whom, when, when it is expected back, and its return.
import { newId } from '../ids';
import type { CallContext, FeatureHandlers } from '../context';
import { staffOf } from '../context';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { Where } from '../store/sql';
import { findLoan, toLoan, type LoanRow } from './rows';

function requireLoan(ctx: CallContext, id: string): LoanRow {
  const row = findLoan(ctx.db, id);
  if (!row) throw new NotFoundError();
  return row;
}

export const keysHandlers: FeatureHandlers<'keys'> = {
  lend: (ctx, input) => {
    const me = staffOf(ctx);
    if (input.expectedBackAt !== null && input.expectedBackAt < ctx.now) throw ValidationError.field('expectedBackAt', 'keys:errors.backInPast');
    const row: LoanRow = {
      id: newId(ctx.now),
      kind: input.kind,
      item: input.item,
      item_code: input.itemCode,
      borrower: input.borrower,
      borrower_unit: input.borrowerUnit,
      note: input.note,
      lent_at: ctx.now,
      lent_by_id: me.user.id,
      lent_by_name: me.user.name,
      expected_back_at: input.expectedBackAt,
      returned_at: null,
      returned_to_id: null,
      returned_to_name: null,
      return_note: '',
    };
    ctx.tx.insert('key_loans', row);
    ctx.emit('keys.changed', { loanId: row.id });
    return toLoan(row, ctx.now);
  },

  return: (ctx, input) => {
    const me = staffOf(ctx);
    const row = requireLoan(ctx, input.id);
    if (row.returned_at !== null) throw new ConflictError('keys:errors.alreadyReturned');
    const { after } = ctx.tx.update<LoanRow & Record<string, unknown>>('key_loans', row.id, {
      returned_at: ctx.now,
      returned_to_id: me.user.id,
      returned_to_name: me.user.name,
      return_note: input.note,
    });
    ctx.emit('keys.changed', { loanId: row.id });
    return toLoan(after, ctx.now);
  },

  list: (ctx, input) => {
    const where = new Where();
    if (input.state === 'out') where.add('returned_at IS NULL');
    if (input.state === 'overdue') where.add('returned_at IS NULL AND expected_back_at IS NOT NULL AND expected_back_at < ?', ctx.now);
    where.contains(["(item || ' ' || item_code || ' ' || borrower || ' ' || borrower_unit)"], input.text);
    const rows = ctx.db
      .prepare(`SELECT * FROM key_loans ${where.clause} ORDER BY lent_at DESC LIMIT ?`)
      .all(...where.params, input.limit) as LoanRow[];
    return { loans: rows.map((r) => toLoan(r, ctx.now)) };
  },

  catalogue: (ctx) => {
    const rows = ctx.db
      .prepare(
        `SELECT kind, item, item_code, MAX(returned_at IS NULL) AS out, MAX(lent_at) AS last
         FROM key_loans GROUP BY kind, item, item_code ORDER BY last DESC LIMIT 300`,
      )
      .all() as Array<{ kind: LoanRow['kind']; item: string; item_code: string; out: number }>;
    return { items: rows.map((r) => ({ kind: r.kind, item: r.item, itemCode: r.item_code, out: r.out === 1 })) };
  },
};
