import type { ProcedureDefinition } from '@dvc/domain/procedure-definition/definition';
import { useEffect, useMemo, useState } from 'react';
import { type FormRow, formRows, parseDefinition } from '../citizen/filing/definition-form';
import { useI18n } from '../i18n';
import { ApiError, api } from '../shared/api';

/**
 * The form a dossier carries, readable, by the definition of the version it was filed under (a
 * dossier is shown by its version forever): the definition's labels in its order, the commune's
 * name beside its code, money in đồng, dates as dd/mm/yyyy. Fields the definition does not know
 * still show, under their key, so nothing filed is hidden from the officer.
 */
export function FormView({
  dossier,
}: {
  dossier: { form: Record<string, unknown>; procedureCode: string; procedureVersion?: number };
}) {
  const { locale, t } = useI18n();
  const definition = useFiledDefinition(dossier.procedureCode, dossier.procedureVersion);
  const rows = useMemo(
    () => formRows(definition?.form.steps.flatMap((s) => s.fields) ?? [], dossier.form, locale),
    [definition, dossier.form, locale],
  );
  const unitNames = useUnitNames(rows.flatMap((r) => (r.unitCode ? [r.unitCode] : [])));

  return (
    <dl className="off-form">
      {rows.map((r) =>
        r.header ? (
          <div key={r.path} className={`off-form-group${depthClass(r)}`}>
            {r.label}
            {r.text ? `: ${r.text}` : ''}
          </div>
        ) : (
          <div key={r.path} className={`off-form-row${depthClass(r)}`}>
            <dt>{r.label}</dt>
            <dd>
              {r.lines ? (
                <ul className="plain">
                  {r.lines.map((l) => (
                    <li key={l.code}>
                      <strong>{l.code}</strong> {l.name}
                      {l.isMain && <span className="tag optional">{t('officerForm.mainLine')}</span>}
                    </li>
                  ))}
                </ul>
              ) : r.unitCode ? (
                `${r.text}, ${unitNames[r.unitCode] ? `${unitNames[r.unitCode]} (${r.unitCode})` : r.unitCode}`
              ) : (
                r.text
              )}
            </dd>
          </div>
        ),
      )}
    </dl>
  );
}

function depthClass(r: FormRow): string {
  return r.depth > 0 ? ` depth-${Math.min(r.depth, 3)}` : '';
}

/** The definition of the dossier's version; the current one when the server does not serve versions yet. */
function useFiledDefinition(code: string, version: number | undefined): ProcedureDefinition | undefined {
  const [definition, setDefinition] = useState<ProcedureDefinition | undefined>();
  useEffect(() => {
    let alive = true;
    const current = `/api/v1/procedures/${encodeURIComponent(code)}`;
    const load = (url: string) => api<{ definition?: unknown }>(url).then((d) => parseDefinition(d.definition));
    (version !== undefined ? load(`${current}/versions/${version}`) : Promise.reject(new ApiError(404, '')))
      .catch((err) => (err instanceof ApiError && err.status === 404 ? load(current) : undefined))
      .then((d) => alive && setDefinition(d))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [code, version]);
  return definition;
}

function useUnitNames(codes: string[]): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = [...new Set(codes)].join(',');
  useEffect(() => {
    for (const code of key.split(',').filter((c) => /^\d{2,5}$/.test(c))) {
      api<{ fullName: string }>(`/api/v1/admin-units/${code}`)
        .then((u) => setNames((n) => ({ ...n, [code]: u.fullName })))
        .catch(() => undefined);
    }
  }, [key]);
  return names;
}
