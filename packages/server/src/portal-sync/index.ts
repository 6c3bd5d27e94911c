/** The portal-sync capability's entry point: what other capabilities use of it. */
export { portalSyncJob } from './portal-sync.job';
export { countPublishedDossiers, type PublishedCount } from './published-counts';
