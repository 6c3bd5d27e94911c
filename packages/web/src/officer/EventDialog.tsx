import { ProcedureDetailView } from '@dvc/domain/contract/catalog';
import { DossierDetailView } from '@dvc/domain/contract/dossiers';
import { StaffPickListView } from '@dvc/domain/contract/staff';
import { type DossierEventType, dossierEventSchemas } from '@dvc/domain/dossier/events';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { dataLabel, type Locale, useI18n } from '../i18n';
import { ApiError, api, NetworkError } from '../shared/api';
import { formatDateTime, groupThousands, parseGrouped } from '../shared/format';
import { needsSigningOtp, useSigningOtp } from './SigningOtp';
import type { OfficerDetail } from './types';

/**
 * One small dialog per action: the fields of that event's payload (the domain's
 * dossierEventSchemas), checked here with the same schema, then POST …/events. The server's
 * refusal (409 "Không thể … hồ sơ đang ở trạng thái …", 403, 400 per field) shows in the dialog.
 */
type Values = Record<string, string | string[]>;

/** Events whose due time the server computes: the schema here would ask for it, so they skip the local check. */
const SERVER_COMPLETES = new Set(['receive', 'supplement_provided', 'financial_obligation_paid']);

/** `sent`: the server's label, for entries that are not lifecycle events (the postal delivery). */
export function eventLabel(type: string, locale: Locale, sent?: string): string {
  return dataLabel(locale, 'event', type, sent ?? type);
}

