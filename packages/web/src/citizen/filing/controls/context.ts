import type { FieldDefinition } from '@dvc/domain/procedure-definition/form-schema';
import type { MessageKey } from '../../../i18n';
import type { FormValue, Locale } from '../definition-form';
import type { FieldError } from '../form-state';

/** What every control of a definition's form receives: the whole form, a setter by path, the errors by path. */
export interface FormContext {
  data: FormValue;
  set: (path: string, value: unknown) => void;
  errors: readonly FieldError[];
  locale: Locale;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** Names of the communes picked, by the address field's path (the data keeps only the code). */
  unitNames: Record<string, string>;
  setUnitName: (path: string, name: string | undefined) => void;
  /** The form's top-level fields (a field looks for the form's own address). */
  rootFields: readonly FieldDefinition[];
  /** Paths filled from the VNeID-verified identity: shown, not editable. */
  locked?: ReadonlySet<string>;
}

export interface ControlProps {
  field: FieldDefinition;
  /** Dotted path of the field in the form ('owner.citizenId', 'members.0.fullName'). */
  path: string;
  /** The values of the field's block (its siblings), which its conditions read. */
  block: FormValue;
  /** The fields of the same block (a name check looks for the address beside it). */
  siblings: readonly FieldDefinition[];
  ctx: FormContext;
  label: string;
  hint?: string;
  error?: string;
  /** The block's own title is already shown (the step's heading, the tick of an optional part). */
  legendHidden?: boolean;
}
