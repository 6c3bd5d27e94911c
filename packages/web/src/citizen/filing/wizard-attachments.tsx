import { evaluateCondition } from '@dvc/domain/procedure-definition/conditions';
import type { ProcedureDefinition } from '@dvc/domain/procedure-definition/definition';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import type { ProcedureDetail } from '../../shared/catalog';
import type { DossierSubmission } from '../../shared/outbox';
import { ReuseOffer } from '../store/ReuseOffer';
import { loadStore, type StoreListing } from '../store/store-api';
import { AttachmentInput, type FilesUpdate, type PickedFile } from './AttachmentInput';
import { type FormValue, localized } from './definition-form';
import type { FieldError } from './form-state';
import { WaivedPaper } from './verified-identity';

type T = ReturnType<typeof useI18n>['t'];

/**
 * The papers of the dossier, from the definition: a mandatory one, or a conditional one whose
 * condition holds on the form (members declared → their meeting minutes), needs at least one file.
 */
export function papersOf(definition: ProcedureDefinition, data: FormValue, locale: 'vi' | 'en', waived: readonly string[] = []) {
  return definition.components.map((c) => ({
    id: c.id,
    name: localized(c.name, locale),
    // Replaced by the VNeID-verified identity: not asked for (verified-identity.tsx).
    waived: waived.includes(c.id),
    mandatory:
      !waived.includes(c.id) &&
      (c.requirement.kind === 'mandatory' ||
        (c.requirement.condition !== undefined && evaluateCondition(c.requirement.condition, data))),
    when: c.requirement.kind === 'conditional' ? (locale === 'en' && c.requirement.whenEn) || c.requirement.whenVi : undefined,
  }));
}

/** A mandatory paper without a file (uploaded, or still uploading: submit waits for it). */
export function componentErrors(
  _procedure: ProcedureDetail | undefined,
  definition: ProcedureDefinition,
  state: { data: FormValue; meta: { files: PickedFile[]; waived?: string[] } },
  t: T,
  locale: 'vi' | 'en',
): FieldError[] {
  return papersOf(definition, state.data, locale, state.meta.waived)
    .filter(
      (c) =>
        c.mandatory &&
        !state.meta.files.some(
          (f) => f.componentId === c.id && (f.fileId || f.reusedDocumentId || f.state === 'uploading' || f.state === 'waiting'),
        ),
    )
    .map((c) => ({ field: `@files.${c.id}`, message: t('attachments.missing', { name: c.name }) }));
}

export function AttachmentsStep({
  procedure,
  definition,
  data,
  files,
  errors,
  setFiles,
  waived,
}: {
  waived?: string[];
  procedure: ProcedureDetail | undefined;
  definition: ProcedureDefinition;
  data: FormValue;
  files: PickedFile[];
  errors: FieldError[];
  setFiles: FilesUpdate;
}) {
  const { t, locale } = useI18n();
  const offered = useStoreOffers(procedure?.code ?? definition.code);
  return (
    <div className="stack">
      <p className="lead">{t('attachments.lead')}</p>
      {papersOf(definition, data, locale, waived).map((c) =>
        c.waived ? (
          <WaivedPaper key={c.id} name={c.name} />
        ) : (
          <div key={c.id} className="stack">
            <AttachmentInput
              componentId={c.id}
              label={c.name}
              mandatory={c.mandatory}
              error={errors.find((e) => e.field === `@files.${c.id}`)?.message}
              procedureCode={procedure?.code ?? definition.code}
              files={files}
              setFiles={setFiles}
            />
            <ReuseOffer componentId={c.id} documents={offered(c.id)} files={files} setFiles={setFiles} />
          </div>
        ),
      )}
    </div>
  );
}

/** The store's documents offered for each paper of the procedure (none when offline or signed out). */
function useStoreOffers(procedureCode: string) {
  const [listing, setListing] = useState<StoreListing | undefined>();
  useEffect(() => {
    loadStore(procedureCode)
      .then(setListing)
      .catch(() => setListing(undefined));
  }, [procedureCode]);
  return (componentId: string) => {
    const ids = listing?.offers?.find((o) => o.componentId === componentId)?.documentIds ?? [];
    return listing?.items.filter((d) => ids.includes(d.id)) ?? [];
  };
}

/** What the filing sends for the papers: each upload by its file id, each reused paper by its store id. */
export function attachmentRefs(files: PickedFile[]): DossierSubmission['attachments'] {
  return files.flatMap((f): DossierSubmission['attachments'] =>
    !f.componentId
      ? []
      : f.fileId
        ? [{ componentId: f.componentId, fileId: f.fileId }]
        : f.reusedDocumentId
          ? [{ componentId: f.componentId, reusedDocumentId: f.reusedDocumentId }]
          : [],
  );
}
