import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { useI18n } from '../i18n';
import { ApiError, api } from '../shared/api';

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
      setProblem(x instanceof ApiError ? x : new ApiError(0, t('error.network')));
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
      setNotice(x instanceof ApiError ? x.title : t('error.network'));
    }
  }

  const err = (f: string) => problem?.errors.find((e) => e.field === `body.${f}` || e.field === `params.${f}`)?.message;
  return (
    <section className="off-staff">
      <div className="off-head">
        <h1>{t('officer.cal.title')}</h1>
        <label>
          {t('officer.cal.year')}{' '}
          <input
            type="number"
            min={2000}
            max={2100}
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
            style={{ width: '6rem' }}
          />
        </label>
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {affected && (
        <div className="off-table-wrap" aria-live="polite">
          <h2>{t('officer.cal.affectedTitle', { n: affected.length })}</h2>
          <p className="hint">{t('officer.cal.affectedHint')}</p>
          {affected.length > 0 && (
            <table className="off-table">
              <thead>
                <tr>
                  <th>{t('officer.cal.dossier')}</th>
                  <th>{t('officer.cal.dueNow')}</th>
                  <th>{t('officer.cal.dueWithChange')}</th>
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          )}
        </div>
      )}
      <form onSubmit={save} noValidate className="off-filters" style={{ flexWrap: 'wrap', alignItems: 'flex-end', gap: 8 }}>
        {problem && (
          <p className="alert" role="alert" style={{ flexBasis: '100%' }}>
            {problem.title}
            {problem.errors.length > 0 ? `: ${problem.errors.map((x) => x.message).join('; ')}` : ''}
          </p>
        )}
        <div className={`field${err('date') ? ' has-error' : ''}`}>
          <label htmlFor={`${ids}-date`}>{t('officer.cal.date')}</label>
          <input id={`${ids}-date`} type="date" value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-kind`}>{t('officer.cal.kind')}</label>
          <select id={`${ids}-kind`} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
            <option value="day_off">{t('officer.cal.dayOff')}</option>
            <option value="working_day">{t('officer.cal.workingDay')}</option>
          </select>
        </div>
        <div className={`field${err('name') ? ' has-error' : ''}`}>
          <label htmlFor={`${ids}-name`}>{t('officer.cal.name')}</label>
          <input id={`${ids}-name`} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-source`}>{t('officer.cal.source')}</label>
          <input id={`${ids}-source`} value={form.source} onChange={(e) => setForm({ ...form, source: e.target.value })} />
        </div>
        <button type="submit" className="button primary slim">
          {t('officer.cal.save')}
        </button>
      </form>
      {!data && <p className="muted">{t('common.loading')}</p>}
      {data && (
        <div className="off-table-wrap">
          <table className="off-table">
            <thead>
              <tr>
                <th>{t('officer.cal.date')}</th>
                <th>{t('officer.cal.name')}</th>
                <th>{t('officer.cal.source')}</th>
                <th>
                  <span className="visually-hidden">{t('officer.staff.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.overrides.map((o) => (
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
                  <td style={{ textAlign: 'right' }}>
                    <button
                      type="button"
                      className="button secondary slim"
                      onClick={() => setForm({ date: o.date, kind: o.kind, name: o.name, source: o.source })}
                    >
                      {t('officer.staff.edit')}
                    </button>{' '}
                    <button type="button" className="button danger slim" onClick={() => void remove(o)}>
                      {t('officer.cal.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">{t('officer.cal.daysOffCount', { n: data.daysOff.length, w: data.workingDays.length })}</p>
        </div>
      )}
    </section>
  );
}
