import { z } from 'zod';

/** Answers of the targets administration routes (/api/v1/admin/targets), for the server and the app. */

const UnitLevel = z.enum(['province', 'district', 'commune']);

export const TargetView = z.object({
  id: z.number().int(),
  groupCode: z.string(),
  unitLevel: UnitLevel.nullable().describe('Cấp đơn vị được đánh giá; null: mọi cấp'),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  onlineRate: z.number(),
  legalBasis: z.string(),
  recordedAt: z.string(),
  supersededAt: z.string().nullable().describe('Khi bị thay bằng quyết định sau (dòng vẫn giữ làm lịch sử)'),
});

export const TargetGroupView = z.object({ code: z.string(), name: z.string(), procedureCodes: z.array(z.string()) });

/** GET /api/v1/admin/targets: the procedure groups, the targets in force and every decision recorded. */
export const TargetsView = z.object({
  groups: z.array(TargetGroupView),
  current: z.array(TargetView),
  history: z.array(TargetView),
});

/** POST /api/v1/admin/targets: the targets in force after the decision. */
export const CurrentTargetsView = z.object({ current: z.array(TargetView) });

export type Target = z.infer<typeof TargetView>;
export type Targets = z.infer<typeof TargetsView>;
