// What other features use of the audit trail: its admin tab.
export { AuditAdmin } from './AuditAdmin';
