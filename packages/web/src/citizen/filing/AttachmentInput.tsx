import { useId } from 'react';
import { useI18n } from '../../i18n';
import { bytesToBase64, type PendingFile } from '../../shared/outbox';

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
  /** A document of the citizen's store (Kho dữ liệu) given instead of an upload. */
  reusedDocumentId?: string;
  /** 0..1 while uploading. */
  progress?: number;
  /** 'uploading' | 'waiting' (offline, resumes by itself) | 'done' | the server's refusal title. */
  state?: string;
}

export type FilesUpdate = (fn: (prev: PickedFile[]) => PickedFile[]) => void;

/**
 * Each picked file's bytes as they will be sent (a photo's shrunk copy) and its running upload, by
 * key. In memory only (not in the draft): what lets a file that waits for the network go to the
 * outbox with the dossier.
 */
const running = new Map<string, { file?: File; pause?: () => void }>();

/** A file waiting for the network whose bytes are ready: it can travel in the outbox. */
export function canGoWithOutbox(f: PickedFile): boolean {
  return !f.fileId && f.state === 'waiting' && running.get(f.key)?.file !== undefined;
}

/**
 * Stops the waiting uploads of `files` (the outbox uploads them now, so they are not sent twice) and
 * answers their bytes for the outbox.
 */
export async function handOverToOutbox(files: PickedFile[]): Promise<PendingFile[]> {
  const pending: PendingFile[] = [];
  for (const f of files) {
    const entry = running.get(f.key);
    if (!entry?.file || !f.componentId) continue;
    entry.pause?.();
    const file = entry.file;
    const base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    pending.push({ componentId: f.componentId, name: file.name, type: file.type, base64 });
  }
  return pending;
}

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
    const entry: { file?: File; pause?: () => void } = {};
    running.set(key, entry);
    try {
      const { uploadFile } = await import('../../shared/upload');
      const handle = uploadFile(
        file,
        { procedureCode, componentId },
        {
          onPrepared: (prepared) => {
            entry.file = prepared;
          },
          onProgress: (sent, total) => patch(key, { progress: total ? sent / total : 0, state: 'uploading' }),
          onWaitingForNetwork: () => patch(key, { state: 'waiting' }),
        },
      );
      entry.pause = () => handle.pause();
      const done = await handle.done;
      running.delete(key);
      patch(key, { fileId: done.fileId, name: done.name, size: done.size, type: done.mediaType, progress: 1, state: 'done' });
    } catch (err) {
      running.delete(key);
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
                {f.state === 'done' ? '✅' : f.state === 'uploading' || f.state === 'waiting' ? '⏳' : '⚠'} {f.name}
                {f.reusedDocumentId ? '' : ` (${Math.ceil(f.size / 1024)} KB)`}
                <br />
                <small className={f.state === 'done' || f.state === 'uploading' || f.state === 'waiting' ? 'muted' : 'error'}>
                  {f.reusedDocumentId
                    ? t('store.reused')
                    : f.state === 'done'
                      ? t('attachments.uploaded')
                      : f.state === 'uploading'
                        ? t('attachments.uploading', { percent: Math.round((f.progress ?? 0) * 100) })
                        : f.state === 'waiting'
                          ? t('attachments.waiting')
                          : f.state}
                </small>
              </span>
              <button
                type="button"
                className="linklike"
                onClick={() => {
                  running.get(f.key)?.pause?.();
                  running.delete(f.key);
                  setFiles((prev) => prev.filter((x) => x.key !== f.key));
                }}
              >
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
