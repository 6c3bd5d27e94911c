import { HandoverView, StaffPickListView } from '@dvc/domain/contract/staff';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useI18n } from '../i18n';
import { api } from '../shared/api';
import { AdminDialog, failureLine } from './AdminScaffold';

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
  const ids = useId();
  const agencies = [...new Map(staff.roles.map((r) => [r.agencyCode, r.agencyName ?? r.agencyCode])).entries()];
  const [agencyCode, setAgencyCode] = useState(agencies[0]?.[0] ?? '');
  const [colleagues, setColleagues] = useState<{ id: string; fullName: string }[]>([]);
  const [toUserId, setToUserId] = useState('');
  const [leave, setLeave] = useState(true);
  const [problem, setProblem] = useState<string | undefined>();

  useEffect(() => {
    if (!agencyCode) return;
    api(`/api/v1/officer/agencies/${encodeURIComponent(agencyCode)}/staff?role=specialist`, { schema: StaffPickListView })
      .then((r) => setColleagues(r.items.filter((c) => c.id !== staff.id)))
      .catch(() => setColleagues([]));
  }, [agencyCode, staff.id]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(undefined);
    try {
      const r = await api(`/api/v1/admin/staff/${staff.id}/handover`, {
        schema: HandoverView,
        method: 'POST',
        body: { toUserId: toUserId || null, agencyCode, leave },
      });
      onDone(t('officer.handover.done', { name: staff.fullName, moved: r.moved.length, kept: r.kept.length }));
    } catch (x) {
      setProblem(failureLine(x, t));
    }
  }

  return (
    <AdminDialog
      title={t('officer.handover.title', { name: staff.fullName })}
      error={problem}
      submitLabel={t('officer.handover.submit')}
      onClose={onClose}
      onSubmit={submit}
    >
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
      <label className="off-check">
        <input type="checkbox" checked={leave} onChange={(e) => setLeave(e.target.checked)} />
        {t('officer.handover.leave')}
      </label>
    </AdminDialog>
  );
}
