import type { PackBlock, PackSection } from '../../../shared/pack/document';
import { listGlossaryTerms } from '../../../db/repositories/pack-sources';
import type { Db } from '../../../db/schema/database';
import { sectionText } from './section-text';
import { plainContent, type SectionContent } from './section-context';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Does the term stand as a word of its own in the text ("ASB" in "ASB co-ordination", not in "GASBAG")? */
const appearsIn = (term: string, text: string): boolean =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`, 'u').test(text);

/** The glossary, cut to the terms that appear in the rest of the pack (built after every other section). */
export async function glossarySection(db: Db, others: readonly PackSection[], id: string): Promise<SectionContent> {
  const text = others.map(sectionText).join('\n');
  const terms = (await listGlossaryTerms(db)).filter((entry) => appearsIn(entry.term, text));
  const block: PackBlock =
    terms.length > 0
      ? {
          kind: 'table',
          table: {
            id: `${id}:table:1`,
            caption: 'Glossary of terms used in this pack',
            columns: [
              { header: 'Term', numeric: false },
              { header: 'Meaning', numeric: false },
            ],
            rows: terms.map((entry) => ({
              id: `term:${entry.term}`,
              kind: 'body',
              cells: [{ text: entry.term }, { text: entry.definition }],
            })),
            notes: [],
          },
        }
      : { kind: 'note', text: 'No glossary term appears in this pack.' };
  return plainContent([block]);
}
