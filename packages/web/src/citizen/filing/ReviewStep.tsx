import { useI18n } from '../../i18n';
import type { FeeAmounts } from '../../shared/catalog';
import { formatDong } from '../../shared/format';
import type { PickedFile } from './AttachmentInput';
import type { FormRow } from './definition-form';
import type { WizardMeta } from './fields';

/** A file that goes with the dossier: uploaded, uploading, or waiting for the network (not one the server refused). */
export function goesWithDossier(f: PickedFile): boolean {
  return Boolean(f.fileId || f.reusedDocumentId) || f.state === 'uploading' || f.state === 'waiting';
}

/**
 * Everything entered, step by step with the definition's labels, a "Sửa" link back to each; where
 * the dossier goes and how the result comes back when the wizard asked it; the papers with their
 * number of files; then the fee to pay online.
 */
export function ReviewStep({
  sections,
  meta,
  papers,
  whereStep,
  fee,
  onEdit,
}: {
  sections: { id: string; title: string; rows: FormRow[] }[];
  meta: WizardMeta;
  /** The procedure's papers, in order, with the step that attaches them. */
  papers: { id: string; name: string }[];
  /** The wizard's own "where" step, when the form does not ask it itself. */
  whereStep?: { id: string; title: string };
  fee?: FeeAmounts;
  onEdit: (stepId: string) => void;
}) {
  const { t } = useI18n();
  const filesOf = (id: string) => meta.files.filter((f) => f.componentId === id && goesWithDossier(f)).length;
  const attached = papers.filter((p) => filesOf(p.id) > 0);
  return (
    <div className="stack">
      <p className="lead">{t('review.lead')}</p>
      {sections.map((s) => (
        <div key={s.id} className="card review">
          <div className="review-head">
            <h2>{s.title}</h2>
            <button type="button" className="linklike" onClick={() => onEdit(s.id)}>
              {t('common.edit')}
            </button>
          </div>
          <dl className="review-rows">
            {s.rows.map((r) =>
              r.header ? (
                <dt key={r.path} className={`review-group depth-${Math.min(r.depth, 3)}`}>
                  {r.label}
                  {r.text ? `: ${r.text}` : ''}
                </dt>
              ) : (
                <div key={r.path} className={`review-row depth-${Math.min(r.depth, 3)}`}>
                  <dt>{r.label}</dt>
                  <dd>
                    {r.lines
                      ? r.lines.map((l) => `${l.code} ${l.name}${l.isMain ? ' ★' : ''}`).join('; ') || '—'
                      : r.unitCode
                        ? `${r.text}, ${meta.unitNames?.[r.path] ?? r.unitCode}`
                        : r.text}
                  </dd>
                </div>
              ),
            )}
          </dl>
        </div>
      ))}
      {whereStep && (
        <div className="card review">
          <div className="review-head">
            <h2>{whereStep.title}</h2>
            <button type="button" className="linklike" onClick={() => onEdit(whereStep.id)}>
              {t('common.edit')}
            </button>
          </div>
          <dl className="review-rows">
            <div className="review-row depth-0">
              <dt>{t('where.unit')}</dt>
              <dd>{meta.unitName ?? meta.unitCode ?? '—'}</dd>
            </div>
            <div className="review-row depth-0">
              <dt>{t('review.delivery')}</dt>
              <dd>{meta.delivery ? t(`review.delivery.${meta.delivery}`) : '—'}</dd>
            </div>
          </dl>
        </div>
      )}
      <div className="card review">
        <div className="review-head">
          <h2>{t('attachments.title')}</h2>
          <button type="button" className="linklike" onClick={() => onEdit('giay-to')}>
            {t('common.edit')}
          </button>
        </div>
        {attached.length === 0 ? (
          <p>{t('review.noFiles')}</p>
        ) : (
          <dl className="review-rows">
            {attached.map((p) => (
              <div key={p.id} className="review-row depth-0">
                <dt>{p.name}</dt>
                <dd>
                  {t('review.files', { count: filesOf(p.id) })}
                  {meta.files
                    .filter((f) => f.componentId === p.id && f.reusedDocumentId)
                    .map((f) => (
                      <span key={f.key} className="tag reused">
                        {t('store.reusedReview', { title: f.name })}
                      </span>
                    ))}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      {fee && fee.kind === 'fixed' && (
        <div className="fee-box online">
          <span>{t('procedure.feeOnline')}</span>
          <strong>{formatDong(fee.onlineAmount)}</strong>
        </div>
      )}
    </div>
  );
}
