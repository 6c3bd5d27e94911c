import { z } from 'zod';
import { OFFICER_TABS } from './dossier.repository';

/** Parameters of the dossier routes; their bodies and answers are the contract's (@dvc/domain/contract/dossiers). */

export const CodeParams = z.strictObject({ code: z.string().trim().min(5).max(60) });

export const MineQuery = z.strictObject({ mine: z.literal('true').optional() });

export const OfficerListQuery = z.strictObject({
  tab: z.enum(OFFICER_TABS).default('all'),
  procedure: z.string().max(50).optional(),
  channel: z.enum(['direct', 'web', 'mobile', 'phone']).optional(),
  q: z.string().max(200).optional(),
  dueSoon: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
