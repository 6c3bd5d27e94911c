/** The reports capability's entry point: what other capabilities may use of it. */
export { type Dimension, dossierGroupKey, type Filters, scopeConditions } from './reports.repository';
