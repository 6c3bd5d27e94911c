import { ProcedureDetailView } from '@dvc/domain/contract/catalog';
import { ComplaintView } from '@dvc/domain/contract/complaints';
import { DossierDetailView } from '@dvc/domain/contract/dossiers';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { Link, navigate, useLocation } from '../../router';
import { ApiError, api, NetworkError } from '../../shared/api';
import { useSession } from '../../shared/session';
import { FormError, TextField } from '../../shared/ui';
import { uploadErrorOf, uploadFile } from '../../shared/upload';

/**
 * /phan-anh/moi?ho-so=… (or ?thu-tuc=…): a complaint or recommendation about one of the citizen's
 * dossiers or about a procedure, with up to 5 files. Uploads go through the tus endpoint, which
 * takes a procedure's component for its limits: the procedure's first component that takes PDF.
 */
export function ComplaintNewPage() {
  const { t } = useI18n();
  const session = useSession();
  const { query } = useLocation();
  const dossierCode = query.get('ho-so') ?? '';
  const [procedureCode, setProcedureCode] = useState(query.get('thu-tuc') ?? '');
  const [kind, setKind] = useState<'complaint' | 'recommendation'>('complaint');
  const [subject, setSubject] = useState('');
  const [content, setContent] = useState('');
  const [files, setFiles] = useState<{ fileId: string; name: string }[]>([]);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const ids = useId();
  const fileInput = useRef<HTMLInputElement>(null);

  // The dossier's procedure, for the upload limits.
  useEffect(() => {
    if (!dossierCode || session.status !== 'signed-in') return;
    api(`/api/v1/dossiers/${encodeURIComponent(dossierCode)}`, { schema: DossierDetailView })
      .then((d) => setProcedureCode(d.procedureCode))
      .catch(() => undefined);
  }, [dossierCode, session.status]);

  if (session.status !== 'signed-in') {
    return (
      <section>
        <h1>{t('complaint.newTitle')}</h1>
        <p className="lead">{t('complaint.signInLead')}</p>
        <Link href={`/dang-nhap?next=${encodeURIComponent(`/phan-anh/moi?${query.toString()}`)}`} className="button primary">
          {t('signin.title')}
        </Link>
      </section>
    );
  }

  async function attach(picked: File | undefined) {
    if (!picked || !procedureCode) return;
    setUploadError(undefined);
    setUploading(true);
    try {
      const procedure = await api(`/api/v1/procedures/${encodeURIComponent(procedureCode)}`, { schema: ProcedureDetailView });
      const component = procedure.components.find((c) => c.accepts.includes('pdf')) ?? procedure.components[0];
      if (!component) throw new Error('no component');
      const done = await uploadFile(picked, { procedureCode, componentId: component.id }).done;
      setFiles((f) => [...f, { fileId: done.fileId, name: done.name }]);
    } catch (err) {
      setUploadError(uploadErrorOf(err).title || t('error.generic'));
    } finally {
      setUploading(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const created = await api('/api/v1/complaints', {
        schema: ComplaintView,
        method: 'POST',
        body: {
          kind,
          ...(dossierCode ? { dossierCode } : { procedureCode }),
          subject,
          content,
          attachments: files.map((f) => f.fileId),
        },
      });
      navigate(`/phan-anh/${encodeURIComponent(created.code)}?moi=1`, { replace: true });
    } catch (err) {
      setError(
        err instanceof ApiError ? err : new ApiError(0, t(err instanceof NetworkError ? 'error.network' : 'error.generic')),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <h1>{t('complaint.newTitle')}</h1>
      <p className="lead">{dossierCode ? t('complaint.aboutDossier', { code: dossierCode }) : t('complaint.lead')}</p>
      <form onSubmit={submit} noValidate>
        <FormError title={error && error.errors.length === 0 ? error.title : error?.title} detail={error?.detail} />
        <fieldset className="field">
          <legend>{t('complaint.kind')}</legend>
          {(['complaint', 'recommendation'] as const).map((k) => (
            <label key={k} className="radio">
              <input type="radio" name={`${ids}-kind`} checked={kind === k} onChange={() => setKind(k)} />
              <span>{t(k === 'complaint' ? 'complaint.kind.complaint' : 'complaint.kind.recommendation')}</span>
            </label>
          ))}
        </fieldset>
        {!dossierCode && (
          <TextField
            label={t('complaint.procedure')}
            hint={t('complaint.procedureHint')}
            value={procedureCode}
            onChange={(e) => setProcedureCode(e.target.value.trim())}
            error={error?.fieldError('procedureCode')}
          />
        )}
        {error?.fieldError('dossierCode') && <p className="error">{error.fieldError('dossierCode')}</p>}
        <TextField
          label={t('complaint.subject')}
          value={subject}
          maxLength={200}
          onChange={(e) => setSubject(e.target.value)}
          error={error?.fieldError('subject')}
        />
        <div className={`field${error?.fieldError('content') ? ' has-error' : ''}`}>
          <label htmlFor={`${ids}-content`}>{t('complaint.content')}</label>
          <textarea
            id={`${ids}-content`}
            rows={6}
            maxLength={5000}
            value={content}
            onChange={(e) => setContent(e.target.value)}
          />
          {error?.fieldError('content') && (
            <p className="error" role="alert">
              {error.fieldError('content')}
            </p>
          )}
        </div>
        <div className={`field${uploadError || error?.fieldError('attachments') ? ' has-error' : ''}`}>
          <label htmlFor={`${ids}-file`}>{t('complaint.attachments')}</label>
          <p className="hint">{t('complaint.attachmentsHint')}</p>
          <input
            id={`${ids}-file`}
            ref={fileInput}
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            disabled={uploading || files.length >= 5 || !procedureCode}
            onChange={(e) => void attach(e.target.files?.[0])}
          />
          {uploading && <p className="muted">{t('common.sending')}</p>}
          {files.length > 0 && (
            <ul className="plain">
              {files.map((f) => (
                <li key={f.fileId}>
                  📎 {f.name}{' '}
                  <button
                    type="button"
                    className="linklike"
                    onClick={() => setFiles((all) => all.filter((x) => x.fileId !== f.fileId))}
                  >
                    {t('complaint.removeFile')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {(uploadError || error?.fieldError('attachments')) && (
            <p className="error" role="alert">
              {uploadError ?? error?.fieldError('attachments')}
            </p>
          )}
        </div>
        <button type="submit" className="button primary" disabled={busy || uploading}>
          {busy ? t('common.sending') : t('complaint.submit')}
        </button>
      </form>
    </section>
  );
}
