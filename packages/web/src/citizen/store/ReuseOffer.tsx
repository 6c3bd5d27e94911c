import { useI18n } from '../../i18n';
import { formatDate } from '../../shared/format';
import type { FilesUpdate, PickedFile } from '../filing/AttachmentInput';
import type { StoreDocument } from './store-api';

/**
 * "Dùng giấy tờ đã có": the valid documents of the citizen's store that may stand for this paper.
 * Choosing one attaches it by reference (no upload); it shows among the paper's files and is removed
 * like them.
 */
export function ReuseOffer({
  componentId,
  documents,
  files,
  setFiles,
}: {
  componentId: string;
  documents: StoreDocument[];
  files: PickedFile[];
  setFiles: FilesUpdate;
}) {
  const { t } = useI18n();
  if (documents.length === 0) return null;
  const chosen = new Set(files.filter((f) => f.componentId === componentId).map((f) => f.reusedDocumentId));
  const choose = (d: StoreDocument) =>
    setFiles((prev) => [
      ...prev.filter((f) => !(f.componentId === componentId && f.reusedDocumentId)),
      { key: `reuse-${d.id}`, componentId, name: d.title, size: 0, type: d.mediaType, reusedDocumentId: d.id, state: 'done' },
    ]);
  return (
    <fieldset className="card reuse-offer">
      <legend>{t('store.reuseTitle')}</legend>
      <p className="muted">{t('store.reuseLead')}</p>
      {documents.map((d) => (
        <button
          key={d.id}
          type="button"
          className="button secondary"
          aria-pressed={chosen.has(d.id)}
          disabled={chosen.has(d.id)}
          onClick={() => choose(d)}
        >
          {chosen.has(d.id) ? `${t('store.reuseChosen')} · ` : ''}
          {t('store.reuseChoice', { title: d.title, issuer: d.issuerName, date: formatDate(d.issuedAt) })}
        </button>
      ))}
    </fieldset>
  );
}
