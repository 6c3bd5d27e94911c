/** The portal-sync capability's entry point: what other capabilities use of it. */
export { countPublishedDossiers, type PublishedCount } from './published-counts';
