import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { type MessageKey, useI18n } from '../i18n';
import { ApiError, api, NetworkError } from '../shared/api';
import { HandoverDialog } from './HandoverDialog';

/**
 * Staff administration (/can-bo/can-bo): province and system administrators list, find, create,
 * edit and deactivate officer accounts. A new officer gets an SMS code to set their password.
 */
export const STAFF_ROLES = [
  'receiver',
  'specialist',
  'leader',
  'hotline',
  'report_reader',
  'province_admin',
  'system_admin',
] as const;
type StaffRole = (typeof STAFF_ROLES)[number];

interface Grant {
  role: StaffRole;
  agencyCode: string;
  agencyName?: string;
}
interface Staff {
  id: string;
  fullName: string;
  phone: string;
  email: string | null;
  active: boolean;
  onLeave?: boolean;
  roles: Grant[];
}
interface Agency {
  code: string;
  name: string;
  level: string;
}

export function StaffScreen({ canGrantSystemAdmin }: { canGrantSystemAdmin: boolean }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [answer, setAnswer] = useState<{ items: Staff[]; agencies: Agency[] } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [editing, setEditing] = useState<Staff | 'new' | undefined>();
  const [handingOver, setHandingOver] = useState<Staff | undefined>();

  const load = useCallback(
    (term: string) =>
      api<{ items: Staff[]; agencies: Agency[] }>(`/api/v1/admin/staff?q=${encodeURIComponent(term)}`)
        .then((a) => {
          setAnswer(a);
          setError(undefined);
        })
        .catch((e) => setError(e instanceof ApiError ? e.title : t('error.network'))),
    [t],
  );
  useEffect(() => {
    const timer = setTimeout(() => void load(q), 250);
    return () => clearTimeout(timer);
  }, [q, load]);

  async function act(s: Staff, what: 'deactivate' | 'password-code' | 'back-from-leave') {
    if (what === 'deactivate' && !window.confirm(t('officer.staff.confirmDeactivate', { name: s.fullName }))) return;
    try {
      await api(`/api/v1/admin/staff/${s.id}/${what}`, { method: 'POST', body: {} });
      const done = {
        deactivate: 'officer.staff.deactivated',
        'password-code': 'officer.staff.codeSent',
        'back-from-leave': 'officer.handover.backDone',
      } as const;
      setNotice(t(done[what], { name: s.fullName }));
      await load(q);
    } catch (e) {
      setNotice(e instanceof ApiError ? (e.errors[0]?.message ?? e.title) : t('error.network'));
    }
  }

  const roleLabel = (role: string) => t(`officer.staff.role.${role}` as MessageKey);
  return (
    <section className="off-staff">
      <div className="off-head">
        <h1>{t('officer.staff.title')}</h1>
        <button type="button" className="button primary slim" onClick={() => setEditing('new')}>
          {t('officer.staff.add')}
        </button>
      </div>
      <div className="off-filters">
        <label className="off-search">
          <span className="visually-hidden">{t('officer.staff.search')}</span>
          <input type="search" value={q} placeholder={t('officer.staff.search')} onChange={(e) => setQ(e.target.value)} />
        </label>
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {!answer && !error && <p className="muted">{t('common.loading')}</p>}
      {answer && answer.items.length === 0 && <p className="off-empty">{t('officer.staff.empty')}</p>}
      {answer && answer.items.length > 0 && (
        <div className="off-table-wrap">
          <table className="off-table">
            <thead>
              <tr>
                <th>
                  {t('officer.staff.name')} · {t('officer.staff.status')}
                </th>
                <th>{t('officer.staff.contact')}</th>
                <th>{t('officer.staff.roles')}</th>
                <th>
                  <span className="visually-hidden">{t('officer.staff.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {answer.items.map((s) => (
                <tr key={s.id}>
                  <td>
                    <strong>{s.fullName}</strong>
                    <div>
                      <span className={`status ${s.active ? 'ok' : 'warn'}`}>
                        {t(s.active ? 'officer.staff.active' : 'officer.staff.inactive')}
                      </span>
                      {s.onLeave && <span className="status warn"> {t('officer.handover.onLeave')}</span>}
                    </div>
                  </td>
                  <td>
                    {s.phone}
                    {s.email && (
                      <div>
                        <small className="muted">{s.email}</small>
                      </div>
                    )}
                  </td>
                  <td>
                    {s.roles.map((g) => (
                      <div key={`${g.role}@${g.agencyCode}`}>
                        {roleLabel(g.role)} <small className="muted">· {g.agencyName}</small>
                      </div>
                    ))}
                  </td>
                  <td>
                    {s.active && (
                      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, justifyContent: 'flex-end' }}>
                        <button type="button" className="button secondary slim" onClick={() => setEditing(s)}>
                          {t('officer.staff.edit')}
                        </button>
                        <button type="button" className="button secondary slim" onClick={() => void act(s, 'password-code')}>
                          {t('officer.staff.resendCode')}
                        </button>
                        {s.onLeave ? (
                          <button type="button" className="button secondary slim" onClick={() => void act(s, 'back-from-leave')}>
                            {t('officer.handover.back')}
                          </button>
                        ) : (
                          <button type="button" className="button secondary slim" onClick={() => setHandingOver(s)}>
                            {t('officer.handover.open')}
                          </button>
                        )}
                        <button type="button" className="button danger slim" onClick={() => void act(s, 'deactivate')}>
                          {t('officer.staff.deactivate')}
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
      {handingOver && (
        <HandoverDialog
          staff={handingOver}
          onClose={() => setHandingOver(undefined)}
          onDone={(m) => {
            setHandingOver(undefined);
            setNotice(m);
            void load(q);
          }}
        />
      )}
      {editing && answer && (
        <StaffDialog
          staff={editing === 'new' ? undefined : editing}
          agencies={answer.agencies}
          roles={STAFF_ROLES.filter((r) => r !== 'system_admin' || canGrantSystemAdmin)}
          onClose={() => setEditing(undefined)}
          onSaved={(s, created) => {
            setEditing(undefined);
            setNotice(t(created ? 'officer.staff.created' : 'officer.staff.saved', { name: s.fullName, phone: s.phone }));
            void load(q);
          }}
        />
      )}
    </section>
  );
}

function StaffDialog({
  staff,
  agencies,
  roles,
  onClose,
  onSaved,
}: {
  staff: Staff | undefined;
  agencies: Agency[];
  roles: readonly StaffRole[];
  onClose: () => void;
  onSaved: (s: Staff, created: boolean) => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [fullName, setFullName] = useState(staff?.fullName ?? '');
  const [phone, setPhone] = useState(staff?.phone ?? '');
  const [email, setEmail] = useState(staff?.email ?? '');
  // Each row keeps a key of its own: rows are removed from the middle.
  const nextKey = useRef(0);
  const row = (g: Grant) => ({ role: g.role, agencyCode: g.agencyCode, key: nextKey.current++ });
  const [grants, setGrants] = useState<(Grant & { key: number })[]>(() =>
    (staff?.roles ?? [{ role: 'specialist' as const, agencyCode: '' }]).map(row),
  );
  const [problem, setProblem] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const err = (field: string) => problem?.errors.find((e) => e.field === `body.${field}`)?.message;
  const setGrant = (i: number, change: Partial<Grant>) =>
    setGrants((gs) => gs.map((g, j) => (j === i ? { ...g, ...change } : g)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      const roles = grants.map((g) => ({ role: g.role, agencyCode: g.agencyCode }));
      const body = { fullName, phone, email: email.trim() || null, roles };
      const saved = await api<Staff>(staff ? `/api/v1/admin/staff/${staff.id}` : '/api/v1/admin/staff', {
        method: staff ? 'PUT' : 'POST',
        body,
      });
      onSaved(saved, !staff);
    } catch (x) {
      setProblem(x instanceof ApiError ? x : new ApiError(0, t(x instanceof NetworkError ? 'error.network' : 'error.generic')));
    } finally {
      setBusy(false);
    }
  }

  const input = (name: string, label: string, value: string, set: (v: string) => void, type = 'text') => (
    <div className={`field${err(name) ? ' has-error' : ''}`}>
      <label htmlFor={`${ids}-${name}`}>{label}</label>
      <input id={`${ids}-${name}`} type={type} value={value} onChange={(e) => set(e.target.value)} />
      {err(name) && <p className="error">{err(name)}</p>}
    </div>
  );

  return (
    <dialog ref={ref} className="off-dialog off-staff-dialog" onClose={onClose} aria-labelledby={`${ids}-title`}>
      <form onSubmit={submit} noValidate>
        <h2 id={`${ids}-title`}>{t(staff ? 'officer.staff.editTitle' : 'officer.staff.addTitle')}</h2>
        {problem && (
          <div className="alert" role="alert">
            <strong>{problem.title}</strong>
          </div>
        )}
        {input('fullName', t('officer.staff.name'), fullName, setFullName)}
        {input('phone', t('officer.staff.phone'), phone, setPhone, 'tel')}
        {input('email', t('officer.staff.email'), email, setEmail, 'email')}
        <fieldset className="field">
          <legend>{t('officer.staff.roles')}</legend>
          {grants.map((g, i) => (
            <div key={g.key} style={{ display: 'grid', gridTemplateColumns: '10rem 1fr auto', gap: 6, marginBottom: 6 }}>
              <select
                aria-label={t('officer.staff.role')}
                value={g.role}
                onChange={(e) => setGrant(i, { role: e.target.value as StaffRole })}
              >
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {t(`officer.staff.role.${r}` as MessageKey)}
                  </option>
                ))}
              </select>
              <select
                aria-label={t('officer.staff.agency')}
                value={g.agencyCode}
                onChange={(e) => setGrant(i, { agencyCode: e.target.value })}
              >
                <option value="">{t('officer.staff.pickAgency')}</option>
                {agencies.map((a) => (
                  <option key={a.code} value={a.code}>
                    {a.name}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="button secondary slim"
                aria-label={t('officer.staff.removeRole')}
                disabled={grants.length === 1}
                onClick={() => setGrants((gs) => gs.filter((_, j) => j !== i))}
              >
                ×
              </button>
              {(err(`roles.${i}.role`) || err(`roles.${i}.agencyCode`)) && (
                <p className="error" style={{ gridColumn: '1 / -1', margin: 0 }}>
                  {err(`roles.${i}.role`) ?? err(`roles.${i}.agencyCode`)}
                </p>
              )}
            </div>
          ))}
          {err('roles') && <p className="error">{err('roles')}</p>}
          <button
            type="button"
            className="button secondary slim"
            onClick={() => setGrants((gs) => [...gs, row({ role: 'specialist', agencyCode: gs.at(-1)?.agencyCode ?? '' })])}
          >
            {t('officer.staff.addRole')}
          </button>
        </fieldset>
        {!staff && <p className="hint">{t('officer.staff.codeHint')}</p>}
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
