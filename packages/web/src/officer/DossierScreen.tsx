import { DossierDetailView } from '@dvc/domain/contract/dossiers';
import { useCallback, useEffect, useState } from 'react';
import { dataLabel, useI18n } from '../i18n';
import { Link } from '../router';
import { ApiError, api, NetworkError } from '../shared/api';
import { stateLabel, stateTone } from '../shared/dossiers';
import { formatDateTime, formatDong } from '../shared/format';
import { PostalShipment } from '../shared/PostalShipment';
import { EventDialog, eventLabel } from './EventDialog';
import { FormView } from './FormView';
import type { OfficerDetail } from './types';

/** Events that end or turn a dossier down: styled apart so nobody clicks them for "next". */
const DANGER = new Set(['refuse', 'stop', 'reject_proposal']);

/** One dossier at the desk: what was filed, what happened, and the actions this officer may take now. */
export function DossierScreen({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const [d, setD] = useState<OfficerDetail | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [action, setAction] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();

  const load = useCallback(() => {
    api(`/api/v1/dossiers/${encodeURIComponent(code)}`, { schema: DossierDetailView })
      .then((x) => {
        setD(x);
        setError(undefined);
      })
      .catch((e) =>
        setError(e instanceof ApiError ? e.title : e instanceof NetworkError ? t('error.network') : t('error.generic')),
      );
  }, [code, t]);
  useEffect(load, [load]);

  if (error && !d) return <p className="alert">{error}</p>;
  if (!d) return <p className="muted">{t('common.loading')}</p>;
  const rounds = [...new Set(d.attachments.map((a) => a.round))];

  return (
    <article className="off-dossier">
      <Link href="/can-bo" className="back">
        ‹ {t('officer.backToInbox')}
      </Link>
      <header className="off-dossier-head">
        <div>
          <h1 className="off-dossier-code">{d.code}</h1>
          <p className="off-proc">{d.procedureName}</p>
          <p>
            <span className={`status ${stateTone(d.status)}`}>{stateLabel(d.status, locale)}</span>
            {d.step && d.status === 'processing' && (
              <span className="status info">{dataLabel(locale, 'step', d.step, d.step)}</span>
            )}
            {d.overdue && <span className="status bad">{t('officer.inbox.overdueShort')}</span>}
            {!d.overdue && d.dueSoon && <span className="status warn">{t('officer.inbox.dueSoonShort')}</span>}
          </p>
        </div>
        <dl className="off-facts">
          <div>
            <dt>{t('officer.col.applicant')}</dt>
            <dd>
              {d.applicantName}
              {d.applicantPhone && <small> · {d.applicantPhone}</small>}
            </dd>
          </div>
          <div>
            <dt>{t('officer.col.channel')}</dt>
            <dd>{dataLabel(locale, 'channel', d.channel, d.channelLabel)}</dd>
          </div>
          <div>
            <dt>{t('officer.dossier.submitted')}</dt>
            <dd>{formatDateTime(d.submittedAt)}</dd>
          </div>
          <div>
            <dt>{t('officer.col.due')}</dt>
            <dd className={`off-due${d.overdue ? ' overdue' : d.dueSoon ? ' soon' : ''}`}>
              {d.dueAt ? formatDateTime(d.dueAt) : '—'}
            </dd>
          </div>
          <div>
            <dt>{t('officer.dossier.fee')}</dt>
            <dd>
              {formatDong(d.feeAmount)}
              {d.feeAmount > 0 && (
                <small className={d.paidOnline ? 'tag optional' : 'tag'}>
                  {' '}
                  {t(d.paidOnline ? 'dossier.paid' : 'officer.dossier.unpaid')}
                </small>
              )}
            </dd>
          </div>
        </dl>
      </header>

      {done && (
        <p className="notice success" role="status">
          {t('officer.dossier.done', { action: eventLabel(done, locale) })}
        </p>
      )}
      <section className="off-actions" aria-label={t('officer.dossier.actions')}>
        {d.availableEvents.length === 0 && <p className="muted">{t('officer.dossier.noActions')}</p>}
        {d.availableEvents.map((type) => (
          <button
            key={type}
            type="button"
            className={`button slim ${DANGER.has(type) ? 'danger' : 'primary'}`}
            onClick={() => {
              setDone(undefined);
              setAction(type);
            }}
          >
            {eventLabel(type, locale)}
          </button>
        ))}
      </section>

      <div className="off-columns">
        <div>
          <section className="off-card">
            <h2>{t('officer.dossier.form')}</h2>
            <FormView dossier={d} />
          </section>
          <section className="off-card">
            <h2>{t('officer.dossier.attachments')}</h2>
            {d.attachments.length === 0 && <p className="muted">{t('officer.dossier.noAttachments')}</p>}
            {rounds.map((round) => (
              <ul key={round} className="off-files">
                {rounds.length > 1 && <li className="off-round">{t('officer.dossier.round', { n: round })}</li>}
                {d.attachments
                  .filter((a) => a.round === round)
                  .map((a) => (
                    <li key={`${a.componentId}-${a.fileId}`}>
                      <span className="off-file-comp">{a.componentName}</span>
                      {a.waivedBy === 'verified-identity' ? (
                        <span className="tag ok">{t('post.waived')}</span>
                      ) : a.fileId ? (
                        <a href={`/api/v1/files/${a.fileId}`} target="_blank" rel="noreferrer">
                          {a.mediaType === 'application/pdf' ? '📄' : '🖼'} {a.fileName}
                        </a>
                      ) : (
                        <span className="muted">{t('officer.dossier.paperOnly')}</span>
                      )}
                      {a.digitized && <span className="tag optional">{t('officer.dossier.digitized')}</span>}
                      {a.reusedFrom && (
                        <span className="tag reused">
                          {t(a.reusedFrom.kind === 'result' ? 'store.reusedFromResult' : 'store.reusedFromComponent', {
                            code: a.reusedFrom.dossierCode,
                          })}
                        </span>
                      )}
                    </li>
                  ))}
              </ul>
            ))}
          </section>
        </div>
        <div>
          <section className="off-card">
            <h2>{t('officer.dossier.documents')}</h2>
            {d.documents.length === 0 && <p className="muted">—</p>}
            <ul className="off-docs">
              {d.documents.map((doc) => (
                <li key={doc.url}>
                  <a href={doc.url} target="_blank" rel="noreferrer">
                    📄 {doc.title}
                  </a>
                </li>
              ))}
            </ul>
          </section>
          {d.delivery === 'post' && <PostalShipment code={d.code} desk ready={d.status === 'resolved'} />}
          <section className="off-card">
            <h2>{t('officer.dossier.timeline')}</h2>
            <ol className="off-timeline">
              {[...d.timeline].reverse().map((e, i) => (
                <li key={`${e.at}-${e.event}-${String(i)}`}>
                  <span className="tl-date">
                    {formatDateTime(e.at)} · {dataLabel(locale, 'role', e.actorRole, e.actorRole)}
                  </span>
                  <span className="tl-event">
                    <strong>{eventLabel(e.event, locale, e.eventLabel)}</strong> → {stateLabel(e.to, locale)}
                  </span>
                  {e.reason && (
                    <span className="tl-note">
                      {t('officer.event.reason')}: {e.reason}
                    </span>
                  )}
                  {e.components && e.components.length > 0 && <span className="tl-note">{e.components.join('; ')}</span>}
                  {e.newDueAt && (
                    <span className="tl-note">
                      {t('officer.event.newDueAt')}: {formatDateTime(e.newDueAt)}
                    </span>
                  )}
                  {e.note && <span className="tl-note">{e.note}</span>}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>

      {action && (
        <EventDialog
          type={action}
          dossier={d}
          onClose={() => {
            setAction(undefined);
            load();
          }}
          onDone={(next) => {
            setD(next);
            setDone(action);
            setAction(undefined);
            load();
          }}
        />
      )}
    </article>
  );
}
