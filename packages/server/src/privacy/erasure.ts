import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { blobStoreFor } from '../files/files.service';
import type { AppContext } from '../http/context';

export type ErasureOutcome = Record<string, number>;

const count = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0);

/** The bytes of these files that nothing refers to any more: no stored file, no dossier, no complaint. */
export async function unreferencedBlobs(trx: Transaction<Database>, provinceCode: string, shas: string[]) {
  if (shas.length === 0) return [];
  const { rows } = await sql<{ sha: string }>`
    select s.sha from (values ${sql.join(shas.map((sha) => sql`(${sha}::text)`))}) as s(sha)
    where not exists (select 1 from stored_file f where f.sha256 = s.sha)
      and not exists (select 1 from dossier_attachment a where a.file_id = s.sha)
      and not exists (select 1 from complaint c, jsonb_array_elements(c.attachments) e
                      where c.province_code = ${provinceCode} and e->>'sha256' = s.sha)`.execute(trx);
  return rows.map((r) => r.sha);
}

/**
 * Deletes what no law requires DVC to keep about a citizen (issue 20 point 3): their uploads not
 * attached to a dossier or a complaint, unfinished uploads, sessions, push subscriptions, VNeID link,
 * password-reset codes and notifications; then the account itself, or, when dossiers or complaints
 * still name it (kept under the law on records), the account's own data: it can no longer sign in.
 * Returns how many rows of each went; no personal field.
 */
export async function eraseCitizen(ctx: AppContext, userId: string, now: Date): Promise<ErasureOutcome> {
  const p = ctx.config.PROVINCE_CODE;
  const { outcome, blobs } = await ctx.db.transaction().execute(async (trx) => {
    const outcome: ErasureOutcome = {};
    const loose = await sql<{ sha256: string }>`
      delete from stored_file f where f.province_code = ${p} and f.owner_id = ${userId}
        and not exists (select 1 from dossier_attachment a where a.file_id = f.sha256)
        and not exists (select 1 from complaint c, jsonb_array_elements(c.attachments) e
                        where c.province_code = ${p} and e->>'sha256' = f.sha256)
      returning sha256`.execute(trx);
    outcome.uploads = loose.rows.length;
    outcome.uploadSessions = count(
      await sql`delete from upload_session where province_code = ${p} and owner_id = ${userId}`.execute(trx),
    );
    outcome.uploadOutcomes = count(
      await sql`delete from file_upload where province_code = ${p} and owner_id = ${userId}`.execute(trx),
    );
    outcome.sessions = count(await sql`delete from session where user_id = ${userId}`.execute(trx));
    outcome.pushSubscriptions = count(await sql`delete from push_subscription where user_id = ${userId}`.execute(trx));
    outcome.identityLinks = count(await sql`delete from citizen_identity_link where user_id = ${userId}`.execute(trx));
    outcome.passwordResetCodes = count(await sql`delete from password_reset_code where user_id = ${userId}`.execute(trx));
    outcome.notifications = count(
      await sql`delete from notification where province_code = ${p} and user_id = ${userId}`.execute(trx),
    );
    const { rows: kept } = await sql<{ n: number }>`
      select (select count(*) from dossier where province_code = ${p} and applicant_id = ${userId})
           + (select count(*) from complaint where province_code = ${p} and citizen_id = ${userId}) as n`.execute(trx);
    if (Number(kept[0]?.n ?? 0) === 0) {
      outcome.accountDeleted = count(
        await sql`delete from user_account where province_code = ${p} and id = ${userId} and kind = 'citizen'`.execute(trx),
      );
    } else {
      // The phone must stay unique: the account's id stands in for it (and its blind index goes, so the
      // number is free for a new account).
      outcome.accountAnonymised = count(
        await sql`update user_account set full_name = 'Tài khoản đã xóa', phone = ${`xoa-${userId}`}, phone_bidx = null, citizen_id = null,
                    email = null, password_hash = '!', deactivated_at = ${now}
                  where province_code = ${p} and id = ${userId} and kind = 'citizen'`.execute(trx),
      );
    }
    return {
      outcome,
      blobs: await unreferencedBlobs(
        trx,
        p,
        loose.rows.map((r) => r.sha256),
      ),
    };
  });
  // After the commit: bytes erased only once no row can point at them.
  const store = blobStoreFor(ctx);
  for (const sha of blobs) await store.remove(sha);
  outcome.fileBytesErased = blobs.length;
  return outcome;
}
