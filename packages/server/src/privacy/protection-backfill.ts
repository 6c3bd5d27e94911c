import { type Kysely, sql } from 'kysely';
import type { Db } from '../db/database';
import {
  bidxColumn,
  indexPurpose,
  PROTECTED_COLUMNS,
  personalField,
  protectFields,
  tokenizeThrottleKey,
} from './field-protection';
import type { KeyRing } from './protection-keys';

/**
 * Seals what is not sealed with the current key: the clear values of rows written before migration
 * 050, and after a rotation (cli/rotate-protection-key.ts) the values of the retired keys. Idempotent
 * and resumable: each statement picks the rows whose stored value still needs it, a batch at a time,
 * and writes a row only if it still holds what was read. Plain UPDATEs on the app's tables, so the
 * app role (no DDL rights) runs it. A full pass records its key id: the next start with the same
 * key skips it (writes since were sealed as they were made).
 */
const BATCH = 500;
/** Append-only: its rows cannot be rewritten; new versions are sealed as they are written. */
const APPEND_ONLY = new Set(['household_business_version']);

// biome-ignore lint/suspicious/noExplicitAny: raw statements over tables named at run time
type RawDb = Kysely<any>;

export interface ProtectionPass {
  keyId: string;
  /** Rows rewritten, per table.column. */
  sealed: Record<string, number>;
  skipped: boolean;
}

/** Runs the pass unless the last full one was made with the current key (or `force`). */
export async function protectStoredValues(
  db: Db,
  ring: KeyRing,
  now: Date,
  options: { force?: boolean } = {},
): Promise<ProtectionPass> {
  const raw = db.withoutPlugins() as RawDb;
  const keyId = ring.currentKeyId;
  const done = await sql<{ key_id: string }>`select key_id from personal_data_protection`.execute(raw);
  if (!options.force && done.rows[0]?.key_id === keyId) return { keyId, sealed: {}, skipped: true };
  const sealed: Record<string, number> = {};
  for (const [table, columns] of Object.entries(PROTECTED_COLUMNS)) {
    if (APPEND_ONLY.has(table)) continue;
    for (const [column, kind] of Object.entries(columns)) {
      const n =
        kind === 'json'
          ? await sealJson(raw, ring, table, column)
          : kind === 'token'
            ? await tokenizeKeys(raw, ring, table, column)
            : await sealText(raw, ring, table, column, kind === 'indexed');
      if (n > 0) sealed[`${table}.${column}`] = n;
    }
  }
  await sql`insert into personal_data_protection (id, key_id, finished_at) values (true, ${keyId}, ${now})
    on conflict (id) do update set key_id = excluded.key_id, finished_at = excluded.finished_at`.execute(raw);
  return { keyId, sealed, skipped: false };
}

async function inBatches(
  select: () => Promise<Array<{ at: string; value: string }>>,
  write: (row: { at: string; value: string }) => Promise<boolean>,
) {
  let total = 0;
  for (;;) {
    const rows = await select();
    let written = 0;
    for (const row of rows) if (await write(row)) written++;
    total += written;
    // A batch of which nothing could be written was changed under us: its rows are the next writer's.
    if (rows.length < BATCH || written === 0) return total;
  }
}

async function sealText(raw: RawDb, ring: KeyRing, table: string, column: string, indexed: boolean): Promise<number> {
  const t = sql.table(table);
  const c = sql.ref(column);
  const current = `pd1.${ring.currentKeyId}.%`;
  return inBatches(
    async () =>
      (
        await sql<{ at: string; value: string }>`select ctid::text as at, ${c} as value from ${t}
          where ${c} is not null and ${c} <> '' and ${c} not like ${current} limit ${BATCH}`.execute(raw)
      ).rows,
    async ({ at, value }) => {
      const clear = ring.open(value);
      const index = indexed ? sql`, ${sql.ref(bidxColumn(column))} = ${ring.blindIndex(indexPurpose(column), clear)}` : sql``;
      const r = await sql`update ${t} set ${c} = ${ring.seal(clear)}${index} where ctid = ${at}::tid and ${c} = ${value}`.execute(
        raw,
      );
      return Number(r.numAffectedRows ?? 0) > 0;
    },
  );
}

/** A JSON document with a personal field in clear, or sealed with another key than the current one. */
function needsSealing(ring: KeyRing): RegExp {
  return new RegExp(`"pd1\\.(?!${ring.currentKeyId}\\.)`);
}

async function sealJson(raw: RawDb, ring: KeyRing, table: string, column: string): Promise<number> {
  const t = sql.table(table);
  const c = sql.ref(column);
  // Rows naming a personal field at all (their text says which); personalField() then decides.
  const candidate = '"[A-Za-z]*([cC]itizenId|[pP]hone)": "';
  const stale = needsSealing(ring);
  let afterCtid = '(0,0)';
  let total = 0;
  for (;;) {
    const rows = (
      await sql<{ at: string; value: string }>`select ctid::text as at, ${c}::text as value from ${t}
        where ${c}::text ~ ${candidate} and ctid > ${afterCtid}::tid order by ctid limit ${BATCH}`.execute(raw)
    ).rows;
    for (const { at, value } of rows) {
      afterCtid = at;
      if (!stale.test(value) && !hasClearPersonalField(JSON.parse(value))) continue;
      const next = JSON.stringify(protectFields(ring, reopen(ring, JSON.parse(value))));
      const r = await sql`update ${t} set ${c} = ${next}::jsonb where ctid = ${at}::tid and ${c}::text = ${value}`.execute(raw);
      total += Number(r.numAffectedRows ?? 0);
    }
    if (rows.length < BATCH) return total;
  }
}

function reopen(ring: KeyRing, doc: unknown): unknown {
  if (Array.isArray(doc)) return doc.map((d) => reopen(ring, d));
  if (doc && typeof doc === 'object')
    return Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, typeof v === 'string' ? ring.open(v) : reopen(ring, v)]));
  return doc;
}

function hasClearPersonalField(doc: unknown): boolean {
  if (Array.isArray(doc)) return doc.some(hasClearPersonalField);
  if (doc && typeof doc === 'object')
    return Object.entries(doc).some(([k, v]) =>
      typeof v === 'string' ? personalField(k) && v !== '' && !v.startsWith('pd1.') : hasClearPersonalField(v),
    );
  return false;
}

async function tokenizeKeys(raw: RawDb, ring: KeyRing, table: string, column: string): Promise<number> {
  const t = sql.table(table);
  const c = sql.ref(column);
  return inBatches(
    async () =>
      (
        await sql<{ at: string; value: string }>`select ctid::text as at, ${c} as value from ${t}
          where ${c} like 'phone:%' and ${c} not like 'phone:~%' limit ${BATCH}`.execute(raw)
      ).rows,
    async ({ at, value }) => {
      // A counter already kept under the token wins; the clear one goes.
      const token = tokenizeThrottleKey(ring, value);
      const r = await sql`update ${t} set ${c} = ${token} where ctid = ${at}::tid and not exists (
          select 1 from ${t} o where o.${c} = ${token} and o.province_code = ${t}.province_code)`.execute(raw);
      if (Number(r.numAffectedRows ?? 0) > 0) return true;
      const d = await sql`delete from ${t} where ctid = ${at}::tid`.execute(raw);
      return Number(d.numAffectedRows ?? 0) > 0;
    },
  );
}
