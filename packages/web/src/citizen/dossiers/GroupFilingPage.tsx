import { ProcedureDetailView, ProcedurePageView } from '@dvc/domain/contract/catalog';
import { compileDefinition, type FilingDeps } from '@dvc/domain/procedure-definition/compile';
import type { ProcedureDefinition } from '@dvc/domain/procedure-definition/definition';
import type { FieldDefinition } from '@dvc/domain/procedure-definition/form-schema';
import { buildCalendar, calendarDateOf } from '@dvc/domain/working-days';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { ApiError, api } from '../../shared/api';
import { componentText, type ProcedureDetail } from '../../shared/catalog';
import { browserChannelEnv, channelFor } from '../../shared/channel';
import { formFieldPath } from '../../shared/outbox';
import { useSession } from '../../shared/session';
import { ErrorText, FormError } from '../../shared/ui';
import { AttachmentInput, type PickedFile } from '../filing/AttachmentInput';
import { CommunePicker } from '../filing/CommunePicker';
import { DefinitionForm, type FormContext } from '../filing/DefinitionForm';
import { initialValue, keepKnown, localized, parseDefinition, placementOf, prefillPerson } from '../filing/definition-form';
import { type FieldError, type FormData, getPath, setPath } from '../filing/form-state';

interface Member {
  detail: ProcedureDetail;
  definition: ProcedureDefinition;
}

interface Section {
  id: string;
  title: ProcedureDefinition['form']['steps'][number]['title'];
  fields: FieldDefinition[];
}

/**
 * The members' forms as one: their steps in the group's order, a step id two members share is one
 * section, and a key two members declare (the applicant, the child, the deceased) is asked once —
 * the server gives each member the keys its own definition declares.
 */
export function unionSections(members: readonly Member[]): Section[] {
  const sections: Section[] = [];
  const seen = new Set<string>();
  for (const { definition } of members) {
    for (const step of definition.form.steps) {
      const fresh = step.fields.filter((f) => !seen.has(f.key));
      for (const f of fresh) seen.add(f.key);
      if (fresh.length === 0) continue;
      const same = sections.find((s) => s.id === step.id);
      if (same) same.fields.push(...fresh);
      else sections.push({ id: step.id, title: step.title, fields: [...fresh] });
    }
  }
  return sections;
}

/** The members of an interlinked group, in the group's order, with their current definitions. */
async function loadMembers(group: string): Promise<Member[]> {
  // Only the group's members (a few), not the province's whole catalog.
  const list = await api(`/api/v1/procedures?group=${encodeURIComponent(group)}&limit=200`, { schema: ProcedurePageView });
  const details = await Promise.all(
    list.items.map((p) => api(`/api/v1/procedures/${encodeURIComponent(p.code)}`, { schema: ProcedureDetailView })),
  );
  return details
    .map((detail) => ({ detail, definition: parseDefinition(detail.definition) }))
    .filter((m): m is Member => m.definition?.interlink?.group === group)
    .sort((a, b) => (a.definition.interlink?.order ?? 0) - (b.definition.interlink?.order ?? 0));
}

/** Each member judges its own part of the one form; a shared field's message is kept once. */
function validateAll(members: readonly Member[], data: FormData, deps: FilingDeps): FieldError[] {
  const errors: FieldError[] = [];
  for (const { definition } of members) {
    const fields = definition.form.steps.flatMap((s) => s.fields);
    const checked = compileDefinition(definition).validate(keepKnown(fields, data), deps);
    if (checked.ok) continue;
    for (const e of checked.errors) if (!errors.some((x) => x.field === e.field)) errors.push(e);
  }
  return errors;
}

/**
 * One filing of an interlinked group (liên thông: birth + permanent residence + child health insurance,
 * or death + residence removal + funeral allowance), drawn from the members' definitions. The server
 * fans it out to the agencies.
 */
