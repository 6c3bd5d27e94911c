import { DossierImportView } from '@dvc/domain/contract/imports';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { hasRole } from '../officer/types';
import { ApiError, api } from '../shared/api';
import { useSession } from '../shared/session';
import { FormError } from '../shared/ui';
import './import-section.css';
import { type DossierImport, MAX_IMPORT_BYTES, percent, uploadImport } from './import-upload';

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; sent: number; total: number }
  | { kind: 'importing' | 'finished'; job: DossierImport };

const POLL_MS = 700;
const number = new Intl.NumberFormat('vi-VN');

/**
 * "Nhập dữ liệu hồ sơ" on the reports screen, for the province's administrators: a CSV of
 * historical dossiers goes up (bar 1: bytes sent), the server imports it (bar 2: bytes read), then
 * the counts and the file of bad rows. The server runs the CLI's import; this only shows it.
 */
export function ImportSection({ onImported }: { onImported: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const user = session.status === 'signed-in' ? session.user : undefined;
  const [file, setFile] = useState<File | undefined>();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<{ title: string; detail?: string } | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const jobId = phase.kind === 'importing' ? phase.job.id : undefined;

  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const job = await api(`/api/v1/admin/imports/${jobId}`, { schema: DossierImportView });
        if (stopped) return;
        if (job.status === 'running') {
          setPhase({ kind: 'importing', job });
          timer = setTimeout(poll, POLL_MS);
        } else {
          setPhase({ kind: 'finished', job });
          if (job.inserted > 0) onImported();
        }
      } catch {
        // A dropped poll on a phone: try again, the import goes on without us.
        if (!stopped) timer = setTimeout(poll, POLL_MS * 3);
      }
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId, onImported]);

  if (!hasRole(user, 'province_admin', 'system_admin')) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setError(undefined);
    if (file.size > MAX_IMPORT_BYTES) {
      setError({ title: t('reports.import.tooLarge', { max: MAX_IMPORT_BYTES / 1024 / 1024 }) });
      return;
    }
    setPhase({ kind: 'uploading', sent: 0, total: file.size });
    try {
      const job = await uploadImport(file, (sent, total) => setPhase({ kind: 'uploading', sent, total }));
      setPhase({ kind: 'importing', job });
    } catch (err) {
      setPhase({ kind: 'idle' });
      setError(err instanceof ApiError ? { title: err.title, detail: err.detail } : { title: t('reports.import.network') });
    }
  };

  const again = () => {
    setPhase({ kind: 'idle' });
    setFile(undefined);
    if (input.current) input.current.value = '';
  };

  const busy = phase.kind === 'uploading' || phase.kind === 'importing';
  const job = phase.kind === 'importing' || phase.kind === 'finished' ? phase.job : undefined;
  return (
    <section className="card rp-import" aria-labelledby="rp-import-title">
      <h2 id="rp-import-title">{t('reports.import.title')}</h2>
      <p className="muted">{t('reports.import.lead', { max: MAX_IMPORT_BYTES / 1024 / 1024 })}</p>
      {phase.kind !== 'finished' && (
        <form className="rp-import-form" onSubmit={(e) => void submit(e)}>
          {/* A button of our own over the browser's input: its text follows the app's language. */}
          <label className={busy ? 'button secondary slim rp-import-pick disabled' : 'button secondary slim rp-import-pick'}>
            {t('reports.import.file')}
            <input
              ref={input}
              className="visually-hidden"
              type="file"
              accept=".csv,text/csv,text/comma-separated-values"
              disabled={busy}
              onChange={(e) => setFile(e.currentTarget.files?.[0])}
            />
          </label>
          <span className="rp-import-name">{file ? file.name : t('reports.import.noFile')}</span>
          <button type="submit" className="button primary slim" disabled={!file || busy}>
            {t('reports.import.start')}
          </button>
        </form>
      )}
      <FormError title={error?.title} detail={error?.detail} />
      {phase.kind === 'uploading' && <Progress label={t('reports.import.uploading')} value={percent(phase.sent, phase.total)} />}
      {phase.kind === 'importing' && (
        <>
          <Progress label={t('reports.import.importing')} value={percent(phase.job.bytesRead, phase.job.sizeBytes)} />
          <p className="muted" role="status">
            {t('reports.import.counts', {
              rows: number.format(phase.job.rows),
              inserted: number.format(phase.job.inserted),
              bad: number.format(phase.job.badRows + phase.job.conflicts),
            })}
          </p>
        </>
      )}
      {phase.kind === 'finished' && job && (
        <div className="rp-import-result" role="status">
          {job.status === 'failed' ? (
            <FormError title={t('reports.import.failed', { file: job.fileName })} detail={job.failure ?? undefined} />
          ) : (
            <>
              <p className={job.badRows + job.conflicts > 0 ? 'notice' : 'notice success'}>
                {t('reports.import.done', { file: job.fileName, rows: number.format(job.rows) })}
              </p>
              <dl className="rp-import-summary">
                <Count label={t('reports.import.inserted')} value={job.inserted} />
                <Count label={t('reports.import.duplicates')} value={job.duplicates} />
                <Count label={t('reports.import.conflicts')} value={job.conflicts} flag />
                <Count label={t('reports.import.badRows')} value={job.badRows} flag />
              </dl>
              {job.errorsUrl && (
                <a className="button secondary slim" href={job.errorsUrl} download>
                  {t('reports.import.errorsFile')}
                </a>
              )}
            </>
          )}
          <button type="button" className="button secondary slim" onClick={again}>
            {t('reports.import.again')}
          </button>
        </div>
      )}
    </section>
  );
}

function Progress({ label, value }: { label: string; value: number }) {
  return (
    <div className="rp-import-progress">
      <span>
        {label} <strong>{value}%</strong>
      </span>
      <progress max={100} value={value} aria-label={label} />
    </div>
  );
}

/** `flag`: rows that were not imported, marked when there are some. */
function Count({ label, value, flag = false }: { label: string; value: number; flag?: boolean }) {
  return (
    <div className={flag && value > 0 ? 'rp-import-flag' : undefined}>
      <dt>{label}</dt>
      <dd>{number.format(value)}</dd>
    </div>
  );
}
