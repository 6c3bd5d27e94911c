import { useEffect, useState } from 'react';
import { api } from '../../shared/api';
import type { StepProps } from './fields';
import { getPath } from './form-state';

/**
 * The live name check: as the citizen types, the server says whether the name follows the rules and is
 * still free at the registering authority of the commune chosen (an active household business there
 * may not have it). Shown once both the name and the commune are known.
 */
export function NameAvailability({ p, prefix = '' }: { p: StepProps; prefix?: string }) {
  const name = getPath(p.data, `${prefix}businessName`);
  const unitCode = getPath(p.data, `${prefix}location.unitCode`) ?? getPath(p.data, 'location.unitCode');
  const [answer, setAnswer] = useState<{ available: boolean; problems: string[] } | undefined>();
  useEffect(() => {
    setAnswer(undefined);
    if (typeof name !== 'string' || name.trim().length < 16 || typeof unitCode !== 'string') return;
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
      ✓ {p.t('hkd.nameAvailable')}
    </p>
  ) : (
    <div className="name-check taken" role="alert">
      <strong>{p.t('hkd.nameTaken')}</strong>
      <ul>
        {answer.problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
