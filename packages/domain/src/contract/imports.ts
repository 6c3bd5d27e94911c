import { z } from 'zod';

/** Answers of the web import of historical dossiers (/api/v1/admin/imports), for the server and the app. */

export const DossierImportView = z.object({
  id: z.string(),
  fileName: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  sizeBytes: z.number(),
  bytesRead: z.number(),
  rows: z.number(),
  inserted: z.number(),
  duplicates: z.number(),
  conflicts: z.number(),
  badRows: z.number(),
  /** The list of bad rows and conflicts (line, column, reason), once the import is done and has some. */
  errorsUrl: z.string().nullable(),
  failure: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export type DossierImport = z.infer<typeof DossierImportView>;
