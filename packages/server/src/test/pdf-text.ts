import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text a reader gets out of a PDF (all pages, whitespace collapsed): what tests check slips by. */
export async function pdfText(pdf: Buffer | Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 })
    .promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const item of content.items) if ('str' in item) text += `${item.str}${item.hasEOL ? '\n' : ''}`;
  }
  await doc.destroy();
  return text.replace(/\s+/g, ' ');
}
