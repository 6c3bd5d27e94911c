import { parseDossierCode } from '@dvc/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../packages/server/src/db/schema';
import { businessNamePrefix, type Filing } from './filings';

export interface Findings {
  /** Acknowledged with a code that the database does not hold for that filing. */
  ackedMissing: number;
  /** Dossiers beyond the first of one filing (its business name appears more than once). */
  duplicated: number;
  /** Filings never acknowledged, refused or still failing when the run ended. */
  neverSucceeded: number;
  /** Of those, filings that the database does hold (written, the answer lost). */
  writtenNotAcked: number;
  /** Numbers of a desk's day, from 1 to its counter, that no dossier carries. */
  dailyNumberGaps: number;
  /** Dossiers of the run found in the database. */
  stored: number;
  examples: string[];
}

/** Compares what the clients were told with what the database holds, after the server stopped. */
export async function verify(db: Kysely<Database>, filings: Filing[], runId: string): Promise<Findings> {
  const prefix = businessNamePrefix(runId);
  const rows = (
    await sql<{ name: string; code: string }>`select form->>'businessName' as name, code from dossier
      where form->>'businessName' like ${`${prefix}%`}`.execute(db)
  ).rows;
  const codesByName = new Map<string, string[]>();
  for (const r of rows) codesByName.set(r.name, [...(codesByName.get(r.name) ?? []), r.code]);
  const examples: string[] = [];
  const note = (line: string) => {
    if (examples.length < 10) examples.push(line);
  };

  let ackedMissing = 0;
  let neverSucceeded = 0;
  let writtenNotAcked = 0;
  for (const f of filings) {
    const codes = codesByName.get(f.name) ?? [];
    if (f.ackedCode !== undefined) {
      if (!codes.includes(f.ackedCode)) {
        ackedMissing++;
        note(`acknowledged but missing: ${f.name} → ${f.ackedCode} (stored: ${codes.join(', ') || 'none'})`);
      }
    } else {
      neverSucceeded++;
      if (codes.length > 0) writtenNotAcked++;
      note(`never succeeded after ${f.attempts} tries: ${f.name} — ${f.lastError ?? 'not tried'}`);
    }
  }
  let duplicated = 0;
  for (const [name, codes] of codesByName) {
    if (codes.length > 1) {
      duplicated += codes.length - 1;
      note(`duplicated: ${name} → ${codes.join(', ')}`);
    }
  }

  // Gaps over every desk and day the run filed to: all of that day's dossiers count, not only ours.
  const desks = new Set(rows.map((r) => r.code.replace(/-\d+$/, '')));
  let dailyNumberGaps = 0;
  const counters = (
    await sql<{ agencyCode: string; day: string; lastValue: number }>`select agency_code as "agencyCode",
      to_char(day, 'YYMMDD') as day, last_value as "lastValue" from dossier_code_sequence`.execute(db)
  ).rows;
  for (const c of counters) {
    const desk = `${c.agencyCode}-${c.day}`;
    if (!desks.has(desk)) continue;
    const held = (await sql<{ code: string }>`select code from dossier where code like ${`${desk}-%`}`.execute(db)).rows.map(
      (r) => parseDossierCode(r.code)?.sequence ?? 0,
    );
    const numbers = new Set(held);
    for (let n = 1; n <= c.lastValue; n++) if (!numbers.has(n)) dailyNumberGaps++;
  }
  return { ackedMissing, duplicated, neverSucceeded, writtenNotAcked, dailyNumberGaps, stored: rows.length, examples };
}
