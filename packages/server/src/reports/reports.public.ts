import type { PublicAnswer } from '@dvc/domain/contract/reports';
import { phasePeriod, yearPeriod } from '@dvc/domain/indicators';
import { z } from 'zod';
import type { AppContext } from '../http/context';
import type { Failure, Result } from '../http/refusal';
import { listPhases } from './reports.repository';
import { buildIndicatorReport, type IndicatorReport, type IndicatorRow } from './reports.service';

/**
 * The public transparency page (/cong-khai): the province's figures by month for a year, by locality
 * (the units of the period's era) for the year or one of the pilot's phases, and each phase's totals.
 * No sign-in; only counts and rates, no dossier.
 */

export const PublicQuerystring = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  phase: z.string().max(60).optional().describe('Mã giai đoạn: số liệu theo địa bàn của giai đoạn thay cho cả năm'),
});

function figures(row: IndicatorRow) {
  return {
    received: row.received,
    online: row.online,
    onlineRate: row.ratesText.online,
    resolved: row.resolved,
    onTimeRate: row.ratesText.onTime,
    electronicResultRate: row.ratesText.electronicResult,
    onlinePaymentRate: row.ratesText.onlinePayment,
  };
}

async function report(ctx: AppContext, q: Parameters<typeof buildIndicatorReport>[1]): Promise<IndicatorReport> {
  const r = await buildIndicatorReport(ctx, { ...q, figures: false });
  // Without a procedure group the report cannot refuse: a refusal here is a defect, not the caller's.
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

export type PublicResult = Result<PublicAnswer, Failure<'unknown_phase', { phase: string }>>;

export async function publicIndicators(ctx: AppContext, year: number, phaseCode?: string): Promise<PublicResult> {
  const phases = await listPhases(ctx.db, ctx.config.PROVINCE_CODE);
  const asked = phaseCode === undefined ? undefined : phases.find((p) => p.code === phaseCode);
  if (phaseCode !== undefined && !asked) return { ok: false, reason: 'unknown_phase', phase: phaseCode };
  const periodOf = (p: (typeof phases)[number]) =>
    phasePeriod({ code: p.code, name: p.name, from: p.fromDay, toInclusive: p.toDay });

  const byMonth = await report(ctx, { period: yearPeriod(year), periodLabel: String(year), groupBy: 'month' });
  const byUnit = asked
    ? await report(ctx, { period: periodOf(asked), periodLabel: asked.name, groupBy: 'unit' })
    : await report(ctx, { period: yearPeriod(year), periodLabel: String(year), groupBy: 'unit' });
  const phaseTotals = await Promise.all(
    phases.map(async (p) => {
      const r = await report(ctx, { period: periodOf(p), periodLabel: p.name, groupBy: 'channel' });
      return { code: p.code, name: p.name, from: p.fromDay, to: p.toDay, total: figures(r.total) };
    }),
  );
  return {
    ok: true,
    value: {
      year,
      months: byMonth.rows.map((row) => ({ month: row.key, ...figures(row) })),
      total: { month: String(year), ...figures(byMonth.total) },
      localities: {
        scope: asked
          ? { kind: 'phase', code: asked.code, name: asked.name, from: asked.fromDay, to: asked.toDay }
          : { kind: 'year', code: String(year), name: String(year), from: `${year}-01-01`, to: `${year}-12-31` },
        era: byUnit.era,
        level: byUnit.level,
        rows: byUnit.rows.map((row) => ({ key: row.key, name: row.name, ...figures(row) })),
      },
      phases: phaseTotals,
    },
  };
}
