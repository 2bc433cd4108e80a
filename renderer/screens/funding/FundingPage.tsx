import { useMemo } from 'react';
import { fundingLineFields, grantFields } from '../../../shared/api/records';
import { checkStatedTotal } from '../../../shared/comparison/stated-checks';
import { formatPence } from '../../../shared/money';
import type { FundingLine, Grant, Plan, Priority } from '../../../shared/model';
import { useRecords, useStatedTotals } from '../../data/queries';
import type { FieldSpec } from '../../grid/field-spec';
import { boolField, longField, moneyField, numberField, recordOptions, selectField, textField } from '../../grid/specs';
import { RecordGrid } from '../shared/RecordGrid';

/** Funding lines and grants, and the totals the documents state checked against the lines. */
export function FundingPage() {
  const plans = useRecords<Plan>('plans');
  const priorities = useRecords<Priority>('priorities');
  const lines = useRecords<FundingLine>('fundingLines');
  const totals = useStatedTotals();

  const lineSpecs = useMemo<FieldSpec<FundingLine>[]>(
    () => [
      selectField(
        'planId',
        'Plan',
        recordOptions(plans.rows, (plan) => plan.key),
        { size: 170 },
      ),
      textField('year', 'Year', { size: 100 }),
      textField('fundingSource', 'Source', { size: 120 }),
      longField('description', 'Description', { size: 340 }),
      moneyField('amountPence', 'Amount'),
      selectField(
        'priorityId',
        'Priority',
        recordOptions(priorities.rows, (priority) => `${priority.ref} ${priority.title}`.slice(0, 60)),
        { nullable: true, size: 200 },
      ),
      boolField('confirmed', 'Confirmed'),
      longField('note', 'Note', { size: 220 }),
    ],
    [plans.rows, priorities.rows],
  );

  const checks = useMemo(
    () =>
      totals.rows.map((total) => {
        const parts = lines.rows
          .filter(
            (line) =>
              line.planId === total.planId && line.year === total.year && total.covers.includes(line.fundingSource),
          )
          .map((line) => line.amountPence);
        return {
          total,
          count: parts.length,
          check: checkStatedTotal(total.label, parts, total.amountPence, { unit: 'money' }),
        };
      }),
    [totals.rows, lines.rows],
  );

  return (
    <div className="stack">
      <section className="stated-totals" aria-labelledby="stated-title">
        <h2 id="stated-title" className="grid-title">
          Stated totals
        </h2>
        <p className="help">
          Totals as the documents print them (read only), checked against the funding lines they cover.
        </p>
        <table className="plain-table">
          <thead>
            <tr>
              <th scope="col">Total</th>
              <th scope="col">Year</th>
              <th scope="col">Covers</th>
              <th scope="col" className="num">
                Stated
              </th>
              <th scope="col" className="num">
                Lines add to
              </th>
              <th scope="col" className="num">
                Difference
              </th>
              <th scope="col">Check</th>
            </tr>
          </thead>
          <tbody>
            {checks.map(({ total, count, check }) => (
              <tr key={total.id} className={check.agrees ? undefined : 'row-mismatch'}>
                <th scope="row">{total.label}</th>
                <td>{total.year}</td>
                <td>
                  {total.covers.join(', ')} ({count} line{count === 1 ? '' : 's'})
                </td>
                <td className="num">{formatPence(total.amountPence)}</td>
                <td className="num">{formatPence(check.computed)}</td>
                <td className="num">{formatPence(check.computed - total.amountPence)}</td>
                <td>
                  {check.agrees ? (
                    <span className="badge badge-ok">Agrees</span>
                  ) : (
                    <span className="badge badge-bad">
                      Does not add up: lines {formatPence(check.computed)}, stated {formatPence(total.amountPence)}
                    </span>
                  )}
                </td>
              </tr>
            ))}
            {checks.length === 0 ? (
              <tr>
                <td colSpan={7}>{totals.isPending ? 'Loading…' : 'No stated totals.'}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </section>
      <RecordGrid<FundingLine>
        entity="fundingLines"
        label="Funding lines"
        addLabel="Add funding line"
        specs={lineSpecs}
        schema={fundingLineFields}
        describe={(line) => `funding line "${line.description.slice(0, 40)}"`}
        height={300}
        newRecord={() => {
          const plan = plans.rows[0];
          if (!plan) return null;
          return {
            planId: plan.id,
            year: plan.startDate.slice(0, 4),
            priorityId: null,
            description: 'New funding line',
            amountPence: 0,
            fundingSource: 'BCC',
            confirmed: false,
            note: null,
          };
        }}
      />
      <RecordGrid<Grant>
        entity="grants"
        label="Grants"
        addLabel="Add grant"
        specs={grantColumns}
        schema={grantFields}
        describe={(grant) => `grant from ${grant.funder} (${grant.year})`}
        height={260}
        newRecord={() => ({
          funder: 'Funder',
          recipient: 'Recipient',
          year: String(new Date().getFullYear()),
          amountPence: 0,
          purpose: 'What it pays for',
          statedChangePercent: null,
          statedChangePence: null,
        })}
      />
    </div>
  );
}

const grantColumns: FieldSpec<Grant>[] = [
  textField('funder', 'Funder', { size: 200 }),
  textField('recipient', 'Recipient', { size: 200 }),
  textField('year', 'Year', { size: 100 }),
  moneyField('amountPence', 'Amount'),
  longField('purpose', 'Purpose', { size: 300 }),
  numberField('statedChangePercent', 'Stated change %', { nullable: true, size: 140 }),
  moneyField('statedChangePence', 'Stated change £', { nullable: true, size: 150 }),
];
