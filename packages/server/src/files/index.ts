/** The files capability's entry point: what other capabilities may use of it. */
export { upsertStoredFile } from './files.repository';
