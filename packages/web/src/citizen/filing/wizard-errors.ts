/**
 * The wizard step a problem belongs to: the "where" step's own choices, the papers, else the form
 * step of the field (as the compiled definition says); a problem with no field (the server's
 * refusal of the whole dossier) belongs to the review step, where it was met.
 */
export function errorStep(field: string, stepOfField: (field: string) => string | undefined): string | undefined {
  if (field === '') return 'xem-lai';
  if (field.startsWith('@unit') || field.startsWith('@delivery')) return 'noi-nop';
  if (field.startsWith('@files') || field.startsWith('attachments')) return 'giay-to';
  return stepOfField(field);
}
