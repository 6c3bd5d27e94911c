import { useState } from 'react';
import { ApiError, api } from '../../shared/api';
import type { StepProps } from './fields';
import { getPath } from './form-state';

interface Registration {
  registrationNumber: string;
  name: string;
  status: 'active' | 'terminated';
  address: string;
}

/** Finds the citizen's existing registration by its number and the owner's identity number. */
export function RegistrationLookup({ p }: { p: StepProps }) {
  const [found, setFound] = useState<Registration | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function look() {
    const number = getPath(p.data, 'registrationNumber');
    const owner = getPath(p.data, 'ownerCitizenId');
    if (typeof number !== 'string' || typeof owner !== 'string' || !number.trim() || owner.length !== 12) {
      setMessage(p.t('hkd.lookupNeedBoth'));
      return;
    }
    setBusy(true);
    setMessage(undefined);
    try {
      const q = new URLSearchParams({ registrationNumber: number.trim(), ownerCitizenId: owner });
      setFound(await api<Registration>(`/api/v1/household-businesses/lookup?${q}`));
    } catch (err) {
      setFound(undefined);
      setMessage(err instanceof ApiError && err.status === 404 ? p.t('hkd.lookupNotFound') : p.t('error.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="lookup">
      <button type="button" className="button secondary" onClick={() => void look()} disabled={busy}>
        {p.t('hkd.lookup')}
      </button>
      {message && <p className="error-text">{message}</p>}
      {found && (
        <div className="card" role="status">
          <strong>{found.name}</strong>
          <p>
            {found.registrationNumber} · {found.address}
          </p>
          <p>{found.status === 'active' ? p.t('hkd.lookupActive') : p.t('hkd.lookupTerminated')}</p>
        </div>
      )}
    </div>
  );
}
