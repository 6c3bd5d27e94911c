import { useMemo } from 'react';
import { DefinitionPreview } from '../citizen/filing/DefinitionPreview';
import { useI18n } from '../i18n';
import { checkText } from './ProcedureEditor';

interface Field {
  key: string;
  type: string;
  label: { vi: string; en?: string };
  required?: boolean;
  visibleIf?: unknown;
  requiredIf?: unknown;
  help?: { vi: string };
  fields?: Field[];
  params?: { options?: { value: string; label: { vi: string } }[] };
}
interface Definition {
  names: { vi: string };
  fee: { kind: string; amount?: number };
  legalDuration: { unit: string; amount: number };
  components: { id: string; name: { vi: string }; requirement: { kind: string; whenVi?: string } }[];
  form: { steps: { id: string; title: { vi: string }; fields: Field[] }[] };
}

/** A JSON Logic condition in a few words ("delivery == post"), enough for a reviewer. */
function describe(condition: unknown): string {
  if (condition === null || typeof condition !== 'object') return JSON.stringify(condition);
  const [op, args] = Object.entries(condition as Record<string, unknown>)[0] ?? [];
  const list = Array.isArray(args) ? args : [args];
  const term = (a: unknown) =>
    a !== null && typeof a === 'object' && 'var' in (a as object) ? String((a as { var: unknown }).var) : describe(a);
  if (op === 'var') return term(condition);
  if (list.length === 2 && op) return `${term(list[0])} ${op} ${term(list[1])}`;
  return JSON.stringify(condition);
}

/**
 * The phone's form as the phone draws it (web-forms' DefinitionPreview, in a 390 px frame), and
 * beside it the outline a reviewer checks: each field's type, whether it is required and when it
 * shows, the components to attach, the fee and the duration.
 */
export function ProcedureOutline({ text }: { text: string }) {
  const { t } = useI18n();
  const { check, value, definition } = useMemo(() => checkText(text), [text]);
  if (check.kind !== 'ok' || !value || !definition) return <p className="muted">{t('admin.proc.previewEmpty')}</p>;
  const d = value as unknown as Definition;
  const field = (f: Field) => (
    <li key={f.key}>
      <strong>{f.label.vi}</strong> <code>{f.type}</code>
      {f.required === false && <span className="muted"> · {t('admin.proc.optional')}</span>}
      {f.visibleIf !== undefined && (
        <span className="adm-cond"> · {t('admin.proc.shownWhen', { condition: describe(f.visibleIf) })}</span>
      )}
      {f.requiredIf !== undefined && (
        <span className="adm-cond"> · {t('admin.proc.requiredWhen', { condition: describe(f.requiredIf) })}</span>
      )}
      {f.help && <div className="muted">{f.help.vi}</div>}
      {f.params?.options && <div className="muted">{f.params.options.map((o) => o.label.vi).join(' / ')}</div>}
      {f.fields && <ul>{f.fields.map(field)}</ul>}
    </li>
  );
  return (
    <div className="adm-outline">
      <section className="adm-phone" aria-label={t('admin.proc.tab.preview')}>
        <h3>{d.names.vi}</h3>
        <DefinitionPreview key={text} definition={definition} />
      </section>
      <div className="adm-outline-facts">
        {d.form.steps.map((s, i) => (
          <section key={s.id}>
            <h4>{t('admin.proc.step', { n: i + 1, title: s.title.vi })}</h4>
            <ul>{s.fields.map(field)}</ul>
          </section>
        ))}
        <section>
          <h4>{t('admin.proc.components')}</h4>
          <ul>
            {d.components.map((c) => (
              <li key={c.id}>
                {c.name.vi}
                {c.requirement.kind === 'conditional' && (
                  <span className="adm-cond"> · {t('admin.proc.conditional', { when: c.requirement.whenVi ?? '' })}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
        <p className="muted">
          {t('admin.proc.fee')}:{' '}
          {d.fee.kind === 'none' ? t('admin.proc.feeNone') : `${(d.fee.amount ?? 0).toLocaleString('vi-VN')} đ`} ·{' '}
          {t('admin.proc.duration')}: {d.legalDuration.amount} {d.legalDuration.unit === 'hours' ? 'giờ' : 'ngày làm việc'}
        </p>
      </div>
    </div>
  );
}
