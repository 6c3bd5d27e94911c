import { procedureDefinitions as pd } from '@dvc/domain';
import { sql } from 'kysely';
import { type AuditEntry, auditInsert } from '../audit/audit.repository';
import type { AppContext } from '../http/context';
import type { FieldError } from '../http/problem';
import { findProcedureVersion, insertProcedureVersion, listProcedureVersions, setProcedureActive } from './index';
import { isKnownIssuer } from './procedure-admin.issuers';
import { latestVersions } from './procedure-admin.repository';
import { type DefinitionChange, diffDefinitions, stableJson } from './procedure-diff';
import { definitionFromCsvRow, type ImportEntry } from './procedure-import';

/**
 * Catalog administration (issue 12 point 5): a definition saved is a new version (never an edit of
 * an old one: a running dossier keeps its own), refused with every problem's path, audited with
 * before and after in the same transaction as the change. Returns values; the routes map failures.
 */

type Definition = pd.ProcedureDefinition;
export type AdminFailure = { ok: false; reason: 'invalid'; errors: FieldError[] } | { ok: false; reason: 'not_found' };

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
): { ok: true; definition: Definition } | { ok: false; errors: FieldError[] } {
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
  if (errors.length > 0 || !checked.ok) return { ok: false, errors };
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
  return ctx.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`procedure:${province}:${definition.code}`}))`.execute(trx);
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

/**
 * Each entry on its own: validated, then written with its audit row in one transaction, or refused
 * with nothing written. Idempotent: an entry equal to its procedure's current version is "unchanged".
 */
export async function importProcedures(
  ctx: AppContext,
  entries: readonly ImportEntry[],
  opts: { createdBy: string | null; audit: AuditEntry; publishNew: boolean },
): Promise<ImportReportEntry[]> {
  const province = ctx.config.PROVINCE_CODE;
  const codes = entries.flatMap((e) => (e.code ? [e.code] : []));
  const latest = await latestVersions(ctx.db, province, codes);
  const seen = new Map<string, number>();
  const report: ImportReportEntry[] = [];
  for (const entry of entries) {
    const base = { at: entry.at, code: entry.code };
    if (entry.code && seen.has(entry.code)) {
      const first = seen.get(entry.code);
      report.push({
        ...base,
        status: 'refused',
        errors: [{ field: 'code', message: `Mã thủ tục trùng với mục ${first} của tệp nhập` }],
      });
      continue;
    }
    if (entry.code) seen.set(entry.code, entry.at);
    const current = entry.code ? latest.get(entry.code) : undefined;
    let input: unknown;
    let warnings: string[] = [];
    if (entry.source.kind === 'csv') {
      const made = definitionFromCsvRow(entry.source.row, current?.definition);
      if (!made.ok) {
        report.push({ ...base, status: 'refused', errors: made.errors });
        continue;
      }
      input = made.definition;
      warnings = made.warnings;
    } else input = entry.source.definition;
    const checked = checkDefinition(input);
    if (!checked.ok) {
      report.push({ ...base, status: 'refused', errors: checked.errors });
      continue;
    }
    // Read before the writes: a re-import of the same catalog writes nothing and takes no lock.
    if (current && stableJson(current.definition) === stableJson(checked.definition)) {
      report.push({ ...base, status: 'unchanged', version: current.version });
      continue;
    }
    const saved = await saveDefinition(ctx, checked.definition, {
      createdBy: opts.createdBy,
      note: `Nhập danh mục, mục ${entry.at}`,
      audit: opts.audit,
      publishNew: opts.publishNew,
    });
    if (!saved.ok) continue;
    const status = saved.unchanged ? 'unchanged' : saved.procedureCreated ? 'created' : 'updated';
    report.push({ ...base, status, version: saved.version, ...(warnings.length > 0 && !saved.unchanged ? { warnings } : {}) });
  }
  return report;
}
