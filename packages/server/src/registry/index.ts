/** The registry capability's entry point: what other capabilities may use of it. */
export { findHouseholdBusinessById, type HouseholdBusinessRow } from './registry.repository';
