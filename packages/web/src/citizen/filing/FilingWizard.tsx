import { FORM_BY_PROCEDURE, type FormDeps, stepOfField, validateForm, validateFormStep } from '@dvc/domain/forms/index';
import { buildCalendar, calendarDateOf } from '@dvc/domain/working-days';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { Link, navigate, useLocation } from '../../router';
import { api } from '../../shared/api';
import type { ProcedureDetail } from '../../shared/catalog';
import { browserChannelEnv, channelFor } from '../../shared/channel';
import { draftSaver, loadDraft, saveDraft } from '../../shared/drafts';
import { type DossierSubmission, formFieldPath, type OutboxItem } from '../../shared/outbox';
import { discardOutboxItem, submitToOutbox } from '../../shared/outbox-runtime';
import { draftStore, outboxStore } from '../../shared/secure';
import { useSession } from '../../shared/session';
import { AttachmentInput, canGoWithOutbox, handOverToOutbox } from './AttachmentInput';
import { StepErrors, type StepProps, type WizardMeta } from './fields';
import { type FieldError, type FormData, getPath, setPath } from './form-state';
import { ReviewStep } from './ReviewStep';
import { StepBody } from './StepBody';

/**
 * The filing wizard: one question group per screen, "Bước 2/9", back/next, the domain schema's
 * messages beside the fields, the whole state saved (encrypted) at every change. Submitting puts
 * the dossier in the outbox with its Idempotency-Key and tries to send it at once; papers
 * photographed offline go with it, and the outbox uploads them before sending.
 */
interface WizardState {
  stepIndex: number;
  data: FormData;
  meta: WizardMeta;
}

const HKD_REGISTRATION = '1.001612';

