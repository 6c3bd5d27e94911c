import { useMemo } from 'react';
import { useI18n } from '../i18n';
import { Chart } from './Chart';
import { channelChartOption, type TrendPoint, trendChartOption } from './chart-options';
import { formatDay } from './format';
import type { IndicatorReport } from './types';

/** The chart of seed 002 (channels per unit, online rate) and the monthly online rate against the target. */
export function ReportCharts({
  report,
  trend,
  narrow,
}: {
  report: IndicatorReport;
  trend: TrendPoint[] | undefined;
  narrow: boolean;
}) {
  const { t } = useI18n();
  const target = report.target?.onlineRate ?? null;
  const channel = useMemo(
    () =>
      channelChartOption(
        report.rows,
        {
          direct: t('reports.col.direct'),
          web: t('reports.col.web'),
          mobile: t('reports.col.mobile'),
          phone: t('reports.col.phone'),
          rate: t('reports.rate.online'),
          count: t('reports.chart.dossiers'),
          target: t('reports.chart.target'),
        },
        target,
        narrow,
      ),
    [report, t, target, narrow],
  );
  const trendOption = useMemo(
    () =>
      trend ? trendChartOption(trend, { rate: t('reports.rate.online'), target: t('reports.chart.target') }, narrow) : undefined,
    [trend, t, narrow],
  );
  const span = t('reports.chart.span', { from: formatDay(report.period.from), to: formatDay(report.period.to) });
  const channelTitle = t('reports.chart.channels', { span });
  const years = [...new Set(trend?.map((p) => p.month.slice(0, 4)) ?? [])].join('–');
  const trendTitle = t('reports.chart.trend', { years });
  return (
    <section className="rp-charts">
      <figure className="rp-figure">
        <figcaption>{channelTitle}</figcaption>
        <Chart option={channel} height={narrow ? 340 : 380} label={channelTitle} />
      </figure>
      {trendOption && (
        <figure className="rp-figure">
          <figcaption>{trendTitle}</figcaption>
          <Chart option={trendOption} height={narrow ? 260 : 300} label={trendTitle} />
        </figure>
      )}
    </section>
  );
}
