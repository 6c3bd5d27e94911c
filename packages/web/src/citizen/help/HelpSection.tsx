import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { api } from '../../shared/api';

interface Localized {
  vi: string;
  en: string;
}
/** GET /api/v1/public/help (packages/server/src/feedback/help.routes.ts). */
interface Help {
  hotline: { phone: string; hours: Localized };
  faq: { question: Localized; answer: Localized }[];
  desks: {
    agencyCode: string;
    agencyName: string;
    deskName: string | null;
    address: string | null;
    phone: string | null;
    officeHours: string;
  }[];
  atCommuneDesk: boolean;
}

/**
 * "Hỗ trợ" on the home page and under each procedure: the hotline and its hours, the usual
 * questions, and where the one-stop desks are. Help that fails to load is left out, quietly: the
 * page around it still works.
 */
export function HelpSection({ procedureCode }: { procedureCode?: string }) {
  const { t, locale } = useI18n();
  const [help, setHelp] = useState<Help | undefined>();
  useEffect(() => {
    let stale = false;
    const q = procedureCode ? `?procedure=${encodeURIComponent(procedureCode)}` : '';
    api<Help>(`/api/v1/public/help${q}`)
      .then((h) => !stale && setHelp(h))
      .catch(() => undefined);
    return () => {
      stale = true;
    };
  }, [procedureCode]);
  if (!help) return null;
  const text = (l: Localized) => (locale === 'en' ? l.en : l.vi);
  const tel = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;
  return (
    <section className="help card" aria-labelledby="help-title">
      <h2 id="help-title">{t('help.title')}</h2>
      <p>
        {t('help.hotline')}{' '}
        <a href={tel(help.hotline.phone)} className="help-phone">
          {help.hotline.phone}
        </a>
      </p>
      <p className="muted">{text(help.hotline.hours)}</p>
      <h3>{t('help.desks')}</h3>
      {help.atCommuneDesk && <p>{t('help.communeDesk')}</p>}
      <ul className="plain help-desks">
        {help.desks.map((d) => (
          <li key={d.agencyCode}>
            <strong>{d.deskName ?? d.agencyName}</strong>
            {d.deskName && <span className="muted"> · {d.agencyName}</span>}
            {d.address && <div>{d.address}</div>}
            {d.phone && (
              <div>
                {t('help.phone')} <a href={tel(d.phone)}>{d.phone}</a>
              </div>
            )}
            <div className="muted">{t('help.officeHours', { hours: d.officeHours })}</div>
          </li>
        ))}
      </ul>
      <h3>{t('help.faq')}</h3>
      {help.faq.map((f) => (
        <details key={f.question.vi} className="help-faq">
          <summary>{text(f.question)}</summary>
          <p>{text(f.answer)}</p>
        </details>
      ))}
    </section>
  );
}
