import {
  type ProcedureChange,
  ProcedureDiffView,
  type ProcedureVersion,
  ProcedureVersionsView,
} from '@dvc/domain/contract/procedure-admin';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { ApiError, api } from '../shared/api';

/** The versions of a procedure, newest first; choosing one shows what it changed from the one before. */
export function ProcedureVersions({
  code,
  currentVersion,
  onOpen,
}: {
  code: string;
  currentVersion: number;
  onOpen: (version: number) => void;
}) {
  const { t } = useI18n();
  const [versions, setVersions] = useState<ProcedureVersion[] | undefined>();
  const [chosen, setChosen] = useState(currentVersion);
  const [changes, setChanges] = useState<ProcedureChange[] | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    api(`/api/v1/admin/procedures/${code}/versions`, { schema: ProcedureVersionsView })
      .then((r) => setVersions([...r.versions].reverse()))
      .catch((e) => setError(e instanceof ApiError ? e.title : t('error.network')));
  }, [code, t]);

  useEffect(() => {
    setChanges(undefined);
    if (chosen <= 1) return;
    api(`/api/v1/admin/procedures/${code}/versions/${chosen - 1}/diff/${chosen}`, { schema: ProcedureDiffView })
      .then((r) => setChanges(r.changes))
      .catch((e) => setError(e instanceof ApiError ? e.title : t('error.network')));
  }, [code, chosen, t]);

  return (
    <div className="adm-versions">
      <div>
        <h3>{t('admin.proc.versions')}</h3>
        {error && <p className="alert">{error}</p>}
        <ul>
          {versions?.map((v) => (
            <li key={v.version}>
              <button
                type="button"
                className="adm-item"
                aria-current={chosen === v.version ? 'true' : undefined}
                onClick={() => setChosen(v.version)}
              >
                <strong>
                  {t('admin.proc.version', { version: v.version })}
                  {v.version === currentVersion && ` (${t('admin.proc.current')})`}
                </strong>
                <small>
                  {new Date(v.createdAt).toLocaleString('vi-VN')}
                  {v.note ? ` · ${v.note}` : ''}
                </small>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3>
          {t('admin.proc.version', { version: chosen })} — {t('admin.proc.compare')}
        </h3>
        {chosen <= 1 && <p className="muted">{t('admin.proc.firstVersion')}</p>}
        {changes && changes.length === 0 && <p className="muted">{t('admin.proc.noChanges')}</p>}
        {changes && changes.length > 0 && (
          <ul className="adm-changes">
            {changes.map((c) => (
              <li key={`${c.path}:${c.message}`} className={`adm-${c.kind}`}>
                {c.message} <code>{c.path}</code>
              </li>
            ))}
          </ul>
        )}
        <button type="button" className="button secondary slim" onClick={() => onOpen(chosen)}>
          {t('admin.proc.openVersion')}
        </button>
      </div>
    </div>
  );
}
