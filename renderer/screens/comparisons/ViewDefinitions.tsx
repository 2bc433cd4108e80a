import type { ViewIndicator } from '../../../shared/views/view-table';

/**
 * What each indicator of the view measures, printed under its table as the
 * annual report prints its crime-rate definition: name and unit, then the
 * definition. One indicator's is shown; several are one click away.
 */
export function ViewDefinitions({ indicators }: { readonly indicators: readonly ViewIndicator[] }) {
  const defined = indicators.filter((indicator) => indicator.definition);
  if (defined.length === 0) return null;
  const list = (
    <dl className="view-definitions">
      {defined.map((indicator) => (
        <div key={indicator.id} className="view-definition">
          <dt>
            {indicator.name} ({indicator.unitText})
          </dt>
          <dd>{indicator.definition}</dd>
        </div>
      ))}
    </dl>
  );
  return (
    <details className="view-definitions-details" open={defined.length === 1}>
      <summary>
        {defined.length === 1 ? 'What the figures measure' : `What the figures measure (${defined.length} indicators)`}
      </summary>
      {list}
    </details>
  );
}
