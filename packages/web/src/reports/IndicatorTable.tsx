import { Fragment } from 'react';
import { type MessageKey, useI18n } from '../i18n';
import { COLUMN_GROUPS, type Column } from './columns';
import { formatCount, formatDong } from './format';
import type { IndicatorReport, IndicatorRow } from './types';

const CLASS_LABEL = { met: 'reports.class.met', below: 'reports.class.below', none: 'reports.class.none' } as const;

/**
 * The table per unit with the totals row. Wide (30 columns): it scrolls sideways inside its box with
 * the unit column pinned, so a phone can read it too. Every header carries its formula as a tooltip;
 * the same formulas are listed under the table for touch screens, where tooltips do not show.
 */
export function IndicatorTable({ report }: { report: IndicatorReport }) {
  const { t } = useI18n();
  const withClass = Boolean(report.classification);

  const tip = (col: Column) => {
    if (col.kind === 'count') return t(col.tip);
    const f = report.formulas[col.key];
    return t('reports.tip.rate', { label: f.label, numerator: f.numerator, denominator: f.denominator, source: f.source });
  };
  const header = (col: Column) => t(col.label);
  const cell = (row: IndicatorRow, col: Column) => {
    if (col.kind === 'rate') return row.ratesText[col.key];
    const v = row[col.key];
    return col.money ? formatDong(v) : formatCount(v);
  };
  const columns = COLUMN_GROUPS.flatMap((g) => g.columns);
  const line = (row: IndicatorRow, total: boolean) => (
    <tr key={row.key || 'total'} className={total ? 'rp-total' : undefined}>
      <th scope="row">{row.name}</th>
      {columns.map((col) => (
        <td key={`${col.kind}:${col.key}`} className={col.kind === 'rate' ? 'rp-rate' : undefined}>
          {cell(row, col)}
        </td>
      ))}
      {withClass && (
        <td className="rp-class-cell">
          {row.targetClass && <span className={`rp-badge ${row.targetClass}`}>{t(CLASS_LABEL[row.targetClass])}</span>}
        </td>
      )}
    </tr>
  );

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the keyboard scrolls the wide table sideways too
    <section className="rp-table-wrap" aria-label={t('reports.table.label')} tabIndex={0}>
      <table className="rp-table">
        <thead>
          <tr>
            <th rowSpan={2} scope="col" className="rp-unit-head">
              {t(`reports.by.${report.groupBy}` as MessageKey)}
            </th>
            {COLUMN_GROUPS.map((g) =>
              g.label ? (
                <th key={g.label} colSpan={g.columns.length} scope="colgroup" className="rp-group">
                  {t(g.label)}
                </th>
              ) : (
                <Fragment key={g.columns.map((c) => c.key).join()}>
                  {g.columns.map((col) => (
                    <th key={col.key} rowSpan={2} scope="col" title={tip(col)}>
                      <span className="rp-tip">{header(col)}</span>
                    </th>
                  ))}
                </Fragment>
              ),
            )}
            {withClass && (
              <th rowSpan={2} scope="col" title={t('reports.tip.class', { target: report.target?.text ?? '' })}>
                <span className="rp-tip">{t('reports.col.class')}</span>
              </th>
            )}
          </tr>
          <tr>
            {COLUMN_GROUPS.filter((g) => g.label).flatMap((g) =>
              g.columns.map((col) => (
                <th key={`${col.kind}:${col.key}`} scope="col" title={tip(col)}>
                  <span className="rp-tip">{header(col)}</span>
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>{report.rows.map((row) => line(row, false))}</tbody>
        <tfoot>{line(report.total, true)}</tfoot>
      </table>
    </section>
  );
}

/** The formulas in plain text (the tooltips' content, for touch screens and for print). */
export function FormulaList({ report }: { report: IndicatorReport }) {
  const { t } = useI18n();
  return (
    <details className="rp-formulas">
      <summary>{t('reports.formulas.title')}</summary>
      <dl>
        {Object.entries(report.formulas).map(([key, f]) => (
          <Fragment key={key}>
            <dt>{f.label}</dt>
            <dd>
              {f.numerator} ÷ {f.denominator}. <em>{f.source}</em>
            </dd>
          </Fragment>
        ))}
      </dl>
    </details>
  );
}
