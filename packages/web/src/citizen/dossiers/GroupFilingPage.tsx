import { PROCEDURES } from '@dvc/domain/procedures/index';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { ApiError, api } from '../../shared/api';
import { browserChannelEnv, channelFor } from '../../shared/channel';
import { useSession } from '../../shared/session';
import { FormError, TextField } from '../../shared/ui';
import { AttachmentInput, type PickedFile } from '../filing/AttachmentInput';
import { CommunePicker } from '../filing/CommunePicker';

/**
 * One filing of an interlinked group (liên thông: birth + permanent residence + child health insurance,
 * or death + residence removal + funeral allowance). The server fans it out to the three agencies.
 */
export default function GroupFilingPage({ group }: { group: string }) {
  const { t } = useI18n();
  const session = useSession();
  const user = session.status === 'signed-in' ? session.user : undefined;
  const members = PROCEDURES.filter((p) => p.interlinkGroup === group);
  const [fullName, setFullName] = useState(user?.fullName ?? '');
  const [citizenId, setCitizenId] = useState('');
  const [phone, setPhone] = useState(user?.phone ?? '');
  const [note, setNote] = useState('');
  const [unit, setUnit] = useState<{ code: string; name: string } | undefined>();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [key] = useState(() => crypto.randomUUID());

  if (members.length === 0) return <p className="notice">{t('notFound.title')}</p>;
  const fieldError = (f: string) => error?.errors.find((e) => e.field === f || e.field.startsWith(`${f}.`))?.message;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const procedureOf = new Map(members.flatMap((p) => p.components.map((c) => [c.id, p.code] as const)));
    try {
      const answer = await api<{ code: string }>('/api/v1/dossier-groups', {
        method: 'POST',
        headers: { 'idempotency-key': key },
        body: {
          group,
          unitCode: unit?.code ?? '',
          channel: channelFor(browserChannelEnv()),
          form: { applicant: { fullName, citizenId, phone }, ...(note ? { note } : {}) },
          attachments: files
            .filter((f) => f.fileId && f.componentId)
            .map((f) => ({
              procedureCode: procedureOf.get(f.componentId!) ?? '',
              componentId: f.componentId!,
              fileId: f.fileId!,
            })),
          delivery: 'electronic',
        },
      });
      navigate(`/lien-thong/${encodeURIComponent(answer.code)}`);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, t('error.network')));
      window.scrollTo(0, 0);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit}>
      <h1>{t('group.fileTitle')}</h1>
      <p className="lead">{members.map((m) => m.name).join(' + ')}</p>
      <FormError title={error?.title} detail={error?.detail} />
      <TextField
        label={t('field.fullName')}
        value={fullName}
        onChange={(e) => setFullName(e.target.value)}
        error={fieldError('body.form.applicant.fullName')}
      />
      <TextField
        label={t('field.citizenId')}
        inputMode="numeric"
        value={citizenId}
        onChange={(e) => setCitizenId(e.target.value.replace(/\D/g, ''))}
        error={fieldError('body.form.applicant.citizenId')}
      />
      <TextField
        label={t('field.phone')}
        inputMode="tel"
        value={phone ?? ''}
        onChange={(e) => setPhone(e.target.value)}
        error={fieldError('body.form.applicant.phone')}
      />
      <CommunePicker label={t('where.unit')} value={unit} onChange={setUnit} error={fieldError('body.unitCode')} />
      {members.map((m) => (
        <section key={m.code} className="card">
          <h2>{m.name}</h2>
          {fieldError(`body.attachments.${m.code}`) && <p className="error-text">{fieldError(`body.attachments.${m.code}`)}</p>}
          {m.components.map((c) => (
            <AttachmentInput
              key={c.id}
              label={c.name}
              mandatory={c.mandatory}
              procedureCode={m.code}
              componentId={c.id}
              files={files}
              setFiles={(fn) => setFiles((prev) => fn(prev))}
            />
          ))}
        </section>
      ))}
      <div className="field">
        <label htmlFor="group-note">{t('supplement.note')}</label>
        <textarea id="group-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="submit" className="button primary big" disabled={busy}>
        {t('group.submit')}
      </button>
    </form>
  );
}
