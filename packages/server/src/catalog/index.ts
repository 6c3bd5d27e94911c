/**
 * The catalog capability's entry point: what other capabilities (admin, results, dossiers) use of
 * the stored procedures and their versions (issue 12, CONTRACT-12 §2).
 */
export {
  findProcedureVersion,
  insertProcedureVersion,
  listProcedureVersions,
  searchTextFor,
  setProcedureActive,
} from './catalog.repository';
export { BUILT_IN_NOTE, seedCatalog } from './catalog.seed';
export {
  currentGroupMembers,
  currentProcedureVersion,
  findProcedureByCode,
  listProcedures,
  type ProcedureVersion,
  procedureVersion,
  queryWords,
} from './catalog.service';
export { type IndexedProcedure, publishedCatalog } from './catalog-index';
export { type FiledUnder, factsOfDossier, factsOfDossiers } from './procedure-facts';
