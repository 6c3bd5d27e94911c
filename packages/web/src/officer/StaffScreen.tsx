import { OFFICER_ROLES, type OfficerRole } from '@dvc/domain/contract/auth';
import { type StaffList, StaffListView, type StaffMember, StaffView } from '@dvc/domain/contract/staff';
import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { type MessageKey, useI18n } from '../i18n';
import { type ApiError, api } from '../shared/api';
import { AdminDialog, AdminList, AdminPage, asProblem, failureLine, fieldError, RowActions, TextField } from './AdminScaffold';
import { HandoverDialog } from './HandoverDialog';

/**
 * Staff administration (/can-bo/can-bo): province and system administrators list, find, create,
 * edit and deactivate officer accounts. A new officer gets an SMS code to set their password.
 */
type StaffRole = OfficerRole;
type Staff = StaffMember;
type Agency = StaffList['agencies'][number];
/** A role being granted in the form: the agency's name comes with the saved answer. */
type Grant = Omit<StaffMember['roles'][number], 'agencyName'> & { agencyName?: string };

export function StaffScreen({ canGrantSystemAdmin }: { canGrantSystemAdmin: boolean }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [answer, setAnswer] = useState<StaffList | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [editing, setEditing] = useState<Staff | 'new' | undefined>();
  const [handingOver, setHandingOver] = useState<Staff | undefined>();

  const load = useCallback(
    (term: string) =>
      api(`/api/v1/admin/staff?q=${encodeURIComponent(term)}`, { schema: StaffListView })
        .then((a) => {
          setAnswer(a);
          setError(undefined);
        })
        .catch((e) => setError(asProblem(e, t).title)),
    [t],
  );
  useEffect(() => {
    const timer = setTimeout(() => void load(q), 250);
    return () => clearTimeout(timer);
  }, [q, load]);

  async function act(s: Staff, what: 'deactivate' | 'password-code' | 'back-from-leave') {
    if (what === 'deactivate' && !window.confirm(t('officer.staff.confirmDeactivate', { name: s.fullName }))) return;
    try {
      await api(`/api/v1/admin/staff/${s.id}/${what}`, { schema: StaffView, method: 'POST', body: {} });
      const done = {
        deactivate: 'officer.staff.deactivated',
        'password-code': 'officer.staff.codeSent',
        'back-from-leave': 'officer.handover.backDone',
      } as const;
      setNotice(t(done[what], { name: s.fullName }));
      await load(q);
    } catch (e) {
      setNotice(failureLine(e, t));
    }
  }

  const roleLabel = (role: string) => t(`officer.staff.role.${role}` as MessageKey);
  return (
    <AdminPage
      title={t('officer.staff.title')}
      notice={notice}
      error={error}
      action={
        <button type="button" className="button primary slim" onClick={() => setEditing('new')}>
          {t('officer.staff.add')}
        </button>
      }
    >
      <div className="off-admin-filters">
        <label className="off-search">
          <span className="visually-hidden">{t('officer.staff.search')}</span>
          <input type="search" value={q} placeholder={t('officer.staff.search')} onChange={(e) => setQ(e.target.value)} />
        </label>
      </div>
      <AdminList
        loaded={Boolean(answer) || Boolean(error)}
        empty={!answer || answer.items.length === 0}
        emptyText={answer ? t('officer.staff.empty') : undefined}
        actions
        columns={[
          `${t('officer.staff.name')} · ${t('officer.staff.status')}`,
          t('officer.staff.contact'),
          t('officer.staff.roles'),
        ]}
      >
        {answer?.items.map((s) => (
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
            <td className="off-actions-cell">
              {s.active && (
                <RowActions
                  more={
                    <>
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
                    </>
                  }
                >
                  <button type="button" className="button secondary slim" onClick={() => setEditing(s)}>
                    {t('officer.staff.edit')}
                  </button>
                </RowActions>
              )}
            </td>
          </tr>
        ))}
      </AdminList>
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
          roles={OFFICER_ROLES.filter((r) => r !== 'system_admin' || canGrantSystemAdmin)}
          onClose={() => setEditing(undefined)}
          onSaved={(s, created) => {
            setEditing(undefined);
            setNotice(t(created ? 'officer.staff.created' : 'officer.staff.saved', { name: s.fullName, phone: s.phone }));
            void load(q);
          }}
        />
      )}
    </AdminPage>
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
      const saved = await api(staff ? `/api/v1/admin/staff/${staff.id}` : '/api/v1/admin/staff', {
        schema: StaffView,
        method: staff ? 'PUT' : 'POST',
        body,
      });
      onSaved(saved, !staff);
    } catch (x) {
      setProblem(asProblem(x, t));
    } finally {
      setBusy(false);
    }
  }

  const input = (name: 'fullName' | 'phone' | 'email', label: string, value: string, set: (v: string) => void, type = 'text') => (
    <TextField id={`${ids}-${name}`} label={label} value={value} onChange={set} type={type} error={fieldError(problem, name)} />
  );

  return (
    <AdminDialog
      title={t(staff ? 'officer.staff.editTitle' : 'officer.staff.addTitle')}
      problem={problem}
      busy={busy}
      submitLabel={t('officer.staff.save')}
      onClose={onClose}
      onSubmit={submit}
    >
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
    </AdminDialog>
  );
}
