import type { ProcedureDefinition } from '@dvc/domain/procedure-definition/definition';
import {
  lockedByIdentity,
  prefillFromIdentity,
  type VerifiedIdentity,
  WAIVED_BY_IDENTITY_LABEL_VI,
  waivedComponentIds,
} from '@dvc/domain/procedure-definition/verified-identity';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { api } from '../../shared/api';
import { formatDong } from '../../shared/format';
import type { ControlProps } from './controls/context';
import { type FormValue, localized } from './definition-form';
import type { WizardMeta } from './fields';
import { getPath } from './form-state';

/**
 * A citizen signed in with VNeID: the owner's fields come from the verified identity and are locked
 * (the server refuses other values), and the papers the identity replaces are not asked for.
 */
export function useVerifiedIdentity(signedIn: boolean): VerifiedIdentity | null | undefined {
  const [identity, setIdentity] = useState<VerifiedIdentity | null | undefined>();
  useEffect(() => {
    if (!signedIn) return;
    api<{ verified: boolean; identity: VerifiedIdentity | null }>('/api/v1/auth/verified-identity')
      .then((r) => setIdentity(r.identity))
      .catch(() => setIdentity(null));
  }, [signedIn]);
  return identity;
}

/** The wizard's state with the identity applied (again after a draft is reopened: the identity wins). */
export function withIdentity<S extends { data: FormValue; meta: WizardMeta }>(
  definition: ProcedureDefinition,
  state: S,
  identity: VerifiedIdentity,
): S {
  const locked = lockedByIdentity(definition, identity);
  // `locked` is set even when empty: the wizard applies the identity once.
  if (locked.length === 0) return { ...state, meta: { ...state.meta, locked } };
  return {
    ...state,
    data: prefillFromIdentity(definition, state.data, identity) as FormValue,
    meta: { ...state.meta, locked, waived: waivedComponentIds(definition) },
  };
}

/** A locked field: its value as VNeID gave it, read-only, and why it cannot be changed. */
export function LockedField({ field, path, ctx, label }: ControlProps) {
  const value = getPath(ctx.data, path);
  const options = (field.params?.options ?? []) as Array<{ value: string; label: { vi: string; en?: string } }>;
  const option = options.find((o) => o.value === value);
  const shown =
    option !== undefined
      ? localized(option.label, ctx.locale)
      : field.type === 'date' && typeof value === 'string'
        ? value.split('-').reverse().join('/')
        : String(value ?? '');
  return (
    <div className="field locked">
      <label>
        <span>{label}</span>
        <input type="text" value={shown} readOnly aria-readonly="true" />
      </label>
      <p className="hint">✓ {ctx.t('post.identityLocked')}</p>
    </div>
  );
}

/** The paper a verified identity replaces, in place of its upload. */
export function WaivedPaper({ name }: { name: string }) {
  return (
    <div className="card waived">
      <strong>{name}</strong>
      <p className="ok">✓ {WAIVED_BY_IDENTITY_LABEL_VI}</p>
    </div>
  );
}

interface Quote {
  amount: number;
  destinationLabel: string;
  weightLabel: string;
  basis: string;
  rates: Array<{ destinationLabel: string; weightLabel: string; amount: number }>;
}

/** The postage of a result by post, before filing: for the address given, with the whole rate table. */
export function PostageQuote({ procedureCode, address }: { procedureCode: string; address: string }) {
  const { t } = useI18n();
  const [quote, setQuote] = useState<Quote | undefined>();
  useEffect(() => {
    const q = new URLSearchParams({ procedureCode, address });
    api<Quote>(`/api/v1/postage/quote?${q}`)
      .then(setQuote)
      .catch(() => setQuote(undefined));
  }, [procedureCode, address]);
  if (!quote) return null;
  return (
    <section className="card" aria-label={t('post.fee')}>
      <h2>{t('post.fee')}</h2>
      <p>
        <strong>{formatDong(quote.amount)}</strong> — {quote.destinationLabel}, {quote.weightLabel.toLowerCase()}
      </p>
      <p className="muted small">{t('post.feeNote')}</p>
      <details>
        <summary>{t('post.rates')}</summary>
        <table>
          <tbody>
            {quote.rates.map((r) => (
              <tr key={r.destinationLabel + r.weightLabel}>
                <td>{r.destinationLabel}</td>
                <td>{r.weightLabel}</td>
                <td>{formatDong(r.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">{quote.basis}</p>
      </details>
    </section>
  );
}
