import { figureFields } from '../../../shared/api/records';
import type { Figure, FigureInput } from '../../../shared/model';
import { suggestion } from '../../../shared/names';
import type { FigureFilter } from '../../data/queries';
import {
  findArea,
  findIndicator,
  findPeriod,
  parseProvisional,
  parseValueText,
  showValue,
  type FigureLookups,
} from './lookups';

/**
 * The paste shape for figures (see renderer/README.md):
 *
 * A block copied from a spreadsheet is tab-separated lines; its columns land on
 * the grid's columns from the focused cell rightwards, in the grid's order:
 * Indicator, Area, Period, Value, Status, Source, Note. So a block pasted at the
 * Value cell is values (and statuses, sources, notes) only; a block pasted at
 * Indicator, or into "Add figures", is indicator, area, period, value[, status,
 * source, note].
 *
 * - Lines over existing rows change those figures. Their indicator, area and
 *   period cells may repeat what is there, not change it (a figure does not move).
 * - Lines below the last row (or in "Add figures") add figures. Indicator, area
 *   and period come from the pasted columns, else from the screen's filters.
 *   Names match like shared/names.ts sameName (any case, dashes, spaces); an
 *   area also matches by any alias. A new line whose indicator, area and period
 *   already have a figure changes that figure instead.
 * - Values: "1,108", "-3.5", "43%" (percent), "£1,250" (money, to pence).
 *   Status: "provisional" (or yes, p) / "final" (or no, empty).
 * - A first line that starts with the header "Indicator" is skipped.
 * Nothing is written until the preview is confirmed; then one figures.write
 * writes every line or none, each made from the version of the figure the
 * preview showed (see blockOf). When someone saved one of them since, the
 * write is refused as stale; the block is planned again over the figures as
 * saved now (replanOver), with the lines saved since marked, and the user
 * chooses: write over theirs, or cancel and keep them.
 */

export const PASTE_COLUMNS = ['indicatorId', 'areaId', 'periodId', 'value', 'provisional', 'source', 'note'] as const;
export type PasteColumn = (typeof PASTE_COLUMNS)[number];

export const PASTE_HEADERS: Readonly<Record<PasteColumn, string>> = {
  indicatorId: 'Indicator',
  areaId: 'Area',
  periodId: 'Period',
  value: 'Value',
  provisional: 'Status',
  source: 'Source',
  note: 'Note',
};

export interface PlannedCell {
  readonly text: string;
  readonly error: string | null;
  /** Whether the paste changes this cell (as opposed to keeping what is there). */
  readonly changed: boolean;
}

export interface PlannedLine {
  /** 1-based line of the pasted block. */
  readonly line: number;
  readonly action: 'add' | 'change';
  readonly before: Figure | null;
  readonly figure: FigureInput | null;
  readonly cells: Readonly<Record<PasteColumn, PlannedCell>>;
  readonly errorCount: number;
  /** After a refused write: the value someone else saved since the block was first planned ("412"). */
  readonly savedSince?: string;
}

export interface PastePlan {
  readonly lines: readonly PlannedLine[];
  readonly errorCount: number;
  readonly adds: number;
  readonly changes: number;
}

export interface PasteRequest {
  readonly cells: readonly (readonly string[])[];
  /** Index of the existing row the first line lands on; rows.length (or more) to add only. */
  readonly rowIndex: number;
  /** Index into PASTE_COLUMNS of the first pasted column. */
  readonly colIndex: number;
  readonly rows: readonly Figure[];
  /** Every figure loaded for the current filters, to find the one a new line's triple already has. */
  readonly loaded: readonly Figure[];
  readonly filter: FigureFilter;
  readonly lookups: FigureLookups;
  /** Ids of rows deleted by someone else since the paste (see replanOver). */
  readonly gone?: ReadonlySet<number>;
}

const tripleKey = (indicatorId: number, areaId: number, periodId: number) => `${indicatorId}|${areaId}|${periodId}`;

