// Reading the key and item register.
import type { ReadableDB } from '../store/sql';
import type { KeyLoan, LoanKind } from '../../../shared/contract/keys';

export interface LoanRow {
  id: string;
  kind: LoanKind;
  item: string;
  item_code: string;
  borrower: string;
  borrower_unit: string;
  note: string;
  lent_at: number;
  lent_by_id: string;
  lent_by_name: string;
  expected_back_at: number | null;
  returned_at: number | null;
  returned_to_id: string | null;
  returned_to_name: string | null;
  return_note: string;
}

export function findLoan(db: ReadableDB, id: string): LoanRow | undefined {
  return db.prepare('SELECT * FROM key_loans WHERE id = ?').get(id) as LoanRow | undefined;
}

export function isOverdue(row: Pick<LoanRow, 'returned_at' | 'expected_back_at'>, now: number): boolean {
  return row.returned_at === null && row.expected_back_at !== null && row.expected_back_at < now;
}

export function toLoan(row: LoanRow, now: number): KeyLoan {
  return {
    id: row.id,
    kind: row.kind,
    item: row.item,
    itemCode: row.item_code,
    borrower: row.borrower,
    borrowerUnit: row.borrower_unit,
    note: row.note,
    lentAt: row.lent_at,
    lentBy: { id: row.lent_by_id, name: row.lent_by_name },
    expectedBackAt: row.expected_back_at,
    returnedAt: row.returned_at,
    returnedTo: row.returned_to_id ? { id: row.returned_to_id, name: row.returned_to_name ?? '' } : null,
    returnNote: row.return_note,
    overdue: isOverdue(row, now),
  };
}

export function loansOut(db: ReadableDB): LoanRow[] {
  return db.prepare('SELECT * FROM key_loans WHERE returned_at IS NULL ORDER BY lent_at').all() as LoanRow[];
}
