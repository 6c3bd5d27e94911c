import { procedureDefinitions as pd } from '@dvc/domain';
import { type AuditEntry, auditInsert } from '../audit/index';
import type { AppContext } from '../http/context';
import type { FieldError } from '../http/problem';
import type { Failure } from '../http/refusal';
import { findProcedureVersion, insertProcedureVersion, listProcedureVersions, setProcedureActive } from './index';
import { isKnownIssuer } from './procedure-admin.issuers';
import { type BulkVersion, insertProcedureVersions, latestVersions, lockProcedureCodes } from './procedure-admin.repository';
import { type DefinitionChange, diffDefinitions, stableJson } from './procedure-diff';
import { definitionFromCsvRow, type ImportEntry } from './procedure-import';

/**
 * Catalog administration (issue 12 point 5): a definition saved is a new version (never an edit of
 * an old one: a running dossier keeps its own), refused with every problem's path, audited with
 * before and after in the same transaction as the change. Returns values; the routes map failures.
 */

type Definition = pd.ProcedureDefinition;
export type AdminFailure = Failure<'invalid', { errors: FieldError[] }> | Failure<'not_found'>;

const withChange = (entry: AuditEntry, recordId: string, before: unknown, after: unknown) => ({
  ...entry,
  recordType: 'procedure',
  recordId,
  change: JSON.stringify({ before, after }),
});

/** Every problem of a definition: the domain's checks, then what only the server knows (issuers). */
export function checkDefinition(
  input: unknown,
  code?: string,
): { ok: true; definition: Definition } | Failure<'invalid', { errors: FieldError[] }> {
  const checked = pd.validateProcedureDefinition(input);
  const errors: FieldError[] = checked.ok ? [] : [...checked.errors];
  const raw = input as { code?: unknown; result?: { issuer?: unknown } } | null;
  const issuer = raw?.result?.issuer;
  if (typeof issuer === 'string' && !isKnownIssuer(issuer)) {
    errors.push({ field: 'result.issuer', message: `Không có mô-đun cấp kết quả "${issuer}"` });
  }
  if (code !== undefined && raw?.code !== code) {
    errors.push({ field: 'code', message: `Mã thủ tục trong định nghĩa phải là ${code} (theo địa chỉ)` });
  }
  if (errors.length > 0 || !checked.ok) return { ok: false, reason: 'invalid', errors };
  return { ok: true, definition: checked.definition };
}

export type SaveResult =
  | { ok: true; code: string; version: number; created: boolean; unchanged: boolean; procedureCreated: boolean }
  | AdminFailure;

/**
 * Writes `definition` as the next version of its procedure, unless it is the current one already.
 * A procedure that did not exist starts unpublished (an administrator publishes it when ready),
 * unless `publishNew`. Saves of one code take turns (a transaction lock on the code), so two identical
 * saves at once give one version: the second finds it current and answers unchanged.
 */
export async function saveDefinition(
  ctx: AppContext,
  definition: Definition,
  opts: { createdBy: string | null; note?: string; audit: AuditEntry; publishNew?: boolean },
): Promise<SaveResult> {
  const province = ctx.config.PROVINCE_CODE;
  try {
    return await writeOne(ctx, province, definition, opts);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return { ok: false, reason: 'invalid', errors: [SLUG_TAKEN(definition.slug)] };
  }
}

const isUniqueViolation = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
const SLUG_TAKEN = (slug: string): FieldError => ({
  field: 'slug',
  message: `Địa chỉ trang "${slug}" đã được một thủ tục khác dùng`,
});

