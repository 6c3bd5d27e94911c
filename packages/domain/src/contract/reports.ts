import { z } from 'zod';

/** Answers of the report routes, for the server and the app. */

const PublicFiguresShape = {
  received: z.number().int(),
  online: z.number().int(),
  onlineRate: z.string(),
  resolved: z.number().int(),
  onTimeRate: z.string(),
  electronicResultRate: z.string(),
  onlinePaymentRate: z.string(),
};
export const PublicMonth = z.object({ month: z.string(), ...PublicFiguresShape });
const PublicUnit = z.object({ key: z.string(), name: z.string(), ...PublicFiguresShape });
const PublicPhase = z.object({
  code: z.string(),
  name: z.string(),
  from: z.string(),
  to: z.string(),
  total: z.object(PublicFiguresShape),
});

export const PublicFigures = z.object(PublicFiguresShape);

/** GET /api/v1/public/indicators: the public transparency page (/cong-khai). */
export const PublicAnswer = z.object({
  year: z.number().int(),
  months: z.array(PublicMonth),
  total: PublicMonth,
  localities: z.object({
    /** The year, or the phase asked for. */
    scope: z.object({ kind: z.enum(['year', 'phase']), code: z.string(), name: z.string(), from: z.string(), to: z.string() }),
    era: z.enum(['old', 'new']),
    level: z.enum(['province', 'district', 'commune']),
    rows: z.array(PublicUnit),
  }),
  phases: z.array(PublicPhase),
});
export type PublicAnswer = z.infer<typeof PublicAnswer>;

/** GET /api/v1/reports/settings: the report screen's procedure groups, targets in force and phases. */
export const ReportSettingsView = z.object({
  groups: z.array(z.object({ code: z.string(), name: z.string() })),
  targets: z.array(
    z.object({
      groupCode: z.string(),
      /** Null: the target holds for every level. */
      unitLevel: z.enum(['province', 'district', 'commune']).nullable(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
      onlineRate: z.number(),
      legalBasis: z.string(),
    }),
  ),
  phases: z.array(z.object({ code: z.string(), name: z.string(), from: z.string(), to: z.string(), source: z.string() })),
});
export type ReportSettings = z.infer<typeof ReportSettingsView>;
export type PublicFigures = z.infer<typeof PublicFigures>;
