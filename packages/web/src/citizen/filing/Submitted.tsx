import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { formatDateTime } from '../../shared/format';
import type { OutboxItem } from '../../shared/outbox';

/**
 * The confirmation after "Nộp hồ sơ": the dossier's code and the appointment the server computed at
 * filing (the office sets the official one at reception), or that it waits for the network; then
 * what happens next.
 */
export function Submitted({ item }: { item: OutboxItem }) {
  const { t } = useI18n();
  const sent = item.status === 'sent';
  return (
    <section className="center">
      <div className={`result-icon ${sent ? 'ok' : 'pending'}`} aria-hidden="true">
        {sent ? '✓' : '⏳'}
      </div>
      <h1>{sent ? t('filing.sent') : t('filing.queued')}</h1>
      {sent ? (
        <>
          <p className="big">{t('dossier.code', { code: item.dossierCode ?? '' })}</p>
          {item.expectedDueAt && (
            <p>
              {t('review.sent.expected')} <strong>{formatDateTime(item.expectedDueAt)}</strong>
              <br />
              <span className="muted small">{t('review.sent.expectedNote')}</span>
            </p>
          )}
        </>
      ) : (
        <p className="lead">{t('filing.queuedLead')}</p>
      )}
      <div className="notice">
        <strong>{t('review.sent.nextTitle')}</strong>
        <p>{t('review.sent.next')}</p>
      </div>
      <Link href={sent && item.dossierCode ? `/ho-so/${item.dossierCode}` : '/ho-so'} className="button primary">
        {t('nav.dossiers')}
      </Link>
    </section>
  );
}
