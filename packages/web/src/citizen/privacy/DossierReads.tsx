import { type CitizenRead, CitizenReadListView } from '@dvc/domain/contract/privacy';
import { useEffect, useState } from 'react';
import { type MessageKey, useI18n } from '../../i18n';
import { api } from '../../shared/api';
import { formatDateTime } from '../../shared/format';

const WHAT: Record<string, MessageKey> = {
  dossier: 'privacy.read.dossier',
  dossier_document: 'privacy.read.document',
  dossier_result: 'privacy.read.result',
  attachment: 'privacy.read.attachment',
};

/** Issue 20: which agency read this dossier and when (the access log; officers are not named). */
export function DossierReads({ code }: { code: string }) {
  const { t } = useI18n();
  const [reads, setReads] = useState<CitizenRead[] | undefined>();
  useEffect(() => {
    api(`/api/v1/privacy/reads?dossierCode=${encodeURIComponent(code)}&limit=50`, { schema: CitizenReadListView })
      .then((r) => setReads(r.items))
      .catch(() => setReads(undefined));
  }, [code]);
  if (!reads) return null;
  return (
    <section>
      <h2>{t('privacy.reads.title')}</h2>
      <p className="muted">{t('privacy.reads.hint')}</p>
      {reads.length === 0 ? (
        <p className="muted">{t('privacy.reads.none')}</p>
      ) : (
        <ul className="plain">
          {reads.map((r) => (
            <li key={r.id}>
              {formatDateTime(r.at)} · {r.agencyName} · {t(WHAT[r.recordType] ?? 'privacy.read.dossier')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
