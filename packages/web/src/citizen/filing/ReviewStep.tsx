import { useI18n } from '../../i18n';
import type { FeeAmounts } from '../../shared/catalog';
import { formatDong } from '../../shared/format';
import type { FormRow } from './definition-form';
import type { WizardMeta } from './fields';

/** Everything entered, step by step with the definition's labels, a "Sửa" link back to each; then the fee to pay online. */
export function ReviewStep({
  sections,
  meta,
  fee,
  onEdit,
}: {
  sections: { id: string; title: string; rows: FormRow[] }[];
  meta: WizardMeta;
  fee?: FeeAmounts;
  onEdit: (stepId: string) => void;
}) {
  const { t } = useI18n();
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
      {meta.unitName && (
        <p>
          {t('where.unit')}: <strong>{meta.unitName}</strong>
        </p>
      )}
      <p>{t('attachments.count', { count: meta.files.length })}</p>
      {fee && fee.kind === 'fixed' && (
        <div className="fee-box online">
          <span>{t('procedure.feeOnline')}</span>
          <strong>{formatDong(fee.onlineAmount)}</strong>
        </div>
      )}
    </div>
  );
}
