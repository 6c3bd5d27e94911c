/** The document store capability's entry point (Kho dữ liệu, issue 18): what filing and reports use of it. */
export { countReusingDossiers, hasReuseData } from './reuse-counts';
export { checkReusedDocuments, type ReusedAttachment } from './store.service';
