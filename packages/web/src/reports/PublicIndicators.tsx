import { PublicAnswer } from '@dvc/domain/contract/reports';
import { vietnamParts } from '@dvc/domain/vietnam-time';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n';
import { navigate, useLocation } from '../router';
import { ApiError, api } from '../shared/api';
import { FormError } from '../shared/ui';
import { Chart } from './Chart';
import { trendChartOption } from './chart-options';
import { formatCount, formatDay, formatMonth } from './format';
import type { PublicIndicators as Data, PublicFigures } from './types';
import { useNarrow } from './use-narrow';

const FIRST_YEAR = 2022;
const thisYear = () => vietnamParts(new Date()).year;

/**
 * /cong-khai: the province's indicators for anyone (no sign-in): by month for a year, by locality for
 * the year or one phase of the pilot (`phase` in the address), and each phase's totals; tables that
 * turn into one card per row on a phone, and the online-rate trend. Without a year in the address it
 * opens the latest year that has dossiers.
 */
export default function PublicIndicators() {
  const { t } = useI18n();
  const { query } = useLocation();
  const narrow = useNarrow();
  const asked = Number(query.get('year')) || undefined;
  const phase = query.get('phase') || undefined;
  const last = Math.max(thisYear(), FIRST_YEAR);
  const years = Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => last - i);
  const [data, setData] = useState<Data | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let stale = false;
    const load = async () => {
      const candidates = asked ? [asked] : Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => last - i);
      let found: Data | undefined;
      for (const y of candidates) {
        found = await api(`/api/v1/public/indicators?year=${y}${phase ? `&phase=${encodeURIComponent(phase)}` : ''}`, {
          schema: PublicAnswer,
        });
        if (asked || found.total.received > 0) break;
      }
      if (!stale && found) setData(found);
    };
    setError(undefined);
    load().catch((e) => !stale && setError(e instanceof ApiError ? e.title : t('reports.error.network')));
    return () => {
      stale = true;
    };
  }, [asked, phase, last, t]);

  const option = useMemo(() => {
    if (!data) return undefined;
    const points = data.months.map((m) => ({
      month: m.month,
      rate: m.received > 0 ? m.online / m.received : null,
      target: null,
    }));
    return trendChartOption(points, { rate: t('reports.rate.online'), target: t('reports.chart.target') }, narrow);
  }, [data, t, narrow]);

  const cols: { key: keyof PublicFigures; label: string; render: (m: PublicFigures) => string }[] = [
    { key: 'received', label: t('reports.public.received'), render: (m) => formatCount(m.received) },
    { key: 'online', label: t('reports.public.online'), render: (m) => formatCount(m.online) },
    { key: 'onlineRate', label: t('reports.rate.online'), render: (m) => m.onlineRate },
    { key: 'resolved', label: t('reports.public.resolved'), render: (m) => formatCount(m.resolved) },
    { key: 'onTimeRate', label: t('reports.rate.onTime'), render: (m) => m.onTimeRate },
    { key: 'electronicResultRate', label: t('reports.rate.electronicResult'), render: (m) => m.electronicResultRate },
    { key: 'onlinePaymentRate', label: t('reports.rate.onlinePayment'), render: (m) => m.onlinePaymentRate },
  ];
  const year = data?.year ?? asked ?? last;

  return (
    <section className="rp-public">
      <h1>{t('reports.public.title')}</h1>
      <p className="lead">{t('reports.public.lead')}</p>
      <label className="rp-field rp-year">
        <span>{t('reports.filters.year')}</span>
        <select value={year} onChange={(e) => navigate(`/cong-khai?year=${e.target.value}`, { replace: true })}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      {data && data.phases.length > 0 && (
        <label className="rp-field rp-year">
          <span>{t('reports.public.localityScope')}</span>
          <select
            value={phase ?? ''}
            onChange={(e) =>
              navigate(`/cong-khai?year=${year}${e.target.value ? `&phase=${e.target.value}` : ''}`, { replace: true })
            }
          >
            <option value="">{t('reports.public.wholeYear', { year })}</option>
            {data.phases.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <FormError title={error} />
      {!data && !error && <p className="muted">{t('common.loading')}</p>}
      {data && data.months.length === 0 && <p className="muted">{t('reports.public.empty', { year: data.year })}</p>}
      {data && data.months.length > 0 && (
        <>
          <div className="rp-public-wrap">
            <table className="rp-public-table">
              <caption>{t('reports.public.caption', { year: data.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.by.month')}</th>
                  {cols.map((c) => (
                    <th key={c.key} scope="col">
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.months.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{t('reports.public.month', { month: formatMonth(m.month) })}</th>
                    {cols.map((c) => (
                      <td key={c.key} data-label={c.label}>
                        {c.render(m)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="rp-total">
                  <th scope="row">{t('reports.public.total', { year: data.year })}</th>
                  {cols.map((c) => (
                    <td key={c.key} data-label={c.label}>
                      {c.render(data.total)}
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
          {option && (
            <figure className="rp-figure">
              <figcaption>{t('reports.public.trend', { year: data.year })}</figcaption>
              <Chart option={option} height={narrow ? 240 : 300} label={t('reports.public.trend', { year: data.year })} />
            </figure>
          )}
          <FiguresTable
            caption={t('reports.public.byLocality', {
              scope: data.localities.scope.name,
              from: formatDay(data.localities.scope.from),
              to: formatDay(data.localities.scope.to),
            })}
            head={t(`reports.level.${data.localities.level}`)}
            cols={cols}
            rows={data.localities.rows.map((r) => ({ key: r.key, name: r.name, figures: r }))}
            empty={t('reports.public.noLocality')}
          />
          {data.phases.length > 0 && (
            <FiguresTable
              caption={t('reports.public.byPhase')}
              head={t('reports.filters.phase')}
              cols={cols}
              rows={data.phases.map((p) => ({
                key: p.code,
                name: `${p.name} (${formatDay(p.from)} – ${formatDay(p.to)})`,
                figures: p.total,
              }))}
              empty=""
            />
          )}
          <p className="muted rp-note">{t('reports.public.note')}</p>
        </>
      )}
    </section>
  );
}

type Col = { key: keyof PublicFigures; label: string; render: (m: PublicFigures) => string };

/** A table of figures per named row (a locality, a phase), as cards on a phone like the months. */
function FiguresTable(props: {
  caption: string;
  head: string;
  cols: Col[];
  rows: Array<{ key: string; name: string; figures: PublicFigures }>;
  empty: string;
}) {
  if (props.rows.length === 0) return <p className="muted">{props.empty}</p>;
  return (
    <div className="rp-public-wrap">
      <table className="rp-public-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.head}</th>
            {props.cols.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.name}</th>
              {props.cols.map((c) => (
                <td key={c.key} data-label={c.label}>
                  {c.render(r.figures)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
