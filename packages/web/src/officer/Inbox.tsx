import { CHANNELS } from '@dvc/domain/channels';
import { OfficerInboxView } from '@dvc/domain/contract/dossiers';
import { useEffect, useState } from 'react';
import { dataLabel, type MessageKey, useI18n } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { ApiError, api, NetworkError } from '../shared/api';
import { stateLabel, stateTone } from '../shared/dossiers';
import { formatDate, formatDateTime } from '../shared/format';
import { useProcedureOptions } from './procedure-options';
import { type Counts, type InboxAnswer, TABS, type Tab } from './types';

/**
 * The agency's dossiers (the server scopes them to the officer's grants): tabs by state with their
 * counters, filters and a search that ignores diacritics (the server folds). Every filter lives in
 * the URL, so "Quay lại" from a dossier lands on the same list.
 */
const FILTER_KEYS = ['tab', 'procedure', 'channel', 'q', 'dueSoon', 'overdue', 'from', 'to'] as const;

export function Inbox() {
  const { t, locale } = useI18n();
  const { query } = useLocation();
  const tab = (TABS as readonly string[]).includes(query.get('tab') ?? '') ? (query.get('tab') as Tab) : 'all';
  const [answer, setAnswer] = useState<InboxAnswer | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [procedureFilter, setProcedureFilter] = useState('');
  const { options: procedures } = useProcedureOptions(procedureFilter, query.get('procedure') ?? '');
  const [search, setSearch] = useState(query.get('q') ?? '');
  const queryString = FILTER_KEYS.filter((k) => k !== 'tab' && query.get(k))
    .map((k) => `${k}=${encodeURIComponent(query.get(k) ?? '')}`)
    .join('&');

  useEffect(() => {
    let live = true;
    setError(undefined);
    api(`/api/v1/officer/dossiers?tab=${tab}${queryString ? `&${queryString}` : ''}`, { schema: OfficerInboxView })
      .then((a) => live && setAnswer(a))
      .catch(
        (e) =>
          live && setError(e instanceof ApiError ? e.title : e instanceof NetworkError ? t('error.network') : t('error.generic')),
      );
    return () => {
      live = false;
    };
  }, [tab, queryString, t]);

  function setFilter(patch: Partial<Record<(typeof FILTER_KEYS)[number], string | undefined>>) {
    const next = new URLSearchParams(query);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    const s = next.toString();
    navigate(`/can-bo${s ? `?${s}` : ''}`, { replace: true });
  }

  // The search goes to the URL (and the server) once typing pauses.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text triggers it
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((query.get('q') ?? '') !== search.trim()) setFilter({ q: search.trim() || undefined });
    }, 300);
    return () => clearTimeout(timer);
  }, [search]);

  const counts: Partial<Counts> = answer?.counts ?? {};

  return (
    <section className="off-inbox">
      <div className="off-head">
        <h1>{t('officer.inbox.title')}</h1>
        <div className="off-alerts">
          <button
            type="button"
            className={`off-counter bad${query.get('overdue') === 'true' ? ' on' : ''}`}
            aria-pressed={query.get('overdue') === 'true'}
            onClick={() => setFilter({ overdue: query.get('overdue') === 'true' ? undefined : 'true' })}
          >
            <strong>{counts.overdue ?? '–'}</strong> {t('officer.inbox.overdue')}
          </button>
          <button
            type="button"
            className={`off-counter warn${query.get('dueSoon') === 'true' ? ' on' : ''}`}
            aria-pressed={query.get('dueSoon') === 'true'}
            onClick={() => setFilter({ dueSoon: query.get('dueSoon') === 'true' ? undefined : 'true' })}
          >
            <strong>{counts.dueSoon ?? '–'}</strong> {t('officer.inbox.dueSoon')}
          </button>
        </div>
      </div>

      <div className="off-tabs" role="tablist" aria-label={t('officer.inbox.tabs')}>
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className="off-tab"
            onClick={() => setFilter({ tab: id })}
          >
            {t(`officer.tab.${id}` as MessageKey)} <span className="off-count">{counts[id] ?? 0}</span>
          </button>
        ))}
      </div>

      <div className="off-filters">
        <label className="off-search">
          <span className="visually-hidden">{t('officer.inbox.search')}</span>
          <input
            type="search"
            placeholder={t('officer.inbox.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        <label>
          <span>{t('catalog.page.filter')}</span>
          {/* Not a searchbox: the inbox has one search box, for dossiers. */}
          <input type="text" enterKeyHint="search" value={procedureFilter} onChange={(e) => setProcedureFilter(e.target.value)} />
        </label>
        <label>
          <span>{t('officer.inbox.procedure')}</span>
          <select value={query.get('procedure') ?? ''} onChange={(e) => setFilter({ procedure: e.target.value || undefined })}>
            <option value="">{t('officer.inbox.any')}</option>
            {procedures.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('officer.inbox.channel')}</span>
          <select value={query.get('channel') ?? ''} onChange={(e) => setFilter({ channel: e.target.value || undefined })}>
            <option value="">{t('officer.inbox.any')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {dataLabel(locale, 'channel', c, c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('officer.inbox.from')}</span>
          <input type="date" value={query.get('from') ?? ''} onChange={(e) => setFilter({ from: e.target.value || undefined })} />
        </label>
        <label>
          <span>{t('officer.inbox.to')}</span>
          <input type="date" value={query.get('to') ?? ''} onChange={(e) => setFilter({ to: e.target.value || undefined })} />
        </label>
      </div>

      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {!answer && !error && <p className="muted">{t('common.loading')}</p>}
      {answer && answer.items.length === 0 && <p className="off-empty">{t('officer.inbox.empty')}</p>}
      {answer && answer.items.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: on a phone the table scrolls sideways, by keyboard too
        <section className="off-table-wrap" aria-label={t('officer.inbox.title')} tabIndex={0}>
          <table className="off-table">
            <thead>
              <tr>
                <th>{t('officer.col.code')}</th>
                <th>{t('officer.col.procedure')}</th>
                <th>{t('officer.col.applicant')}</th>
                <th className="off-col-channel">{t('officer.col.channel')}</th>
                <th>{t('officer.col.status')}</th>
                <th>{t('officer.col.received')}</th>
                <th>{t('officer.col.due')}</th>
              </tr>
            </thead>
            <tbody>
              {answer.items.map((d) => (
                <tr key={d.code} onClick={() => navigate(`/can-bo/ho-so/${encodeURIComponent(d.code)}`)}>
                  <td className="off-code">
                    <Link href={`/can-bo/ho-so/${encodeURIComponent(d.code)}`} onClick={(e) => e.stopPropagation()}>
                      {d.code}
                    </Link>
                  </td>
                  <td>{d.procedureName}</td>
                  <td>{d.applicantName}</td>
                  <td className="off-col-channel">{dataLabel(locale, 'channel', d.channel, d.channelLabel)}</td>
                  <td>
                    <span className={`status ${stateTone(d.status)}`}>{stateLabel(d.status, locale)}</span>
                    {d.step && d.status === 'processing' && (
                      <small className="off-step">{dataLabel(locale, 'step', d.step, d.step)}</small>
                    )}
                  </td>
                  <td title={formatDateTime(d.receivedAt ?? d.submittedAt)}>{formatDate(d.receivedAt ?? d.submittedAt)}</td>
                  <td
                    className={`off-due${d.overdue ? ' overdue' : d.dueSoon ? ' soon' : ''}`}
                    title={formatDateTime(d.dueAt ?? undefined)}
                  >
                    {d.dueAt ? formatDate(d.dueAt) : '—'}
                    {d.overdue && <small> · {t('officer.inbox.overdueShort')}</small>}
                    {!d.overdue && d.dueSoon && <small> · {t('officer.inbox.dueSoonShort')}</small>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
