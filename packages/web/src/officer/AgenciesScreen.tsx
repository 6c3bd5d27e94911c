import { type Agency, type AgencyList, AgencyListView, AgencyView } from '@dvc/domain/contract/organisation';
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { useI18n } from '../i18n';
import { type ApiError, api } from '../shared/api';
import { AdminDialog, AdminList, AdminPage, asProblem, failureLine, fieldError, RowActions, TextField } from './AdminScaffold';

/**
 * Agencies and their one-stop desks (/can-bo/co-quan): the province's administrators create,
 * rename and close agencies. A closed agency stays listed (with "Gồm cơ quan đã ngừng") for its history.
 */
export function AgenciesScreen() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [includeClosed, setIncludeClosed] = useState(false);
  const [answer, setAnswer] = useState<AgencyList | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [editing, setEditing] = useState<Agency | 'new' | undefined>();

  const load = useCallback(
    () =>
      api(`/api/v1/admin/agencies?q=${encodeURIComponent(q)}&includeClosed=${includeClosed}`, { schema: AgencyListView })
        .then(setAnswer)
        .catch((e) => setNotice(failureLine(e, t))),
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
      await api(`/api/v1/admin/agencies/${encodeURIComponent(a.code)}/close`, {
        schema: AgencyView,
        method: 'POST',
        body: { validTo },
      });
      setNotice(t('officer.org.closed', { name: a.name }));
      await load();
    } catch (e) {
      setNotice(failureLine(e, t));
    }
  }

  return (
    <AdminPage
      title={t('officer.org.title')}
      notice={notice}
      action={
        <button type="button" className="button primary slim" onClick={() => setEditing('new')}>
          {t('officer.org.add')}
        </button>
      }
    >
      <div className="off-admin-filters">
        <label className="off-search">
          <span className="visually-hidden">{t('officer.org.search')}</span>
          <input type="search" value={q} placeholder={t('officer.org.search')} onChange={(e) => setQ(e.target.value)} />
        </label>
        <label className="off-check">
          <input type="checkbox" checked={includeClosed} onChange={(e) => setIncludeClosed(e.target.checked)} />
          {t('officer.org.includeClosed')}
        </label>
      </div>
      <AdminList
        loaded={Boolean(answer)}
        actions
        columns={[t('officer.org.name'), t('officer.org.kind'), t('officer.org.desk'), t('officer.org.period')]}
      >
        {answer?.items.map((a) => (
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
                  {(a.officeHours?.periods ?? []).map((p) => `${p.start}–${p.end}`).join(', ') || t('officer.org.defaultHours')}
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
            <td className="off-actions-cell">
              {a.validTo === null && (
                <RowActions>
                  <button type="button" className="button secondary slim" onClick={() => setEditing(a)}>
                    {t('officer.staff.edit')}
                  </button>
                  <button type="button" className="button danger slim" onClick={() => void close(a)}>
                    {t('officer.org.close')}
                  </button>
                </RowActions>
              )}
            </td>
          </tr>
        ))}
      </AdminList>
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
    </AdminPage>
  );
}

function AgencyDialog({
  agency,
  kinds,
  onClose,
  onSaved,
}: {
  agency: Agency | undefined;
  kinds: AgencyList['kinds'];
  onClose: () => void;
  onSaved: (a: Agency) => void;
}) {
  const { t } = useI18n();
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
        ? await api(`/api/v1/admin/agencies/${encodeURIComponent(agency.code)}`, { schema: AgencyView, method: 'PUT', body })
        : await api('/api/v1/admin/agencies', { schema: AgencyView, method: 'POST', body: { ...body, code: f.code.trim() } });
      onSaved(saved);
    } catch (x) {
      setProblem(asProblem(x, t));
    } finally {
      setBusy(false);
    }
  }

  const field = (k: keyof typeof f, label: string, errKey: string = k, hint?: string) => (
    <TextField
      id={`${ids}-${k}`}
      label={label}
      value={f[k]}
      onChange={(value) => setF((x) => ({ ...x, [k]: value }))}
      disabled={k === 'code' && Boolean(agency)}
      error={fieldError(problem, errKey)}
      hint={hint}
    />
  );

  return (
    <AdminDialog
      title={t(agency ? 'officer.org.editTitle' : 'officer.org.addTitle')}
      problem={problem}
      busy={busy}
      submitLabel={t('officer.staff.save')}
      wide
      onClose={onClose}
      onSubmit={submit}
    >
      {field('code', t('officer.org.code'))}
      {field('name', t('officer.org.name'))}
      <div className="field">
        <label htmlFor={`${ids}-kind`}>{t('officer.org.kind')}</label>
        <select id={`${ids}-kind`} value={f.kind} onChange={(e) => setF((x) => ({ ...x, kind: e.target.value }))}>
          {kinds.map((k) => (
            <option key={k.code} value={k.code}>
              {k.name}
            </option>
          ))}
        </select>
      </div>
      {field('unitCode', t('officer.org.unit'), 'unitCode', t('officer.org.unitHint'))}
      {field('parentCode', t('officer.org.parent'))}
      {field('codePrefix', t('officer.org.codePrefix'), 'codePrefix', t('officer.admin.codePrefixHint'))}
      {field('deskName', t('officer.org.deskName'), 'desk')}
      {field('deskAddress', t('officer.org.deskAddress'), 'desk.address')}
      {field('deskPhone', t('officer.org.deskPhone'), 'desk.phone')}
      {field('hours', t('officer.org.hours'), 'officeHours', t('officer.org.hoursHint'))}
    </AdminDialog>
  );
}
