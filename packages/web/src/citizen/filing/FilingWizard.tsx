import { ProcedureDetailView } from '@dvc/domain/contract/catalog';
import { compileDefinition, type FilingDeps } from '@dvc/domain/procedure-definition/compile';
import { buildCalendar, calendarDateOf } from '@dvc/domain/working-days';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { Link, navigate, useLocation } from '../../router';
import { enterAdvances } from '../../shared/a11y';
import { api } from '../../shared/api';
import { type ProcedureDetail, procedureVersionField } from '../../shared/catalog';
import { browserChannelEnv, channelFor } from '../../shared/channel';
import { draftIsOutdated, draftSaver, loadDraft, saveDraft } from '../../shared/drafts';
import { type DossierSubmission, formFieldPath, type OutboxItem } from '../../shared/outbox';
import { discardOutboxItem, submitToOutbox } from '../../shared/outbox-runtime';
import { draftStore, outboxStore } from '../../shared/secure';
import { useSession } from '../../shared/session';
import { ProcedureNotice } from '../privacy/ProcedureNotice';
import { withRegisterPrefill } from '../store/store-api';
import { canGoWithOutbox, handOverToOutbox } from './AttachmentInput';
import { DefinitionForm, type FormContext } from './DefinitionForm';
import {
  formRows,
  initialValue,
  keepKnown,
  localized,
  parseDefinition,
  placementOf,
  prefillPerson,
  shownFieldErrors,
} from './definition-form';
import { StepErrors, type WizardMeta } from './fields';
import { type FieldError, type FormData, getPath, setPath } from './form-state';
import { RegistrationLookup, registrationLookupFields } from './RegistrationLookup';
import { ReviewStep } from './ReviewStep';
import { Submitted } from './Submitted';
import { PostageQuote, useVerifiedIdentity, withIdentity } from './verified-identity';
import { WhereStep } from './WhereStep';
import { AttachmentsStep, attachmentRefs, componentErrors, papersOf } from './wizard-attachments';
import { errorStep } from './wizard-errors';

/**
 * The filing wizard: one step of the procedure's definition per screen, "Bước 2/9", back/next, the
 * compiled definition's messages beside the fields (the server validates with the same schema), the
 * whole state saved (encrypted) at every change. Submitting puts the dossier in the outbox with its
 * Idempotency-Key and the definition's version, and tries to send it at once; papers photographed
 * offline go with it, and the outbox uploads them before sending.
 */
interface WizardState {
  stepIndex: number;
  data: FormData;
  meta: WizardMeta;
}

type Step = { id: string; title: string; kind: 'form' | 'where' | 'files' | 'review' };

