import { useEffect, useState } from 'react';
import type { MessageKey } from '../../i18n';
import { api } from '../../shared/api';

/**
 * The live name check: as the citizen types, the server says whether the name follows the rules and is
 * still free at the registering authority of the commune chosen (an active household business there
 * may not have it). Shown once both the name and the commune are known.
 */
export function NameAvailability({
  name,
  unitCode,
  t,
}: {
  name: unknown;
  unitCode: string | undefined;
  t: (key: MessageKey) => string;
}) {
  const [answer, setAnswer] = useState<{ available: boolean; problems: string[] } | undefined>();
  useEffect(() => {
    setAnswer(undefined);
    if (typeof name !== 'string' || name.trim().length < 16 || typeof unitCode !== 'string' || !unitCode) return;
    const timer = setTimeout(() => {
      const q = new URLSearchParams({ name: name.trim(), unitCode });
      api<{ available: boolean; problems: string[] }>(`/api/v1/household-businesses/name-check?${q}`)
        .then(setAnswer)
        .catch(() => setAnswer(undefined));
    }, 500);
    return () => clearTimeout(timer);
  }, [name, unitCode]);
  if (!answer) return null;
  return answer.available ? (
    <p className="name-check ok" role="status">
      ✓ {t('hkd.nameAvailable')}
    </p>
  ) : (
    <div className="name-check taken" role="alert">
      <strong>{t('hkd.nameTaken')}</strong>
      <ul>
        {answer.problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
