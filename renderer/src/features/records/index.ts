// What other features use of the reception record: opening a new record prefilled (from a call).
export { useRecords, type RecordPrefill } from './store';
