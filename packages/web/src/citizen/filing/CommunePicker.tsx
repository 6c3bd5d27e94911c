import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../i18n';
import { api } from '../../shared/api';

interface Unit {
  code: string;
  fullName: string;
}

/** Communes/wards of Quảng Ngãi (51) valid today: the 2025 reform removed districts, so there is no district step. */
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
  useEffect(() => {
    if (value) return;
    const timer = setTimeout(() => {
      api<{ items: Unit[] }>(`/api/v1/admin-units?level=commune&parent=51&q=${encodeURIComponent(q.trim())}`)
        .then((r) => setItems(r.items.slice(0, 30)))
        .catch(() => setItems([]));
    }, 250);
    return () => clearTimeout(timer);
  }, [q, value]);

  return (
    <div className={`field${error ? ' has-error' : ''}`}>
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
          </ul>
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
