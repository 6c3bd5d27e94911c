import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../i18n';
import { arrowKeysThroughOptions } from '../../shared/a11y';
import { api } from '../../shared/api';
import { BEFORE_REFORM, type OldUnitDetail, type SuccessorOption, successorOptions } from './old-communes';

interface Unit {
  code: string;
  fullName: string;
}

/**
 * Communes/wards of Quảng Ngãi (51) valid today: the 2025 reform removed districts, so there is no
 * district step. A name from before the reform (Nghĩa Chánh) leads to the unit that took it over;
 * nothing found says so.
 */
export function CommunePicker({
  value,
  label,
  onChange,
  error,
}: {
  value?: { code: string; name: string };
  label: string;
  onChange: (unit: { code: string; name: string } | undefined) => void;
  error?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Unit[]>([]);
  const [formerly, setFormerly] = useState<SuccessorOption[]>([]);
  const [searched, setSearched] = useState('');
  useEffect(() => {
    if (value) return;
    let stale = false;
    const term = q.trim();
    const timer = setTimeout(async () => {
      const current = await api<{ items: Unit[] }>(`/api/v1/admin-units?level=commune&parent=51&q=${encodeURIComponent(term)}`)
        .then((r) => r.items.slice(0, 30))
        .catch(() => []);
      let old: SuccessorOption[] = [];
      if (term && current.length === 0) {
        const before = await api<{ items: Unit[] }>(
          `/api/v1/admin-units?level=commune&parent=51&at=${BEFORE_REFORM}&q=${encodeURIComponent(term)}`,
        )
          .then((r) => r.items.slice(0, 5))
          .catch(() => []);
        const details = await Promise.all(
          before.map((u) => api<OldUnitDetail>(`/api/v1/admin-units/${u.code}?at=${BEFORE_REFORM}`).catch(() => undefined)),
        );
        old = successorOptions(details.filter((d): d is OldUnitDetail => d !== undefined));
      }
      if (stale) return;
      setItems(current);
      setFormerly(old);
      setSearched(term);
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [q, value]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the arrow keys of the search box and the options inside
    <div className={`field${error ? ' has-error' : ''}`} onKeyDown={arrowKeysThroughOptions}>
      <label htmlFor={id}>{label}</label>
      {value ? (
        <div className="picked">
          <strong>{value.name}</strong>
          <button type="button" className="button secondary slim" onClick={() => onChange(undefined)}>
            {t('common.change')}
          </button>
        </div>
      ) : (
        <>
          <input id={id} type="search" placeholder={t('commune.placeholder')} value={q} onChange={(e) => setQ(e.target.value)} />
          <ul className="options" aria-label={label}>
            {items.map((u) => (
              <li key={u.code}>
                <button type="button" className="option" onClick={() => onChange({ code: u.code, name: u.fullName })}>
                  {u.fullName}
                </button>
              </li>
            ))}
            {formerly.map((u) => (
              <li key={u.code}>
                <button type="button" className="option" onClick={() => onChange({ code: u.code, name: u.fullName })}>
                  {t('commune.formerly', { old: u.formerName, current: u.fullName })}
                </button>
              </li>
            ))}
          </ul>
          {searched && items.length === 0 && formerly.length === 0 && (
            <p className="muted" role="status">
              {t('commune.none', { q: searched })}
            </p>
          )}
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
