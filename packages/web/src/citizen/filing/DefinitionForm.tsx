import type { FieldDefinition } from '@dvc/domain/procedure-definition/form-schema';
import type { ReactNode } from 'react';
import { ErrorText } from '../../shared/ui';
import { ChoiceControl } from './controls/ChoiceControls';
import type { ControlProps, FormContext } from './controls/context';
import { AddressControl, BusinessNameControl, VsicControl } from './controls/PlaceControls';
import { TextLikeControl } from './controls/TextControls';
import {
  capitalise,
  defaultOf,
  type FormValue,
  isOptionalPart,
  isRequiredNow,
  isShown,
  localized,
  lowerFirst,
} from './definition-form';
import { errorFor, getPath } from './form-state';
import { LockedField } from './verified-identity';

export type { FormContext } from './controls/context';

/**
 * A definition's fields as a form: one control per field type, the message beside each field by its
 * path, fields shown or required by the definition's conditions. The wizard renders one step with it,
 * the desk all steps at once, the admin preview a definition being edited.
 */
export function DefinitionForm({
  fields,
  heading,
  ctx,
}: {
  fields: readonly FieldDefinition[];
  heading?: string;
  ctx: FormContext;
}) {
  // A step holding one group titled like the step: its fields directly, without the same title twice.
  const only = fields.length === 1 ? fields[0] : undefined;
  if (only?.type === 'group' && heading !== undefined && localized(only.label, ctx.locale) === heading && !isOptionalPart(only)) {
    return (
      <>
        <ErrorText>{errorFor(ctx.errors, only.key)}</ErrorText>
        <FieldBlock fields={only.fields ?? []} base={only.key} ctx={ctx} />
      </>
    );
  }
  const titled = only && heading !== undefined && localized(only.label, ctx.locale) === heading ? only.key : undefined;
  return <FieldBlock fields={fields} base="" ctx={ctx} titled={titled} />;
}

function FieldBlock({
  fields,
  base,
  ctx,
  titled,
}: {
  fields: readonly FieldDefinition[];
  base: string;
  ctx: FormContext;
  /** The key of the field titled like the step: its block title is not repeated. */
  titled?: string;
}) {
  const block = ((base ? getPath(ctx.data, base) : ctx.data) as FormValue | undefined) ?? {};
  return (
    <>
      {fields
        .filter((f) => isShown(f, block))
        .map((f) => {
          const path = base ? `${base}.${f.key}` : f.key;
          // A step shows part of the form's top level: its siblings are all the form's top-level fields.
          const siblings = base ? fields : ctx.rootFields;
          return (
            <FieldControl
              key={path}
              field={f}
              path={path}
              block={block}
              siblings={siblings}
              ctx={ctx}
              legendHidden={f.key === titled}
            />
          );
        })}
    </>
  );
}

function FieldControl({
  field,
  path,
  block,
  siblings,
  ctx,
  legendHidden,
}: {
  field: FieldDefinition;
  path: string;
  block: FormValue;
  siblings: readonly FieldDefinition[];
  ctx: FormContext;
  legendHidden?: boolean;
}) {
  const base = localized(field.label, ctx.locale);
  const optional = !isRequiredNow(field, block) && !isOptionalPart(field);
  const props: ControlProps = {
    field,
    path,
    block,
    siblings,
    ctx,
    label: optional && !['group', 'repeat'].includes(field.type) ? `${base} (${ctx.t('form.optional')})` : base,
    hint: localized(field.help, ctx.locale) || undefined,
    error: errorFor(ctx.errors, path),
    legendHidden,
  };
  if (ctx.locked?.has(path)) return <LockedField {...props} />;
  if (isOptionalPart(field)) return <OptionalPart {...props} label={base} />;
  return <TypedControl {...props} />;
}

function TypedControl(props: ControlProps) {
  switch (props.field.type) {
    case 'group':
      return <GroupControl {...props} />;
    case 'repeat':
      return <RepeatControl {...props} />;
    case 'select':
    case 'radio':
    case 'checkbox':
    case 'checkboxes':
      return <ChoiceControl {...props} />;
    case 'address':
      return <AddressControl {...props} />;
    case 'business-name':
      return <BusinessNameControl {...props} />;
    case 'vsic-lines':
      return <VsicControl {...props} />;
    default:
      return <TextLikeControl {...props} />;
  }
}

/** An optional part (a change form's "what changes"): ticked, it opens filled as at registration. */
function OptionalPart(props: ControlProps) {
  const { field, path, ctx, label } = props;
  const on = getPath(ctx.data, path) !== undefined;
  return (
    <div className="card">
      <label className="checkbox">
        <input type="checkbox" checked={on} onChange={(e) => ctx.set(path, e.target.checked ? defaultOf(field) : undefined)} />
        <span>{label}</span>
      </label>
      {on && <TypedControl {...props} label={label} legendHidden />}
    </div>
  );
}

function GroupControl({ field, path, ctx, label, hint, error, legendHidden }: ControlProps) {
  return (
    <fieldset className="card group">
      <legend className={legendHidden ? 'visually-hidden' : undefined}>{label}</legend>
      {hint && <p className="hint">{hint}</p>}
      <ErrorText>{error}</ErrorText>
      <FieldBlock fields={field.fields ?? []} base={path} ctx={ctx} />
    </fieldset>
  );
}

/** A list of the same block: household members, prizes. Added and removed one by one. */
function RepeatControl({ field, path, ctx, label, hint, error, legendHidden }: ControlProps) {
  const items = (getPath(ctx.data, path) as FormValue[] | undefined) ?? [];
  const noun = field.name ?? lowerFirst(localized(field.label, 'vi'));
  const nounShown = ctx.locale === 'en' && field.label.en ? field.label.en : noun;
  const item = (i: number): ReactNode => (
    <fieldset key={String(i)} className="card">
      <legend>{`${capitalise(nounShown)} ${i + 1}`}</legend>
      <FieldBlock fields={field.fields ?? []} base={`${path}.${i}`} ctx={ctx} />
      <button
        type="button"
        className="button secondary"
        onClick={() =>
          ctx.set(
            path,
            items.filter((_, j) => j !== i),
          )
        }
      >
        {ctx.t('form.removeItem', { name: nounShown })}
      </button>
    </fieldset>
  );
  return (
    <section className={`repeat${error ? ' has-error' : ''}`} aria-label={label}>
      {!legendHidden && <h2 className="repeat-title">{label}</h2>}
      {hint && <p className="hint">{hint}</p>}
      <ErrorText>{error}</ErrorText>
      {items.map((_, i) => item(i))}
      <button
        type="button"
        className="button secondary"
        onClick={() => ctx.set(path, [...items, defaultOf({ ...field, type: 'group' })])}
      >
        + {ctx.t('form.addItem', { name: nounShown })}
      </button>
    </section>
  );
}
