import { z } from 'zod';

/** Answers of the catalog administration routes (/api/v1/admin/procedures), for the server and the app. */

/** GET /api/v1/admin/procedures: the province's procedures, published or not. */
export const AdminProcedureListView = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      topic: z.string(),
      topicLabel: z.string(),
      active: z.boolean(),
      currentVersion: z.number().int(),
      updatedAt: z.string(),
    }),
  ),
  total: z.number().int(),
});

/** PUT /api/v1/admin/procedures/:code, 201: the definition saved as a new version. */
export const ProcedureSavedView = z.object({ code: z.string(), version: z.number().int() });
/** The same, 200: the definition is the current version's, nothing was saved. */
export const ProcedureUnchangedView = z.object({ code: z.string(), version: z.number().int(), unchanged: z.literal(true) });
export const ProcedureSaveAnswer = z.union([ProcedureUnchangedView, ProcedureSavedView]);

export const ProcedureVersionsView = z.object({
  code: z.string(),
  active: z.boolean(),
  currentVersion: z.number().int(),
  versions: z.array(
    z.object({
      version: z.number().int(),
      createdAt: z.coerce.string(),
      createdBy: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});

export const ProcedureVersionView = z.object({
  code: z.string(),
  version: z.number().int(),
  definition: z.record(z.string(), z.unknown()),
});

const Change = z.object({
  path: z.string(),
  kind: z.enum(['added', 'removed', 'changed', 'moved']),
  message: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});

/** GET …/versions/:version/diff/:other: what changed between two versions, by path. */
export const ProcedureDiffView = z.object({
  code: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(Change),
});

export const ProcedurePublishedView = z.object({ code: z.string(), active: z.boolean(), version: z.number().int() });

const ErrorList = z.array(z.object({ field: z.string(), message: z.string() }));
const ReportEntry = z.object({
  at: z.number().int(),
  code: z.string().nullable(),
  status: z.enum(['created', 'updated', 'unchanged', 'refused']),
  version: z.number().int().optional(),
  errors: ErrorList.optional(),
  warnings: z.array(z.string()).optional(),
});

/** POST /api/v1/admin/procedures/import: the import's report, entry by entry. */
export const ProcedureImportReportView = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  refused: z.number().int(),
  ignoredColumns: z.array(z.string()),
  entries: z.array(ReportEntry),
});

export type AdminProcedureList = z.infer<typeof AdminProcedureListView>;
export type AdminListItem = AdminProcedureList['items'][number];
export type ProcedureVersion = z.infer<typeof ProcedureVersionsView>['versions'][number];
export type ProcedureChange = z.infer<typeof Change>;
export type ProcedureImportReport = z.infer<typeof ProcedureImportReportView>;
