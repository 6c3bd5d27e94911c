import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';

/** Per agency of a batch: the prefix of its codes, and the first of the numbers reserved for it. */
export interface ReservedNumbers {
  prefixOf: Map<string, string>;
  /** Per prefix, the first number of the run reserved (the run is as long as the prefix's count). */
  firstOf: Map<string, number>;
}

/**
 * Reserves the daily numbers of a batch of filings in one statement: each agency's code prefix (set
 * by the administrators, or the agency's own code when it has none — `codePrefixes`) is read in the
 * statement that takes the numbers, one round trip instead of two (issue 11.3). The counters are kept
 * per prefix, as before, and taken in one fixed order (`collate "C"`), so that two batches sharing a
 * desk wait for each other instead of deadlocking (decision 009). Must run in the transaction that
 * writes the rows carrying the numbers (decision 007).
 */
export async function reserveNumbersForAgencies(
  trx: Kysely<Database>,
  provinceCode: string,
  day: string,
  countPerAgency: Map<string, number>,
): Promise<ReservedNumbers> {
  const agencies = [...countPerAgency.keys()];
  const counts = agencies.map((a) => countPerAgency.get(a)!);
  const { rows } = await sql<{ agencyCode: string; prefix: string; firstNumber: number }>`
    with wanted as (
      select w.agency_code, coalesce(a.code_prefix, w.agency_code) as prefix, w.n
      from unnest(${agencies}::text[], ${counts}::int[]) as w (agency_code, n)
      left join agency a on a.province_code = ${provinceCode} and a.code = w.agency_code
    ),
    per_prefix as (select prefix, sum(n)::int as n from wanted group by prefix),
    reserved as (
      insert into dossier_code_sequence (province_code, agency_code, day, last_value)
      select ${provinceCode}, prefix, ${day}::date, n from per_prefix order by prefix collate "C"
      on conflict (province_code, agency_code, day)
        do update set last_value = dossier_code_sequence.last_value + excluded.last_value
      returning agency_code as prefix, last_value
    )
    select w.agency_code, w.prefix, r.last_value - p.n + 1 as first_number
    from wanted w join per_prefix p on p.prefix = w.prefix join reserved r on r.prefix = w.prefix`.execute(trx);
  const prefixOf = new Map<string, string>();
  const firstOf = new Map<string, number>();
  for (const r of rows) {
    prefixOf.set(r.agencyCode, r.prefix);
    firstOf.set(r.prefix, Number(r.firstNumber));
  }
  return { prefixOf, firstOf };
}
