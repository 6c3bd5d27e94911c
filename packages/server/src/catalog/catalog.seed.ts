import { PROCEDURES } from '@dvc/domain';
import type { AppContext } from '../http/context';
import { upsertProcedures } from './catalog.repository';

/** Idempotent. Returns lines for the start-up banner. */
export async function seedCatalog(ctx: AppContext, _demo: boolean): Promise<string[]> {
  const changed = await upsertProcedures(ctx.db, ctx.config.PROVINCE_CODE, PROCEDURES, ctx.now());
  return [`Danh mục thủ tục: ${PROCEDURES.length} thủ tục${changed > 0 ? ` (${changed} mới hoặc cập nhật)` : ''}`];
}
