import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { blobStoreFor } from '../files/files.service';
import type { AppContext } from '../http/context';
import { unreferencedBlobs } from './erasure';
import type { RetentionPolicyTable } from './privacy.tables';

/** The name an anonymised dossier's applicant takes. */
export const ANONYMISED_NAME = 'Đã ẩn danh';

const DAY_MS = 86_400_000;
const count = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0);

interface Step {
  affected: number;
  detail: Record<string, number>;
  /** Files whose rows went: their bytes are erased after the commit if nothing refers to them. */
  files?: string[];
}

type Policy = Pick<RetentionPolicyTable, 'category' | 'procedureCode' | 'keepDays' | 'action'>;
type Handler = (trx: Transaction<Database>, p: string, cutoff: Date, policy: Policy, others: string[]) => Promise<Step>;

/** What each category's `delete` or `anonymise` does, on rows older than the cutoff. */
const HANDLERS: Record<string, Handler> = {
  async draft_uploads(trx, p, cutoff) {
    const { rows } = await sql<{ sha256: string }>`
      delete from stored_file f where f.province_code = ${p} and f.created_at < ${cutoff}
        and not exists (select 1 from dossier_attachment a where a.file_id = f.sha256)
        and not exists (select 1 from complaint c, jsonb_array_elements(c.attachments) e
                        where c.province_code = ${p} and e->>'sha256' = f.sha256)
      returning sha256`.execute(trx);
    return { affected: rows.length, detail: {}, files: rows.map((r) => r.sha256) };
  },
  async unfinished_uploads(trx, p, cutoff) {
    const sessions = count(
      await sql`delete from upload_session where province_code = ${p} and expires_at < ${cutoff}`.execute(trx),
    );
    const outcomes = count(
      await sql`delete from file_upload where province_code = ${p} and finished_at < ${cutoff}`.execute(trx),
    );
    return { affected: sessions + outcomes, detail: { sessions, outcomes } };
  },
  async sms_outbox(trx, p, cutoff) {
    const n = count(await sql`delete from sms_outbox where province_code = ${p} and created_at < ${cutoff}`.execute(trx));
    return { affected: n, detail: {} };
  },
  async sessions(trx, p, cutoff) {
    const n = count(await sql`delete from session where province_code = ${p} and expires_at < ${cutoff}`.execute(trx));
    return { affected: n, detail: {} };
  },
  async one_time_codes(trx, p, cutoff) {
    const phone = count(await sql`delete from one_time_code where province_code = ${p} and expires_at < ${cutoff}`.execute(trx));
    const reset = count(
      await sql`delete from password_reset_code where province_code = ${p} and expires_at < ${cutoff}`.execute(trx),
    );
    const staff = count(
      await sql`delete from staff_password_code where province_code = ${p} and expires_at < ${cutoff}`.execute(trx),
    );
    // A sign-up never confirmed holds a name and a password hash: it goes with its codes.
    const signUps = count(await sql`delete from sign_up where province_code = ${p} and created_at < ${cutoff}`.execute(trx));
    // …and so does the account of a phone never verified, unless something filed in its name.
    const unverified = count(
      await sql`delete from user_account u where u.province_code = ${p} and u.kind = 'citizen'
                  and u.phone_verified_at is null and u.created_at < ${cutoff}
                  and not exists (select 1 from sign_up s where s.province_code = ${p} and s.phone = u.phone)
                  and not exists (select 1 from dossier d where d.applicant_id = u.id)
                  and not exists (select 1 from complaint c where c.citizen_id = u.id)`.execute(trx),
    );
    return {
      affected: phone + reset + staff + signUps + unverified,
      detail: { phone, reset, staff, signUps, unverifiedAccounts: unverified },
    };
  },
  /** The assistant's conversations (053): a conversation goes 30 days after its last message, its messages with it. */
  async assistant_conversations(trx, p, cutoff) {
    const n = count(
      await sql`delete from assistant_conversation where province_code = ${p} and last_at < ${cutoff}`.execute(trx),
    );
    return { affected: n, detail: {} };
  },
  async notifications(trx, p, cutoff) {
    const n = count(await sql`delete from notification where province_code = ${p} and created_at < ${cutoff}`.execute(trx));
    return { affected: n, detail: {} };
  },
  /**
   * Closed dossiers past their period: the applicant's name, phone, identity number and form go,
   * and their papers with them. The row stays with every counted column unchanged, so report_daily
   * (kept by trigger from the row) counts it as before. Its events are append-only and stay.
   */
  async dossiers(trx, p, cutoff, policy, others): Promise<Step> {
    const procedure =
      policy.procedureCode === '*'
        ? others.length
          ? sql`and d.procedure_code not in (${sql.join(others)})`
          : sql``
        : sql`and d.procedure_code = ${policy.procedureCode}`;
    const { rows: targets } = await sql<{ id: string; applicantId: string | null }>`
      select d.id, d.applicant_id from dossier d
      where d.province_code = ${p} and d.applicant_name <> ${ANONYMISED_NAME}
        and (d.finished_at is not null or d.withdrawn_at is not null)
        and coalesce(d.returned_at, d.withdrawn_at, d.finished_at) < ${cutoff} ${procedure}
      for update`.execute(trx);
    if (targets.length === 0) return { affected: 0, detail: {} };
    const ids = targets.map((r) => r.id);
    await sql`
      update dossier set applicant_name = ${ANONYMISED_NAME}, applicant_phone = null, applicant_citizen_id = null,
             applicant_id = null, form = '{}'::jsonb, search_text = code
      where id in (${sql.join(ids)})`.execute(trx);
    const attachments = await sql<{ fileId: string; addedBy: string | null }>`
      delete from dossier_attachment where province_code = ${p} and dossier_id in (${sql.join(ids)})
      returning file_id, added_by`.execute(trx);
    const shas = [...new Set(attachments.rows.map((r) => r.fileId))];
    // The papers' stored rows of those who filed them go, once no other dossier or complaint holds
    // them; someone else's upload of the same bytes stays theirs.
    const owners = [
      ...new Set([...targets.map((r) => r.applicantId), ...attachments.rows.map((r) => r.addedBy)].filter((o) => o !== null)),
    ];
    const orphans = await unreferencedStoredFiles(trx, p, shas);
    let storedFiles = 0;
    if (orphans.length && owners.length) {
      storedFiles = count(
        await sql`delete from stored_file where province_code = ${p} and sha256 in (${sql.join(orphans)})
                  and owner_id in (${sql.join(owners)})`.execute(trx),
      );
    }
    return { affected: ids.length, detail: { attachments: attachments.rows.length, storedFiles }, files: orphans };
  },
};

