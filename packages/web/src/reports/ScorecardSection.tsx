import { DECISION_766_POINTS_VERIFIED, type ScorecardGroupKey, type ScorecardInputKey } from '@dvc/domain/scorecard-766';
import { Fragment, useState } from 'react';
import { type MessageKey, useI18n } from '../i18n';
import './figures-section.css';
import type { IndicatorReport, IndicatorRow } from './types';

const GROUP_KEYS: ScorecardGroupKey[] = ['transparency', 'progress', 'onlineService', 'satisfaction', 'digitization'];

function score(value: number | null, noData: string): string {
  return value === null ? noData : value.toFixed(2).replace('.', ',');
}

/**
 * Decision 766's scorecard per row of the report: each group's points out of its maximum, the total,
 * and — in a row of its own under the unit, opened on demand so a phone can read it — every input the
 * score came from. A group without any data says "chưa có dữ liệu" and the total is out of the points
 * that could be scored.
 */
export function ScorecardSection({ report }: { report: IndicatorReport }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const noData = t('reports.scorecard.noData');
  const groupLabel = (k: ScorecardGroupKey) => t(`reports.scorecard.group.${k}` as MessageKey);
  const inputLabel = (k: ScorecardInputKey) => t(`reports.scorecard.input.${k}` as MessageKey);
  const rows: Array<{ row: IndicatorRow; total: boolean }> = [
    ...report.rows.map((row) => ({ row, total: false })),
    { row: report.total, total: true },
  ];
  const points = report.total.scorecard.groups.map((g) => g.points);
  const toggle = (key: string) =>
    setOpen((now) => {
      const next = new Set(now);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  return (
    <section className="rp-figures" aria-labelledby="rp-scorecard-title">
      <h2 id="rp-scorecard-title">{t('reports.scorecard.title')}</h2>
      <p className="muted">
        {t('reports.scorecard.method')}
        {!DECISION_766_POINTS_VERIFIED && <> {t('reports.scorecard.unverified')}</>}
      </p>
      <div className="rp-figures-tables">
        <table className="rp-fig-table rp-scorecard">
          <thead>
            <tr>
              <th scope="col">{t('reports.scorecard.row')}</th>
              {GROUP_KEYS.map((k, i) => (
                <th key={k} scope="col">
                  {groupLabel(k)} ({points[i]})
                </th>
              ))}
              <th scope="col">{t('reports.scorecard.total')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ row, total }) => {
              const card = row.scorecard;
              const key = row.key || 'total';
              const expanded = open.has(key);
              return (
                <Fragment key={key}>
                  <tr className={total ? 'rp-total' : undefined}>
                    <th scope="row">
                      <button
                        type="button"
                        className="rp-scorecard-toggle"
                        aria-expanded={expanded}
                        aria-controls={`rp-sc-${key}`}
                        onClick={() => toggle(key)}
                      >
                        {expanded ? '▾' : '▸'} {row.name}
                      </button>
                    </th>
                    {card.groups.map((g) => (
                      <td key={g.key}>{score(g.score, noData)}</td>
                    ))}
                    <td className="rp-rate">
                      {card.total === null
                        ? noData
                        : t('reports.scorecard.outOf', { total: score(card.total, noData), outOf: card.outOf })}
                    </td>
                  </tr>
                  {expanded && (
                    <tr id={`rp-sc-${key}`}>
                      <td colSpan={GROUP_KEYS.length + 2} className="rp-scorecard-detail">
                        <ul className="rp-scorecard-inputs">
                          {card.groups.flatMap((g) =>
                            g.inputs.map((input) => (
                              <li key={`${g.key}:${input.key}`}>
                                {groupLabel(g.key)} — {inputLabel(input.key)}: {input.rate === null ? noData : input.text}
                              </li>
                            )),
                          )}
                        </ul>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
