/** The reports capability's entry point: what other capabilities may use of it. */

// The writers of dossiers feed the aggregates through these (decision 014).
export { reportRollupJob } from './reports.jobs';
export { type Dimension, dossierGroupKey, type Filters, scopeConditions } from './reports.repository';
export {
  COUNTED_COLUMNS,
  foldReturning,
  rebuildAggregates,
  recordNewDossiers,
  runReportRollup,
  trackDossierChanges,
} from './reports.rollup';