async function writeOne(
  ctx: AppContext,
  province: string,
  definition: Definition,
  opts: { createdBy: string | null; note?: string; audit: AuditEntry; publishNew?: boolean },
): Promise<SaveResult> {
  return ctx.db.transaction().execute(async (trx) => {
    await lockProcedureCodes(trx, province, [definition.code]);
    const current = (await latestVersions(trx, province, [definition.code])).get(definition.code);
    if (current && stableJson(current.definition) === stableJson(definition)) {
      return {
        ok: true,
        code: definition.code,
        version: current.version,
        created: false,
        unchanged: true,
        procedureCreated: false,
      };
    }
    const version = await insertProcedureVersion(trx, province, definition, {
      createdBy: opts.createdBy,
      note: opts.note ?? null,
      now: ctx.now(),
    });
    if (!current) await setProcedureActive(trx, province, definition.code, opts.publishNew === true);
    const before = current ? { version: current.version, definition: current.definition } : null;
    await auditInsert(trx, [withChange(opts.audit, definition.code, before, { version, definition })]).execute();
    return { ok: true, code: definition.code, version, created: true, unchanged: false, procedureCreated: !current };
  });
}

export async function setPublished(
  ctx: AppContext,
  code: string,
  active: boolean,
  audit: AuditEntry,
): Promise<{ ok: true; code: string; active: boolean; version: number } | AdminFailure> {
  const province = ctx.config.PROVINCE_CODE;
  return ctx.db.transaction().execute(async (trx) => {
    const current = (await latestVersions(trx, province, [code])).get(code);
    if (!current) return { ok: false, reason: 'not_found' } as const;
    if (current.active !== active) {
      await setProcedureActive(trx, province, code, active);
      await auditInsert(trx, [withChange(audit, code, { active: current.active }, { active })]).execute();
    }
    return { ok: true, code, active, version: current.version } as const;
  });
}

export async function versionsOf(ctx: AppContext, code: string) {
  const versions = await listProcedureVersions(ctx.db, ctx.config.PROVINCE_CODE, code);
  if (versions.length === 0) return undefined;
  const latest = (await latestVersions(ctx.db, ctx.config.PROVINCE_CODE, [code])).get(code);
  return { code, active: latest?.active ?? false, currentVersion: latest?.version ?? 0, versions };
}

export async function versionOf(ctx: AppContext, code: string, version: number): Promise<Definition | undefined> {
  const found = await findProcedureVersion(ctx.db, ctx.config.PROVINCE_CODE, code, version);
  return found as Definition | undefined;
}

export async function diffVersions(
  ctx: AppContext,
  code: string,
  from: number,
  to: number,
): Promise<{ ok: true; changes: DefinitionChange[] } | AdminFailure> {
  const [a, b] = await Promise.all([versionOf(ctx, code, from), versionOf(ctx, code, to)]);
  if (!a || !b) return { ok: false, reason: 'not_found' };
  return { ok: true, changes: diffDefinitions(a, b) };
}

export interface ImportReportEntry {
  at: number;
  code: string | null;
  status: 'created' | 'updated' | 'unchanged' | 'refused';
  version?: number;
  errors?: FieldError[];
  warnings?: string[];
}

interface Pending {
  index: number;
  at: number;
  definition: Definition;
  warnings: string[];
}

const CHUNK = 200;

/**
 * Each entry is validated on its own and refused with every problem, nothing of it written. The
 * valid ones are written CHUNK at a time (one transaction: their versions, procedure rows and audit
 * rows together); if a chunk fails (a slug another procedure uses…), its entries are written one by
 * one, so only the faulty entry is refused. Idempotent: an entry equal to its procedure's current
 * version is "unchanged" and writes nothing.
 */
