import { useId } from 'react';
import { useI18n } from '../../i18n';

/**
 * One component's files: pick or photograph, then shared/upload.ts shrinks photos
 * (image-shrink.ts) and uploads over tus with resume; the server's SHA-256 becomes `fileId`.
 * upload.ts (with tus-js-client) is imported on first pick, so it stays out of the first load.
 */
export interface PickedFile {
  key: string;
  componentId?: string;
  name: string;
  size: number;
  type: string;
  fileId?: string;
  /** 0..1 while uploading. */
  progress?: number;
  /** 'uploading' | 'waiting' (offline, resumes by itself) | 'done' | the server's refusal title. */
  state?: string;
}

export type FilesUpdate = (fn: (prev: PickedFile[]) => PickedFile[]) => void;

export function AttachmentInput({
  label,
  files,
  setFiles,
  procedureCode,
  componentId,
  mandatory,
  error,
}: {
  label: string;
  files: PickedFile[];
  setFiles: FilesUpdate;
  procedureCode: string;
  componentId: string;
  mandatory?: boolean;
  error?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const mine = files.filter((f) => f.componentId === componentId);
  const patch = (key: string, p: Partial<PickedFile>) =>
    setFiles((prev) => prev.map((f) => (f.key === key ? { ...f, ...p } : f)));

  async function start(file: File) {
    const key = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    setFiles((prev) => [
      ...prev,
      { key, componentId, name: file.name, size: file.size, type: file.type, progress: 0, state: 'uploading' },
    ]);
    try {
      const { uploadFile } = await import('../../shared/upload');
      const handle = uploadFile(
        file,
        { procedureCode, componentId },
        {
          onProgress: (sent, total) => patch(key, { progress: total ? sent / total : 0, state: 'uploading' }),
          onWaitingForNetwork: () => patch(key, { state: 'waiting' }),
        },
      );
      const done = await handle.done;
      patch(key, { fileId: done.fileId, name: done.name, size: done.size, type: done.mediaType, progress: 1, state: 'done' });
    } catch (err) {
      patch(key, { state: err instanceof Error ? err.message : t('error.generic') });
    }
  }

  return (
    <div className={`field attachment${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label} {mandatory && <span className="tag required">{t('procedure.mandatory')}</span>}
      </label>
      <input
        id={id}
        type="file"
        accept="image/*,application/pdf"
        multiple
        onChange={(e) => {
          for (const f of e.target.files ?? []) void start(f);
          e.target.value = '';
        }}
      />
      {mine.length > 0 && (
        <ul className="files">
          {mine.map((f) => (
            <li key={f.key}>
              <span>
                {f.state === 'done' ? '✅' : f.state === 'uploading' || f.state === 'waiting' ? '⏳' : '⚠'} {f.name} (
                {Math.ceil(f.size / 1024)} KB)
                <br />
                <small className={f.state === 'done' || f.state === 'uploading' || f.state === 'waiting' ? 'muted' : 'error'}>
                  {f.state === 'done'
                    ? t('attachments.uploaded')
                    : f.state === 'uploading'
                      ? t('attachments.uploading', { percent: Math.round((f.progress ?? 0) * 100) })
                      : f.state === 'waiting'
                        ? t('attachments.waiting')
                        : f.state}
                </small>
              </span>
              <button type="button" className="linklike" onClick={() => setFiles((prev) => prev.filter((x) => x.key !== f.key))}>
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
