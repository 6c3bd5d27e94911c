import { ProcedureDetailView } from '@dvc/domain/contract/catalog';
import { type Submitted, SubmittedView } from '@dvc/domain/contract/dossiers';
import { compileDefinition, type FilingDeps } from '@dvc/domain/procedure-definition/compile';
import { buildCalendar, calendarDateOf } from '@dvc/domain/working-days';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { AttachmentInput } from '../citizen/filing/AttachmentInput';
import { DefinitionForm, type FormContext } from '../citizen/filing/DefinitionForm';
import { initialValue, keepKnown, localized, parseDefinition, placementOf } from '../citizen/filing/definition-form';
import { StepErrors, type WizardMeta } from '../citizen/filing/fields';
import { type FieldError, type FormData, getPath, setPath } from '../citizen/filing/form-state';
import { WhereStep } from '../citizen/filing/WhereStep';
import { papersOf } from '../citizen/filing/wizard-attachments';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { ApiError, api, NetworkError } from '../shared/api';
import { type ProcedureDetail, procedureVersionField } from '../shared/catalog';
import { formatDateTime, formatDong } from '../shared/format';
import { formFieldPath } from '../shared/outbox';
import { useSession } from '../shared/session';
import { FormError, TextField } from '../shared/ui';
import { applicantBody, formPhonePath } from './intake-applicant';
import { useProcedureOptions } from './procedure-options';
import { rolesOf } from './types';

/**
 * A dossier recorded for someone else: a paper dossier at the one-stop counter (receiver; channel
 * `direct`, received at once) or a caller's request at the hotline (channel `phone`, result by
 * post). The citizen wizard's form, drawn from the procedure's definition, all steps on one page:
 * the officer copies from the paper or the phone call in one pass. One Idempotency-Key per dossier:
 * a retry after a lost answer cannot record it twice.
 */

function newKey(): string {
  // randomUUID exists only in a secure context (https, localhost); a desk on plain http gets the fallback.
  if (typeof globalThis.crypto?.randomUUID === 'function') return globalThis.crypto.randomUUID();
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = (Math.random() * 16) | 0;
    return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}

/** The form's sections in two columns on a desk screen: the first half left, the rest right. */
function halves<T>(steps: readonly T[]): T[][] {
  const cut = Math.ceil(steps.length / 2);
  return [steps.slice(0, cut), steps.slice(cut)];
}

/** A new form of the procedure; its own delivery choice (if any) set as the desk hands results. */
function freshForm(detail: ProcedureDetail | undefined, mode: 'counter' | 'hotline'): FormData {
  const definition = parseDefinition(detail?.definition);
  if (!definition) return {};
  const fields = definition.form.steps.flatMap((s) => s.fields);
  const data = initialValue(fields);
  const { deliveryField } = placementOf(fields);
  return deliveryField ? { ...data, [deliveryField]: mode === 'hotline' ? 'post' : 'counter' } : data;
}

