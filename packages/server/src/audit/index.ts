/** The audit capability's entry point: what other capabilities may use of it. */
export { type AuditEntry, appendAudit, auditEntryFor, auditInsert, markAudited, withChange } from './audit.repository';
