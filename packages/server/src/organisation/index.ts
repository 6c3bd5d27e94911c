/** The organisation capability's entry point: what other capabilities may use of it. */
export { type AgencyView, findAgency, searchAgencies } from './organisation.repository';
export { AGENCY_KIND_NAMES } from './organisation.service';
