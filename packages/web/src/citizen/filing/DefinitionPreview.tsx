import type { ProcedureDefinition } from '@dvc/domain/procedure-definition/definition';
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { DefinitionForm, type FormContext } from './DefinitionForm';
import { initialValue, localized } from './definition-form';
import { setPath } from './form-state';

/**
 * A definition's whole form, step after step, with its own state and nothing sent: the admin
 * screen's preview of a definition being edited shows what the phone will show.
 */
export function DefinitionPreview({ definition }: { definition: ProcedureDefinition }) {
  const { t, locale } = useI18n();
  const fields = useMemo(() => definition.form.steps.flatMap((s) => s.fields), [definition]);
  const [data, setData] = useState(() => initialValue(fields));
  const [unitNames, setUnitNames] = useState<Record<string, string>>({});
  const ctx: FormContext = {
    data,
    set: (path, value) => setData((d) => setPath(d, path, value)),
    errors: [],
    locale,
    t,
    unitNames,
    setUnitName: (path, name) => setUnitNames((n) => ({ ...n, [path]: name ?? '' })),
    rootFields: fields,
  };
  return (
    <div className="stack">
      {definition.form.steps.map((s) => (
        <section key={s.id} className="card">
          <h2>{localized(s.title, locale)}</h2>
          <DefinitionForm fields={s.fields} heading={localized(s.title, locale)} ctx={ctx} />
        </section>
      ))}
    </div>
  );
}
