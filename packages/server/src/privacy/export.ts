import { PassThrough, type Readable } from 'node:stream';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { sql } from 'kysely';
import { blobStoreFor } from '../files/files.service';
import type { AppContext } from '../http/context';
import { readsOfSubject } from './access-log.repository';

type Row = Record<string, unknown>;

/** A file of the archive: one the citizen uploaded, or one of their dossiers' papers. */
interface ArchiveFile {
  sha256: string;
  name: string;
}

const rows = async (ctx: AppContext, query: ReturnType<typeof sql<Row>>) => (await query.execute(ctx.db)).rows;

/**
 * Everything held about a citizen (issue 20 point 3), as one JSON document: their account, their
 * dossiers with their forms, events and papers, their uploads, complaints, ratings, notifications,
 * sessions, the reads of their data by agencies, and their requests. Secrets (password hash,
 * session ids, code hashes) are not data about them and stay out.
 */
export async function collectSubjectData(ctx: AppContext, userId: string, now: Date) {
  const p = ctx.config.PROVINCE_CODE;
  const [account] = await rows(
    ctx,
    sql`select id, phone, full_name, citizen_id, email, phone_verified_at, created_at
        from user_account where province_code = ${p} and id = ${userId}`,
  );
  const dossiers = await rows(
    ctx,
    sql`select id, code, procedure_code, procedure_version, agency_code, unit_code, channel, status,
               applicant_name, applicant_phone, applicant_citizen_id, delivery, form, fee_amount,
               submitted_at, received_at, due_at, finished_at, returned_at, withdrawn_at
        from dossier where province_code = ${p} and applicant_id = ${userId} order by submitted_at`,
  );
  const ids = dossiers.map((d) => String(d.id));
  const events = ids.length
    ? await rows(
        ctx,
        sql`select dossier_id, seq, type, from_status, to_status, at, note from dossier_event
            where province_code = ${p} and dossier_id in (${sql.join(ids)}) order by dossier_id, seq`,
      )
    : [];
  const attachments = ids.length
    ? await rows(
        ctx,
        sql`select dossier_id, component_id, file_id, file_name, media_type, added_at, round from dossier_attachment
            where province_code = ${p} and dossier_id in (${sql.join(ids)}) order by id`,
      )
    : [];
  const uploads = await rows(
    ctx,
    sql`select sha256, original_name, media_type, size, created_at from stored_file
        where province_code = ${p} and owner_id = ${userId} order by created_at`,
  );
  const complaints = await rows(
    ctx,
    sql`select code, kind, dossier_code, procedure_code, agency_code, citizen_name, citizen_phone, subject, content,
               status, created_at, due_at, answer, answered_at
        from complaint where province_code = ${p} and citizen_id = ${userId} order by created_at`,
  );
  const codes = dossiers.map((d) => String(d.code));
  const ratings = codes.length
    ? await rows(
        ctx,
        sql`select dossier_code, answers, comment, created_at, updated_at from dossier_rating
            where province_code = ${p} and dossier_code in (${sql.join(codes)})`,
      )
    : [];
  const notifications = await rows(
    ctx,
    sql`select dossier_code, title, body, created_at, read_at from notification
        where province_code = ${p} and user_id = ${userId} order by id`,
  );
  const sessions = await rows(
    ctx,
    sql`select created_at, last_seen_at, expires_at, ip, user_agent from session
        where province_code = ${p} and user_id = ${userId} order by created_at`,
  );
  const reads = await readsOfSubject(ctx.db, p, userId, undefined, 10_000);
  const requests = await ctx.db
    .selectFrom('dataSubjectRequest')
    .select(['code', 'kind', 'detail', 'status', 'createdAt', 'dueAt', 'answer', 'answeredAt'])
    .where('provinceCode', '=', p)
    .where('citizenId', '=', userId)
    .orderBy('createdAt')
    .execute();

  const consents = await ctx.db
    .selectFrom('consentRecord')
    .select(['purpose', 'noticeVersion', 'decision', 'at'])
    .where('provinceCode', '=', p)
    .where('userId', '=', userId)
    .orderBy('at')
    .execute();

  const byDossier = (list: Row[], id: unknown) => list.filter((r) => r.dossierId === id).map(({ dossierId: _, ...r }) => r);
  const files = new Map<string, ArchiveFile>();
  for (const u of uploads) files.set(String(u.sha256), { sha256: String(u.sha256), name: String(u.originalName) });
  for (const a of attachments) {
    if (!files.has(String(a.fileId))) files.set(String(a.fileId), { sha256: String(a.fileId), name: String(a.fileName) });
  }
  return {
    data: {
      generatedAt: now.toISOString(),
      controller: `Dịch vụ công tỉnh (mã ${p})`,
      account: account ?? null,
      dossiers: dossiers.map(({ id, ...d }) => ({
        ...d,
        events: byDossier(events, id),
        attachments: byDossier(attachments, id),
      })),
      uploads,
      complaints,
      ratings,
      notifications,
      sessions,
      readsByAgencies: reads.map(({ id: _, ...r }) => r),
      requests,
      consents,
    },
    files: [...files.values()],
  };
}

/** A safe name inside the archive: its hash first (unique), then the name the citizen gave it. */
function entryName(file: ArchiveFile): string {
  const clean = file.name.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(-80);
  return `files/${file.sha256.slice(0, 12)}-${clean}`;
}

/**
 * The archive as a stream: data.json first, then each file as stored (already compressed PDFs and
 * images are not deflated again). Files are read one at a time, so memory stays flat.
 */
export function archiveOf(ctx: AppContext, data: unknown, files: ArchiveFile[]): Readable {
  const out = new PassThrough();
  const zip = new Zip((err, chunk, final) => {
    if (err) {
      out.destroy(err);
      return;
    }
    out.write(chunk);
    if (final) out.end();
  });
  const json = new ZipDeflate('data.json', { level: 6 });
  zip.add(json);
  json.push(new TextEncoder().encode(JSON.stringify(data, null, 2)), true);
  (async () => {
    const store = blobStoreFor(ctx);
    for (const file of files) {
      const body = await store.get(file.sha256);
      if (!body) continue;
      const entry = new ZipPassThrough(entryName(file));
      zip.add(entry);
      for await (const chunk of body) entry.push(chunk as Uint8Array);
      entry.push(new Uint8Array(0), true);
    }
    zip.end();
  })().catch((err: unknown) => out.destroy(err as Error));
  return out;
}
