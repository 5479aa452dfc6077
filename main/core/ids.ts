// Record ids: ULIDs that keep their order within one millisecond too (lists sorted by time, then id, stay in
// the order things happened — tests with a fake clock make many records in the same millisecond).
import { monotonicFactory } from 'ulid';

export const newId: (at: number) => string = monotonicFactory();
