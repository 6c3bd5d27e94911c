/** The files capability's entry point: what other capabilities may use of it. */
export { deleteOwnedFile, listFilesOwnedBy, upsertStoredFile } from './files.repository';
export { adoptStoredBlob, kindOf, type StoredFileRow } from './files.service';
