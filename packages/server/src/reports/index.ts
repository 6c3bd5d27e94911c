/** The reports capability's entry point: what other capabilities may use of it. */
export { type Dimension, dossierGroupKey, type Filters, scopeConditions } from './reports.repository';
// The writers of dossiers feed the aggregates through these (decision 014).
export {
  COUNTED_COLUMNS,
  foldReturning,
  REPORT_ROLLUP_QUEUE,
  rebuildAggregates,
  recordNewDossiers,
  runReportRollup,
  trackDossierChanges,
} from './reports.rollup';
