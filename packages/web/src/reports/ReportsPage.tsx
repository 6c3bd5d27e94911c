import { IndicatorReportView } from '@dvc/domain/contract/indicator-report';
import { ReportSettingsView } from '@dvc/domain/contract/reports';
import { vietnamDate } from '@dvc/domain/vietnam-time';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { type MessageKey, useI18n } from '../i18n';
import { navigate, useLocation } from '../router';
import { ApiError, api } from '../shared/api';
import { FormError } from '../shared/ui';
import type { TrendPoint } from './chart-options';
import { ExportButtons } from './ExportButtons';
import { FiguresSection } from './FiguresSection';
import { formatDay } from './format';
import { ImportSection } from './ImportSection';
import { FormulaList, IndicatorTable } from './IndicatorTable';
import {
  apiQuery,
  filtersFromQuery,
  isComplete,
  pageQuery,
  periodLabel,
  type ReportFilters,
  targetForMonth,
  trendQuery,
} from './query';
import { RatingsSection } from './RatingsSection';
import { ReportCharts } from './ReportCharts';
import { ReportFiltersForm } from './ReportFiltersForm';
import { ScorecardSection } from './ScorecardSection';
import { TargetLists } from './TargetLists';
import type { IndicatorReport, ReportSettings } from './types';
import { useNarrow } from './use-narrow';

const vietnamToday = () => vietnamDate(new Date());

interface Loaded {
  query: string;
  report: IndicatorReport;
  trend: TrendPoint[];
  agencies: { code: string; name: string }[];
}

/**
 * /bao-cao: the indicator report per unit for a period, with the target lists, the charts and the
 * exports. The server scopes the rows by the officer's roles; the filters live in the address.
 */
export function ReportsPage() {
  const { t } = useI18n();
  const { query } = useLocation();
  const narrow = useNarrow();
  const [settings, setSettings] = useState<ReportSettings | undefined>();
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<{ title: string; detail?: string } | undefined>();
  const today = useMemo(vietnamToday, []);
  // Bumped when a web import added dossiers: the report on screen is read again.
  const [imports, setImports] = useState(0);
  const imported = useCallback(() => setImports((n) => n + 1), []);

  useEffect(() => {
    api('/api/v1/reports/settings', { schema: ReportSettingsView })
      .then(setSettings)
      .catch((e) => setError({ title: e instanceof ApiError ? e.title : t('reports.error.network') }));
  }, [t]);

  const search = query.toString();
  const filters = useMemo(() => filtersFromQuery(new URLSearchParams(search), settings), [search, settings]);
  const q = settings && isComplete(filters) ? apiQuery(filters) : undefined;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `imports` re-reads the report after a web import.
  useEffect(() => {
    if (!q || !settings) return;
    let stale = false;
    setLoading(true);
    setError(undefined);
    const agencyQuery = apiQuery({ ...filters, agency: undefined }, { groupBy: 'agency', figures: 'false' });
    Promise.all([
      api(`/api/v1/reports/indicators?${q}`, { schema: IndicatorReportView }),
      api(`/api/v1/reports/indicators?${trendQuery(filters, settings)}`, { schema: IndicatorReportView }),
      api(`/api/v1/reports/indicators?${agencyQuery}`, { schema: IndicatorReportView }).catch(() => undefined),
    ])
      .then(([report, months, agencies]) => {
        if (stale) return;
        const trend = months.rows.map((r) => ({
          month: r.key,
          rate: r.rates.online,
          target: targetForMonth(settings, filters.procedureGroup, r.key),
        }));
        setLoaded({ query: q, report, trend, agencies: agencies?.rows.map((r) => ({ code: r.key, name: r.name })) ?? [] });
      })
      .catch((e) => {
        if (stale) return;
        const detail = e instanceof ApiError ? e.errors.map((x) => x.message).join('; ') || e.detail : undefined;
        setError({ title: e instanceof ApiError ? e.title : t('reports.error.network'), detail });
      })
      .finally(() => !stale && setLoading(false));
    return () => {
      stale = true;
    };
    // `filters` is memoized on the address, so it changes exactly when `q` does.
  }, [q, filters, settings, t, imports]);

  const change = useCallback((next: ReportFilters) => navigate(`/bao-cao?${pageQuery(next)}`, { replace: true }), []);

  if (!settings) {
    return error ? <FormError title={error.title} /> : <p className="muted">{t('common.loading')}</p>;
  }
  const report = loaded?.report;
  return (
    <div className="rp">
      <div className="off-head">
        <h1>{t('reports.title')}</h1>
        {loaded && <ExportButtons query={loaded.query} />}
      </div>
      <ReportFiltersForm
        filters={filters}
        settings={settings}
        agencies={loaded?.agencies ?? []}
        today={today}
        onChange={change}
      />
      <FormError title={error?.title} detail={error?.detail} />
      {loading && (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {report && (
        <div className={loading ? 'rp-body rp-stale' : 'rp-body'}>
          <p className="rp-summary">
            {t('reports.summary', {
              label: periodLabel(report.period.label, t),
              from: formatDay(report.period.from),
              to: formatDay(report.period.to),
            })}{' '}
            · {t(`reports.era.${report.era}` as MessageKey)} · {t(`reports.level.${report.level}` as MessageKey)} ·{' '}
            {report.procedureGroup?.name ?? t('reports.filters.allProcedures')}
            {report.target && <> · {t('reports.summary.target', { target: report.target.text })}</>}
          </p>
          {report.rows.length === 0 ? (
            <p className="muted">{t('reports.empty')}</p>
          ) : (
            <>
              <IndicatorTable report={report} />
              <FormulaList report={report} />
              <FiguresSection report={report} />
              <ScorecardSection report={report} />
              <TargetLists report={report} />
              <ReportCharts report={report} trend={loaded?.trend} narrow={narrow} />
            </>
          )}
          <RatingsSection from={report.period.from} to={report.period.to} />
        </div>
      )}
      <ImportSection onImported={imported} />
    </div>
  );
}
