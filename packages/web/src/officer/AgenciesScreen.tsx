import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { ApiError, api } from '../shared/api';

/**
 * Agencies and their one-stop desks (/can-bo/co-quan): the province's administrators create,
 * rename and close agencies. A closed agency stays listed (with "Gồm cơ quan đã ngừng") for its history.
 */
interface Period {
  start: string;
  end: string;
}
export interface Agency {
  code: string;
  name: string;
  kind: string;
  kindName: string;
  unitCode: string;
  unitName: string | null;
  parentCode: string | null;
  parentName: string | null;
  codePrefix: string;
  desk: { name: string; address: string; phone: string } | null;
  officeHours: { periods: Period[] } | null;
  validFrom: string | null;
  validTo: string | null;
  open: boolean;
  staffCount: number;
}
interface Answer {
  items: Agency[];
  kinds: { code: string; name: string }[];
}

const message = (e: unknown, fallback: string) => (e instanceof ApiError ? (e.errors[0]?.message ?? e.title) : fallback);

export function AgenciesScreen() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [includeClosed, setIncludeClosed] = useState(false);
  const [answer, setAnswer] = useState<Answer | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [editing, setEditing] = useState<Agency | 'new' | undefined>();

  const load = useCallback(
    () =>
      api<Answer>(`/api/v1/admin/agencies?q=${encodeURIComponent(q)}&includeClosed=${includeClosed}`)
        .then(setAnswer)
        .catch((e) => setNotice(message(e, t('error.network')))),
    [q, includeClosed, t],
  );
  useEffect(() => {
    const timer = setTimeout(() => void load(), 250);
    return () => clearTimeout(timer);
  }, [load]);

  async function close(a: Agency) {
    const validTo = window.prompt(t('officer.org.closePrompt', { name: a.name }), new Date().toISOString().slice(0, 10));
    if (!validTo) return;
    try {
      await api(`/api/v1/admin/agencies/${encodeURIComponent(a.code)}/close`, { method: 'POST', body: { validTo } });
      setNotice(t('officer.org.closed', { name: a.name }));
      await load();
    } catch (e) {
      setNotice(message(e, t('error.network')));
    }
  }

  return (
    <section className="off-staff">
      <div className="off-head">
        <h1>{t('officer.org.title')}</h1>
        <button type="button" className="button primary slim" onClick={() => setEditing('new')}>
          {t('officer.org.add')}
        </button>
      </div>
      <div className="off-filters">
        <label className="off-search">
          <span className="visually-hidden">{t('officer.org.search')}</span>
          <input type="search" value={q} placeholder={t('officer.org.search')} onChange={(e) => setQ(e.target.value)} />
        </label>
        <label>
          <input type="checkbox" checked={includeClosed} onChange={(e) => setIncludeClosed(e.target.checked)} />{' '}
          {t('officer.org.includeClosed')}
        </label>
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {!answer && <p className="muted">{t('common.loading')}</p>}
      {answer && (
        <div className="off-table-wrap">
          <table className="off-table">
            <thead>
              <tr>
                <th>{t('officer.org.name')}</th>
                <th>{t('officer.org.kind')}</th>
                <th>{t('officer.org.desk')}</th>
                <th>{t('officer.org.period')}</th>
                <th>
                  <span className="visually-hidden">{t('officer.staff.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {answer.items.map((a) => (
                <tr key={a.code}>
                  <td>
                    <strong>{a.name}</strong>
                    <div>
                      <small className="muted">
                        {a.code} · {a.unitName ?? a.unitCode}
                        {a.parentName ? ` · ${t('officer.org.under')} ${a.parentName}` : ''}
                      </small>
                    </div>
                  </td>
                  <td>
                    {a.kindName}
                    <div>
                      <small className="muted">{t('officer.org.staffCount', { n: a.staffCount })}</small>
                    </div>
                  </td>
                  <td>
                    {a.desk?.name ?? '—'}
                    <div>
                      <small className="muted">
                        {(a.officeHours?.periods ?? []).map((p) => `${p.start}–${p.end}`).join(', ') ||
                          t('officer.org.defaultHours')}
                      </small>
                    </div>
                  </td>
                  <td>
                    <span className={`status ${a.open ? 'ok' : 'warn'}`}>
                      {t(a.open ? 'officer.org.open' : 'officer.org.closedStatus')}
                    </span>
                    <div>
                      <small className="muted">
                        {a.validFrom ?? '…'} → {a.validTo ?? '…'}
                      </small>
                    </div>
                  </td>
                  <td>
                    {a.validTo === null && (
                      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, justifyContent: 'flex-end' }}>
                        <button type="button" className="button secondary slim" onClick={() => setEditing(a)}>
                          {t('officer.staff.edit')}
                        </button>
                        <button type="button" className="button danger slim" onClick={() => void close(a)}>
                          {t('officer.org.close')}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && answer && (
        <AgencyDialog
          agency={editing === 'new' ? undefined : editing}
          kinds={answer.kinds}
          onClose={() => setEditing(undefined)}
          onSaved={(a) => {
            setEditing(undefined);
            setNotice(t('officer.org.saved', { name: a.name }));
            void load();
          }}
        />
      )}
    </section>
  );
}

function AgencyDialog({
  agency,
  kinds,
  onClose,
  onSaved,
}: {
  agency: Agency | undefined;
  kinds: Answer['kinds'];
  onClose: () => void;
  onSaved: (a: Agency) => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [f, setF] = useState({
    code: agency?.code ?? '',
    name: agency?.name ?? '',
    kind: agency?.kind ?? 'other',
    unitCode: agency?.unitCode ?? '51',
    parentCode: agency?.parentCode ?? '',
    codePrefix: agency?.codePrefix ?? '',
    deskName: agency?.desk?.name ?? '',
    deskAddress: agency?.desk?.address ?? '',
    deskPhone: agency?.desk?.phone ?? '',
    hours: (agency?.officeHours?.periods ?? []).map((p) => `${p.start}-${p.end}`).join(', '),
  });
  const [problem, setProblem] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value }));
  const err = (field: string) =>
    problem?.errors.filter((e) => e.field === `body.${field}` || e.field.startsWith(`body.${field}.`)).map((e) => e.message)[0];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblem(undefined);
    const periods = f.hours
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => {
        const [start = '', end = ''] = s.split('-').map((x) => x.trim());
        return { start, end };
      });
    const body = {
      name: f.name,
      kind: f.kind,
      unitCode: f.unitCode.trim(),
      parentCode: f.parentCode.trim() || null,
      codePrefix: f.codePrefix.trim() || null,
      desk: f.deskName.trim() ? { name: f.deskName, address: f.deskAddress, phone: f.deskPhone } : null,
      officeHours: periods.length > 0 ? { periods } : null,
    };
    try {
      const saved = agency
        ? await api<Agency>(`/api/v1/admin/agencies/${encodeURIComponent(agency.code)}`, { method: 'PUT', body })
        : await api<Agency>('/api/v1/admin/agencies', { method: 'POST', body: { ...body, code: f.code.trim() } });
      onSaved(saved);
    } catch (x) {
      setProblem(x instanceof ApiError ? x : new ApiError(0, t('error.network')));
    } finally {
      setBusy(false);
    }
  }

  const field = (k: keyof typeof f, label: string, errKey: string = k, hint?: string) => (
    <div className={`field${err(errKey) ? ' has-error' : ''}`}>
      <label htmlFor={`${ids}-${k}`}>{label}</label>
      <input id={`${ids}-${k}`} value={f[k]} onChange={set(k)} disabled={k === 'code' && Boolean(agency)} />
      {hint && <p className="hint">{hint}</p>}
      {err(errKey) && <p className="error">{err(errKey)}</p>}
    </div>
  );

  return (
    <dialog ref={ref} className="off-dialog off-staff-dialog" onClose={onClose} aria-labelledby={`${ids}-title`}>
      <form onSubmit={submit} noValidate>
        <h2 id={`${ids}-title`}>{t(agency ? 'officer.org.editTitle' : 'officer.org.addTitle')}</h2>
        {problem && (
          <div className="alert" role="alert">
            <strong>{problem.title}</strong>
          </div>
        )}
        {field('code', t('officer.org.code'))}
        {field('name', t('officer.org.name'))}
        <div className="field">
          <label htmlFor={`${ids}-kind`}>{t('officer.org.kind')}</label>
          <select id={`${ids}-kind`} value={f.kind} onChange={set('kind')}>
            {kinds.map((k) => (
              <option key={k.code} value={k.code}>
                {k.name}
              </option>
            ))}
          </select>
        </div>
        {field('unitCode', t('officer.org.unit'), 'unitCode', t('officer.org.unitHint'))}
        {field('parentCode', t('officer.org.parent'))}
        {field('codePrefix', t('officer.org.codePrefix'))}
        {field('deskName', t('officer.org.deskName'), 'desk')}
        {field('deskAddress', t('officer.org.deskAddress'), 'desk.address')}
        {field('deskPhone', t('officer.org.deskPhone'), 'desk.phone')}
        {field('hours', t('officer.org.hours'), 'officeHours', t('officer.org.hoursHint'))}
        <div className="off-dialog-actions">
          <button type="button" className="button secondary slim" onClick={() => ref.current?.close()}>
            {t('officer.cancel')}
          </button>
          <button type="submit" className="button primary slim" disabled={busy}>
            {busy ? t('common.sending') : t('officer.staff.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
