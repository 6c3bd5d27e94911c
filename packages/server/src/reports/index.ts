/** The reports capability's entry point: what other capabilities may use of it. */
export type { Dimension, Filters } from './reports.repository';
