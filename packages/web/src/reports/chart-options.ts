import { percentNumber } from '@dvc/domain/indicators';
import type { EChartsCoreOption } from 'echarts/core';
import { formatCount, formatMonth, formatRate, shortUnitName } from './format';
import type { IndicatorRow } from './types';

/**
 * Option objects of the two report charts, built from report rows (pure, no ECharts import: the
 * library itself is loaded by Chart.tsx only when a chart is on screen).
 */
const COLORS = { direct: '#8d6e63', web: '#1565c0', mobile: '#2e7d32', phone: '#f9a825', rate: '#b71c1c', target: '#5a5a5a' };

interface TooltipParam {
  seriesName: string;
  value: number | null;
  marker: string;
  axisValueLabel: string;
  seriesType: string;
}

function tooltipText(params: TooltipParam[] | TooltipParam, isRate: (p: TooltipParam) => boolean): string {
  const list = Array.isArray(params) ? params : [params];
  const head = list[0]?.axisValueLabel ?? '';
  const lines = list.map(
    (p) =>
      `${p.marker}${p.seriesName}: <b>${isRate(p) ? formatRate(p.value === null ? null : p.value / 100) : formatCount(p.value ?? 0)}</b>`,
  );
  return [head, ...lines].join('<br/>');
}

const pct = (rate: number | null) => percentNumber(rate);
const axisPercent = (v: number) => `${v}%`;

export interface ChannelChartLabels {
  direct: string;
  web: string;
  mobile: string;
  phone: string;
  rate: string;
  count: string;
  target: string;
}

/**
 * Per unit: stacked bars of dossiers received directly, on the portal and in the app (and by phone
 * when there were any), with the online rate as a line on a second axis — the chart of seed 002
 * ("Biểu đồ mô tả tỷ lệ hồ sơ tiếp nhận"). The target, when there is one, is a dashed line.
 */
export function channelChartOption(rows: IndicatorRow[], labels: ChannelChartLabels, target: number | null, narrow: boolean) {
  const names = rows.map((r) => shortUnitName(r.name));
  const hasPhone = rows.some((r) => r.phone > 0);
  const bar = (name: string, key: 'direct' | 'web' | 'mobile' | 'phone') => ({
    name,
    type: 'bar',
    stack: 'received',
    barMaxWidth: 36,
    itemStyle: { color: COLORS[key] },
    data: rows.map((r) => r[key]),
  });
  return {
    animation: false,
    tooltip: { trigger: 'axis', formatter: (p: TooltipParam[]) => tooltipText(p, (x) => x.seriesType === 'line') },
    legend: { top: 0, itemGap: 12, textStyle: { fontSize: narrow ? 11 : 12 } },
    grid: { left: 8, right: 8, top: narrow ? 52 : 40, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: names,
      axisLabel: { interval: 0, rotate: narrow || names.length > 8 ? 40 : 0, fontSize: narrow ? 10 : 12 },
    },
    yAxis: [
      { type: 'value', name: labels.count, minInterval: 1, nameTextStyle: { align: 'left' } },
      { type: 'value', name: labels.rate, min: 0, max: 100, axisLabel: { formatter: axisPercent }, splitLine: { show: false } },
    ],
    series: [
      bar(labels.direct, 'direct'),
      bar(labels.web, 'web'),
      bar(labels.mobile, 'mobile'),
      ...(hasPhone ? [bar(labels.phone, 'phone')] : []),
      {
        name: labels.rate,
        type: 'line',
        yAxisIndex: 1,
        symbolSize: 7,
        itemStyle: { color: COLORS.rate },
        lineStyle: { width: 2 },
        data: rows.map((r) => pct(r.rates.online)),
        markLine:
          target === null
            ? undefined
            : {
                symbol: 'none',
                silent: true,
                lineStyle: { color: COLORS.target, type: 'dashed' },
                label: { formatter: `${labels.target} ${formatRate(target)}`, position: 'insideEndTop' },
                data: [{ yAxis: pct(target) }],
              },
      },
    ],
  } satisfies EChartsCoreOption;
}

export interface TrendPoint {
  month: string;
  rate: number | null;
  target: number | null;
}

/**
 * Online rate per month against the target. One target for the whole span → a dashed mark line;
 * targets that change (30% in Nov 2022, then 50%) → a step line, so each month is read against its own.
 */
export function trendChartOption(points: TrendPoint[], labels: { rate: string; target: string }, narrow: boolean) {
  const targets = points.map((p) => p.target);
  const distinct = new Set(targets.filter((t) => t !== null));
  const single = distinct.size === 1 && targets.every((t) => t !== null) ? (targets[0] ?? null) : null;
  return {
    animation: false,
    tooltip: { trigger: 'axis', formatter: (p: TooltipParam[]) => tooltipText(p, () => true) },
    legend: { top: 0, textStyle: { fontSize: narrow ? 11 : 12 } },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => formatMonth(p.month)), axisLabel: { fontSize: narrow ? 10 : 12 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: axisPercent } },
    series: [
      {
        name: labels.rate,
        type: 'line',
        symbolSize: 8,
        itemStyle: { color: COLORS.rate },
        lineStyle: { width: 3 },
        data: points.map((p) => pct(p.rate)),
        markLine:
          single === null
            ? undefined
            : {
                symbol: 'none',
                silent: true,
                lineStyle: { color: COLORS.target, type: 'dashed', width: 2 },
                label: { formatter: `${labels.target} ${formatRate(single)}`, position: 'insideEndTop' },
                data: [{ yAxis: pct(single) }],
              },
      },
      ...(single === null && distinct.size > 0
        ? [
            {
              name: labels.target,
              type: 'line',
              step: 'middle',
              symbol: 'none',
              itemStyle: { color: COLORS.target },
              lineStyle: { type: 'dashed', width: 2 },
              data: targets.map(pct),
            },
          ]
        : []),
    ],
  } satisfies EChartsCoreOption;
}