/** "2026-12-09T16:30" typed in Vietnam time → an instant with its offset. */
function vnInstant(local: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00+07:00` : undefined;
}

function payloadOf(type: string, v: Values): Record<string, unknown> {
  const s = (k: string) => (typeof v[k] === 'string' && (v[k] as string).trim() ? (v[k] as string).trim() : undefined);
  switch (type) {
    case 'request_supplement': {
      const others = (s('otherComponents') ?? '')
        .split('\n')
        .map((x) => x.trim())
        .filter(Boolean);
      return { reason: s('reason'), components: [...((v.components as string[] | undefined) ?? []), ...others] };
    }
    case 'refuse':
    case 'reject_proposal':
    case 'stop':
      return { reason: s('reason') };
    case 'assign':
      return { specialistId: s('specialistId'), note: s('note') };
    case 'propose':
      return { outcome: s('outcome'), draft: s('draft'), note: s('note') };
    case 'return_result':
      return {
        delivery: s('delivery'),
        trackingNumber: s('delivery') === 'post' ? s('trackingNumber') : undefined,
        note: s('note'),
      };
    case 'issue_apology':
      return { reason: s('reason'), newDueAt: vnInstant(s('newDueAt') ?? '') ?? s('newDueAt') };
    case 'request_financial_obligation':
      return { amount: parseGrouped(s('amount') ?? ''), reason: s('reason') };
    default:
      return { note: s('note') };
  }
}

export function EventDialog({
  type,
  dossier,
  onClose,
  onDone,
}: {
  type: string;
  dossier: OfficerDetail;
  onClose: () => void;
  onDone: (next: OfficerDetail) => void;
}) {
  const { t, locale } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [values, setValues] = useState<Values>(() => ({
    outcome: 'approve',
    delivery: dossier.delivery ?? 'counter',
  }));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [components, setComponents] = useState<string[]>([]);
  // resolve: the server asked for the leader's signing OTP (the result is signed with their credential).
  const [signing, setSigning] = useState<{ lead?: string } | undefined>();
  const signingOtp = useSigningOtp();

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const [specialists, setSpecialists] = useState<{ id: string; fullName: string }[] | undefined>();
  useEffect(() => {
    if (type !== 'assign') return;
    api(`/api/v1/officer/agencies/${encodeURIComponent(dossier.agencyCode)}/staff?role=specialist`, {
      schema: StaffPickListView,
    })
      .then((r) => setSpecialists(r.items.filter((s) => s.id !== dossier.assigneeId)))
      .catch(() => setSpecialists([]));
  }, [type, dossier.agencyCode, dossier.assigneeId]);
  useEffect(() => {
    if (type !== 'request_supplement') return;
    api(`/api/v1/procedures/${encodeURIComponent(dossier.procedureCode)}`, { schema: ProcedureDetailView })
      .then((p) => setComponents(p.components.map((c) => c.name)))
      .catch(() => setComponents([]));
  }, [type, dossier.procedureCode]);

  const set = (k: string, value: string | string[]) => {
    setValues((prev) => ({ ...prev, [k]: value }));
    setFieldErrors((prev) => ({ ...prev, [k]: '' }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(undefined);
    const payload = { type, ...payloadOf(type, values) };
    const errors: Record<string, string> = {};
    if (type === 'issue_apology') {
      const when = vnInstant(String(values.newDueAt ?? ''));
      if (!when) errors.newDueAt = t('officer.event.newDueRequired');
      else if (dossier.dueAt && new Date(when) <= new Date(dossier.dueAt)) errors.newDueAt = t('officer.event.newDueLater');
    }
    if (!SERVER_COMPLETES.has(type)) {
      const schema = dossierEventSchemas[type as DossierEventType];
      const parsed = schema?.safeParse(payload);
      if (parsed && !parsed.success) {
        for (const issue of parsed.error.issues) {
          const key = String(issue.path[0] ?? 'reason');
          errors[key] ??= issue.message;
        }
      }
    }
    if (Object.keys(errors).length > 0) {
      setFieldErrors(errors);
      return;
    }
    setBusy(true);
    try {
      if (signing && !(await signingOtp.authorize())) return;
      const next = await api(`/api/v1/dossiers/${encodeURIComponent(dossier.code)}/events`, {
        schema: DossierDetailView,
        method: 'POST',
        body: payload,
      });
      onDone(next);
    } catch (err) {
      const apiError =
        err instanceof ApiError ? err : new ApiError(0, t(err instanceof NetworkError ? 'error.network' : 'error.generic'));
      if (type === 'resolve' && apiError.status === 409 && (await needsSigningOtp())) {
        // Nothing was resolved: the dialog asks for the OTP, then signs and resolves.
        setSigning({ lead: apiError.detail });
        return;
      }
      setProblem(apiError);
      const perField: Record<string, string> = {};
      for (const fe of apiError.errors) perField[fe.field.split('.').pop() ?? fe.field] = fe.message;
      setFieldErrors(perField);
    } finally {
      setBusy(false);
    }
  }

  const field = (name: string, label: string, control: (id: string) => ReactNode) => (
    <Field key={name} label={label} error={fieldErrors[name]} control={control} />
  );
  const text = (name: string, label: string, rows = 3) =>
    field(name, label, (id) => (
      <textarea id={id} rows={rows} value={String(values[name] ?? '')} onChange={(e) => set(name, e.target.value)} />
    ));
  const line = (name: string, label: string, extra: Record<string, string> = {}) =>
    field(name, label, (id) => (
      <input id={id} type="text" value={String(values[name] ?? '')} onChange={(e) => set(name, e.target.value)} {...extra} />
    ));
  const radios = (name: string, label: string, options: [string, string][]) => (
    <fieldset key={name} className="field off-radios">
      <legend>{label}</legend>
      {options.map(([value, text]) => (
        <label key={value} className="radio">
          <input type="radio" name={name} checked={values[name] === value} onChange={() => set(name, value)} />
          <span>{text}</span>
        </label>
      ))}
      {fieldErrors[name] && <p className="error">{fieldErrors[name]}</p>}
    </fieldset>
  );

  let body: ReactNode;
  switch (type) {
    case 'receive':
      body = <p>{t('officer.event.receiveLead')}</p>;
      break;
    case 'request_supplement': {
      const picked = (values.components as string[] | undefined) ?? [];
      body = (
        <>
          {text('reason', t('officer.event.reason'))}
          <fieldset className="field">
            <legend>{t('officer.event.components')}</legend>
            {components.map((c) => (
              <label key={c} className="checkbox">
                <input
                  type="checkbox"
                  checked={picked.includes(c)}
                  onChange={(e) => set('components', e.target.checked ? [...picked, c] : picked.filter((x) => x !== c))}
                />
                <span>{c}</span>
              </label>
            ))}
            {fieldErrors.components && <p className="error">{fieldErrors.components}</p>}
          </fieldset>
          {text('otherComponents', t('officer.event.otherComponents'), 2)}
        </>
      );
      break;
    }
    case 'refuse':
    case 'reject_proposal':
    case 'stop':
      body = text('reason', t('officer.event.reason'));
      break;
    case 'assign':
      body = (
        <>
          {field('specialistId', t('officer.event.specialist'), (id) => (
            <select id={id} value={String(values.specialistId ?? '')} onChange={(e) => set('specialistId', e.target.value)}>
              <option value="">{specialists ? t('officer.event.pickSpecialist') : t('common.loading')}</option>
              {specialists?.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.fullName}
                </option>
              ))}
            </select>
          ))}
          {specialists?.length === 0 && <p className="hint">{t('officer.event.noSpecialists')}</p>}
          {text('note', t('officer.event.note'), 2)}
        </>
      );
      break;
    case 'propose':
      body = (
        <>
          {radios('outcome', t('officer.event.outcome'), [
            ['approve', t('officer.event.outcomeApprove')],
            ['reject', t('officer.event.outcomeReject')],
          ])}
          {text('draft', t('officer.event.draft'), 5)}
          {text('note', t('officer.event.note'), 2)}
        </>
      );
      break;
    case 'return_result':
      body = (
        <>
          {radios('delivery', t('officer.event.delivery'), [
            ['counter', t('officer.delivery.counter')],
            ['post', t('officer.delivery.post')],
            ['electronic', t('officer.delivery.electronic')],
          ])}
          {values.delivery === 'post' && line('trackingNumber', t('officer.event.trackingNumber'))}
          {text('note', t('officer.event.note'), 2)}
        </>
      );
      break;
    case 'issue_apology':
      body = (
        <>
          {text('reason', t('officer.event.reason'))}
          {field('newDueAt', t('officer.event.newDueAt'), (id) => (
            <input
              id={id}
              type="datetime-local"
              value={String(values.newDueAt ?? '')}
              onChange={(e) => set('newDueAt', e.target.value)}
            />
          ))}
          {dossier.dueAt && <p className="hint">{t('officer.event.currentDue', { due: formatDateTime(dossier.dueAt) })}</p>}
        </>
      );
      break;
    case 'request_financial_obligation':
      body = (
        <>
          {field('amount', t('officer.event.amount'), (id) => (
            <input
              id={id}
              inputMode="numeric"
              value={groupThousands(String(values.amount ?? ''))}
              onChange={(e) => set('amount', e.target.value)}
            />
          ))}
          {text('reason', t('officer.event.reason'))}
        </>
      );
      break;
    default:
      body = text('note', t('officer.event.noteOptional'), 2);
  }

  return (
    <dialog ref={ref} className="off-dialog" onClose={onClose} aria-labelledby="off-dialog-title">
      <form onSubmit={submit} noValidate>
        <h2 id="off-dialog-title">{eventLabel(type, locale)}</h2>
        <p className="muted small">{dossier.code}</p>
        {problem && (
          <div className="alert" role="alert">
            <strong>{problem.title}</strong>
            {problem.detail && <p>{problem.detail}</p>}
          </div>
        )}
        {body}
        {signing && signingOtp.panel(signing.lead)}
        <div className="off-dialog-actions">
          <button type="button" className="button secondary slim" onClick={() => ref.current?.close()}>
            {t('officer.cancel')}
          </button>
          <button
            type="submit"
            className={`button slim ${['refuse', 'stop', 'reject_proposal'].includes(type) ? 'danger' : 'primary'}`}
            disabled={busy}
          >
            {busy ? t('common.sending') : signing ? t('sign.signAndResolve') : t('officer.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function Field({ label, error, control }: { label: string; error?: string; control: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {control(id)}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