export function IntakeScreen({ mode }: { mode: 'counter' | 'hotline' }) {
  const { t, locale } = useI18n();
  const session = useSession();
  const ownUnit =
    rolesOf(session.status === 'signed-in' ? session.user : undefined).find((r) => r.unitCode)?.unitCode ?? undefined;
  const [code, setCode] = useState('');
  const [procedure, setProcedure] = useState<ProcedureDetail | undefined>();
  const [applicant, setApplicant] = useState({ fullName: '', phone: '', citizenId: '' });
  // An online-only procedure is taken at the counter only as a special case, with its reason.
  const [specialCase, setSpecialCase] = useState('');
  const [data, setData] = useState<FormData>({});
  const [meta, setMeta] = useState<WizardMeta>({
    files: [],
    delivery: mode === 'hotline' ? 'post' : 'counter',
    unitCode: ownUnit,
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newKey);
  const [result, setResult] = useState<Submitted | undefined>();
  const [unitNames, setUnitNames] = useState<Record<string, string>>({});
  const [procedureFilter, setProcedureFilter] = useState('');
  const { options: procedures, total: procedureTotal } = useProcedureOptions(procedureFilter, code);
  const deps = useMemo<FilingDeps>(() => ({ today: calendarDateOf(new Date()), calendar: buildCalendar() }), []);
  const definition = useMemo(() => parseDefinition(procedure?.definition), [procedure]);
  const compiled = useMemo(() => (definition ? compileDefinition(definition) : undefined), [definition]);
  const topFields = useMemo(() => definition?.form.steps.flatMap((s) => s.fields) ?? [], [definition]);
  const placement = useMemo(() => placementOf(topFields), [topFields]);
  const phonePath = useMemo(() => formPhonePath(topFields), [topFields]);

  // Whether a procedure has a form is in its detail (its definition), loaded when it is picked.
  useEffect(() => {
    setProcedure(undefined);
    if (!code) return;
    api(`/api/v1/procedures/${encodeURIComponent(code)}`, { schema: ProcedureDetailView })
      .then((p) => {
        setProcedure(p);
        setData(freshForm(p, mode));
      })
      .catch(() => undefined);
  }, [code, mode]);

  function reset() {
    setData(freshForm(procedure, mode));
    setUnitNames({});
    setMeta({ files: [], delivery: mode === 'hotline' ? 'post' : 'counter', unitCode: ownUnit });
    setErrors([]);
    setProblem(undefined);
    setKey(newKey());
  }

  const ctx: FormContext = {
    data,
    set: (path, value) => {
      setData((d) => setPath(d, path, value));
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
    const local: FieldError[] = [];
    if (applicant.fullName.trim().length < 2)
      local.push({ field: 'applicant.fullName', message: t('officer.intake.nameRequired') });
    if (!compiled) return;
    const whole = compiled.validate(keepKnown(topFields, data), deps);
    if (!whole.ok) local.push(...whole.errors);
    const unitCode = placement.unitField
      ? (getPath(data, `${placement.unitField}.unitCode`) as string | undefined)
      : meta.unitCode;
    // Handled where the form's own address is: its field reports a missing one.
    if (!unitCode && !placement.unitField) local.push({ field: '@unit', message: t('where.unitRequired') });
    if (meta.files.some((f) => !f.fileId && (f.state === 'uploading' || f.state === 'waiting'))) {
      local.push({ field: '@files', message: t('attachments.stillUploading') });
    }
    setErrors(local);
    if (local.length > 0 || !whole.ok) {
      window.scrollTo(0, 0);
      return;
    }
    setBusy(true);
    try {
      const delivery = placement.deliveryField
        ? (getPath(data, placement.deliveryField) as string)
        : (meta.delivery ?? (mode === 'hotline' ? 'post' : 'counter'));
      const body = {
        procedureCode: code,
        ...procedureVersionField(procedure?.version),
        unitCode,
        form: whole.value,
        attachments: meta.files
          .filter((f) => f.fileId && f.componentId)
          .map((f) => ({ componentId: f.componentId!, fileId: f.fileId! })),
        delivery,
        applicant: applicantBody(applicant, whole.value, phonePath),
      };
      const answer = await api(`/api/v1/dossiers/${mode}`, {
        schema: SubmittedView,
        method: 'POST',
        body:
          mode === 'counter'
            ? { ...body, receiveNow: true, ...(specialCase.trim() ? { specialCaseReason: specialCase.trim() } : {}) }
            : body,
        headers: { 'idempotency-key': key },
      });
      setResult(answer);
      window.scrollTo(0, 0);
    } catch (err) {
      const apiError =
        err instanceof ApiError ? err : new ApiError(0, t(err instanceof NetworkError ? 'error.network' : 'error.generic'));
      setProblem(apiError);
      setErrors(
        apiError.errors.map((fe) => {
          const field = formFieldPath(fe.field);
          // The applicant's phone was asked in the form: its message goes there.
          return { ...fe, field: phonePath && field === 'applicant.phone' ? phonePath : field };
        }),
      );
      window.scrollTo(0, 0);
    } finally {
      setBusy(false);
    }
  }

  if (result) {
    return (
      <section className="off-intake-done">
        <h1>{t(mode === 'counter' ? 'officer.intake.recorded' : 'officer.intake.filed')}</h1>
        <p className="off-new-code">{result.code}</p>
        <p>
          {result.agencyName}
          {result.expectedDueAt && <> · {t('officer.intake.due', { due: formatDateTime(result.expectedDueAt) })}</>}
          {' · '}
          {t('officer.dossier.fee')}: {formatDong(result.feeAmount)}
        </p>
        <div className="off-actions">
          {result.status === 'received' && (
            <a
              className="button primary slim"
              href={`/api/v1/dossiers/${encodeURIComponent(result.code)}/documents/receipt`}
              target="_blank"
              rel="noreferrer"
            >
              🖨 {t('officer.intake.printReceipt')}
            </a>
          )}
          <Link className="button secondary slim" href={`/can-bo/ho-so/${encodeURIComponent(result.code)}`}>
            {t('officer.intake.open')}
          </Link>
          <button
            type="button"
            className="button secondary slim"
            onClick={() => {
              setResult(undefined);
              setApplicant({ fullName: '', phone: '', citizenId: '' });
              reset();
            }}
          >
            {t('officer.intake.another')}
          </button>
        </div>
      </section>
    );
  }

  const applicantError = (f: string) => errors.find((e) => e.field === `applicant.${f}`)?.message;
  return (
    <form className="off-intake" onSubmit={submit} noValidate>
      <h1>{t(mode === 'counter' ? 'officer.intake.counterTitle' : 'officer.intake.hotlineTitle')}</h1>
      <p className="muted">{t(mode === 'counter' ? 'officer.intake.counterLead' : 'officer.intake.hotlineLead')}</p>
      <FormError title={problem?.title} detail={problem?.detail} />
      <StepErrors errors={errors} title={t('filing.fix', { count: errors.length })} />

      <section className="off-card">
        <h2>{t('officer.intake.procedure')}</h2>
        <div className="field">
          <label htmlFor="off-proc">{t('officer.intake.procedure')}</label>
          <input
            type="search"
            aria-label={t('catalog.page.filter')}
            placeholder={t('catalog.page.filter')}
            value={procedureFilter}
            onChange={(e) => setProcedureFilter(e.target.value)}
          />
          <select
            id="off-proc"
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              setErrors([]);
              setProblem(undefined);
              setKey(newKey());
            }}
          >
            <option value="">{t('form.chooseProcedure')}</option>
            {procedures.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name} ({p.code})
              </option>
            ))}
          </select>
          {procedureTotal > procedures.length && (
            <p className="muted">{t('catalog.page.narrow', { shown: procedures.length, total: procedureTotal })}</p>
          )}
        </div>
      </section>

      <section className="off-card">
        <h2>{t('officer.intake.applicant')}</h2>
        <div className="off-grid3">
          <TextField
            label={t('field.fullName')}
            value={applicant.fullName}
            onChange={(e) => setApplicant({ ...applicant, fullName: e.target.value })}
            error={applicantError('fullName')}
          />
          {!phonePath && (
            <TextField
              label={t('field.phone')}
              type="tel"
              value={applicant.phone}
              onChange={(e) => setApplicant({ ...applicant, phone: e.target.value.replace(/[^\d]/g, '') })}
              error={applicantError('phone')}
            />
          )}
          <TextField
            label={t('field.citizenId')}
            inputMode="numeric"
            value={applicant.citizenId}
            onChange={(e) => setApplicant({ ...applicant, citizenId: e.target.value.replace(/\D/g, '') })}
            error={applicantError('citizenId')}
          />
        </div>
        {phonePath && <p className="muted">{t('review.desk.phoneInForm')}</p>}
        {mode === 'counter' && (
          <TextField
            label={t('officer.intake.specialCase')}
            value={specialCase}
            onChange={(e) => setSpecialCase(e.target.value)}
            error={errors.find((e) => e.field === 'specialCaseReason')?.message}
          />
        )}
      </section>

      {procedure && !definition && <p className="alert">{t('procedure.notYet')}</p>}
      <div className="off-intake-columns">
        {halves(definition?.form.steps ?? []).map((column, i) => (
          <div key={String(i)}>
            {column.map((s) => (
              <section key={`${code}-${s.id}`} className="off-card">
                <h2>{localized(s.title, locale)}</h2>
                <DefinitionForm fields={s.fields} heading={localized(s.title, locale)} ctx={ctx} />
              </section>
            ))}
          </div>
        ))}
      </div>
      {definition && !(placement.unitField && placement.deliveryField) && (
        <section className="off-card">
          <h2>{t('where.title')}</h2>
          <WhereStep
            t={t}
            unit={
              placement.unitField
                ? undefined
                : { value: meta.unitCode ? { code: meta.unitCode, name: meta.unitName ?? meta.unitCode } : undefined }
            }
            onUnit={(u) => setMeta((m) => ({ ...m, unitCode: u?.code, unitName: u?.name }))}
            delivery={placement.deliveryField ? undefined : { value: meta.delivery }}
            onDelivery={(v) => setMeta((m) => ({ ...m, delivery: v }))}
            errors={{ unit: errors.find((e) => e.field === '@unit')?.message }}
            desk
          />
        </section>
      )}

      <section className="off-card">
        <h2>{t(mode === 'counter' ? 'officer.intake.scans' : 'attachments.title')}</h2>
        <p className="muted">{t('officer.intake.scansLead')}</p>
        <div className="off-grid2">
          {(definition ? papersOf(definition, data, locale) : []).map((c) => (
            <AttachmentInput
              key={c.id}
              componentId={c.id}
              label={c.name}
              mandatory={c.mandatory}
              procedureCode={code}
              files={meta.files}
              setFiles={(fn) => setMeta((m) => ({ ...m, files: fn(m.files) }))}
            />
          ))}
        </div>
      </section>

      <div className="off-submit">
        <button type="submit" className="button primary slim" disabled={busy}>
          {busy ? t('common.sending') : t(mode === 'counter' ? 'officer.intake.submitCounter' : 'officer.intake.submitHotline')}
        </button>
      </div>
    </form>
  );
}