export default function GroupFilingPage({ group }: { group: string }) {
  const { t, locale } = useI18n();
  const session = useSession();
  const user = session.status === 'signed-in' ? session.user : undefined;
  const [members, setMembers] = useState<Member[] | undefined>();
  const [data, setData] = useState<FormData | undefined>();
  const [unitNames, setUnitNames] = useState<Record<string, string>>({});
  const [unit, setUnit] = useState<{ code: string; name: string } | undefined>();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [key] = useState(() => crypto.randomUUID());
  const deps = useMemo<FilingDeps>(() => ({ today: calendarDateOf(new Date()), calendar: buildCalendar() }), []);
  const sections = useMemo(() => unionSections(members ?? []), [members]);
  const topFields = useMemo(() => sections.flatMap((s) => s.fields), [sections]);
  // A form that asks a required address (the residence) says where the group goes, as in the wizard.
  const unitField = useMemo(() => placementOf(topFields).unitField, [topFields]);

  useEffect(() => {
    let live = true;
    loadMembers(group)
      .then((m) => live && setMembers(m))
      .catch(() => live && setMembers([]));
    return () => {
      live = false;
    };
  }, [group]);

  useEffect(() => {
    if (data || topFields.length === 0) return;
    setData(prefillPerson(topFields, initialValue(topFields), { fullName: user?.fullName, phone: user?.phone ?? undefined }));
  }, [topFields, data, user]);

  if (!members) return <p className="muted">{t('common.loading')}</p>;
  if (members.length === 0) return <p className="notice">{t('notFound.title')}</p>;
  if (!data) return <p className="muted">{t('common.loading')}</p>;

  const ctx: FormContext = {
    data,
    set: (path, value) => {
      setData((d) => setPath(d ?? {}, path, value));
      setErrors((es) => es.filter((e) => e.field !== path));
    },
    errors,
    locale,
    t,
    unitNames,
    setUnitName: (path, name) => setUnitNames((n) => ({ ...n, [path]: name ?? '' })),
    rootFields: topFields,
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(undefined);
    const form = keepKnown(topFields, data!);
    const found = validateAll(members!, form, deps);
    const unitCode = unitField ? (getPath(form, `${unitField}.unitCode`) as string | undefined) : unit?.code;
    if (!unitField && !unit) found.push({ field: '@unit', message: t('where.unitRequired') });
    setErrors(found);
    if (found.length > 0) {
      window.scrollTo(0, 0);
      return;
    }
    setBusy(true);
    const procedureOf = new Map(members!.flatMap((m) => m.detail.components.map((c) => [c.id, m.detail.code] as const)));
    try {
      const answer = await api<{ code: string }>('/api/v1/dossier-groups', {
        method: 'POST',
        headers: { 'idempotency-key': key },
        body: {
          group,
          unitCode: unitCode ?? '',
          channel: channelFor(browserChannelEnv()),
          form,
          attachments: files
            .filter((f) => f.fileId && f.componentId)
            .map((f) => ({
              procedureCode: procedureOf.get(f.componentId!) ?? '',
              componentId: f.componentId!,
              fileId: f.fileId!,
            })),
          delivery: 'electronic',
          procedureVersions: Object.fromEntries(
            members!.filter((m) => m.detail.version !== undefined).map((m) => [m.detail.code, m.detail.version!]),
          ),
        },
      });
      navigate(`/lien-thong/${encodeURIComponent(answer.code)}`);
    } catch (err) {
      const failure = err instanceof ApiError ? err : new ApiError(0, t('error.network'));
      setProblem(failure);
      setErrors(failure.errors.map((x) => ({ field: formFieldPath(x.field), message: x.message })));
      // A member got a new version meanwhile: draw its new form, the values stay to be checked again.
      if (failure.status === 409) await loadMembers(group).then(setMembers, () => undefined);
      window.scrollTo(0, 0);
    } finally {
      setBusy(false);
    }
  }

  const attachmentError = (code: string) => errors.find((x) => x.field === `attachments.${code}`)?.message;
  return (
    <form onSubmit={submit} noValidate>
      <h1>{t('group.fileTitle')}</h1>
      <p className="lead">{members.map((m) => m.detail.name).join(' + ')}</p>
      <FormError title={problem?.title} detail={problem?.detail} />
      {errors.length > 0 && !problem && <p className="alert">{t('group.checkFields', { count: errors.length })}</p>}
      {sections.map((s) => (
        <section key={s.id} className="card">
          <h2>{localized(s.title, locale)}</h2>
          <DefinitionForm fields={s.fields} heading={localized(s.title, locale)} ctx={ctx} />
        </section>
      ))}
      {!unitField && (
        <section className="card">
          <h2>{t('where.unit')}</h2>
          <CommunePicker
            label={t('where.unit')}
            value={unit}
            onChange={(u) => {
              setUnit(u);
              setErrors((es) => es.filter((x) => x.field !== '@unit' && x.field !== 'unitCode'));
            }}
            error={errors.find((x) => x.field === '@unit' || x.field === 'unitCode')?.message}
          />
        </section>
      )}
      {members.map((m) => (
        <section key={m.detail.code} className="card">
          <h2>{locale === 'en' ? m.detail.nameEn : m.detail.name}</h2>
          <ErrorText>{attachmentError(m.detail.code)}</ErrorText>
          {m.detail.components.map((c) => (
            <AttachmentInput
              key={c.id}
              label={componentText(c, locale).name}
              mandatory={c.mandatory}
              procedureCode={m.detail.code}
              componentId={c.id}
              files={files}
              setFiles={(fn) => setFiles((prev) => fn(prev))}
            />
          ))}
        </section>
      ))}
      <button type="submit" className="button primary big" disabled={busy}>
        {t('group.submit')}
      </button>
    </form>
  );
}