export const RETENTION_CATEGORIES = Object.keys(HANDLERS);

async function unreferencedStoredFiles(trx: Transaction<Database>, p: string, shas: string[]): Promise<string[]> {
  if (shas.length === 0) return [];
  const { rows } = await sql<{ sha: string }>`
    select s.sha from (values ${sql.join(shas.map((sha) => sql`(${sha}::text)`))}) as s(sha)
    where not exists (select 1 from dossier_attachment a where a.file_id = s.sha)
      and not exists (select 1 from complaint c, jsonb_array_elements(c.attachments) e
                      where c.province_code = ${p} and e->>'sha256' = s.sha)`.execute(trx);
  return rows.map((r) => r.sha);
}

export interface RetentionRunLine {
  category: string;
  procedureCode: string;
  action: string;
  cutoff: Date;
  affected: number;
  detail: Record<string, number>;
}

/**
 * One run of the retention job: each policy whose action is not `keep`, in its own transaction with
 * its row of retention_run, then the bytes of files nothing refers to any more.
 */
export async function runRetention(ctx: AppContext, now: Date): Promise<{ runId: string; lines: RetentionRunLine[] }> {
  const p = ctx.config.PROVINCE_CODE;
  const policies = await ctx.db
    .selectFrom('retentionPolicy')
    .select(['category', 'procedureCode', 'keepDays', 'action'])
    .where('provinceCode', '=', p)
    .orderBy('category')
    .orderBy('procedureCode', 'desc')
    .execute();
  const runId = randomUUID();
  const lines: RetentionRunLine[] = [];
  const erased: string[] = [];
  for (const policy of policies) {
    const handler = HANDLERS[policy.category];
    if (!handler || policy.action === 'keep') continue;
    const cutoff = new Date(now.getTime() - policy.keepDays * DAY_MS);
    const others = policies.filter((o) => o.category === policy.category && o.procedureCode !== '*').map((o) => o.procedureCode);
    const step = await ctx.db.transaction().execute(async (trx) => {
      const s = await handler(trx, p, cutoff, policy, others);
      const files = await unreferencedBlobs(trx, p, s.files ?? []);
      const detail = files.length ? { ...s.detail, fileBytesErased: files.length } : s.detail;
      await trx
        .insertInto('retentionRun')
        .values({
          provinceCode: p,
          runId,
          at: now,
          category: policy.category,
          procedureCode: policy.procedureCode,
          action: policy.action,
          cutoff,
          affected: s.affected,
          detail: JSON.stringify(detail),
        })
        .execute();
      return { ...s, detail, files };
    });
    erased.push(...step.files);
    lines.push({
      category: policy.category,
      procedureCode: policy.procedureCode,
      action: policy.action,
      cutoff,
      affected: step.affected,
      detail: step.detail,
    });
  }
  const store = blobStoreFor(ctx);
  for (const sha of new Set(erased)) await store.remove(sha);
  return { runId, lines };
}