export default function FilingWizard({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const session = useSession();
  const { query } = useLocation();
  const [procedure, setProcedure] = useState<ProcedureDetail | undefined>();
  const [loadFailed, setLoadFailed] = useState(false);
  const [state, setState] = useState<WizardState | undefined>();
  const [restored, setRestored] = useState(false);
  /** The form these values were entered on has changed: they are kept, to be checked again. */
  const [changed, setChanged] = useState<string | undefined>();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [result, setResult] = useState<OutboxItem | undefined>();
  const [busy, setBusy] = useState(false);
  const deps = useMemo<FilingDeps>(() => ({ today: calendarDateOf(new Date()), calendar: buildCalendar() }), []);
  const saver = useRef(draftSaver((d) => saveDraft(draftStore, d, new Date()))).current;
  const fromItem = query.get('from');
  const identity = useVerifiedIdentity(session.status === 'signed-in' && session.user.kind === 'citizen');

  const definition = useMemo(() => parseDefinition(procedure?.definition), [procedure]);
  const compiled = useMemo(() => (definition ? compileDefinition(definition) : undefined), [definition]);
  const shownErrors = useMemo(() => shownFieldErrors(errors, locale, definition), [errors, locale, definition]);
  const topFields = useMemo(() => definition?.form.steps.flatMap((s) => s.fields) ?? [], [definition]);
  const placement = useMemo(() => placementOf(topFields), [topFields]);
  const steps = useMemo<Step[]>(
    () =>
      definition
        ? [
            ...definition.form.steps.map((s) => ({ id: s.id, title: localized(s.title, locale), kind: 'form' as const })),
            ...(placement.unitField && placement.deliveryField
              ? []
              : [{ id: 'noi-nop', title: t('where.title'), kind: 'where' as const }]),
            { id: 'giay-to', title: t('attachments.title'), kind: 'files' as const },
            { id: 'xem-lai', title: t('review.title'), kind: 'review' as const },
          ]
        : [],
    [definition, placement, locale, t],
  );

  const loadProcedure = () =>
    api(`/api/v1/procedures/${encodeURIComponent(code)}`, { schema: ProcedureDetailView })
      .then((p) => {
        setProcedure(p);
        return p;
      })
      .catch(() => {
        setLoadFailed(true);
        return undefined;
      });
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once per procedure
  useEffect(() => void loadProcedure(), [code]);

  // Restore: an outbox item being fixed, else the saved draft, else a fresh form — once the form is known.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once the session and the definition are known
  useEffect(() => {
    if (session.status === 'loading' || state || !definition) return;
    const stepOf = (field: string) => steps.findIndex((s) => s.id === compiled?.stepOf(field));
    void (async () => {
      if (fromItem) {
        const item = await outboxStore.get(fromItem).catch(() => undefined);
        if (item) {
          const errs = (item.fieldErrors ?? []).map((e) => ({ ...e, field: formFieldPath(e.field) }));
          setErrors(errs);
          if (item.procedureChanged) setChanged(item.procedureChanged.detail ?? '');
          setState({
            stepIndex: Math.max(0, errs[0] ? stepOf(errs[0].field) : 0),
            data: keepKnown(topFields, item.body.form),
            meta: {
              // The papers already uploaded go with the reopened form: nothing is photographed twice.
              files: item.body.attachments.map((a) => ({
                key: 'fileId' in a ? a.fileId : a.reusedDocumentId,
                componentId: a.componentId,
                name: localized(definition?.components.find((c) => c.id === a.componentId)?.name, locale) || a.componentId,
                size: 0,
                type: '',
                ...('fileId' in a ? { fileId: a.fileId } : { reusedDocumentId: a.reusedDocumentId }),
                state: 'done',
              })),
              unitCode: item.body.unitCode,
              delivery: item.body.delivery,
              unitNames: {},
            },
          });
          return;
        }
      }
      const draft = await loadDraft(draftStore, code).catch(() => undefined);
      if (draft) {
        setRestored(true);
        if (draftIsOutdated(draft, procedure?.version)) setChanged('');
        setState({
          stepIndex: Math.min(draft.stepIndex, steps.length - 1),
          data: keepKnown(topFields, draft.data.form as FormData),
          meta: draft.data.meta as WizardMeta,
        });
        return;
      }
      const user = session.status === 'signed-in' ? session.user : undefined;
      let data = prefillPerson(topFields, initialValue(topFields), { fullName: user?.fullName, phone: user?.phone ?? undefined });
      if (placement.deliveryField) data = { ...data, [placement.deliveryField]: 'electronic' };
      if (user) data = await withRegisterPrefill(code, definition, data);
      setState({ stepIndex: 0, data, meta: { files: [], delivery: 'electronic', unitNames: {} } });
    })();
  }, [session.status, state, code, fromItem, definition]);

  useEffect(() => () => void saver.flush(), [saver]);
  // A new step takes the focus on its heading (not on the first load): a screen reader reads where it is.
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!state) return;
    if (shownStep.current !== undefined && shownStep.current !== state.stepIndex) heading.current?.focus();
    shownStep.current = state.stepIndex;
  }, [state]);
  // Load the upload code (and let the service worker cache it) now: papers may be photographed offline.
  useEffect(() => void import('../../shared/upload').catch(() => undefined), []);

  if (session.status === 'signed-out') {
    return (
      <section>
        <p className="lead">{t('filing.signIn')}</p>
        <Link href={`/dang-nhap?next=${encodeURIComponent(`/nop/${code}`)}`} className="button primary">
          {t('signin.title')}
        </Link>
      </section>
    );
  }
  if ((procedure && !definition) || (loadFailed && !procedure)) return <p className="alert">{t('procedure.notYet')}</p>;
  if (!state || !definition || !compiled) return <p className="muted">{t('common.loading')}</p>;
  if (result) return <Submitted item={result} />;

  if (identity && !state.meta.locked) setState(withIdentity(definition, state, identity));
  const step = steps[state.stepIndex] ?? steps[0]!;
  const version = procedure?.version;
  // Functional updates: a picker sets a form field and a display name in the same tap.
  const update = (fn: (s: WizardState) => WizardState) =>
    setState((prev) => {
      if (!prev) return prev;
      const next = fn(prev);
      saver.schedule({
        procedureCode: code,
        procedureVersion: version,
        stepIndex: next.stepIndex,
        data: { form: next.data, meta: next.meta },
      });
      return next;
    });
  const ctx: FormContext = {
    data: state.data,
    set: (path, value) => {
      update((s) => ({ ...s, data: setPath(s.data, path, value) }));
      setErrors((es) => es.filter((e) => e.field !== path));
    },
    errors: shownErrors,
    locale,
    t,
    unitNames: state.meta.unitNames ?? {},
    setUnitName: (path, name) =>
      update((s) => ({ ...s, meta: { ...s.meta, unitNames: { ...s.meta.unitNames, [path]: name ?? '' } } })),
    rootFields: topFields,
    locked: new Set(state.meta.locked),
  };

  const unitCode = (): string | undefined =>
    (placement.unitField ? (getPath(state.data, `${placement.unitField}.unitCode`) as string | undefined) : undefined) ||
    state.meta.unitCode;
  const delivery = () =>
    placement.deliveryField ? (getPath(state.data, placement.deliveryField) as WizardMeta['delivery']) : state.meta.delivery;
  const indexOf = (id: string | undefined) =>
    Math.max(
      0,
      steps.findIndex((s) => s.id === id),
    );

  function stepErrors(id: string): FieldError[] {
    if (id === 'noi-nop') {
      return [
        ...(placement.unitField || state?.meta.unitCode ? [] : [{ field: '@unit', message: t('where.unitRequired') }]),
        ...(placement.deliveryField || state?.meta.delivery
          ? []
          : [{ field: '@delivery', message: t('where.deliveryRequired') }]),
      ];
    }
    if (id === 'giay-to') return componentErrors(procedure, definition!, state!, t, locale);
    const s = steps.find((x) => x.id === id);
    return s?.kind === 'form' ? compiled!.validateStep(id, state?.data, deps) : [];
  }

  function go(index: number) {
    update((s) => ({ ...s, stepIndex: index }));
    // Only the problems of the step shown stay: the box does not speak of another step's fields.
    const target = steps[index]?.id;
    setErrors((es) => es.filter((e) => errorStep(e.field, (f) => compiled?.stepOf(f)) === target));
    void saver.flush();
    window.scrollTo(0, 0);
  }

  function next() {
    const errs = stepErrors(step.id);
    setErrors(errs);
    if (errs.length === 0) go(state!.stepIndex + 1);
    else window.scrollTo(0, 0);
  }

  async function submit() {
    const whole = compiled!.validate(keepKnown(topFields, state!.data), deps);
    if (!whole.ok) {
      setErrors(whole.errors);
      go(indexOf(whole.errors[0] ? compiled!.stepOf(whole.errors[0].field) : undefined));
      return;
    }
    const where = stepErrors('noi-nop');
    if (steps.some((s) => s.id === 'noi-nop') && where.length > 0) {
      setErrors(where);
      go(indexOf('noi-nop'));
      return;
    }
    // Waiting for the network with their bytes ready: they go with the dossier. Still uploading: wait.
    const unsent = state!.meta.files.filter((f) => !f.fileId && (f.state === 'uploading' || f.state === 'waiting'));
    if (unsent.some((f) => !canGoWithOutbox(f))) {
      setErrors([{ field: '@files', message: t('attachments.stillUploading') }]);
      return;
    }
    setBusy(true);
    await saver.flush();
    const pendingFiles = await handOverToOutbox(unsent);
    const body: DossierSubmission = {
      procedureCode: code,
      unitCode: unitCode() ?? '',
      channel: channelFor(browserChannelEnv()),
      form: whole.value as Record<string, unknown>,
      attachments: attachmentRefs(state!.meta.files),
      delivery: delivery() ?? 'electronic',
      ...procedureVersionField(version),
    };
    const item = await submitToOutbox(body, (locale === 'en' ? procedure?.nameEn : procedure?.name) ?? code, pendingFiles);
    if (fromItem) await discardOutboxItem(fromItem);
    setBusy(false);
    if (item.status === 'failed') {
      // Rejected on the spot: the citizen is here to fix it, so drop the item (the draft keeps the values).
      await discardOutboxItem(item.id);
      const errs = (item.fieldErrors ?? []).map((e) => ({ ...e, field: formFieldPath(e.field) }));
      if (item.procedureChanged) {
        // A new version while filling in: draw its form, keep the values, say what to check.
        setChanged(item.procedureChanged.detail ?? '');
        await loadProcedure();
      }
      setErrors(errs.length ? errs : [{ field: '', message: item.lastError ?? t('error.generic') }]);
      const first = errs[0]?.field ?? '';
      const target = first.startsWith('attachments') ? 'giay-to' : compiled!.stepOf(first);
      if (target) go(indexOf(target));
      return;
    }
    setResult(item);
  }

  const formStep = definition.form.steps.find((s) => s.id === step.id);
  const lookup = formStep ? registrationLookupFields(definition.result.issuer, formStep.fields) : undefined;
  const isLast = state.stepIndex === steps.length - 1;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Enter in the step's text fields, as "Tiếp tục"
    <section className="wizard" onKeyDown={(e) => enterAdvances(e, isLast ? undefined : next)}>
      <p className="muted">{procedure ? (locale === 'en' ? procedure.nameEn : procedure.name) : code}</p>
      <div className="progress">
        <span>{t('filing.progress', { step: state.stepIndex + 1, total: steps.length })}</span>
        <div className="bar">
          <div style={{ width: `${((state.stepIndex + 1) / steps.length) * 100}%` }} />
        </div>
      </div>
      <h1 ref={heading} tabIndex={-1}>
        {step.title}
      </h1>
      {changed !== undefined && (
        <div className="notice" role="status">
          <strong>{t('form.changed.title')}</strong>
          <p>{changed || t('form.changed.lead')}</p>
        </div>
      )}
      {restored && changed === undefined && state.stepIndex > 0 && <p className="notice">{t('filing.restored')}</p>}
      <StepErrors errors={shownErrors} title={t('filing.fix', { count: shownErrors.length })} />
      {formStep && (
        <div className="stack">
          <DefinitionForm fields={formStep.fields} heading={step.title} ctx={ctx} />
          {lookup && <RegistrationLookup data={state.data} keys={lookup} t={t} />}
        </div>
      )}
      {step.kind === 'where' && (
        <WhereStep
          t={t}
          unit={
            placement.unitField
              ? undefined
              : {
                  value: state.meta.unitCode
                    ? { code: state.meta.unitCode, name: state.meta.unitName ?? state.meta.unitCode }
                    : undefined,
                }
          }
          onUnit={(u) => update((s) => ({ ...s, meta: { ...s.meta, unitCode: u?.code, unitName: u?.name } }))}
          delivery={placement.deliveryField ? undefined : { value: state.meta.delivery }}
          onDelivery={(v) => update((s) => ({ ...s, meta: { ...s.meta, delivery: v } }))}
          errors={{
            unit: shownErrors.find((e) => e.field === '@unit')?.message,
            delivery: shownErrors.find((e) => e.field === '@delivery')?.message,
          }}
        />
      )}
      {step.kind === 'files' && (
        <AttachmentsStep
          procedure={procedure}
          definition={definition}
          data={state.data}
          files={state.meta.files}
          errors={shownErrors}
          waived={state.meta.waived}
          setFiles={(fn) => {
            update((s) => ({ ...s, meta: { ...s.meta, files: fn(s.meta.files) } }));
            // A paper said missing (or a file said still uploading) is checked again at "Tiếp tục".
            setErrors((es) => es.filter((e) => !e.field.startsWith('@files')));
          }}
        />
      )}
      {step.kind === 'review' && (
        <ReviewStep
          sections={definition.form.steps.map((s) => ({
            id: s.id,
            title: localized(s.title, locale),
            rows: formRows(s.fields, state.data, locale, { unknown: false }),
          }))}
          meta={state.meta}
          papers={papersOf(definition, state.data, locale)}
          whereStep={steps.find((s) => s.kind === 'where')}
          fee={procedure?.feeAmounts}
          onEdit={(id) => go(indexOf(id))}
        />
      )}
      {step.kind === 'review' && delivery() === 'post' && (
        <PostageQuote procedureCode={code} address={String(getPath(state.data, 'postalAddress') ?? '')} />
      )}
      {step.kind === 'review' && <ProcedureNotice code={code} definition={definition} />}
      <div className="wizard-nav">
        {state.stepIndex > 0 ? (
          <button type="button" className="button secondary" onClick={() => go(state.stepIndex - 1)}>
            ‹ {t('common.back')}
          </button>
        ) : (
          <button type="button" className="button secondary" onClick={() => navigate(`/thu-tuc/${encodeURIComponent(code)}`)}>
            ‹ {t('common.back')}
          </button>
        )}
        {isLast ? (
          <button type="button" className="button primary" onClick={submit} disabled={busy}>
            {busy ? t('common.sending') : t('filing.submit')}
          </button>
        ) : (
          <button type="button" className="button primary" onClick={next}>
            {t('common.next')} ›
          </button>
        )}
      </div>
      <p className="muted small">{t('filing.autosave')}</p>
    </section>
  );
}