export async function importProcedures(
  ctx: AppContext,
  entries: readonly ImportEntry[],
  opts: { createdBy: string | null; audit: AuditEntry; publishNew: boolean },
): Promise<ImportReportEntry[]> {
  const province = ctx.config.PROVINCE_CODE;
  const latest = await latestVersions(
    ctx.db,
    province,
    entries.flatMap((e) => (e.code ? [e.code] : [])),
  );
  const seen = new Map<string, number>();
  const report: ImportReportEntry[] = [];
  const pending: Pending[] = [];
  for (const [index, entry] of entries.entries()) {
    const base = { at: entry.at, code: entry.code };
    const refuse = (errors: FieldError[]) => {
      report[index] = { ...base, status: 'refused', errors };
    };
    if (entry.code && seen.has(entry.code)) {
      refuse([{ field: 'code', message: `Mã thủ tục trùng với mục ${seen.get(entry.code)} của tệp nhập` }]);
      continue;
    }
    if (entry.code) seen.set(entry.code, entry.at);
    const current = entry.code ? latest.get(entry.code) : undefined;
    let input: unknown = entry.source.kind === 'json' ? entry.source.definition : undefined;
    let warnings: string[] = [];
    if (entry.source.kind === 'csv') {
      const made = definitionFromCsvRow(entry.source.row, current?.definition);
      if (!made.ok) {
        refuse(made.errors);
        continue;
      }
      input = made.definition;
      warnings = made.warnings;
    }
    const checked = checkDefinition(input);
    if (!checked.ok) {
      refuse(checked.errors);
      continue;
    }
    // Read before the writes: a re-import of the same catalog writes nothing and takes no lock.
    if (current && stableJson(current.definition) === stableJson(checked.definition)) {
      report[index] = { ...base, status: 'unchanged', version: current.version };
      continue;
    }
    pending.push({ index, at: entry.at, definition: checked.definition, warnings });
  }

  for (let i = 0; i < pending.length; i += CHUNK) {
    const chunk = pending.slice(i, i + CHUNK);
    try {
      const written = await writeChunk(ctx, chunk, opts);
      for (const w of written) report[w.item.index] = w.entry;
    } catch {
      for (const item of chunk) {
        const note = `Nhập danh mục, mục ${item.at}`;
        const saved = await saveDefinition(ctx, item.definition, { ...opts, note });
        report[item.index] = saved.ok
          ? reportOf(item, saved.unchanged ? 'unchanged' : saved.procedureCreated ? 'created' : 'updated', saved.version)
          : {
              at: item.at,
              code: item.definition.code,
              status: 'refused',
              errors: saved.reason === 'invalid' ? saved.errors : [],
            };
      }
    }
  }
  return report;
}

function reportOf(item: Pending, status: ImportReportEntry['status'], version: number): ImportReportEntry {
  const warnings = status !== 'unchanged' && item.warnings.length > 0 ? { warnings: item.warnings } : {};
  return { at: item.at, code: item.definition.code, status, version, ...warnings };
}

async function writeChunk(
  ctx: AppContext,
  chunk: readonly Pending[],
  opts: { createdBy: string | null; audit: AuditEntry; publishNew: boolean },
): Promise<{ item: Pending; entry: ImportReportEntry }[]> {
  const province = ctx.config.PROVINCE_CODE;
  return ctx.db.transaction().execute(async (trx) => {
    const codes = chunk.map((p) => p.definition.code);
    await lockProcedureCodes(trx, province, codes);
    const current = await latestVersions(trx, province, codes);
    const out: { item: Pending; entry: ImportReportEntry }[] = [];
    const writes: BulkVersion[] = [];
    const audits: AuditEntry[] = [];
    for (const item of chunk) {
      const before = current.get(item.definition.code);
      if (before && stableJson(before.definition) === stableJson(item.definition)) {
        out.push({ item, entry: reportOf(item, 'unchanged', before.version) });
        continue;
      }
      const version = (before?.version ?? 0) + 1;
      writes.push({
        definition: item.definition,
        version,
        active: before ? before.active : opts.publishNew,
        note: `Nhập danh mục, mục ${item.at}`,
      });
      audits.push(
        withChange(opts.audit, item.definition.code, before ? { version: before.version, definition: before.definition } : null, {
          version,
          definition: item.definition,
        }),
      );
      out.push({ item, entry: reportOf(item, before ? 'updated' : 'created', version) });
    }
    await insertProcedureVersions(trx, province, writes, { createdBy: opts.createdBy, now: ctx.now() });
    if (audits.length > 0) await auditInsert(trx, audits).execute();
    return out;
  });
}
