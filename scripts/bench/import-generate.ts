import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { IMPORT_COLUMNS } from '../../packages/server/src/dossiers/dossier-import';

/**
 * A year of history in the import's CSV format (DOMAIN.md §9), deterministic: the shares of a real
 * province — two thirds at the counter with no submission time, the rest online or by phone; mostly
 * finished, some open, withdrawn or refused — over the units and procedures the seeds know. Codes are
 * unique per commune (`<unit>-<year>-<n>`), so every row is new on a fresh database.
 */
export interface HistoryShape {
  units: string[];
  procedures: string[];
  year: number;
}

const DAY = 86_400_000;

/** A small LCG: the same file on every run, without the cost of crypto. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function historyRow(k: number, shape: HistoryShape, next: () => number, perUnit: Map<string, number>): string[] {
  const unit = shape.units[Math.floor(next() * shape.units.length)] as string;
  const n = (perUnit.get(unit) ?? 0) + 1;
  perUnit.set(unit, n);
  const procedure = shape.procedures[k % shape.procedures.length] as string;
  const r = next();
  const channel = r < 0.65 ? 'direct' : r < 0.9 ? 'web' : r < 0.97 ? 'mobile' : 'phone';
  // Office hours in Vietnam (01:00–10:00 UTC) on any day of the year.
  const received = new Date(Date.UTC(shape.year, 0, 1, 1) + Math.floor(next() * 364) * DAY + Math.floor(next() * 9 * 3600_000));
  const submitted = channel === 'direct' ? null : new Date(received.getTime() - Math.floor(next() * 2 * 3600_000));
  const due = new Date(received.getTime() + (3 + Math.floor(next() * 12)) * DAY);
  const s = next();
  const status = s < 0.6 ? 'resolved' : s < 0.85 ? 'returned' : s < 0.93 ? 'received' : s < 0.97 ? 'withdrawn' : 'not_received';
  const resolved = status === 'received' ? null : new Date(received.getTime() + Math.floor(next() * 15 * DAY));
  const returned = status === 'returned' && resolved ? new Date(resolved.getTime() + 3600_000) : null;
  const total = 1 + Math.floor(next() * 5);
  const fee = k % 3 === 0 ? 0 : 50_000;
  const values: Record<(typeof IMPORT_COLUMNS)[number], string> = {
    code: `${unit}-${shape.year}-${n}`,
    procedure_code: procedure,
    unit_code: unit,
    channel,
    submitted_at: submitted?.toISOString() ?? '',
    received_at: received.toISOString(),
    due_at: due.toISOString(),
    resolved_at: resolved?.toISOString() ?? '',
    returned_at: returned?.toISOString() ?? '',
    status,
    withdrawn: String(status === 'withdrawn'),
    components_total: String(total),
    components_digitized: String(Math.floor(next() * (total + 1))),
    result_digitized: String(next() < 0.7),
    result_electronic: String(next() < 0.5),
    fee_amount: String(fee),
    paid_online: String(fee > 0 && channel !== 'direct' && next() < 0.6),
  };
  return IMPORT_COLUMNS.map((c) => values[c]);
}

/** Writes `count` rows (plus the header) to `path`. */
export async function writeHistoryCsv(path: string, count: number, shape: HistoryShape): Promise<void> {
  const out = createWriteStream(path);
  const next = random(20_260_317);
  const perUnit = new Map<string, number>();
  out.write(`${IMPORT_COLUMNS.join(',')}\n`);
  let chunk: string[] = [];
  for (let k = 0; k < count; k += 1) {
    chunk.push(historyRow(k, shape, next, perUnit).join(','));
    if (chunk.length === 5000 || k === count - 1) {
      if (!out.write(`${chunk.join('\n')}\n`)) await once(out, 'drain');
      chunk = [];
    }
  }
  out.end();
  await once(out, 'finish');
}
