// What other features use of the reception record: opening a new record prefilled (from a call), an item's tags and
// deadline as the record shows them (the landing page's work list), and its settings form on the admin page.
export { useRecords, type RecordPrefill } from './store';
export { RecordFlags, TypeTag } from './RecordTags';
export { deadlineText } from './format';
export { RecordsSettingsForm } from './RecordsSettingsForm';
