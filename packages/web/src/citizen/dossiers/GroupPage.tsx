import { type GroupDetail, GroupDetailView } from '@dvc/domain/contract/dossiers';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { ApiError, api } from '../../shared/api';
import { stateLabel, stateTone } from '../../shared/dossiers';
import { formatDate } from '../../shared/format';

/** One interlinked group (liên thông): its overall state and each agency's dossier. */
export function GroupPage({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const [group, setGroup] = useState<GroupDetail | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    api(`/api/v1/dossier-groups/${encodeURIComponent(code)}`, { schema: GroupDetailView })
      .then(setGroup)
      .catch((e) => setProblem(e instanceof ApiError ? e.title : t('error.network')));
  }, [code, t]);
  if (problem) return <p className="notice">{problem}</p>;
  if (!group) return <p className="muted">{t('common.loading')}</p>;
  return (
    <section>
      <h1>{t('group.title')}</h1>
      <p className="lead">{group.title}</p>
      <p>
        <span className={`status ${group.status === 'complete' ? 'ok' : group.status === 'incomplete' ? 'bad' : 'pending'}`}>
          {group.statusLabel}
        </span>
      </p>
      <ul className="list">
        {group.members.map((d) => (
          <li key={d.code}>
            <Link href={`/ho-so/${encodeURIComponent(d.code)}`} className="list-item">
              <span className="item-title">{(locale === 'en' && d.procedureNameEn) || d.procedureName}</span>
              <span className="item-meta">
                <span className={`status ${stateTone(d.status)}`}>{stateLabel(d.status, locale)}</span> {d.code}
              </span>
              {d.dueAt && <span className="item-meta">{t('dossiers.due', { date: formatDate(d.dueAt) })}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
