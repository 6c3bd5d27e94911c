import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { api } from '../shared/api';
import { formatCount, formatRate } from './format';

type GroupBy = 'unit' | 'agency' | 'procedure';
const GROUPS: GroupBy[] = ['agency', 'unit', 'procedure'];
const GROUP_LABEL = {
  agency: 'reports.ratings.by.agency',
  unit: 'reports.ratings.by.unit',
  procedure: 'reports.ratings.by.procedure',
} as const;

interface RatingReport {
  questions: { code: string; vi: string; en: string }[];
  rows: {
    key: string;
    name: string;
    ratings: number;
    satisfiedPercent: number;
    questions: Record<string, { satisfiedPercent: number }>;
  }[];
}

/**
 * The citizens' satisfaction ratings over the report's period (Decision 766's satisfaction group),
 * per agency, unit or procedure: how many rated and the share satisfied, per question.
 */
export function RatingsSection({ from, to }: { from: string; to: string }) {
  const { t, locale } = useI18n();
  const [groupBy, setGroupBy] = useState<GroupBy>('agency');
  const [report, setReport] = useState<RatingReport | undefined>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let stale = false;
    setFailed(false);
    api<RatingReport>(`/api/v1/reports/ratings?${new URLSearchParams({ from, to, groupBy })}`)
      .then((r) => !stale && setReport(r))
      .catch(() => !stale && setFailed(true));
    return () => {
      stale = true;
    };
  }, [from, to, groupBy]);

  const percent = (p: number) => formatRate(p / 100);
  return (
    <section className="rp-ratings" aria-labelledby="rp-ratings-title">
      <h2 id="rp-ratings-title">{t('reports.ratings.title')}</h2>
      <label className="rp-ratings-group">
        {t('reports.ratings.groupBy')}{' '}
        <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
          {GROUPS.map((g) => (
            <option key={g} value={g}>
              {t(GROUP_LABEL[g])}
            </option>
          ))}
        </select>
      </label>
      {failed && <p className="muted">{t('reports.error.network')}</p>}
      {report && report.rows.length === 0 && <p className="muted">{t('reports.ratings.empty')}</p>}
      {report && report.rows.length > 0 && (
        <div className="rp-table-wrap">
          <table className="rp-table">
            <thead>
              <tr>
                <th scope="col">{t(GROUP_LABEL[groupBy])}</th>
                <th scope="col">{t('reports.ratings.count')}</th>
                <th scope="col">{t('reports.ratings.satisfied')}</th>
                {report.questions.map((q) => (
                  <th scope="col" key={q.code}>
                    {locale === 'en' ? q.en : q.vi}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.name}</th>
                  <td>{formatCount(r.ratings)}</td>
                  <td className="rp-rate">{percent(r.satisfiedPercent)}</td>
                  {report.questions.map((q) => (
                    <td key={q.code} className="rp-rate">
                      {percent(r.questions[q.code]?.satisfiedPercent ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
