import { useId } from 'react';
import type { TopNamedRows } from '../../../shared/imports';
import { wholeNumber } from './import-files';

const rowsText = (rows: number): string => `${wholeNumber(rows)} ${rows === 1 ? 'row' : 'rows'}`;

/**
 * Rows an import left out, by name: a titled list ("Oxford (3)", "Cherwell (1)"), most rows first, ending with
 * "and 12 more (40 rows)" when the summary holds only the first names.
 */
export function NamedRowsList({
  title,
  testId,
  named,
}: {
  readonly title: string;
  readonly testId: string;
  readonly named: TopNamedRows;
}) {
  const heading = useId();
  return (
    <section aria-labelledby={heading} className="named-rows" data-testid={testId}>
      <h4 id={heading} className="import-subtitle">
        {title}
      </h4>
      <ul className="named-rows-list">
        {named.names.map(({ name, rows }) => (
          <li key={name}>
            {name} <span className="named-rows-count">({wholeNumber(rows)})</span>
          </li>
        ))}
        {named.moreNames > 0 ? (
          <li className="named-rows-more">
            and {wholeNumber(named.moreNames)} more ({rowsText(named.moreRows)})
          </li>
        ) : null}
      </ul>
    </section>
  );
}
