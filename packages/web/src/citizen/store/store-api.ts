import type { ProcedureDefinition } from '@dvc/domain/procedure-definition/definition';
import { api } from '../../shared/api';
import { registrationLookupFields } from '../filing/RegistrationLookup';

/** One document of the citizen's store (GET /api/v1/me/documents). */
export interface StoreDocument {
  id: string;
  source: 'result' | 'component' | 'upload';
  documentKind: string;
  title: string;
  procedureName: string | null;
  issuerName: string;
  issuedAt: string;
  dossierCode: string | null;
  digitizedBy: 'desk' | 'citizen' | null;
  valid: boolean;
  validUntil: string | null;
  validityText: string;
  fileName: string;
  mediaType: string;
  downloadUrl: string;
  deletable: boolean;
  business?: { registrationNumber: string; ownerCitizenId: string; name: string };
}

export interface StoreListing {
  items: StoreDocument[];
  /** With a procedure: per component, the stored documents that may stand for it. */
  offers?: Array<{ componentId: string; documentIds: string[] }>;
}

export function loadStore(procedureCode?: string): Promise<StoreListing> {
  return api<StoreListing>(`/api/v1/me/documents${procedureCode ? `?procedureCode=${encodeURIComponent(procedureCode)}` : ''}`);
}

export function deleteStoredDocument(id: string): Promise<void> {
  return api<void>(`/api/v1/me/documents/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/**
 * A change or termination names an existing business (its number and its owner's identity number):
 * the register's entry of the citizen's valid certificate in the store fills them, not typed again.
 */
export async function withRegisterPrefill<T extends Record<string, unknown>>(
  procedureCode: string,
  definition: ProcedureDefinition,
  data: T,
): Promise<T> {
  const keys = definition.form.steps.map((s) => registrationLookupFields(definition.result.issuer, s.fields)).find(Boolean);
  if (!keys) return data;
  const listing = await loadStore(procedureCode).catch(() => undefined);
  const business = listing?.items.find((d) => d.valid && d.business)?.business;
  return business ? { ...data, [keys.number]: business.registrationNumber, [keys.owner]: business.ownerCitizenId } : data;
}
