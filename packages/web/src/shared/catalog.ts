/** The catalog API's answers are the contract's (@dvc/domain/contract/catalog), which the server answers with. */
import type { ProcedureDetail } from '@dvc/domain/contract/catalog';

export type { FeeAmounts, ProcedureDetail, ProcedurePage, ProcedureSummary, Topic } from '@dvc/domain/contract/catalog';
export type ProcedureComponent = ProcedureDetail['components'][number];

/** A paper's name and note in the reader's language: the English ones when given, else the Vietnamese. */
export function componentText(c: Pick<ProcedureComponent, 'name' | 'nameEn' | 'notes' | 'notesEn'>, locale: 'vi' | 'en') {
  const en = locale === 'en';
  return { name: (en && c.nameEn) || c.name, notes: (en && c.notesEn) || c.notes };
}

/**
 * A procedure is filed on its own in the app when its detail carries a definition, hence a form to
 * fill; a member of an interlinked group (its definition's `interlink`) is filed with its group.
 */
export function isFileable(p: Pick<ProcedureDetail, 'definition'>): boolean {
  const d = p.definition as { interlink?: unknown } | undefined | null;
  return d !== undefined && d !== null && typeof d === 'object' && d.interlink === undefined;
}

/** The part of a filing body that says which version of the definition the form was filled on (CONTRACT-12 §3). */
export function procedureVersionField(version: number | undefined): { procedureVersion?: number } {
  return version !== undefined ? { procedureVersion: version } : {};
}
