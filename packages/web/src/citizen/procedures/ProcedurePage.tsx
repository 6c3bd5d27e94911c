import { ProcedureDetailView } from '@dvc/domain/contract/catalog';
import { useEffect, useState } from 'react';
import { dataLabel, type MessageKey, useI18n } from '../../i18n';
import { Link } from '../../router';
import { ApiError, api } from '../../shared/api';
import { componentText, isFileable, type ProcedureDetail } from '../../shared/catalog';
import { formatDong } from '../../shared/format';
import { useSession } from '../../shared/session';
import { HelpSection } from '../help/HelpSection';

/** What a citizen must know before starting: papers, fee (online cheaper), time, where the result comes. */
export function ProcedurePage({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const session = useSession();
  const [p, setP] = useState<ProcedureDetail | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    api(`/api/v1/procedures/${encodeURIComponent(code)}`, { schema: ProcedureDetailView })
      .then(setP)
      .catch((e) => setError(e instanceof ApiError ? e.title : t('error.network')));
  }, [code, t]);

  if (error) return <p className="alert">{error}</p>;
  if (!p) return <p className="muted">{t('common.loading')}</p>;
  const fee = p.feeAmounts;
  const canFile = isFileable(p);
  const signedIn = session.status === 'signed-in' || session.status === 'offline';
  const fileHref = signedIn ? `/nop/${encodeURIComponent(p.code)}` : `/dang-nhap?next=${encodeURIComponent(`/nop/${p.code}`)}`;

  return (
    <article>
      <Link href="/thu-tuc" className="back">
        ‹ {t('common.back')}
      </Link>
      <p className="muted">
        {dataLabel(locale, 'topic', p.topic, p.topicLabel)} · {t('procedure.code', { code: p.code })}
      </p>
      <h1>{locale === 'en' ? p.nameEn : p.name}</h1>

      <div className="facts">
        <div className="fact">
          <span className="fact-label">{t('procedure.duration')}</span>
          <span className="fact-value">
            {p.legalDurationWorkingDays === 0
              ? t('procedure.noDuration')
              : t('procedure.days', { days: p.legalDurationWorkingDays })}
          </span>
        </div>
        <div className="fact">
          <span className="fact-label">{t('procedure.where')}</span>
          <span className="fact-value">{t(`authority.${p.authority.from2025}` as MessageKey)}</span>
        </div>
      </div>

      <h2>{t('procedure.fee')}</h2>
      {fee.kind === 'none' ? (
        <p className="fee-online">{t('procedure.free')}</p>
      ) : (
        <div className="fees">
          <div className="fee-box online">
            <span>{t('procedure.feeOnline')}</span>
            <strong>{formatDong(fee.onlineAmount)}</strong>
            {fee.onlineReductionPercent > 0 && (
              <span className="badge">{t('procedure.feeSaving', { percent: fee.onlineReductionPercent })}</span>
            )}
          </div>
          <div className="fee-box">
            <span>{t('procedure.feeCounter')}</span>
            <strong>{formatDong(fee.counterAmount)}</strong>
          </div>
        </div>
      )}

      <h2>{t('procedure.components')}</h2>
      <p className="muted">{t('procedure.componentsLead')}</p>
      <ol className="components">
        {p.components.map((c) => {
          const text = componentText(c, locale);
          return (
            <li key={c.id} className={c.mandatory ? 'mandatory' : ''}>
              <span className={`tag ${c.mandatory ? 'required' : 'optional'}`}>
                {c.mandatory ? t('procedure.mandatory') : t('procedure.optional')}
              </span>
              <span className="component-name">{text.name}</span>
              {text.notes && <span className="component-note">{text.notes}</span>}
            </li>
          );
        })}
      </ol>

      <h2>{t('procedure.result')}</h2>
      <p>{t(`result.${p.resultKind}` as MessageKey)}</p>
      <ul className="plain">
        <li>{t('delivery.electronic')}</li>
        <li>{t('delivery.counter')}</li>
        <li>{t('delivery.post')}</li>
      </ul>

      <HelpSection procedureCode={p.code} />

      <div className="sticky-action">
        {p.interlinkGroup && (
          <Link href={`/lien-thong/nop/${p.interlinkGroup}`} className="button secondary big">
            {t('group.fileAll')}
          </Link>
        )}
        {canFile ? (
          <Link href={fileHref} className="button primary big">
            {t('procedure.fileOnline')}
          </Link>
        ) : (
          <p className="notice">{t('procedure.notYet')}</p>
        )}
      </div>
    </article>
  );
}
