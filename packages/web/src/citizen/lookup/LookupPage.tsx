import type { DossierState } from '@dvc/domain/dossier/states';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { Link, useLocation } from '../../router';
import { ApiError, api, NetworkError } from '../../shared/api';
import { stateLabel, stateTone } from '../../shared/dossiers';
import { formatDateTime, formatDong } from '../../shared/format';
import { FormError, TextField } from '../../shared/ui';

type AwaitedItem =
  | { kind: 'supplement'; components: string[]; reason: string | null }
  | { kind: 'financial_obligation'; amount: number | null; reason: string | null }
  | { kind: 'fee_unpaid'; amount: number }
  | { kind: 'result_ready' };

/** GET /api/v1/public/dossiers/:code: the state and dates only, nothing about the filer. */
interface PublicDossier {
  code: string;
  procedureName: string;
  procedureNameEn?: string;
  status: DossierState;
  submittedAt: string;
  receivedAt: string | null;
  dueAt: string | null;
  returnedAt: string | null;
  finishedAt: string | null;
  withdrawnAt: string | null;
  overdue: boolean;
  awaiting: AwaitedItem[];
  apology: { at: string; reason: string | null; newDueAt: string | null } | null;
}

/**
 * "Tra cứu hồ sơ" without an account: the code (from the receipt, its QR code fills `?ma=`) and
 * the last 4 digits of the filer's phone, or the 6-digit lookup PIN the desk printed on the receipt.
 */
export function LookupPage() {
  const { t } = useI18n();
  const { query } = useLocation();
  const [code, setCode] = useState(query.get('ma') ?? '');
  const [last4, setLast4] = useState('');
  const [errors, setErrors] = useState<{ code?: string; last4?: string }>({});
  const [problem, setProblem] = useState<{ title: string; detail?: string } | undefined>();
  const [found, setFound] = useState<PublicDossier | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = code.trim();
    const next = {
      code: trimmed ? undefined : t('lookup.codeMissing'),
      last4: /^(\d{4}|\d{6})$/.test(last4) ? undefined : t('lookup.last4Invalid'),
    };
    setErrors(next);
    setProblem(undefined);
    setFound(undefined);
    if (next.code || next.last4) return;
    setBusy(true);
    try {
      const d = await api<PublicDossier>(
        // Six digits are the receipt's lookup PIN, four the phone's last digits.
        `/api/v1/public/dossiers/${encodeURIComponent(trimmed)}?${last4.length === 6 ? 'pin' : 'phoneLast4'}=${encodeURIComponent(last4)}`,
      );
      setFound(d);
      // The address keeps the code (not the digits): a reload or a shared link asks only for those again.
      history.replaceState(null, '', `/tra-cuu?ma=${encodeURIComponent(d.code)}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404)
        setProblem({ title: t('lookup.notFound'), detail: t('lookup.notFoundDetail') });
      else if (err instanceof ApiError) setProblem({ title: err.title, detail: err.detail });
      else setProblem({ title: err instanceof NetworkError ? t('error.network') : t('error.generic') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <h1>{t('lookup.title')}</h1>
      <p className="lead">{t('lookup.lead')}</p>
      <form onSubmit={submit} noValidate aria-label={t('lookup.title')}>
        <FormError title={problem?.title} detail={problem?.detail} />
        <TextField
          label={t('lookup.code')}
          hint={t('lookup.codeHint')}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={errors.code}
        />
        <TextField
          label={t('lookup.last4')}
          hint={t('lookup.last4Hint')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={6}
          value={last4}
          onChange={(e) => setLast4(e.target.value.replace(/\D/g, '').slice(0, 6))}
          error={errors.last4}
        />
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('common.loading') : t('lookup.submit')}
        </button>
      </form>
      {found && <LookupResult d={found} />}
      <p className="hint center">
        {t('lookup.haveAccount')} <Link href="/dang-nhap">{t('signin.title')}</Link>
      </p>
    </section>
  );
}

function LookupResult({ d }: { d: PublicDossier }) {
  const { t, locale } = useI18n();
  // The answer lands below the form, out of a phone's first screen: bring it into view and to the reader
  // (each answer mounts anew: the previous one is cleared when the form is sent).
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'center' });
  }, []);
  const dates: Array<[string, string | null]> = [
    [t('lookup.submittedAt'), d.submittedAt],
    [t('lookup.receivedAt'), d.receivedAt],
    [t('lookup.dueAt'), d.dueAt],
    [t('lookup.returnedAt'), d.returnedAt],
    [t('lookup.withdrawnAt'), d.withdrawnAt],
  ];
  return (
    <article className="card" aria-live="polite" aria-labelledby="lookup-result-title">
      <p className="muted">{t('dossier.code', { code: d.code })}</p>
      <h2 id="lookup-result-title" ref={heading} tabIndex={-1}>
        {(locale === 'en' && d.procedureNameEn) || d.procedureName}
      </h2>
      <p>
        <span className={`status ${stateTone(d.status)}`}>{stateLabel(d.status, locale)}</span>
        {d.overdue && <span className="status bad">{t('dossier.overdue')}</span>}
      </p>
      <div className="facts">
        {dates
          .filter(([, at]) => at)
          .map(([label, at]) => (
            <div className="fact" key={label}>
              <span className="fact-label">{label}</span>
              <span className="fact-value">{formatDateTime(at ?? undefined)}</span>
            </div>
          ))}
      </div>
      {d.apology && (
        <div className="card warn">
          <h3>{t('lookup.apologyTitle')}</h3>
          <p>{t('lookup.apologyText')}</p>
          {d.apology.reason && <p>{t('lookup.reason', { reason: d.apology.reason })}</p>}
          {d.apology.newDueAt && <p>{t('lookup.newDueAt', { date: formatDateTime(d.apology.newDueAt) })}</p>}
        </div>
      )}
      {d.awaiting.length > 0 && (
        <>
          <h3>{t('lookup.awaitingTitle')}</h3>
          <ul className="plain">
            {d.awaiting.map((a) => (
              <li key={a.kind}>
                <AwaitedLine a={a} />
              </li>
            ))}
          </ul>
          <p className="hint">{t('lookup.signInToAct')}</p>
        </>
      )}
    </article>
  );
}

function AwaitedLine({ a }: { a: AwaitedItem }) {
  const { t } = useI18n();
  switch (a.kind) {
    case 'supplement':
      return (
        <>
          {t('lookup.awaitSupplement', { items: a.components.join('; ') })}
          {a.reason && <> {t('lookup.reason', { reason: a.reason })}</>}
        </>
      );
    case 'financial_obligation':
      return <>{t('lookup.awaitObligation', { amount: a.amount === null ? '' : formatDong(a.amount) })}</>;
    case 'fee_unpaid':
      return <>{t('lookup.awaitFee', { amount: formatDong(a.amount) })}</>;
    case 'result_ready':
      return <>{t('lookup.awaitResult')}</>;
  }
}