export function planFigurePaste(request: PasteRequest): PastePlan {
  const { lookups, filter } = request;
  const existing = new Map(
    request.loaded.map((figure) => [tripleKey(figure.indicatorId, figure.areaId, figure.periodId), figure]),
  );
  const inBlock = new Set<string>();
  const lines: PlannedLine[] = [];
  const indicatorNames = [...lookups.indicators.values()].map((indicator) => indicator.name);
  const areaNames = [...lookups.areas.values()].flatMap((area) => [area.name, ...area.aliases]);
  const periodLabels = [...lookups.periods.values()].map((period) => period.label);

  let body = request.cells.filter((line) => line.some((cell) => cell.trim() !== ''));
  if (request.colIndex === 0 && /^\s*indicator\s*$/i.test(body[0]?.[0] ?? '')) body = body.slice(1);

  body.forEach((line, offset) => {
    const target = request.rows[request.rowIndex + offset] ?? null;
    const pasted = new Map<PasteColumn, string>();
    const cells = {} as Record<PasteColumn, PlannedCell>;
    line.forEach((text, step) => {
      const column = PASTE_COLUMNS[request.colIndex + step];
      if (column) pasted.set(column, text.trim());
    });
    const extra = line.slice(PASTE_COLUMNS.length - request.colIndex).filter((text) => text.trim() !== '').length;

    const resolveKey = <Found extends { id: number }>(
      column: 'indicatorId' | 'areaId' | 'periodId',
      find: (text: string) => Found | undefined,
      name: (id: number) => string | undefined,
      candidates: readonly string[],
      filterId: number | null,
      noun: string,
    ): number | null => {
      const text = pasted.get(column);
      const current = target ? target[column] : null;
      if (text === undefined || text === '') {
        const id = current ?? filterId;
        cells[column] = {
          text: id === null ? '' : (name(id) ?? String(id)),
          changed: false,
          error:
            id === null ? `no ${noun}: paste the ${PASTE_HEADERS[column]} column or choose one in the filters` : null,
        };
        return id;
      }
      const found = find(text);
      if (!found) {
        cells[column] = { text, changed: true, error: `unknown ${noun} "${text}"${suggestion(text, candidates)}` };
        return null;
      }
      if (current !== null && found.id !== current) {
        cells[column] = {
          text,
          changed: true,
          error: `this row is ${name(current) ?? ''}; a paste does not move a figure to another ${noun} (paste new figures below the last row)`,
        };
        return null;
      }
      cells[column] = { text: name(found.id) ?? text, changed: current === null, error: null };
      return found.id;
    };

    const indicatorId = resolveKey(
      'indicatorId',
      (text) => findIndicator(lookups, text),
      (id) => lookups.indicators.get(id)?.name,
      indicatorNames,
      filter.indicatorId,
      'indicator',
    );
    const areaId = resolveKey(
      'areaId',
      (text) => findArea(lookups, text),
      (id) => lookups.areas.get(id)?.name,
      areaNames,
      filter.areaId,
      'area',
    );
    const periodId = resolveKey(
      'periodId',
      (text) => findPeriod(lookups, text),
      (id) => lookups.periods.get(id)?.label,
      periodLabels,
      filter.periodId,
      'period',
    );
    const indicator = indicatorId === null ? undefined : lookups.indicators.get(indicatorId);

    const before =
      target ??
      (indicatorId !== null && areaId !== null && periodId !== null
        ? (existing.get(tripleKey(indicatorId, areaId, periodId)) ?? null)
        : null);

    // Value
    const valueText = pasted.get('value');
    let value: unknown = before?.value;
    if (valueText !== undefined) {
      value = parseValueText(valueText, indicator);
      const checked = figureFields.shape.value.safeParse(value);
      cells.value = {
        text: checked.success ? showValue(checked.data, indicator) : valueText,
        changed: !before || before.value !== value,
        error: checked.success ? null : (checked.error.issues[0]?.message ?? 'a figure must be a number'),
      };
    } else {
      cells.value = {
        text: typeof value === 'number' ? showValue(value, indicator) : '',
        changed: false,
        error: typeof value === 'number' ? null : 'a figure must be a number: paste the Value column',
      };
    }

    if (target && request.gone?.has(target.id)) {
      cells.value = {
        ...cells.value,
        error: 'someone else deleted this figure since you pasted: paste the line below the last row to add it again',
      };
    }

    // Status
    const statusText = pasted.get('provisional');
    let provisional = before?.provisional ?? false;
    if (statusText !== undefined) {
      const parsed = parseProvisional(statusText);
      if (parsed !== undefined) provisional = parsed;
      cells.provisional = {
        text: parsed === undefined ? statusText : parsed ? 'Provisional' : 'Final',
        changed: parsed !== (before?.provisional ?? false),
        error: parsed === undefined ? 'write "provisional" or "final"' : null,
      };
    } else {
      cells.provisional = { text: provisional ? 'Provisional' : 'Final', changed: false, error: null };
    }

    for (const column of ['source', 'note'] as const) {
      const text = pasted.get(column);
      const kept = before?.[column] ?? null;
      cells[column] =
        text === undefined
          ? { text: kept ?? '', changed: false, error: null }
          : { text, changed: (kept ?? '') !== text, error: null };
    }

    const figure =
      indicatorId !== null && areaId !== null && periodId !== null
        ? {
            indicatorId,
            areaId,
            periodId,
            value: value as number,
            provisional,
            source: pasted.has('source') ? pasted.get('source') || null : (before?.source ?? null),
            note: pasted.has('note') ? pasted.get('note') || null : (before?.note ?? null),
          }
        : null;

    if (figure) {
      const key = tripleKey(figure.indicatorId, figure.areaId, figure.periodId);
      if (inBlock.has(key)) {
        cells.periodId = { ...cells.periodId, error: 'this indicator, area and period appear twice in the block' };
      }
      inBlock.add(key);
      const checked = figureFields.safeParse(figure);
      if (!checked.success) {
        for (const issue of checked.error.issues) {
          const column = issue.path[0] as PasteColumn;
          if (cells[column] && cells[column].error === null) cells[column] = { ...cells[column], error: issue.message };
        }
      }
    }
    const errorCount = Object.values(cells).filter((cell) => cell.error !== null).length + (extra > 0 ? 1 : 0);
    if (extra > 0) {
      cells.note = { ...cells.note, error: cells.note.error ?? `${extra} cell(s) beyond the Note column` };
    }
    lines.push({
      line: offset + 1,
      action: before ? 'change' : 'add',
      before,
      figure: errorCount === 0 ? figure : null,
      cells,
      errorCount,
    });
  });

  return {
    lines,
    errorCount: lines.reduce((sum, line) => sum + line.errorCount, 0),
    adds: lines.filter((line) => line.action === 'add' && line.errorCount === 0).length,
    changes: lines.filter((line) => line.action === 'change' && line.errorCount === 0).length,
  };
}

