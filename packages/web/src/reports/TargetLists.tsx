import { formatPercentVi } from '@dvc/domain/indicators';
import { type MessageKey, useI18n } from '../i18n';
import { formatMonth } from './format';
import type { IndicatorReport, IndicatorRow, TargetClass } from './types';

const ORDER: TargetClass[] = ['met', 'below', 'none'];
const TITLE = { met: 'reports.class.met', below: 'reports.class.below', none: 'reports.class.none' } as const;

/**
 * The three lists of Công văn 2200/VP-TTHC (seed 000): units that met the online target, units with
 * online dossiers but below it, units with no online dossier — the names the province writes into its
 * dispatch to praise or to reprimand. Beside each unit below the target: the month its trend reaches it.
 */
export function TargetLists({ report }: { report: IndicatorReport }) {
  const { t } = useI18n();
  if (!report.classification || !report.target) {
    return <p className="muted rp-note">{t('reports.targets.none')}</p>;
  }
  const classification = report.classification;
  const byName = new Map(report.rows.map((r) => [r.name, r]));
  const projection = (row: IndicatorRow | undefined) => {
    const p = row?.targetProjection;
    if (!p) return null;
    const text = p.month
      ? t('reports.targets.projected', {
          month: formatMonth(p.month),
          months: p.months,
          slope: formatPercentVi(p.slopePerMonth),
        })
      : t(`reports.targets.noProjection.${p.reason}` as MessageKey);
    return <span className="muted rp-projection"> — {text}</span>;
  };
  return (
    <section className="rp-targets" aria-labelledby="rp-targets-title">
      <h2 id="rp-targets-title">{t('reports.targets.title', { target: report.target.text })}</h2>
      <p className="muted rp-note">{report.target.legalBasis}</p>
      <div className="rp-target-grid">
        {ORDER.map((k) => (
          <div key={k} className={`rp-target ${k}`}>
            <h3>
              {t(TITLE[k])} <span className="rp-count">({classification[k].length})</span>
            </h3>
            {classification[k].length ? (
              <ul>
                {classification[k].map((name) => (
                  <li key={name}>
                    {name}
                    {k === 'below' && projection(byName.get(name))}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('reports.targets.empty')}</p>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
