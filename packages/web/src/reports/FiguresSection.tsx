import { type MessageKey, useI18n } from '../i18n';
import { formatCount } from './format';
import './figures-section.css';
import type { IndicatorReport } from './types';

/**
 * The report's figures beside the table, as the province writes them in its reports (seeds 003 and
 * 004): online dossiers by receiving level, procedures offered online and with dossiers by service
 * level, online payment per transaction and per fee-bearing procedure, and the indicators without data
 * yet ("chưa có dữ liệu", never 0).
 */
export function FiguresSection({ report }: { report: IndicatorReport }) {
  const { t } = useI18n();
  const s = report.onlineServices;
  if (!s) return null;
  const of = (part: number, whole: number, rate: string) =>
    t('reports.figures.ofWhich', { part: formatCount(part), whole: formatCount(whole), rate });
  const services = [
    { key: 'full', label: t('reports.figures.full'), f: s.full },
    { key: 'partial', label: t('reports.figures.partial'), f: s.partial },
    { key: 'all', label: t('reports.figures.all'), f: s.all },
  ];
  return (
    <section className="rp-figures" aria-label={t('reports.figures.title')}>
      <h2>{t('reports.figures.title')}</h2>
      <div className="rp-figures-tables">
        <table className="rp-fig-table">
          <caption>{t('reports.figures.levels')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.figures.level')}</th>
              <th scope="col">{t('reports.figures.onlineOfReceived')}</th>
              <th scope="col">{t('reports.figures.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {report.levels.map((l) => (
              <tr key={l.key}>
                <th scope="row">{l.name}</th>
                <td>
                  {formatCount(l.online)}/{formatCount(l.received)}
                </td>
                <td className="rp-rate">{l.ratesText.online}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="rp-fig-table">
          <caption>{t('reports.figures.services')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.figures.serviceLevel')}</th>
              <th scope="col">{t('reports.figures.procedures')}</th>
              <th scope="col">{t('reports.figures.withDossiers')}</th>
              <th scope="col">{t('reports.figures.onlineOfReceived')}</th>
              <th scope="col">{t('reports.figures.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {services.map(({ key, label, f }) => (
              <tr key={key}>
                <th scope="row">{label}</th>
                <td>{formatCount(f.procedures)}</td>
                <td>{formatCount(f.withDossiers)}</td>
                <td>
                  {formatCount(f.online)}/{formatCount(f.received)}
                </td>
                <td className="rp-rate">{f.onlineText}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {report.interlinked.length > 0 && (
          <table className="rp-fig-table">
            <caption>{t('reports.figures.interlinked')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.figures.interlinkedGroup')}</th>
                <th scope="col">{t('reports.figures.onlineOfReceived')}</th>
                <th scope="col">{t('reports.figures.rate')}</th>
                <th scope="col">{t('reports.figures.interlinkedFinished')}</th>
              </tr>
            </thead>
            <tbody>
              {report.interlinked.map((g) => (
                <tr key={g.key}>
                  <th scope="row">{t(`reports.figures.interlinked.${g.key}` as MessageKey)}</th>
                  <td>
                    {formatCount(g.online)}/{formatCount(g.received)}
                  </td>
                  <td className="rp-rate">{g.onlineText}</td>
                  <td>{formatCount(g.finished)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <dl className="rp-figures-list">
        <dt>{t('reports.figures.byTransaction')}</dt>
        <dd>{of(s.paymentByTransaction.paidOnline, s.paymentByTransaction.feeBearing, s.paymentByTransaction.text)}</dd>
        <dt>{t('reports.figures.byProcedure')}</dt>
        <dd>{of(s.paymentByProcedure.paidOnline, s.paymentByProcedure.feeBearing, s.paymentByProcedure.text)}</dd>
      </dl>
      {Object.entries(report.unavailable).map(([key, reason]) => (
        <p key={key} className="muted">
          {t('reports.figures.unavailable', { label: report.formulas[key as keyof IndicatorReport['formulas']].label, reason })}
        </p>
      ))}
    </section>
  );
}
