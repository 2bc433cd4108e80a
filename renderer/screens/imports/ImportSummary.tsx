import type { FigureImportSummary, PoliceImportSummary, PopulationImportSummary } from '../../../shared/imports';
import { NamedRowsList } from './NamedRowsList';
import { wholeNumber } from './import-files';

type Summary = FigureImportSummary | PoliceImportSummary | PopulationImportSummary;

/** One line per number: a definition list a screen reader reads in order. */
function Numbers({ label, rows }: { readonly label: string; readonly rows: readonly [string, number | string][] }) {
  return (
    <dl className="import-numbers" aria-label={label}>
      {rows.map(([term, value]) => (
        <div key={term} className="import-number">
          <dt>{term}</dt>
          <dd data-testid={`summary-${term.toLowerCase().replace(/\W+/g, '-')}`}>
            {typeof value === 'number' ? wholeNumber(value) : value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** What an import did (or, checked, would do). */
export function ImportSummary({ summary }: { readonly summary: Summary }) {
  switch (summary.kind) {
    case 'figures':
      return <FiguresSummary summary={summary} />;
    case 'police':
      return <PoliceSummary summary={summary} />;
    case 'population':
      return (
        <Numbers
          label="Population import"
          rows={[
            ['Rows read', summary.rowsRead],
            ['Inserted', summary.inserted],
            ['Updated', summary.updated],
            ['Unchanged', summary.unchanged],
          ]}
        />
      );
  }
}

function FiguresSummary({ summary }: { readonly summary: FigureImportSummary }) {
  const verb = summary.dryRun ? 'would be ' : '';
  const created = [
    ...summary.createdNames.indicators.map((name) => `indicator ${name}`),
    ...summary.createdNames.areas.map((name) => `area ${name}`),
    ...summary.createdNames.periods.map((name) => `period ${name}`),
  ];
  const mismatches = summary.checks.filter((check) => !check.agrees);
  return (
    <>
      <Numbers
        label={summary.dryRun ? 'What the import would do' : 'What the import did'}
        rows={[
          ['Rows read', summary.rowsRead],
          ['Figures read', summary.figuresRead],
          [`Figures ${verb}created`, summary.created],
          [`Figures ${verb}updated`, summary.updated],
          ['Figures unchanged', summary.unchanged],
          ['Empty cells skipped', summary.skipped],
        ]}
      />
      {created.length > 0 ? (
        <p className="import-created">
          {summary.dryRun ? 'Would create' : 'Created'}: {created.join('; ')}
        </p>
      ) : null}
      {summary.checks.length > 0 ? (
        <section aria-labelledby="printed-checks-heading" className="printed-checks">
          <h4 id="printed-checks-heading" className="import-subtitle">
            Printed differences checked: {summary.checks.length - mismatches.length} agree
            {mismatches.length > 0 ? `, ${mismatches.length} disagree (not imported)` : ''}
          </h4>
          <ul className="check-list">
            {summary.checks.map((check) => (
              <li key={check.message} className={check.agrees ? 'check-agrees' : 'check-disagrees'}>
                <span className={check.agrees ? 'badge badge-ok' : 'badge badge-bad'}>
                  {check.agrees ? 'Agrees' : 'Disagrees'}
                </span>{' '}
                {check.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function PoliceSummary({ summary }: { readonly summary: PoliceImportSummary }) {
  return (
    <>
      <Numbers
        label="police.uk import"
        rows={[
          ['Months', summary.months.join(', ') || 'none'],
          ['Rows read', summary.rowsRead],
          ['Rows counted', summary.rowsCounted],
          ['Outside the areas', summary.rowsOutsideAreas],
          ['Without an LSOA', summary.rowsWithoutLsoa],
        ]}
      />
      <p className="import-created" data-testid="police-figures">
        Figures for the months, and the quarters, financial years and April-to-date periods they complete:{' '}
        {wholeNumber(summary.figures.created)} created, {wholeNumber(summary.figures.updated)} updated,{' '}
        {wholeNumber(summary.figures.unchanged)} unchanged.
      </p>
      {summary.rowsOutsideAreas > 0 ? (
        <NamedRowsList
          title="Outside the partnership’s areas (not counted)"
          testId="police-outside-areas"
          named={summary.outsideAreas}
        />
      ) : null}
      {summary.rowsWithoutLsoa > 0 ? (
        <NamedRowsList title="No LSOA (not counted)" testId="police-without-lsoa" named={summary.withoutLsoa} />
      ) : null}
      {summary.newCrimeTypes.length > 0 ? (
        <p className="import-created" data-testid="police-new-indicators">
          New indicators: {summary.newCrimeTypes.map((type) => `${type} (police.uk)`).join(', ')}
        </p>
      ) : null}
    </>
  );
}
