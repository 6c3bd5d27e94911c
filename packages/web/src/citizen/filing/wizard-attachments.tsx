import { evaluateCondition } from '@dvc/domain/procedure-definition/conditions';
import type { ProcedureDefinition } from '@dvc/domain/procedure-definition/definition';
import { useI18n } from '../../i18n';
import type { ProcedureDetail } from '../../shared/catalog';
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
    when: c.requirement.kind === 'conditional' ? c.requirement.whenVi : undefined,
  }));
}

/** A mandatory paper without a file (uploaded, or still uploading: submit waits for it). */
export function componentErrors(
  _procedure: ProcedureDetail | undefined,
  definition: ProcedureDefinition,
  state: { data: FormValue; meta: { files: PickedFile[]; waived?: string[] } },
  t: T,
): FieldError[] {
  return papersOf(definition, state.data, 'vi', state.meta.waived)
    .filter(
      (c) =>
        c.mandatory &&
        !state.meta.files.some((f) => f.componentId === c.id && (f.fileId || f.state === 'uploading' || f.state === 'waiting')),
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
  return (
    <div className="stack">
      <p className="lead">{t('attachments.lead')}</p>
      {papersOf(definition, data, locale, waived).map((c) =>
        c.waived ? (
          <WaivedPaper key={c.id} name={c.name} />
        ) : (
          <AttachmentInput
            key={c.id}
            componentId={c.id}
            label={c.name}
            mandatory={c.mandatory}
            error={errors.find((e) => e.field === `@files.${c.id}`)?.message}
            procedureCode={procedure?.code ?? definition.code}
            files={files}
            setFiles={setFiles}
          />
        ),
      )}
    </div>
  );
}
