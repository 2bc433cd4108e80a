import { checkStatedTotal, sumExactly } from '../../../shared/comparison';
import { formatPence } from '../../../shared/money';
import type { FundingLine } from '../../../shared/model';
import type { AgendaContentOf } from '../../../shared/pack/agenda-content';
import type { PackBlock, PackTable } from '../../../shared/pack/document';
import { linesCoveredBy, listFundingLines, listStatedTotals } from '../../../db/repositories/funding';
import { listPlans, listPriorities } from '../../../db/repositories/plans';
import { BoardpackError } from '../../../shared/errors';
import { plainContent, type SectionContent, type SectionContext } from './section-context';

/**
 * A plan's funding: each line by priority and source, the total per source,
 * and each total the plan states checked against its lines (the 2014/15 plan
 * states BCC £246k; its lines add to £277k). The sums and checks are the
 * engine's (sumExactly, checkStatedTotal), as `boardpack check` makes them.
 */

const money = (pence: number) => ({ text: formatPence(pence), value: pence });

function linesTable(lines: readonly FundingLine[], priorityName: (id: number | null) => string, id: string): PackTable {
  return {
    id,
    caption: 'Funding lines by priority and source',
    columns: [
      { header: 'Priority', numeric: false },
      { header: 'Activity', numeric: false },
      { header: 'Source', numeric: false },
      { header: 'Amount', numeric: true },
      { header: 'Confirmed', numeric: false },
    ],
    rows: lines.map((line) => ({
      id: `line:${line.id}`,
      kind: 'body',
      cells: [
        { text: priorityName(line.priorityId) },
        { text: line.description },
        { text: line.fundingSource },
        money(line.amountPence),
        { text: line.confirmed ? 'Yes' : 'To be confirmed' },
      ],
    })),
    notes: [],
  };
}

export async function financeSection(
  context: SectionContext,
  content: AgendaContentOf<'finance'>,
): Promise<SectionContent> {
  const { db, sectionId } = context;
  const plan = (await listPlans(db)).find((candidate) => candidate.id === content.planId);
  if (!plan) {
    throw new BoardpackError('not-found', `there is no plan #${content.planId}; it may have been deleted`, {
      field: 'planId',
    });
  }
  const [lines, priorities, statedTotals] = await Promise.all([
    listFundingLines(db, plan.id),
    listPriorities(db, plan.id),
    listStatedTotals(db),
  ]);
  const priorityName = (id: number | null) => {
    const priority = priorities.find((candidate) => candidate.id === id);
    return priority ? `${priority.ref} ${priority.title}` : 'No priority';
  };
  const ordered = [...lines].sort(
    (a, b) =>
      (priorities.find((p) => p.id === a.priorityId)?.position ?? 999) -
        (priorities.find((p) => p.id === b.priorityId)?.position ?? 999) || a.id - b.id,
  );
  const sources = [...new Set(lines.map((line) => line.fundingSource))].sort();
  const totals: PackTable = {
    id: `${sectionId}:table:2`,
    caption: 'Totals by funding source',
    columns: [
      { header: 'Source', numeric: false },
      { header: 'Lines', numeric: true },
      { header: 'Total', numeric: true },
    ],
    rows: [
      ...sources.map((source) => {
        const of = lines.filter((line) => line.fundingSource === source);
        return {
          id: `source:${source}`,
          kind: 'body' as const,
          cells: [
            { text: source },
            { text: String(of.length), value: of.length },
            money(sumExactly(of.map((l) => l.amountPence))),
          ],
        };
      }),
      {
        id: 'total',
        kind: 'total',
        cells: [
          { text: 'Total' },
          { text: String(lines.length), value: lines.length },
          money(sumExactly(lines.map((l) => l.amountPence))),
        ],
      },
    ],
    notes: [],
  };
  const checks = statedTotals
    .filter((total) => total.planId === plan.id)
    .map((total) =>
      checkStatedTotal(
        `${total.year} ${total.fundingSource} ${total.label.toLowerCase()}`,
        linesCoveredBy(total, lines).map((line) => line.amountPence),
        total.amountPence,
        { unit: 'money' },
      ),
    );
  const checkTable: PackTable = {
    id: `${sectionId}:table:3`,
    caption: 'Stated totals checked against the lines',
    columns: [
      { header: 'Stated total', numeric: false },
      { header: 'Stated', numeric: true },
      { header: 'Lines add to', numeric: true },
      { header: 'Check', numeric: false },
    ],
    rows: checks.map((check, index) => ({
      id: `check:${index + 1}`,
      kind: 'body',
      cells: [
        { text: check.label },
        money(check.stated),
        money(check.computed),
        { text: check.agrees ? 'Agrees' : 'Disagrees' },
      ],
    })),
    notes: checks.map((check) => `${check.agrees ? 'Agrees' : 'Disagrees'}: ${check.message}.`),
  };
  const blocks: PackBlock[] = [
    { kind: 'facts', facts: [{ label: 'Plan', value: plan.title }] },
    { kind: 'table', table: linesTable(ordered, priorityName, `${sectionId}:table:1`) },
    { kind: 'table', table: totals },
    checks.length > 0
      ? { kind: 'table', table: checkTable }
      : { kind: 'note', text: 'The plan states no totals to check the lines against.' },
  ];
  return plainContent(blocks);
}
