import { z } from 'zod';

/** Answers of the agency administration routes (/api/v1/admin/agencies), for the server and the app. */

export const AgencyView = z.object({
  code: z.string(),
  name: z.string(),
  /** The agency's kind (the server's list of kinds names it; the app shows `kindName`). */
  kind: z.string(),
  kindName: z.string(),
  level: z.enum(['province', 'commune']),
  unitCode: z.string(),
  unitName: z.string().nullable(),
  parentCode: z.string().nullable(),
  parentName: z.string().nullable(),
  codePrefix: z.string(),
  desk: z.object({ name: z.string(), address: z.string(), phone: z.string() }).nullable(),
  officeHours: z.object({ periods: z.array(z.object({ start: z.string(), end: z.string() })) }).nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  open: z.boolean(),
  staffCount: z.number().int(),
});

/** GET /api/v1/admin/agencies: the agencies found, and the kinds an agency may be. */
export const AgencyListView = z.object({
  items: z.array(AgencyView),
  kinds: z.array(z.object({ code: z.string(), name: z.string() })),
});

export type Agency = z.infer<typeof AgencyView>;
export type AgencyList = z.infer<typeof AgencyListView>;
