import { ExternalHyperlink, TextRun, type ParagraphChild } from 'docx';
import { BoardpackError } from '../../../shared/errors';
import type { PackInline } from '../../../shared/pack/document';

/**
 * A paper's inlines as Word runs: bold and italic as run properties, links as
 * hyperlinks in Word's Hyperlink style, a resolved field as its value's text.
 * An unresolved field is refused here too (refuseUnresolvedFields has named
 * them all before the document is built), so no blank ever reaches a page.
 */

const LINK_SCHEMES = /^(https?:|mailto:)/i;

export function inlineRuns(inlines: readonly PackInline[]): ParagraphChild[] {
  return inlines.map((inline): ParagraphChild => {
    if (inline.kind === 'field') {
      if (inline.text === null) {
        throw new BoardpackError('invalid-input', `The field ${inline.source} refers to no figure`, {
          field: inline.source,
        });
      }
      return new TextRun({ text: inline.text });
    }
    const run = {
      text: inline.text,
      ...(inline.bold === true ? { bold: true } : {}),
      ...(inline.italic === true ? { italics: true } : {}),
    };
    if (inline.link !== undefined && LINK_SCHEMES.test(inline.link)) {
      return new ExternalHyperlink({ link: inline.link, children: [new TextRun({ ...run, style: 'Hyperlink' })] });
    }
    return new TextRun(run);
  });
}
