import {
  type AdminSubjectRequest,
  AdminSubjectRequestListView,
  AdminSubjectRequestView,
  type OfficerRead,
  OfficerReadListView,
  type ReadsPerOfficer,
  ReadsPerOfficerView,
} from '@dvc/domain/contract/privacy';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { api } from '../shared/api';
import { AdminList, AdminPage, failureLine } from './AdminScaffold';

/**
 * Personal data (/can-bo/du-lieu-ca-nhan, issue 20): officers' reads from the access log, per officer
 * and one officer's own list, and the data subjects' requests to answer. Province administrators only.
 */
const vnDateTime = (iso: string) =>
  new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });

export function PrivacyScreen() {
  const { t } = useI18n();
  const [per, setPer] = useState<ReadsPerOfficer[] | undefined>();
  const [chosen, setChosen] = useState<ReadsPerOfficer | undefined>();
  const [reads, setReads] = useState<OfficerRead[] | undefined>();
  const [requests, setRequests] = useState<AdminSubjectRequest[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();

  const load = useCallback(() => {
    api('/api/v1/admin/privacy/reads/by-officer', { schema: ReadsPerOfficerView })
      .then((r) => setPer(r.items))
      .catch((e) => setError(failureLine(e, t)));
    api('/api/v1/admin/privacy/requests?status=open', { schema: AdminSubjectRequestListView })
      .then((r) => setRequests(r.items))
      .catch((e) => setError(failureLine(e, t)));
  }, [t]);
  useEffect(load, [load]);

  useEffect(() => {
    if (!chosen) return;
    setReads(undefined);
    api(`/api/v1/admin/privacy/reads?officerId=${chosen.officerId}&limit=200`, { schema: OfficerReadListView })
      .then((r) => setReads(r.items))
      .catch((e) => setError(failureLine(e, t)));
  }, [chosen, t]);

  async function answer(code: string, decision: 'done' | 'refused') {
    const text = window.prompt(t('privacy.admin.answerPrompt'));
    if (!text) return;
    try {
      await api(`/api/v1/admin/privacy/requests/${encodeURIComponent(code)}/answer`, {
        schema: AdminSubjectRequestView,
        method: 'POST',
        body: { decision, answer: text },
      });
      setNotice(t('privacy.admin.answered', { code }));
      load();
    } catch (e) {
      setError(failureLine(e, t));
    }
  }

  return (
    <AdminPage title={t('privacy.admin.title')} notice={notice} error={error}>
      <h2>{t('privacy.admin.requests')}</h2>
      <AdminList
        loaded={requests !== undefined}
        empty={requests?.length === 0}
        emptyText={t('privacy.admin.noRequests')}
        columns={[t('privacy.admin.code'), t('privacy.request.kind'), t('privacy.request.detail'), t('privacy.admin.due'), '']}
      >
        {requests?.map((r) => (
          <tr key={r.code}>
            <td>{r.code}</td>
            <td>{t(r.kind === 'deletion' ? 'privacy.request.deletion' : 'privacy.request.correction')}</td>
            <td>{r.detail}</td>
            <td className={r.overdue ? 'bad' : undefined}>{vnDateTime(r.dueAt)}</td>
            <td>
              <button type="button" className="button slim" onClick={() => answer(r.code, 'done')}>
                {t('privacy.admin.done')}
              </button>{' '}
              <button type="button" className="button secondary slim" onClick={() => answer(r.code, 'refused')}>
                {t('privacy.admin.refuse')}
              </button>
            </td>
          </tr>
        ))}
      </AdminList>

      <h2>{t('privacy.admin.reads')}</h2>
      <AdminList
        loaded={per !== undefined}
        empty={per?.length === 0}
        emptyText={t('privacy.admin.noReads')}
        columns={[t('privacy.admin.officer'), t('privacy.admin.readCount'), t('privacy.admin.people'), t('privacy.admin.lastAt')]}
      >
        {per?.map((p) => (
          <tr key={p.officerId}>
            <td>
              <button type="button" className="linklike" onClick={() => setChosen(p)}>
                {p.officerName ?? p.officerId}
              </button>
            </td>
            <td>{p.reads}</td>
            <td>{p.people}</td>
            <td>{vnDateTime(p.lastAt)}</td>
          </tr>
        ))}
      </AdminList>

      {chosen && (
        <>
          <h2>{t('privacy.admin.readsOf', { name: chosen.officerName ?? chosen.officerId })}</h2>
          <AdminList
            loaded={reads !== undefined}
            empty={reads?.length === 0}
            emptyText={t('privacy.admin.noReads')}
            columns={[t('privacy.admin.lastAt'), t('privacy.admin.record'), t('privacy.admin.route')]}
          >
            {reads?.map((r) => (
              <tr key={r.id}>
                <td>{vnDateTime(r.at)}</td>
                <td>
                  {r.recordType} · {r.recordId}
                </td>
                <td>
                  {r.route}
                  {r.screen ? ` (${r.screen})` : ''}
                </td>
              </tr>
            ))}
          </AdminList>
        </>
      )}
    </AdminPage>
  );
}
