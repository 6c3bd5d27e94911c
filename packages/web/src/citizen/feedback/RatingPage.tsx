import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { Link, useLocation } from '../../router';
import { ApiError, api, NetworkError } from '../../shared/api';
import { formatDate } from '../../shared/format';
import { FormError } from '../../shared/ui';

type Level = 'very_satisfied' | 'satisfied' | 'dissatisfied';

interface RatingView {
  code: string;
  canRate: boolean;
  returnedAt: string | null;
  rating: { answers: Record<string, Level>; comment: string | null } | null;
  editableUntil: string | null;
  questions: { code: string; vi: string; en: string }[];
  levels: { code: Level; vi: string; en: string }[];
  editDays: number;
}

/**
 * The satisfaction rating of a returned dossier: /ho-so/:code/danh-gia for the signed-in applicant,
 * /danh-gia?ma=…&t=… from the SMS link for a filer without an account. The questions and their
 * answers come from the server (one list for the phone, the desk and the reports).
 */
export function RatingPage({ code }: { code?: string }) {
  const { t, locale } = useI18n();
  const { query } = useLocation();
  const dossierCode = code ?? query.get('ma') ?? '';
  const token = query.get('t') ?? '';
  const url = code
    ? `/api/v1/dossiers/${encodeURIComponent(dossierCode)}/rating`
    : `/api/v1/public/ratings/${encodeURIComponent(dossierCode)}?t=${encodeURIComponent(token)}`;
  const [view, setView] = useState<RatingView | undefined>();
  const [answers, setAnswers] = useState<Record<string, Level>>({});
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | undefined>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const ids = useId();
  const doneRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    let alive = true;
    api<RatingView>(url)
      .then((v) => {
        if (!alive) return;
        setView(v);
        setAnswers(v.rating?.answers ?? {});
        setComment(v.rating?.comment ?? '');
      })
      .catch((err) => alive && setError(err instanceof ApiError ? err : new ApiError(0, t('error.network'))));
    return () => {
      alive = false;
    };
  }, [url, t]);

  useEffect(() => {
    if (saved) doneRef.current?.focus();
  }, [saved]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!view || busy) return;
    const left = view.questions.filter((q) => !answers[q.code]).map((q) => q.code);
    setMissing(left);
    if (left.length > 0) return;
    setBusy(true);
    setError(undefined);
    try {
      const next = await api<RatingView>(url, { method: 'PUT', body: { answers, comment: comment.trim() || null } });
      setView(next);
      setSaved(true);
    } catch (err) {
      setError(
        err instanceof ApiError ? err : new ApiError(0, t(err instanceof NetworkError ? 'error.network' : 'error.generic')),
      );
    } finally {
      setBusy(false);
    }
  }

  const label = (x: { vi: string; en: string }) => (locale === 'en' ? x.en : x.vi);

  return (
    <article>
      {code && (
        <Link href={`/ho-so/${encodeURIComponent(dossierCode)}`} className="back">
          ‹ {t('common.back')}
        </Link>
      )}
      <h1>{t('rating.title')}</h1>
      <p className="muted">{t('dossier.code', { code: dossierCode })}</p>
      {!view && !error && <p className="muted">{t('common.loading')}</p>}
      {!view && error && <p className="alert">{error.status === 404 ? t('rating.notFound') : error.title}</p>}
      {view && !view.canRate && !view.rating && <p className="notice">{t('rating.notYet')}</p>}
      {view && !view.canRate && view.rating && <p className="notice">{t('rating.closed')}</p>}
      {saved && (
        <p className="notice success" role="status" tabIndex={-1} ref={doneRef}>
          {t('rating.thanks', { date: formatDate(view?.editableUntil ?? undefined) })}
        </p>
      )}
      {view && (view.canRate || view.rating) && (
        <form onSubmit={submit} noValidate>
          {view.canRate && <p className="lead">{t('rating.lead', { days: view.editDays })}</p>}
          <FormError title={error?.title} detail={error?.detail} />
          {view.questions.map((q) => (
            <fieldset key={q.code} className={`field${missing.includes(q.code) ? ' has-error' : ''}`} disabled={!view.canRate}>
              <legend>{label(q)}</legend>
              {view.levels.map((l) => (
                <label key={l.code} className="radio">
                  <input
                    type="radio"
                    name={`${ids}-${q.code}`}
                    checked={answers[q.code] === l.code}
                    onChange={() => {
                      setAnswers((a) => ({ ...a, [q.code]: l.code }));
                      setMissing((m) => m.filter((c) => c !== q.code));
                      setSaved(false);
                    }}
                  />
                  <span>{label(l)}</span>
                </label>
              ))}
              {missing.includes(q.code) && (
                <p className="error" role="alert">
                  {t('rating.answerMissing')}
                </p>
              )}
            </fieldset>
          ))}
          <div className="field">
            <label htmlFor={`${ids}-comment`}>{t('rating.comment')}</label>
            <textarea
              id={`${ids}-comment`}
              rows={3}
              maxLength={2000}
              value={comment}
              disabled={!view.canRate}
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
          {view.canRate && (
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? t('common.sending') : view.rating ? t('rating.update') : t('rating.submit')}
            </button>
          )}
        </form>
      )}
      {code && (
        <p className="center">
          <Link href={`/phan-anh/moi?ho-so=${encodeURIComponent(dossierCode)}`}>{t('rating.complainLink')}</Link>
        </p>
      )}
    </article>
  );
}
