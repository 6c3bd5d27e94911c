import type { FieldDefinition } from '@dvc/domain/procedure-definition/form-schema';
import { useState } from 'react';
import type { MessageKey } from '../../i18n';
import { ApiError, api } from '../../shared/api';
import type { FormValue } from './definition-form';

interface Registration {
  registrationNumber: string;
  name: string;
  status: 'active' | 'terminated';
  address: string;
}

/**
 * The step that names an existing household business (its registration number and its owner's
 * identity number, in a definition whose issuer is the household business register) gets a button
 * that finds it, so the citizen sees at once they typed the right one.
 */
export function registrationLookupFields(
  issuer: string | undefined,
  fields: readonly FieldDefinition[],
): { number: string; owner: string } | undefined {
  if (issuer !== 'household-business-register') return undefined;
  const owner = fields.find((f) => f.type === 'citizen-id');
  const number = fields.find((f) => f.type === 'text' && f.key === 'registrationNumber');
  return owner && number ? { number: number.key, owner: owner.key } : undefined;
}

/** Finds the citizen's existing registration by its number and the owner's identity number. */
export function RegistrationLookup({
  data,
  keys,
  t,
}: {
  data: FormValue;
  keys: { number: string; owner: string };
  t: (key: MessageKey) => string;
}) {
  const p = { t };
  const [found, setFound] = useState<Registration | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function look() {
    const number = data[keys.number];
    const owner = data[keys.owner];
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
