import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { api } from '../../shared/api';

interface Text {
  vi: string;
  en: string;
}
interface Notice {
  controller: Text[];
  purpose: Text;
  legalBasis: string[];
  collected: string[];
  papers: string[];
  recipients: Text[];
  retention: { keepDays: number; action: string };
}

/** Issue 20: before filing, what is collected, why, by whom and for how long (from the procedure's definition). */
export function ProcedureNotice({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const [notice, setNotice] = useState<Notice | undefined>();
  useEffect(() => {
    api<Notice>(`/api/v1/privacy/notices/procedures/${encodeURIComponent(code)}`)
      .then(setNotice)
      .catch(() => setNotice(undefined));
  }, [code]);
  if (!notice) return null;
  const text = (x: Text) => (locale === 'en' ? x.en : x.vi);
  const years = Math.round(notice.retention.keepDays / 365);
  return (
    <details className="card" open>
      <summary>
        <strong>{t('privacy.notice.title')}</strong>
      </summary>
      <dl className="review-rows">
        <dt>{t('privacy.notice.collected')}</dt>
        <dd>{[...notice.collected, ...notice.papers].join('; ')}</dd>
        <dt>{t('privacy.notice.purpose')}</dt>
        <dd>
          {text(notice.purpose)} {t('privacy.notice.basis', { basis: notice.legalBasis.join('; ') })}
        </dd>
        <dt>{t('privacy.notice.controller')}</dt>
        <dd>{notice.controller.map(text).join('; ')}</dd>
        <dt>{t('privacy.notice.recipients')}</dt>
        <dd>{notice.recipients.map(text).join('; ')}</dd>
        <dt>{t('privacy.notice.retention')}</dt>
        <dd>
          {t(notice.retention.action === 'anonymise' ? 'privacy.notice.keepThenAnonymise' : 'privacy.notice.keep', {
            years,
          })}
        </dd>
      </dl>
      <p className="muted">{t('privacy.notice.rights')}</p>
    </details>
  );
}
