import { type ProcedureNotice as Notice, ProcedureNoticeView } from '@dvc/domain/contract/privacy';
import type { ProcedureDefinition } from '@dvc/domain/procedure-definition/definition';
import type { FieldDefinition } from '@dvc/domain/procedure-definition/form-schema';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { api } from '../../shared/api';

/**
 * The notice lists the definition's labels and papers in Vietnamese: in English, each one the
 * definition also names in English is shown so (issue 15), the others as sent.
 */
function englishNames(definition: ProcedureDefinition | undefined): Map<string, string> {
  const names = new Map<string, string>();
  const walk = (fields: readonly FieldDefinition[]) => {
    for (const f of fields) {
      if (f.label.en && !names.has(f.label.vi)) names.set(f.label.vi, f.label.en);
      walk(f.fields ?? []);
    }
  };
  for (const s of definition?.form.steps ?? []) walk(s.fields);
  for (const c of definition?.components ?? []) if (c.name.en) names.set(c.name.vi, c.name.en);
  return names;
}

/** Issue 20: before filing, what is collected, why, by whom and for how long (from the procedure's definition). */
export function ProcedureNotice({ code, definition }: { code: string; definition?: ProcedureDefinition }) {
  const { t, locale } = useI18n();
  const [notice, setNotice] = useState<Notice | undefined>();
  useEffect(() => {
    api(`/api/v1/privacy/notices/procedures/${encodeURIComponent(code)}`, { schema: ProcedureNoticeView })
      .then(setNotice)
      .catch(() => setNotice(undefined));
  }, [code]);
  if (!notice) return null;
  const text = (x: Notice['purpose']) => (locale === 'en' ? x.en : x.vi);
  const english = locale === 'en' ? englishNames(definition) : new Map<string, string>();
  const named = (vi: string) => english.get(vi) ?? vi;
  const years = Math.round(notice.retention.keepDays / 365);
  return (
    <details className="card" open>
      <summary>
        <strong>{t('privacy.notice.title')}</strong>
      </summary>
      <dl className="review-rows">
        <dt>{t('privacy.notice.collected')}</dt>
        <dd>{[...notice.collected, ...notice.papers].map(named).join('; ')}</dd>
        <dt>{t('privacy.notice.purpose')}</dt>
        <dd>
          {text(notice.purpose)} {t('privacy.notice.basis', { basis: notice.legalBasis.join('; ') })}
        </dd>
        <dt>{t('privacy.notice.controller')}</dt>
        <dd>{notice.controller.map(text).join('; ')}</dd>
        <dt>{t('privacy.notice.recipients')}</dt>
        <dd>{notice.recipients.map(text).join('; ')}</dd>
        <dt>{t('privacy.notice.retention')}</dt>
        <dd>
          {t(notice.retention.action === 'anonymise' ? 'privacy.notice.keepThenAnonymise' : 'privacy.notice.keep', {
            years,
          })}
        </dd>
      </dl>
      <p className="muted">{t('privacy.notice.rights')}</p>
    </details>
  );
}
