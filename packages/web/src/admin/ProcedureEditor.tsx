import { ProcedureSaveAnswer } from '@dvc/domain/contract/procedure-admin';
import type { ProcedureDefinition } from '@dvc/domain/procedure-definition/definition';
import { validateProcedureDefinition } from '@dvc/domain/procedure-definition/validate';
import { useMemo, useState } from 'react';
import { useI18n } from '../i18n';
import { ApiError, api } from '../shared/api';

type Check =
  | { kind: 'json'; message: string }
  | { kind: 'errors'; errors: { field: string; message: string }[] }
  | { kind: 'ok' };

/** Reads the editor's text as the server will: JSON, then the domain's own checks (every path at once). */
export function checkText(text: string): { check: Check; value?: Record<string, unknown>; definition?: ProcedureDefinition } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { check: { kind: 'json', message: (e as Error).message } };
  }
  const checked = validateProcedureDefinition(value);
  if (!checked.ok) return { check: { kind: 'errors', errors: checked.errors }, value: value as Record<string, unknown> };
  return { check: { kind: 'ok' }, value: value as Record<string, unknown>, definition: checked.definition };
}

/**
 * The definition as JSON in a plain text area, checked as it is typed with the very validator the
 * server runs (the domain's zod schema, the one /api/v1/procedure-definition.schema.json exports, plus
 * the checks a JSON Schema cannot say: cycles, duplicate keys, unknown field types).
 */
export function ProcedureEditor({
  text,
  onText,
  code,
  onSaved,
}: {
  text: string;
  onText: (t: string) => void;
  code: string | undefined;
  onSaved: (code: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<
    { ok: boolean; text: string; errors?: { field: string; message: string }[] } | undefined
  >();
  const { check, value } = useMemo(() => checkText(text), [text]);

  async function save() {
    if (check.kind !== 'ok' || !value) return;
    const target = typeof value.code === 'string' ? value.code : (code ?? '');
    setBusy(true);
    setAnswer(undefined);
    try {
      const res = await api(
        `/api/v1/admin/procedures/${encodeURIComponent(target)}${note ? `?note=${encodeURIComponent(note)}` : ''}`,
        { schema: ProcedureSaveAnswer, method: 'PUT', body: value },
      );
      setAnswer({
        ok: true,
        text: t('unchanged' in res ? 'admin.proc.unchanged' : 'admin.proc.saved', { version: res.version }),
      });
      setNote('');
      if (!('unchanged' in res)) await onSaved(target);
    } catch (e) {
      if (e instanceof ApiError) setAnswer({ ok: false, text: e.title, errors: e.errors });
      else setAnswer({ ok: false, text: t('error.network') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="adm-editor">
      <textarea value={text} spellCheck={false} aria-label={t('admin.proc.tab.edit')} onChange={(e) => onText(e.target.value)} />
      <div className="adm-check" aria-live="polite">
        {check.kind === 'ok' && <p className="notice success">{t('admin.proc.valid')}</p>}
        {check.kind === 'json' && <p className="alert">{t('admin.proc.notJson', { message: check.message })}</p>}
        {check.kind === 'errors' && (
          <div className="alert">
            <p>{t('admin.proc.invalid', { count: check.errors.length })}</p>
            <ul>
              {check.errors.map((e) => (
                <li key={`${e.field}:${e.message}`}>
                  <code>{e.field || '—'}</code> {e.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        <label className="adm-note">
          <span>{t('admin.proc.note')}</span>
          <input type="text" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="button" className="button primary slim" disabled={busy || check.kind !== 'ok'} onClick={() => void save()}>
          {t('admin.proc.save')}
        </button>
        {answer && (
          <div className={answer.ok ? 'notice success' : 'alert'} role="status">
            <p>{answer.text}</p>
            {answer.errors && answer.errors.length > 0 && (
              <ul>
                {answer.errors.map((e) => (
                  <li key={`${e.field}:${e.message}`}>
                    <code>{e.field}</code> {e.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
