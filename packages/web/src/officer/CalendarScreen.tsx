import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { useI18n } from '../i18n';
import { type ApiError, api } from '../shared/api';
import { AdminForm, AdminList, AdminPage, AdminTable, asProblem, failureLine, RowActions, TextField } from './AdminScaffold';

/**
 * The working calendar (/can-bo/lich-lam-viec): the government's yearly swaps and extra days off,
 * edited by the province's administrators. A change does not move due dates already given: its
 * answer lists the running dossiers whose due date it would change, shown here.
 */
interface Override {
  date: string;
  kind: 'day_off' | 'working_day';
  name: string;
  source: string;
  needsVerification: boolean;
}
interface Year {
  year: number;
  daysOff: { date: string; name: string; kind: string }[];
  workingDays: { date: string; name: string }[];
  overrides: Override[];
}
interface Affected {
  code: string;
  procedureCode: string;
  agencyCode: string;
  applicantName: string;
  dueAt: string;
  dueAtWithChange: string;
}

const vnDateTime = (iso: string) =>
  new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });

export function CalendarScreen() {
  const { t } = useI18n();
  const ids = useId();
  const [year, setYear] = useState(new Date().getFullYear());
  const [data, setData] = useState<Year | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [affected, setAffected] = useState<Affected[] | undefined>();
  const [form, setForm] = useState({ date: '', kind: 'day_off', name: '', source: '' });
  const [problem, setProblem] = useState<ApiError | undefined>();

  const load = useCallback(
    () =>
      api<Year>(`/api/v1/calendar?year=${year}`)
        .then(setData)
        .catch(() => setNotice(t('error.network'))),
    [year, t],
  );
  useEffect(() => void load(), [load]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setProblem(undefined);
    try {
      const r = await api<{ affectedDossiers: Affected[] }>(`/api/v1/calendar/overrides/${form.date}`, {
        method: 'PUT',
        body: { kind: form.kind, name: form.name, source: form.source || undefined },
      });
      setAffected(r.affectedDossiers);
      setNotice(t('officer.cal.saved', { date: form.date }));
      await load();
    } catch (x) {
      setProblem(asProblem(x, t));
    }
  }

  async function remove(o: Override) {
    if (!window.confirm(t('officer.cal.confirmRemove', { date: o.date, name: o.name }))) return;
    try {
      const r = await api<{ affectedDossiers: Affected[] }>(`/api/v1/calendar/overrides/${o.date}`, { method: 'DELETE' });
      setAffected(r.affectedDossiers);
      setNotice(t('officer.cal.removed', { date: o.date }));
      await load();
    } catch (x) {
      setNotice(failureLine(x, t));
    }
  }

  const err = (f: string) => problem?.errors.find((e) => e.field === `body.${f}` || e.field === `params.${f}`)?.message;
  return (
    <AdminPage
      title={t('officer.cal.title')}
      notice={notice}
      action={
        <label className="off-admin-year">
          {t('officer.cal.year')}
          <input type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} />
        </label>
      }
    >
      {affected && (
        <div className="off-table-wrap" aria-live="polite">
          <h2>{t('officer.cal.affectedTitle', { n: affected.length })}</h2>
          <p className="hint">{t('officer.cal.affectedHint')}</p>
          {affected.length > 0 && (
            <AdminTable columns={[t('officer.cal.dossier'), t('officer.cal.dueNow'), t('officer.cal.dueWithChange')]}>
              {affected.map((d) => (
                <tr key={d.code}>
                  <td>
                    <a href={`/can-bo/ho-so/${encodeURIComponent(d.code)}`}>{d.code}</a>
                    <div>
                      <small className="muted">
                        {d.applicantName} · {d.agencyCode}
                      </small>
                    </div>
                  </td>
                  <td>{vnDateTime(d.dueAt)}</td>
                  <td>{vnDateTime(d.dueAtWithChange)}</td>
                </tr>
              ))}
            </AdminTable>
          )}
        </div>
      )}
      <AdminForm onSubmit={save} problem={problem} submitLabel={t('officer.cal.save')}>
        <TextField
          id={`${ids}-date`}
          type="date"
          label={t('officer.cal.date')}
          value={form.date}
          invalid={Boolean(err('date'))}
          onChange={(date) => setForm({ ...form, date })}
        />
        <div className="field">
          <label htmlFor={`${ids}-kind`}>{t('officer.cal.kind')}</label>
          <select id={`${ids}-kind`} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
            <option value="day_off">{t('officer.cal.dayOff')}</option>
            <option value="working_day">{t('officer.cal.workingDay')}</option>
          </select>
        </div>
        <TextField
          id={`${ids}-name`}
          label={t('officer.cal.name')}
          value={form.name}
          invalid={Boolean(err('name'))}
          onChange={(name) => setForm({ ...form, name })}
        />
        <TextField
          id={`${ids}-source`}
          label={t('officer.cal.source')}
          value={form.source}
          grow
          onChange={(source) => setForm({ ...form, source })}
        />
      </AdminForm>
      <AdminList
        loaded={Boolean(data)}
        actions
        columns={[t('officer.cal.date'), t('officer.cal.name'), t('officer.cal.source')]}
        footer={
          data && <p className="hint">{t('officer.cal.daysOffCount', { n: data.daysOff.length, w: data.workingDays.length })}</p>
        }
      >
        {data?.overrides.map((o) => (
          <tr key={o.date}>
            <td>
              {o.date}
              <div>
                <span className={`status ${o.kind === 'day_off' ? 'warn' : 'ok'}`}>
                  {t(o.kind === 'day_off' ? 'officer.cal.dayOff' : 'officer.cal.workingDay')}
                </span>
              </div>
            </td>
            <td>
              {o.name}
              {o.needsVerification && (
                <div>
                  <small className="muted">{t('officer.cal.toVerify')}</small>
                </div>
              )}
            </td>
            <td>
              <small>{o.source}</small>
            </td>
            <td className="off-actions-cell">
              <RowActions>
                <button
                  type="button"
                  className="button secondary slim"
                  onClick={() => setForm({ date: o.date, kind: o.kind, name: o.name, source: o.source })}
                >
                  {t('officer.staff.edit')}
                </button>
                <button type="button" className="button danger slim" onClick={() => void remove(o)}>
                  {t('officer.cal.remove')}
                </button>
              </RowActions>
            </td>
          </tr>
        ))}
      </AdminList>
    </AdminPage>
  );
}
