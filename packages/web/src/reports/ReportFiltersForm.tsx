import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { formatDay } from './format';
import { defaultValue, type PeriodKind, type ReportFilters } from './query';
import type { Era, Level, ReportSettings } from './types';

const KINDS: PeriodKind[] = ['month', 'quarter', 'year', 'phase', 'range'];
const FIRST_YEAR = 2022;

function Select({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  children: ReactNode;
}) {
  return (
    <label className="rp-field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </label>
  );
}

/** The report's filters; every change applies at once (and lands in the address). */
export function ReportFiltersForm({
  filters,
  settings,
  agencies,
  today,
  onChange,
}: {
  filters: ReportFilters;
  settings: ReportSettings;
  agencies: { code: string; name: string }[];
  today: string;
  onChange: (next: ReportFilters) => void;
}) {
  const { t } = useI18n();
  const f = filters;
  const set = (patch: Partial<ReportFilters>) => onChange({ ...f, ...patch });
  const lastYear = Math.max(Number(today.slice(0, 4)), FIRST_YEAR);
  const years = Array.from({ length: lastYear - FIRST_YEAR + 1 }, (_, i) => String(lastYear - i));
  const [qYear = years[0] ?? '', qNum = 'Q1'] = f.kind === 'quarter' ? f.value.split('-') : [];

  return (
    <form className="rp-filters" onSubmit={(e) => e.preventDefault()} aria-label={t('reports.filters.label')}>
      <Select
        label={t('reports.filters.kind')}
        value={f.kind}
        onChange={(v) => {
          const kind = v as PeriodKind;
          set({ kind, value: defaultValue(kind, settings, today), from: f.from || today, to: f.to || today });
        }}
      >
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`reports.kind.${k}`)}
          </option>
        ))}
      </Select>

      {f.kind === 'month' && (
        <label className="rp-field">
          <span>{t('reports.filters.month')}</span>
          <input type="month" value={f.value} min="2022-01" onChange={(e) => set({ value: e.target.value })} />
        </label>
      )}
      {f.kind === 'quarter' && (
        <>
          <Select label={t('reports.filters.year')} value={qYear} onChange={(v) => set({ value: `${v}-${qNum}` })}>
            {years.map((y) => (
              <option key={y}>{y}</option>
            ))}
          </Select>
          <Select label={t('reports.filters.quarter')} value={qNum} onChange={(v) => set({ value: `${qYear}-${v}` })}>
            {['Q1', 'Q2', 'Q3', 'Q4'].map((q) => (
              <option key={q} value={q}>
                {t('reports.filters.quarterN', { n: q.slice(1) })}
              </option>
            ))}
          </Select>
        </>
      )}
      {f.kind === 'year' && (
        <Select label={t('reports.filters.year')} value={f.value} onChange={(v) => set({ value: v })}>
          {years.map((y) => (
            <option key={y}>{y}</option>
          ))}
        </Select>
      )}
      {f.kind === 'phase' && (
        <Select label={t('reports.filters.phase')} value={f.value} onChange={(v) => set({ value: v })}>
          {settings.phases.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name} ({formatDay(p.from)} – {formatDay(p.to)})
            </option>
          ))}
        </Select>
      )}
      {f.kind === 'range' && (
        <>
          <label className="rp-field">
            <span>{t('reports.filters.from')}</span>
            <input type="date" value={f.from} onChange={(e) => set({ from: e.target.value })} />
          </label>
          <label className="rp-field">
            <span>{t('reports.filters.to')}</span>
            <input type="date" value={f.to} min={f.from} onChange={(e) => set({ to: e.target.value })} />
          </label>
        </>
      )}

      <Select
        label={t('reports.filters.era')}
        value={f.era ?? ''}
        onChange={(v) => set({ era: (v || undefined) as Era | undefined })}
      >
        <option value="">{t('reports.era.auto')}</option>
        <option value="old">{t('reports.era.old')}</option>
        <option value="new">{t('reports.era.new')}</option>
      </Select>
      <Select
        label={t('reports.filters.level')}
        value={f.level ?? ''}
        onChange={(v) => set({ level: (v || undefined) as Level | undefined })}
      >
        <option value="">{t('reports.level.auto')}</option>
        <option value="province">{t('reports.level.province')}</option>
        <option value="district">{t('reports.level.district')}</option>
        <option value="commune">{t('reports.level.commune')}</option>
      </Select>
      <Select
        label={t('reports.filters.group')}
        value={f.procedureGroup ?? ''}
        onChange={(v) => set({ procedureGroup: v || undefined })}
      >
        <option value="">{t('reports.filters.allProcedures')}</option>
        {settings.groups.map((g) => (
          <option key={g.code} value={g.code}>
            {g.name}
          </option>
        ))}
      </Select>
      <Select label={t('reports.filters.agency')} value={f.agency ?? ''} onChange={(v) => set({ agency: v || undefined })}>
        <option value="">{t('reports.filters.allAgencies')}</option>
        {f.agency && !agencies.some((a) => a.code === f.agency) && <option value={f.agency}>{f.agency}</option>}
        {agencies.map((a) => (
          <option key={a.code} value={a.code}>
            {a.name}
          </option>
        ))}
      </Select>
    </form>
  );
}