export default function FilingWizard({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const session = useSession();
  const { query } = useLocation();
  const form = FORM_BY_PROCEDURE[code];
  const [procedure, setProcedure] = useState<ProcedureDetail | undefined>();
  const [state, setState] = useState<WizardState | undefined>();
  const [restored, setRestored] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [result, setResult] = useState<OutboxItem | undefined>();
  const [busy, setBusy] = useState(false);
  const deps = useMemo<FormDeps>(() => ({ today: calendarDateOf(new Date()), calendar: buildCalendar() }), []);
  const saver = useRef(draftSaver((d) => saveDraft(draftStore, d, new Date()))).current;
  const fromItem = query.get('from');

  const hasOwnDelivery = code === HKD_REGISTRATION;
  const steps = useMemo(
    () => [
      ...(form?.steps ?? []).map((s) => ({ id: s.id, title: locale === 'en' ? s.titleEn : s.titleVi, kind: 'form' as const })),
      ...(hasOwnDelivery ? [] : [{ id: 'noi-nop', title: t('where.title'), kind: 'where' as const }]),
      { id: 'giay-to', title: t('attachments.title'), kind: 'files' as const },
      { id: 'xem-lai', title: t('review.title'), kind: 'review' as const },
    ],
    [form, hasOwnDelivery, locale, t],
  );

  useEffect(() => {
    api<ProcedureDetail>(`/api/v1/procedures/${encodeURIComponent(code)}`)
      .then(setProcedure)
      .catch(() => undefined);
  }, [code]);

  // Restore: a failed outbox item being fixed, else the saved draft, else a fresh form.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once the session is known; the user only prefills a fresh form
  useEffect(() => {
    if (session.status === 'loading' || state) return;
    void (async () => {
      if (fromItem) {
        const item = await outboxStore.get(fromItem).catch(() => undefined);
        if (item) {
          const errs = (item.fieldErrors ?? []).map((e) => ({ ...e, field: formFieldPath(e.field) }));
          const first = errs[0] ? stepOfField(code, errs[0].field) : undefined;
          setErrors(errs);
          setState({
            stepIndex: Math.max(
              0,
              steps.findIndex((s) => s.id === first?.id),
            ),
            data: item.body.form,
            meta: { files: [], unitCode: item.body.unitCode, delivery: item.body.delivery },
          });
          return;
        }
      }
      const draft = await loadDraft(draftStore, code).catch(() => undefined);
      if (draft) {
        setRestored(true);
        setState({
          stepIndex: Math.min(draft.stepIndex, steps.length - 1),
          data: draft.data.form as FormData,
          meta: draft.data.meta as WizardMeta,
        });
        return;
      }
      const user = session.status === 'signed-in' ? session.user : undefined;
      const data: FormData =
        code === HKD_REGISTRATION
          ? {
              businessName: 'Hộ kinh doanh ',
              owner: { fullName: user?.fullName ?? '', phone: user?.phone ?? '', nationality: 'Việt Nam', ethnicity: 'Kinh' },
              members: [],
              delivery: 'electronic',
            }
          : {};
      setState({ stepIndex: 0, data, meta: { files: [], delivery: 'electronic' } });
    })();
  }, [session.status, state, code, fromItem, steps]);

  useEffect(() => () => void saver.flush(), [saver]);
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
  if (!form) return <p className="alert">{t('procedure.notYet')}</p>;
  if (!state) return <p className="muted">{t('common.loading')}</p>;
  if (result) return <Submitted item={result} />;

  const step = steps[state.stepIndex] ?? steps[0]!;
  // Functional updates: a picker sets a form field and a display name in the same tap.
  const update = (fn: (s: WizardState) => WizardState) =>
    setState((prev) => {
      if (!prev) return prev;
      const next = fn(prev);
      saver.schedule({ procedureCode: code, stepIndex: next.stepIndex, data: { form: next.data, meta: next.meta } });
      return next;
    });
  const props: StepProps = {
    data: state.data,
    set: (path, value) => {
      update((s) => ({ ...s, data: setPath(s.data, path, value) }));
      setErrors((es) => es.filter((e) => e.field !== path));
    },
    errors,
    meta: state.meta,
    setMeta: (patch) => update((s) => ({ ...s, meta: { ...s.meta, ...patch } })),
    t,
    locale,
  };

  const unitCode = (): string | undefined =>
    (getPath(state.data, 'location.unitCode') as string | undefined) ??
    (getPath(state.data, 'changes.location.unitCode') as string | undefined) ??
    state.meta.unitCode;
  const delivery = () => (hasOwnDelivery ? (getPath(state.data, 'delivery') as WizardMeta['delivery']) : state.meta.delivery);

  function stepErrors(id: string): FieldError[] {
    if (id === 'noi-nop') {
      return [
        ...(state?.meta.unitCode ? [] : [{ field: '@unit', message: t('where.unitRequired') }]),
        ...(state?.meta.delivery ? [] : [{ field: '@delivery', message: t('where.deliveryRequired') }]),
      ];
    }
    if (id === 'giay-to') {
      // A mandatory paper needs at least one file (uploaded, or still uploading: submit waits for it).
      return (procedure?.components ?? [])
        .filter(
          (c) =>
            c.mandatory &&
            !state?.meta.files.some(
              (f) => f.componentId === c.id && (f.fileId || f.state === 'uploading' || f.state === 'waiting'),
            ),
        )
        .map((c) => ({ field: `@files.${c.id}`, message: t('attachments.missing', { name: c.name }) }));
    }
    const s = steps.find((x) => x.id === id);
    return s?.kind === 'form' ? validateFormStep(code, id, state?.data, deps) : [];
  }

  function go(index: number) {
    update((s) => ({ ...s, stepIndex: index }));
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
    const whole = validateForm(code, state!.data, deps);
    if (!whole.ok) {
      const first = whole.errors[0];
      const target = first ? stepOfField(code, first.field) : undefined;
      setErrors(whole.errors);
      go(
        Math.max(
          0,
          steps.findIndex((s) => s.id === target?.id),
        ),
      );
      return;
    }
    const where = stepErrors('noi-nop');
    if (!hasOwnDelivery && where.length > 0) {
      setErrors(where);
      go(steps.findIndex((s) => s.id === 'noi-nop'));
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
      attachments: state!.meta.files
        .filter((f) => f.fileId && f.componentId)
        .map((f) => ({ componentId: f.componentId!, fileId: f.fileId! })),
      delivery: delivery() ?? 'electronic',
    };
    const item = await submitToOutbox(body, procedure?.name ?? code, pendingFiles);
    if (fromItem) await discardOutboxItem(fromItem);
    setBusy(false);
    if (item.status === 'failed') {
      // Rejected on the spot: the citizen is here to fix it, so drop the item and show the fields.
      await discardOutboxItem(item.id);
      const errs = (item.fieldErrors ?? []).map((e) => ({ ...e, field: formFieldPath(e.field) }));
      setErrors(errs.length ? errs : [{ field: '', message: item.lastError ?? t('error.generic') }]);
      const first = errs[0]?.field ?? '';
      const target = first.startsWith('attachments') ? 'giay-to' : stepOfField(code, first)?.id;
      if (target) go(steps.findIndex((s) => s.id === target));
      return;
    }
    setResult(item);
  }

  const isLast = state.stepIndex === steps.length - 1;
  return (
    <section className="wizard">
      <p className="muted">{procedure ? (locale === 'en' ? procedure.nameEn : procedure.name) : code}</p>
      <div className="progress">
        <span>{t('filing.progress', { step: state.stepIndex + 1, total: steps.length })}</span>
        <div className="bar">
          <div style={{ width: `${((state.stepIndex + 1) / steps.length) * 100}%` }} />
        </div>
      </div>
      <h1>{step.title}</h1>
      {restored && state.stepIndex > 0 && <p className="notice">{t('filing.restored')}</p>}
      <StepErrors errors={errors} title={t('filing.fix', { count: errors.length })} />
      {step.kind === 'form' && <StepBody code={code} stepId={step.id} p={props} />}
      {step.kind === 'where' && (
        <StepBody
          code={code}
          stepId="noi-nop"
          p={props}
          where={{
            unit: errors.find((e) => e.field === '@unit')?.message,
            delivery: errors.find((e) => e.field === '@delivery')?.message,
          }}
        />
      )}
      {step.kind === 'files' && (
        <div className="stack">
          <p className="lead">{t('attachments.lead')}</p>
          {procedure?.components.map((c) => (
            <AttachmentInput
              key={c.id}
              componentId={c.id}
              label={c.name}
              mandatory={c.mandatory}
              error={errors.find((e) => e.field === `@files.${c.id}`)?.message}
              procedureCode={code}
              files={state.meta.files}
              setFiles={(fn) => update((s) => ({ ...s, meta: { ...s.meta, files: fn(s.meta.files) } }))}
            />
          ))}
        </div>
      )}
      {step.kind === 'review' && (
        <ReviewStep
          steps={steps.filter((s) => s.kind === 'form')}
          fieldsOf={(id) => form.steps.find((s) => s.id === id)?.fields ?? []}
          data={state.data}
          meta={state.meta}
          fee={procedure?.feeAmounts}
          onEdit={(id) => go(steps.findIndex((s) => s.id === id))}
        />
      )}
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

function Submitted({ item }: { item: OutboxItem }) {
  const { t } = useI18n();
  const sent = item.status === 'sent';
  return (
    <section className="center">
      <div className={`result-icon ${sent ? 'ok' : 'pending'}`} aria-hidden="true">
        {sent ? '✓' : '⏳'}
      </div>
      <h1>{sent ? t('filing.sent') : t('filing.queued')}</h1>
      {sent ? (
        <p className="big">{t('dossier.code', { code: item.dossierCode ?? '' })}</p>
      ) : (
        <p className="lead">{t('filing.queuedLead')}</p>
      )}
      <Link href={sent && item.dossierCode ? `/ho-so/${item.dossierCode}` : '/ho-so'} className="button primary">
        {t('nav.dossiers')}
      </Link>
    </section>
  );
}
