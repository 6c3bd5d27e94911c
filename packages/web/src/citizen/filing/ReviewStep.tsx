import { useI18n } from '../../i18n';
import type { FeeAmounts } from '../../shared/catalog';
import { formatDong } from '../../shared/format';
import type { WizardMeta } from './fields';
import { type FormData, getPath } from './form-state';

/** Everything entered, step by step, with a "Sửa" link back to each; then the fee to pay online. */
export function ReviewStep({
  steps,
  fieldsOf,
  data,
  meta,
  fee,
  onEdit,
}: {
  steps: { id: string; title: string }[];
  fieldsOf: (stepId: string) => readonly string[];
  data: FormData;
  meta: WizardMeta;
  fee?: FeeAmounts;
  onEdit: (stepId: string) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="stack">
      <p className="lead">{t('review.lead')}</p>
      {steps.map((s) => (
        <div key={s.id} className="card review">
          <div className="review-head">
            <h2>{s.title}</h2>
            <button type="button" className="linklike" onClick={() => onEdit(s.id)}>
              {t('common.edit')}
            </button>
          </div>
          <ul className="plain">
            {fieldsOf(s.id)
              .flatMap((f) => describe(getPath(data, f), f === 'location.unitCode' ? meta.locationUnitName : undefined))
              .filter(Boolean)
              .map((line) => (
                <li key={`${s.id}-${line}`}>{line}</li>
              ))}
          </ul>
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

/** A value as short readable lines: objects by their values, lists one item per line, money grouped. */
function describe(value: unknown, label?: string): string[] {
  if (label) return [label];
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.flatMap((v) => [describe(v).join(' · ')]).filter(Boolean);
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('code' in o && 'name' in o) return [`${String(o.code)} ${String(o.name)}${o.isMain ? ' ★' : ''}`];
    return Object.values(o).flatMap((v) => describe(v));
  }
  if (typeof value === 'number') return [value >= 1000 ? formatDong(value) : String(value)];
  if (typeof value === 'boolean') return [value ? '✓' : '✗'];
  return [String(value)];
}
