import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { ApiError, api } from '../shared/api';

/**
 * Handover of an officer's open dossiers to another active specialist of the same agency, when they
 * go on leave or their work is reassigned. The server refuses anyone else (422) and records each move.
 */
export function HandoverDialog({
  staff,
  onClose,
  onDone,
}: {
  staff: { id: string; fullName: string; roles: { agencyCode: string; agencyName?: string }[] };
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const agencies = [...new Map(staff.roles.map((r) => [r.agencyCode, r.agencyName ?? r.agencyCode])).entries()];
  const [agencyCode, setAgencyCode] = useState(agencies[0]?.[0] ?? '');
  const [colleagues, setColleagues] = useState<{ id: string; fullName: string }[]>([]);
  const [toUserId, setToUserId] = useState('');
  const [leave, setLeave] = useState(true);
  const [problem, setProblem] = useState<string | undefined>();

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  useEffect(() => {
    if (!agencyCode) return;
    api<{ items: { id: string; fullName: string }[] }>(
      `/api/v1/officer/agencies/${encodeURIComponent(agencyCode)}/staff?role=specialist`,
    )
      .then((r) => setColleagues(r.items.filter((c) => c.id !== staff.id)))
      .catch(() => setColleagues([]));
  }, [agencyCode, staff.id]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(undefined);
    try {
      const r = await api<{ moved: string[]; kept: { code: string; reason: string }[] }>(
        `/api/v1/admin/staff/${staff.id}/handover`,
        {
          method: 'POST',
          body: { toUserId: toUserId || null, agencyCode, leave },
        },
      );
      onDone(t('officer.handover.done', { name: staff.fullName, moved: r.moved.length, kept: r.kept.length }));
    } catch (x) {
      setProblem(x instanceof ApiError ? (x.errors[0]?.message ?? x.title) : t('error.network'));
    }
  }

  return (
    <dialog ref={ref} className="off-dialog off-staff-dialog" onClose={onClose} aria-labelledby={`${ids}-title`}>
      <form onSubmit={submit} noValidate>
        <h2 id={`${ids}-title`}>{t('officer.handover.title', { name: staff.fullName })}</h2>
        {problem && (
          <p className="alert" role="alert">
            {problem}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${ids}-agency`}>{t('officer.staff.agency')}</label>
          <select id={`${ids}-agency`} value={agencyCode} onChange={(e) => setAgencyCode(e.target.value)}>
            {agencies.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-to`}>{t('officer.handover.to')}</label>
          <select id={`${ids}-to`} value={toUserId} onChange={(e) => setToUserId(e.target.value)}>
            <option value="">{t('officer.handover.nobody')}</option>
            {colleagues.map((c) => (
              <option key={c.id} value={c.id}>
                {c.fullName}
              </option>
            ))}
          </select>
        </div>
        <label>
          <input type="checkbox" checked={leave} onChange={(e) => setLeave(e.target.checked)} /> {t('officer.handover.leave')}
        </label>
        <div className="off-dialog-actions">
          <button type="button" className="button secondary slim" onClick={() => ref.current?.close()}>
            {t('officer.cancel')}
          </button>
          <button type="submit" className="button primary slim">
            {t('officer.handover.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
