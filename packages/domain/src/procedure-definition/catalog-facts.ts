import {
  type AgencyKind,
  ProcedureDefinition as CatalogFacts,
  type ProcedureComponent,
  type ProcedureFee,
} from '../procedures/procedure';
import type { CalendarDate } from '../working-days';
import type { ProcedureDefinition } from './definition';
import { authorityOn } from './intake-policy';

/** The 1 July 2025 reform: the catalog's facts name the authority of the day before and of that day. */
const LAST_DAY_BEFORE_REFORM: CalendarDate = '2025-06-30';
const REFORM_DAY: CalendarDate = '2025-07-01';

/** The legal working day is 8 hours: a duration in hours counts as the working days it starts. */
const HOURS_PER_WORKING_DAY = 8;

export type { CatalogFacts };

/**
 * The catalog's older facts shape (packages/domain/src/procedures) computed from a definition, so
 * every consumer of the facts keeps working while it moves to the definition itself.
 */
export function catalogFactsOf(definition: ProcedureDefinition): CatalogFacts {
  const after = authorityOn(definition, REFORM_DAY) ?? definition.authority.at(-1)!;
  const before = authorityOn(definition, LAST_DAY_BEFORE_REFORM) ?? after;
  const group = definition.interlink?.group;
  return CatalogFacts.parse({
    code: definition.code,
    slug: definition.slug,
    name: definition.names.vi,
    nameEn: definition.names.en,
    ...(definition.colloquialNames ? { colloquialNames: definition.colloquialNames } : {}),
    topic: definition.topic,
    ...(definition.topicName ? { topicName: definition.topicName.vi } : {}),
    authority: {
      before2025: before.level,
      from2025: after.level,
      agencyKind: after.agencyKind,
      ...(before.agencyKind !== after.agencyKind ? { agencyKindBefore2025: before.agencyKind as AgencyKind } : {}),
    },
    onlineLevel: definition.onlineLevel,
    legalDurationWorkingDays: workingDays(definition.legalDuration),
    ...(definition.notice ? { minimumNoticeWorkingDays: definition.notice.workingDaysBefore } : {}),
    fee: feeFacts(definition.fee),
    components: definition.components.map(componentFacts),
    resultKind: definition.result.kind,
    resultIsDocument: definition.result.isDocument,
    legalBasis: [...definition.legalBasis],
    ...(group ? { interlinkGroup: group } : {}),
    ...(definition.verify?.length ? { verify: [...definition.verify] } : {}),
  });
}

function workingDays(duration: ProcedureDefinition['legalDuration']): number {
  return duration.unit === 'working-days' ? duration.amount : Math.ceil(duration.amount / HOURS_PER_WORKING_DAY);
}

function feeFacts(fee: ProcedureDefinition['fee']): ProcedureFee {
  if (fee.kind === 'none') return { kind: 'none', ...(fee.note ? { note: fee.note } : {}) };
  const reduction = fee.onlineReduction;
  return {
    kind: 'fixed',
    amount: fee.amount,
    onlineReductionPercent: reduction?.percent ?? 0,
    ...(reduction?.from ? { onlineReductionFrom: reduction.from } : {}),
    ...(reduction?.until ? { onlineReductionUntil: reduction.until } : {}),
    payableAt: fee.payableAt,
    legalBasis: fee.legalBasis,
  };
}

function componentFacts(component: ProcedureDefinition['components'][number]): ProcedureComponent {
  // The facts had one free note; a conditional component's condition in words comes first in it.
  const notes = [component.requirement.kind === 'conditional' ? component.requirement.whenVi : undefined, component.notes]
    .filter((n): n is string => Boolean(n))
    .join(' ');
  const notesEn = [component.requirement.kind === 'conditional' ? component.requirement.whenEn : undefined, component.notesEn]
    .filter((n): n is string => Boolean(n))
    .join(' ');
  return {
    id: component.id,
    name: component.name.vi,
    ...(component.name.en ? { nameEn: component.name.en } : {}),
    mandatory: component.requirement.kind === 'mandatory',
    accepts: [...component.accepts],
    maxBytes: component.maxBytes,
    copies: component.copies,
    ...(notes ? { notes } : {}),
    ...(component.reusableFrom?.length ? { reusableFrom: [...component.reusableFrom] } : {}),
    ...(notesEn ? { notesEn } : {}),
  };
}
