import { useI18n } from '../i18n';
import type { IndicatorReport, TargetClass } from './types';

const ORDER: TargetClass[] = ['met', 'below', 'none'];
const TITLE = { met: 'reports.class.met', below: 'reports.class.below', none: 'reports.class.none' } as const;

/**
 * The three lists of Công văn 2200/VP-TTHC (seed 000): units that met the online target, units with
 * online dossiers but below it, units with no online dossier — the names the province writes into its
 * dispatch to praise or to reprimand.
 */
export function TargetLists({ report }: { report: IndicatorReport }) {
  const { t } = useI18n();
  if (!report.classification || !report.target) {
    return <p className="muted rp-note">{t('reports.targets.none')}</p>;
  }
  const classification = report.classification;
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
                  <li key={name}>{name}</li>
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
