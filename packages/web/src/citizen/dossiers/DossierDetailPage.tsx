import { ProcedureDetailView } from '@dvc/domain/contract/catalog';
import { DossierDetailView } from '@dvc/domain/contract/dossiers';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { dataLabel, useI18n } from '../../i18n';
import { Link, useLocation } from '../../router';
import { ApiError, api, NetworkError } from '../../shared/api';
import { componentText, type ProcedureComponent } from '../../shared/catalog';
import { type DossierDetail, stateLabel, stateTone } from '../../shared/dossiers';
import { formatDateTime, formatDong } from '../../shared/format';
import { useOutbox } from '../../shared/outbox-runtime';
import { PostalShipment } from '../../shared/PostalShipment';
import { FormError } from '../../shared/ui';
import { AttachmentInput, type PickedFile } from '../filing/AttachmentInput';
import { DossierReads } from '../privacy/DossierReads';
import { PaymentPanel } from './PaymentPanel';
import { WithdrawPanel } from './WithdrawPanel';

export function DossierDetailPage({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const { query } = useLocation();
  const [d, setD] = useState<DossierDetail | undefined>();
  const [error, setError] = useState<string | undefined>();
  const outbox = useOutbox();

  const load = useCallback(() => {
    api(`/api/v1/dossiers/${encodeURIComponent(code)}`, { schema: DossierDetailView })
      .then(setD)
      .catch((e) =>
        setError(e instanceof ApiError ? e.title : e instanceof NetworkError ? t('error.network') : t('error.generic')),
      );
  }, [code, t]);
  useEffect(load, [load]);

  // Before reception: the appointment the filing answer gave (the server's, else the one kept on this phone).
  const keptOnPhone = outbox.items.find((i) => i.status === 'sent' && i.dossierCode === code)?.expectedDueAt;

  if (error) return <p className="alert">{error}</p>;
  if (!d) return <p className="muted">{t('common.loading')}</p>;
  const expectedDueAt = d.expectedDueAt ?? keptOnPhone;
  return (
    <article>
      <Link href="/ho-so" className="back">
        ‹ {t('common.back')}
      </Link>
      <p className="muted">{t('dossier.code', { code: d.code })}</p>
      <h1>{(locale === 'en' && d.procedureNameEn) || d.procedureName}</h1>
      <p>
        <span className={`status ${stateTone(d.status)}`}>{stateLabel(d.status, locale)}</span>
        {d.overdue && <span className="status bad">{t('dossier.overdue')}</span>}
      </p>
      <div className="facts">
        <div className="fact">
          <span className="fact-label">{t('dossier.submittedAt')}</span>
          <span className="fact-value">{formatDateTime(d.submittedAt)}</span>
        </div>
        {d.dueAt ? (
          <div className="fact">
            <span className="fact-label">{t('dossier.dueAt')}</span>
            <span className="fact-value">{formatDateTime(d.dueAt)}</span>
          </div>
        ) : (
          expectedDueAt && (
            <div className="fact">
              <span className="fact-label">{t('review.expectedDueAt')}</span>
              <span className="fact-value">{formatDateTime(expectedDueAt)}</span>
            </div>
          )
        )}
        {d.onlineReductionPercent && (d.dueAt || expectedDueAt) && (
          <p className="muted small">{t('dossier.onlineReduction', { percent: d.onlineReductionPercent })}</p>
        )}
        <div className="fact">
          <span className="fact-label">{t('procedure.fee')}</span>
          <span className="fact-value">
            {formatDong(d.feeAmount)} {d.paidOnline ? `· ${t('dossier.paid')}` : ''}
          </span>
        </div>
      </div>

      {d.status === 'supplement_requested' && <SupplementForm code={d.code} procedureCode={d.procedureCode} onDone={load} />}

      <PaymentPanel d={d} result={query.get('thanh-toan')} onRefresh={load} />

      {d.availableEvents.includes('request_withdrawal') && <WithdrawPanel code={d.code} onDone={load} />}

      {/* Issue 15: the rating once the result is returned; feedback on the dossier at any time. */}
      <p className="stack">
        {d.status === 'returned' && (
          <Link href={`/ho-so/${encodeURIComponent(d.code)}/danh-gia`} className="button primary">
            {t('rating.title')}
          </Link>
        )}
        <Link href={`/phan-anh/moi?ho-so=${encodeURIComponent(d.code)}`} className="button secondary">
          {t('complaint.newTitle')}
        </Link>
      </p>

      {d.documents.length > 0 && (
        <>
          <h2>{t('dossier.documents')}</h2>
          <ul className="list">
            {d.documents.map((doc) => (
              <li key={doc.url}>
                <a href={doc.url} className="list-item" target="_blank" rel="noreferrer">
                  <span className="item-title">📄 {doc.title}</span>
                  <span className="item-meta">PDF</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}

      {d.delivery === 'post' && <PostalShipment code={d.code} />}
      <h2>{t('dossier.timeline')}</h2>
      <ol className="timeline">
        {[...d.timeline].reverse().map((e) => (
          <li key={`${e.at}-${e.event}`}>
            <span className="tl-date">{formatDateTime(e.at)}</span>
            <span className="tl-state">{stateLabel(e.to, locale)}</span>
            <span className="tl-event">{dataLabel(locale, 'event', e.event, e.eventLabel)}</span>
            {e.note && <span className="tl-note">{e.note}</span>}
          </li>
        ))}
      </ol>

      {d.attachments.length > 0 && (
        <>
          <h2>{t('dossier.attachments')}</h2>
          <ul className="plain">
            {d.attachments.map((a) => (
              <li key={a.fileId}>
                {(locale === 'en' && a.componentNameEn) || a.componentName}: {a.fileName}
              </li>
            ))}
          </ul>
        </>
      )}

      <DossierReads code={d.code} />
    </article>
  );
}

/** "Bổ sung hồ sơ": answer the office's request with a note and the missing papers. */
function SupplementForm({ code, procedureCode, onDone }: { code: string; procedureCode: string; onDone: () => void }) {
  const { t, locale } = useI18n();
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  // Each added paper is one of the procedure's components: the citizen says which one it replaces.
  const [components, setComponents] = useState<ProcedureComponent[]>([]);
  const [componentId, setComponentId] = useState('');
  useEffect(() => {
    api(`/api/v1/procedures/${encodeURIComponent(procedureCode)}`, { schema: ProcedureDetailView })
      .then((p) => {
        setComponents(p.components);
        setComponentId((current) => current || p.components[0]?.id || '');
      })
      .catch(() => setComponents([]));
  }, [procedureCode]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const attachments = files
        .filter((f) => f.fileId)
        .map((f) => ({ componentId: f.componentId ?? componentId, fileId: f.fileId as string }));
      await api(`/api/v1/dossiers/${encodeURIComponent(code)}/supplement`, {
        method: 'POST',
        body: { note: note || undefined, attachments },
      });
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, t('error.network')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card warn" onSubmit={submit}>
      <h2>{t('supplement.title')}</h2>
      <p>{t('supplement.lead')}</p>
      <FormError title={error?.title} detail={error?.detail} />
      <div className="field">
        <label htmlFor="supp-note">{t('supplement.note')}</label>
        <textarea id="supp-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {components.length > 0 && (
        <div className="field">
          <label htmlFor="supp-component">{t('supplement.component')}</label>
          <select id="supp-component" value={componentId} onChange={(e) => setComponentId(e.target.value)}>
            {components.map((c) => (
              <option key={c.id} value={c.id}>
                {componentText(c, locale).name}
              </option>
            ))}
          </select>
        </div>
      )}
      <AttachmentInput
        label={t('supplement.files')}
        procedureCode={procedureCode}
        componentId={componentId}
        files={files}
        setFiles={(fn) => setFiles((prev) => fn(prev))}
      />
      <button type="submit" className="button primary" disabled={busy}>
        {t('supplement.submit')}
      </button>
    </form>
  );
}
