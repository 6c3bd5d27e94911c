import { ProcedurePageView, TopicListView } from '@dvc/domain/contract/catalog';
import { useEffect, useRef, useState } from 'react';
import { dataLabel, useI18n } from '../../i18n';
import { Link, navigate, useLocation } from '../../router';
import { api, NetworkError } from '../../shared/api';
import type { ProcedureSummary, Topic } from '../../shared/catalog';
import { formatDong } from '../../shared/format';

/** One page of the catalog: a province has ~1,700 procedures, a phone shows them a page at a time. */
const PAGE = 30;

/** Search as you type (server search folds diacritics: "ho kinh doanh" finds "Hộ kinh doanh"), by topic. */
export function Procedures() {
  const { t, locale } = useI18n();
  const { query } = useLocation();
  const topic = query.get('topic') ?? '';
  const [q, setQ] = useState(query.get('q') ?? '');
  const [topics, setTopics] = useState<Topic[]>([]);
  const [items, setItems] = useState<ProcedureSummary[] | undefined>();
  const [total, setTotal] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const [offline, setOffline] = useState(false);
  const seq = useRef(0);

  useEffect(() => {
    api('/api/v1/procedure-topics', { schema: TopicListView })
      .then((r) => setTopics(r.items))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    // Debounced: a slow phone on 2G should not send one request per letter.
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      const params = new URLSearchParams();
      if (q.trim()) params.set('q', q.trim());
      if (topic) params.set('topic', topic);
      api(`/api/v1/procedures?${params}&limit=${PAGE}`, { schema: ProcedurePageView })
        .then((r) => {
          if (mine !== seq.current) return;
          setItems(r.items);
          setTotal(r.total);
          setOffline(false);
        })
        .catch((e) => mine === seq.current && setOffline(e instanceof NetworkError));
      // Keep the search in the address so "back" from a procedure returns to the same list.
      const url = `/thu-tuc${params.size ? `?${params}` : ''}`;
      if (url !== location.pathname + location.search) history.replaceState(null, '', url);
    }, 300);
    return () => clearTimeout(timer);
  }, [q, topic]);

  // The next page of the same search; a new search in the meantime wins (its sequence number).
  function loadMore() {
    if (!items) return;
    const mine = seq.current;
    const params = new URLSearchParams();
    if (q.trim()) params.set('q', q.trim());
    if (topic) params.set('topic', topic);
    params.set('limit', String(PAGE));
    params.set('offset', String(items.length));
    setLoadingMore(true);
    api(`/api/v1/procedures?${params}`, { schema: ProcedurePageView })
      .then((r) => {
        if (mine !== seq.current) return;
        setItems((shown) => [...(shown ?? []), ...r.items.filter((p) => !shown?.some((s) => s.code === p.code))]);
        setTotal(r.total);
        setOffline(false);
      })
      .catch((e) => mine === seq.current && setOffline(e instanceof NetworkError))
      .finally(() => setLoadingMore(false));
  }

  return (
    <section>
      <h1>{t('procedures.title')}</h1>
      <div className="searchbox">
        <label htmlFor="proc-q" className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          id="proc-q"
          type="search"
          enterKeyHint="search"
          placeholder={t('search.placeholder')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <div className="chips">
        <button
          type="button"
          className={`chip${topic === '' ? ' selected' : ''}`}
          onClick={() => navigate(`/thu-tuc${q ? `?q=${encodeURIComponent(q)}` : ''}`, { replace: true })}
        >
          {t('procedures.allTopics')}
        </button>
        {topics.map((tp) => (
          <button
            key={tp.id}
            type="button"
            className={`chip${topic === tp.id ? ' selected' : ''}`}
            aria-pressed={topic === tp.id}
            onClick={() => navigate(`/thu-tuc?topic=${tp.id}${q ? `&q=${encodeURIComponent(q)}` : ''}`, { replace: true })}
          >
            {dataLabel(locale, 'topic', tp.id, tp.label)}
          </button>
        ))}
      </div>
      {offline && <p className="notice">{t('error.network')}</p>}
      {items === undefined ? (
        <p className="muted">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('procedures.none')}</p>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {t('procedures.count', { count: total })}
          </p>
          <ul className="list">
            {items.map((p) => (
              <li key={p.code}>
                <Link href={`/thu-tuc/${encodeURIComponent(p.code)}`} className="list-item">
                  <span className="item-title">{locale === 'en' ? p.nameEn : p.name}</span>
                  <span className="item-meta">
                    {dataLabel(locale, 'topic', p.topic, p.topicLabel)} ·{' '}
                    {t('procedure.days', { days: p.legalDurationWorkingDays })} ·{' '}
                    {p.fee.kind === 'none' ? t('procedure.free') : formatDong(p.fee.onlineAmount)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          {items.length < total && (
            <p>
              <button type="button" className="button secondary" disabled={loadingMore} onClick={loadMore}>
                {t('catalog.page.more', { shown: items.length, total })}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
