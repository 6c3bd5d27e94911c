import {
  type AdminListItem,
  type AdminProcedureList,
  AdminProcedureListView,
  ProcedurePublishedView,
  ProcedureVersionsView,
  ProcedureVersionView,
} from '@dvc/domain/contract/procedure-admin';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { ApiError, api } from '../shared/api';
import './admin.css';
import { ProcedureEditor } from './ProcedureEditor';
import { ProcedureImport } from './ProcedureImport';
import { ProcedureOutline } from './ProcedureOutline';
import { ProcedureVersions } from './ProcedureVersions';
import { NEW_PROCEDURE_TEMPLATE } from './template';

/**
 * The catalog administration (/can-bo/thu-tuc), for province and system administrators: find a
 * procedure among the province's ~1,700, edit its definition as JSON (checked as the server checks),
 * preview the phone's form, read what changed between versions, publish or withdraw it, import the
 * national catalog. Lazy-loaded by the officer app: nothing of it reaches the citizen's first load.
 */

/** The procedure open in the editor: a row of the list, or what its versions say of it. */
type Current = Pick<AdminListItem, 'code' | 'name' | 'topicLabel' | 'active' | 'currentVersion'>;
type Status = 'all' | 'published' | 'unpublished';
const PAGE = 50;

export default function ProcedureAdminScreen() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<Status>('all');
  const [list, setList] = useState<AdminProcedureList | undefined>();
  const [limit, setLimit] = useState(PAGE);
  const [error, setError] = useState<string | undefined>();
  const [selected, setSelected] = useState<string | 'new' | undefined>();
  const [tab, setTab] = useState<'edit' | 'preview' | 'versions'>('edit');
  const [text, setText] = useState('');
  const [current, setCurrent] = useState<Current | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [importing, setImporting] = useState(false);

  const load = useCallback(
    () =>
      api(`/api/v1/admin/procedures?q=${encodeURIComponent(q)}&status=${status}&limit=${limit}`, {
        schema: AdminProcedureListView,
      })
        .then((a) => {
          setList(a);
          setError(undefined);
        })
        .catch((e) => setError(e instanceof ApiError ? e.title : t('error.network'))),
    [q, status, limit, t],
  );
  useEffect(() => {
    const timer = setTimeout(() => void load(), 250);
    return () => clearTimeout(timer);
  }, [load]);

  const open = useCallback(
    async (code: string, version?: number) => {
      setSelected(code);
      setNotice(undefined);
      try {
        const versions = await api(`/api/v1/admin/procedures/${code}/versions`, { schema: ProcedureVersionsView });
        const v = version ?? versions.currentVersion;
        const one = await api(`/api/v1/admin/procedures/${code}/versions/${v}`, { schema: ProcedureVersionView });
        const names = one.definition.names as { vi?: string } | undefined;
        setCurrent({
          code,
          name: names?.vi ?? code,
          topicLabel: '',
          active: versions.active,
          currentVersion: versions.currentVersion,
        });
        setText(JSON.stringify(one.definition, null, 2));
        setTab('edit');
      } catch (e) {
        setNotice(e instanceof ApiError ? e.title : t('error.network'));
      }
    },
    [t],
  );

  function startNew() {
    setSelected('new');
    setCurrent(undefined);
    setText(JSON.stringify(NEW_PROCEDURE_TEMPLATE, null, 2));
    setTab('edit');
    setNotice(undefined);
  }

  async function publish(active: boolean) {
    if (!current) return;
    if (!active && !window.confirm(t('admin.proc.confirmUnpublish', { name: current.name }))) return;
    try {
      await api(`/api/v1/admin/procedures/${current.code}/${active ? 'publish' : 'unpublish'}`, {
        schema: ProcedurePublishedView,
        method: 'POST',
        body: {},
      });
      setCurrent({ ...current, active });
      await load();
    } catch (e) {
      setNotice(e instanceof ApiError ? e.title : t('error.network'));
    }
  }

  async function saved(code: string) {
    await load();
    await open(code);
  }

  return (
    <section className="adm-proc">
      <div className="off-head">
        <h1>{t('admin.proc.title')}</h1>
        <div className="adm-actions">
          <button type="button" className="button secondary slim" onClick={() => setImporting(!importing)}>
            {t('admin.proc.import')}
          </button>
          <button type="button" className="button primary slim" onClick={startNew}>
            {t('admin.proc.add')}
          </button>
        </div>
      </div>
      {importing && <ProcedureImport onDone={() => void load()} onClose={() => setImporting(false)} />}
      <div className="adm-layout">
        <aside className="adm-list" aria-label={t('admin.proc.title')}>
          <input
            type="search"
            value={q}
            placeholder={t('admin.proc.search')}
            aria-label={t('admin.proc.search')}
            onChange={(e) => {
              setQ(e.target.value);
              setLimit(PAGE);
            }}
          />
          <div className="off-tabs" role="tablist">
            {(['all', 'published', 'unpublished'] as const).map((s) => (
              <button
                key={s}
                type="button"
                role="tab"
                className="off-tab"
                aria-selected={status === s}
                onClick={() => {
                  setStatus(s);
                  setLimit(PAGE);
                }}
              >
                {t(`admin.proc.status.${s}`)}
              </button>
            ))}
          </div>
          {error && (
            <p className="alert" role="alert">
              {error}
            </p>
          )}
          {list && <p className="muted">{t('admin.proc.total', { count: list.total.toLocaleString('vi-VN') })}</p>}
          {list && list.items.length === 0 && <p className="off-empty">{t('admin.proc.empty')}</p>}
          <ul>
            {list?.items.map((p) => (
              <li key={p.code}>
                <button
                  type="button"
                  className="adm-item"
                  aria-current={selected === p.code ? 'true' : undefined}
                  onClick={() => void open(p.code)}
                >
                  <strong>{p.name}</strong>
                  <small>
                    {p.code} · {p.topicLabel} · {t('admin.proc.version', { version: p.currentVersion })} ·{' '}
                    <span className={p.active ? 'adm-on' : 'adm-off'}>
                      {p.active ? t('admin.proc.published') : t('admin.proc.unpublished')}
                    </span>
                  </small>
                </button>
              </li>
            ))}
          </ul>
          {list && list.items.length < list.total && (
            <button type="button" className="button secondary slim" onClick={() => setLimit(limit + PAGE)}>
              {t('admin.proc.more')}
            </button>
          )}
        </aside>
        <div className="adm-detail">
          {selected === undefined && <p className="muted">{t('admin.proc.pick')}</p>}
          {selected !== undefined && (
            <>
              {current && (
                <div className="adm-detail-head">
                  <h2>
                    {current.name} <small>{current.code}</small>
                  </h2>
                  <span className={current.active ? 'adm-on' : 'adm-off'}>
                    {current.active ? t('admin.proc.published') : t('admin.proc.unpublished')} ·{' '}
                    {t('admin.proc.version', { version: current.currentVersion })}
                  </span>
                  <button
                    type="button"
                    className={`button slim ${current.active ? 'secondary' : 'primary'}`}
                    onClick={() => void publish(!current.active)}
                  >
                    {current.active ? t('admin.proc.unpublish') : t('admin.proc.publish')}
                  </button>
                </div>
              )}
              {notice && (
                <p className="notice" role="status">
                  {notice}
                </p>
              )}
              <div className="off-tabs" role="tablist">
                {(['edit', 'preview', 'versions'] as const).map((k) =>
                  k === 'versions' && !current ? null : (
                    <button
                      key={k}
                      type="button"
                      role="tab"
                      className="off-tab"
                      aria-selected={tab === k}
                      onClick={() => setTab(k)}
                    >
                      {t(`admin.proc.tab.${k}`)}
                    </button>
                  ),
                )}
              </div>
              {tab === 'edit' && (
                <ProcedureEditor key={String(selected)} text={text} onText={setText} code={current?.code} onSaved={saved} />
              )}
              {tab === 'preview' && <ProcedureOutline text={text} />}
              {tab === 'versions' && current && (
                <ProcedureVersions
                  code={current.code}
                  currentVersion={current.currentVersion}
                  onOpen={(v) => void open(current.code, v)}
                />
              )}
            </>
          )}
        </div>
      </div>
    </section>
  );
}