/** What one figures.write of a plan sends: its figures, each with the version it was made from (null: new). */
export function blockOf(plan: PastePlan): { figures: FigureInput[]; versions: (number | null)[] } {
  const lines = plan.lines.flatMap((line) => (line.figure ? [{ figure: line.figure, before: line.before }] : []));
  return { figures: lines.map((line) => line.figure), versions: lines.map((line) => line.before?.version ?? null) };
}

/**
 * The same paste planned again over the figures as saved now, after a write
 * refused as stale: each target row replaced by its saved version (a row
 * deleted since is an error on its line), and every line whose figure someone
 * saved or added since marked with what they saved.
 */
export function replanOver(
  request: PasteRequest,
  previous: PastePlan,
  saved: readonly Figure[],
): { request: PasteRequest; plan: PastePlan } {
  const byId = new Map(saved.map((figure) => [figure.id, figure]));
  const again: PasteRequest = {
    ...request,
    rows: request.rows.map((row) => byId.get(row.id) ?? row),
    loaded: saved,
    gone: new Set(request.rows.filter((row) => !byId.has(row.id)).map((row) => row.id)),
  };
  const plan = planFigurePaste(again);
  const lines = plan.lines.map((line, index) => {
    const before = previous.lines[index]?.before ?? null;
    const now = line.before;
    if (!now || !byId.has(now.id) || now.version === before?.version) return line;
    return { ...line, savedSince: showValue(now.value, request.lookups.indicators.get(now.indicatorId)) };
  });
  return { request: again, plan: { ...plan, lines } };
}
