import { type ProcedureImportReport, ProcedureImportReportView } from '@dvc/domain/contract/procedure-admin';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { ContractError, getCsrfToken } from '../shared/api';

/** The catalog import: a CSV of the national catalog (sent as text/csv, as it is) or a JSON bundle. */
export function ProcedureImport({ onDone, onClose }: { onDone: () => void; onClose: () => void }) {
  const { t } = useI18n();
  const [publish, setPublish] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ProcedureImportReport | undefined>();
  const [error, setError] = useState<string | undefined>();

  async function send(file: File) {
    setBusy(true);
    setError(undefined);
    setReport(undefined);
    const isCsv = /\.csv$/i.test(file.name) || file.type.includes('csv');
    try {
      const res = await fetch(`/api/v1/admin/procedures/import?publish=${publish}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'content-type': isCsv ? 'text/csv' : 'application/json',
          accept: 'application/json',
          'x-csrf-token': getCsrfToken() ?? '',
        },
        body: await file.text(),
      });
      const json = await res.json();
      if (!res.ok) setError([json.title, ...(json.errors ?? []).map((e: { message: string }) => e.message)].join(' — '));
      else {
        // A CSV body cannot go through api(); the report is checked against its contract the same way.
        const checked = ProcedureImportReportView.safeParse(json);
        if (!checked.success) {
          const drift = new ContractError('POST /api/v1/admin/procedures/import', checked.error.issues);
          console.error(drift.message);
          setError(drift.title);
          return;
        }
        setReport(checked.data);
        onDone();
      }
    } catch {
      setError(t('error.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="adm-import">
      <p>{t('admin.proc.importHelp')}</p>
      <label>
        <input type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} /> {t('admin.proc.importPublish')}
      </label>
      <label className="button secondary slim">
        {t('admin.proc.importFile')}
        <input
          type="file"
          accept=".csv,.json,text/csv,application/json"
          className="visually-hidden"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void send(file);
          }}
        />
      </label>
      <button type="button" className="button secondary slim" onClick={onClose}>
        {t('admin.proc.close')}
      </button>
      {error && <p className="alert">{error}</p>}
      {report && (
        <div role="status">
          <p className="notice success">
            {t('admin.proc.importResult', {
              created: report.created,
              updated: report.updated,
              unchanged: report.unchanged,
              refused: report.refused,
            })}
          </p>
          <ul className="adm-changes">
            {report.entries
              .filter((e) => e.status === 'refused')
              .map((e) => (
                <li key={e.at} className="adm-removed">
                  {t('admin.proc.importRefused', { at: e.at, code: e.code ?? '—' })}{' '}
                  {(e.errors ?? []).map((x) => `${x.field}: ${x.message}`).join('; ')}
                </li>
              ))}
          </ul>
        </div>
      )}
    </section>
  );
}
