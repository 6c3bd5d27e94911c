import { type AuditEntry, auditInsert, withChange } from '../audit/audit.plugin';
import type { Db } from '../db/database';
import type { AppContext } from '../http/context';
import type { Failure } from '../http/refusal';

/**
 * The administrative life of the stand-in's stored credentials, apart from the CSC protocol
 * (csc-stand-in.ts): an officer's credential disabled with their account, revoked by an
 * administrator, and the revoked ones the CRL lists.
 */

export async function disableCredential(db: Db, provinceCode: string, id: string, reason: string): Promise<void> {
  await db
    .updateTable('signingCredential')
    .set({ status: 'disabled', statusReason: reason })
    .where('provinceCode', '=', provinceCode)
    .where('id', '=', id)
    .where('status', '=', 'active')
    .execute();
}

/** Revokes a credential: its certificate goes on the CRL and it signs nothing more. */
export async function revokeCredential(
  ctx: AppContext,
  id: string,
  reason: string,
  audit: AuditEntry,
): Promise<{ ok: true; serialNumber: string } | Failure<'not_found'>> {
  const provinceCode = ctx.config.PROVINCE_CODE;
  const state = (db: Db) =>
    db
      .selectFrom('signingCredential')
      .select(['id', 'serialNumber', 'status', 'statusReason', 'revokedAt'])
      .where('provinceCode', '=', provinceCode)
      .where('id', '=', id)
      .executeTakeFirst();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await state(trx);
    const row = await trx
      .updateTable('signingCredential')
      .set({ status: 'revoked', statusReason: reason, revokedAt: ctx.now() })
      .where('provinceCode', '=', provinceCode)
      .where('id', '=', id)
      .where('status', '<>', 'revoked')
      .returning('serialNumber')
      .executeTakeFirst();
    if (!row) return { ok: false as const, reason: 'not_found' as const };
    await auditInsert(trx, [withChange(audit, before, await state(trx))]).execute();
    return { ok: true as const, serialNumber: row.serialNumber };
  });
}

export function listRevoked(db: Db, provinceCode: string) {
  return db
    .selectFrom('signingCredential')
    .select(['serialNumber', 'revokedAt'])
    .where('provinceCode', '=', provinceCode)
    .where('status', '=', 'revoked')
    .orderBy('revokedAt')
    .execute();
}
