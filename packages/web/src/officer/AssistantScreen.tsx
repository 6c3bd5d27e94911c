import {
  type FaqEntry,
  FaqEntryView,
  FaqListView,
  type Unanswered,
  UnansweredListView,
} from '@dvc/domain/contract/assistant-admin';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { type ApiError, api } from '../shared/api';
import { AdminForm, AdminList, AdminPage, asProblem, failureLine, fieldError } from './AdminScaffold';

/**
 * The assistant (/can-bo/tro-ly, issue 19 point 3): the questions it declined in the last 30 days,
 * most asked first (stored masked: no phone, ID number or dossier code), and the form that adds an
 * FAQ entry the assistant then answers from. Province administrators only, as the catalog.
 */
const vnDateTime = (iso: string) =>
  new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });

export function AssistantScreen() {
  const { t } = useI18n();
  const [unanswered, setUnanswered] = useState<Unanswered[] | undefined>();
  const [faq, setFaq] = useState<FaqEntry[] | undefined>();
  const [form, setForm] = useState({ question: '', answer: '', procedureCode: '' });
  const [problem, setProblem] = useState<ApiError | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();

  const load = useCallback(() => {
    api('/api/v1/admin/assistant/unanswered', { schema: UnansweredListView })
      .then((r) => setUnanswered(r.items))
      .catch((e) => setError(failureLine(e, t)));
    api('/api/v1/admin/assistant/faq', { schema: FaqListView })
      .then((r) => setFaq(r.items))
      .catch((e) => setError(failureLine(e, t)));
  }, [t]);
  useEffect(load, [load]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    setNotice(undefined);
    try {
      await api('/api/v1/admin/assistant/faq', {
        schema: FaqEntryView,
        method: 'POST',
        body: {
          question: form.question,
          answer: form.answer,
          ...(form.procedureCode.trim() ? { procedureCode: form.procedureCode.trim() } : {}),
        },
      });
      setForm({ question: '', answer: '', procedureCode: '' });
      setNotice(t('assistant.admin.faqSaved'));
      load();
    } catch (x) {
      setProblem(asProblem(x, t));
    }
  };

  const answerThis = (question: string) => {
    setForm({ ...form, question });
    document.getElementById('faq-answer')?.focus();
  };

  return (
    <AdminPage title={t('assistant.admin.title')} notice={notice} error={error}>
      <p className="lead">{t('assistant.admin.lead')}</p>
      <AdminList
        loaded={unanswered !== undefined}
        empty={unanswered?.length === 0}
        emptyText={t('assistant.admin.none')}
        columns={[t('assistant.admin.question'), t('assistant.admin.count'), t('assistant.admin.lastAsked'), '']}
      >
        {unanswered?.map((u) => (
          <tr key={u.question}>
            <td>{u.question}</td>
            <td>{u.count}</td>
            <td>{vnDateTime(u.lastAskedAt)}</td>
            <td>
              <button type="button" className="button secondary slim" onClick={() => answerThis(u.question)}>
                {t('assistant.admin.answerThis')}
              </button>
            </td>
          </tr>
        ))}
      </AdminList>

      <h2>{t('assistant.admin.faqTitle')}</h2>
      <p className="hint">{t('assistant.admin.faqLead')}</p>
      <AdminForm onSubmit={save} problem={problem} submitLabel={t('assistant.admin.faqSave')}>
        <div className={`field grow${fieldError(problem, 'question') ? ' has-error' : ''}`}>
          <label htmlFor="faq-question">{t('assistant.admin.faqQuestion')}</label>
          <input id="faq-question" value={form.question} onChange={(e) => setForm({ ...form, question: e.target.value })} />
          {fieldError(problem, 'question') && <p className="error">{fieldError(problem, 'question')}</p>}
        </div>
        <div className={`field grow${fieldError(problem, 'answer') ? ' has-error' : ''}`}>
          <label htmlFor="faq-answer">{t('assistant.admin.faqAnswer')}</label>
          <textarea id="faq-answer" rows={4} value={form.answer} onChange={(e) => setForm({ ...form, answer: e.target.value })} />
          {fieldError(problem, 'answer') && <p className="error">{fieldError(problem, 'answer')}</p>}
        </div>
        <div className={`field${fieldError(problem, 'procedureCode') ? ' has-error' : ''}`}>
          <label htmlFor="faq-procedure">{t('assistant.admin.faqProcedure')}</label>
          <input
            id="faq-procedure"
            value={form.procedureCode}
            onChange={(e) => setForm({ ...form, procedureCode: e.target.value })}
          />
          {fieldError(problem, 'procedureCode') && <p className="error">{fieldError(problem, 'procedureCode')}</p>}
        </div>
      </AdminForm>

      <h2>{t('assistant.admin.faqList', { count: faq?.length ?? 0 })}</h2>
      <AdminList
        loaded={faq !== undefined}
        empty={faq?.length === 0}
        emptyText="—"
        columns={[t('assistant.admin.faqQuestion'), t('assistant.admin.faqAnswer'), t('assistant.admin.faqProcedure')]}
      >
        {faq?.map((f) => (
          <tr key={f.id}>
            <td>{f.question}</td>
            <td>{f.answer}</td>
            <td>{f.procedureCode ?? '—'}</td>
          </tr>
        ))}
      </AdminList>
    </AdminPage>
  );
}
