import { glossaryFields } from '../../../shared/api/records';
import type { GlossaryTerm } from '../../../shared/model';
import type { FieldSpec } from '../../grid/field-spec';
import { longField, textField } from '../../grid/specs';
import { RecordGrid } from '../shared/RecordGrid';

const glossaryColumns: FieldSpec<GlossaryTerm>[] = [
  textField('term', 'Term', { size: 180 }),
  longField('definition', 'Definition', { size: 640 }),
];

/** The glossary printed at the back of the pack: abbreviations and terms. */
export function GlossaryPage() {
  return (
    <RecordGrid<GlossaryTerm>
      entity="glossary"
      label="Glossary"
      addLabel="Add term"
      specs={glossaryColumns}
      schema={glossaryFields}
      describe={(term) => `term ${term.term}`}
      height={560}
      newRecord={(rows) => {
        const terms = new Set(rows.map((row) => row.term));
        let n = 1;
        while (terms.has(`NEW${n}`)) n += 1;
        return { term: `NEW${n}`, definition: 'What it stands for' };
      }}
    />
  );
}
