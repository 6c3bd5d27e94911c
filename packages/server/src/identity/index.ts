/** The identity capability's entry point: what other capabilities may use of it. */

export type { Actor } from './actor';
export { agencyNames, findUserByPhone, userNames } from './identity.repository';
export { ensureAgencies } from './identity.seed';
export { isActiveSpecialistOf } from './staff.repository';
export { findVerifiedIdentity } from './vneid/verified-identity';
