import type { Transaction } from 'kysely';
import type { Unit } from '../../../shared/domain';
import { BoardpackError, type ErrorWhere } from '../../../shared/errors';
import type { Writer } from '../../repositories/change-log';
import type { Database } from '../../schema/database';
import { readFlagCell } from '../cells/flag-cell';
import { readNumberCell, unitOfForm } from '../cells/number-cell';
import type { TableRecord } from '../files/table-record';
import type { Column, ColumnPlan } from './column-plan';
import type { FigureMapping } from './figure-mapping';
import { FigureStage } from './figure-stage';
import {
  areaCreator,
  indicatorCreator,
  isTotalRow,
  periodCreator,
  type AreaCreate,
  type AreaHint,
  type IndicatorCreate,
  type IndicatorHint,
  type PeriodCreate,
} from './name-creators';
import { NameResolver } from './name-resolver';
import { checkPrintedChange, TotalRowCheck, type PrintedCheck } from './printed-checks';

/** A figure of the file as the preview shows it: names as the file writes them. */
export interface FigurePreviewRow {
  readonly row: number;
  readonly column: string;
  readonly indicator: string;
  readonly area: string;
  readonly period: string;
  readonly value: number;
}

interface Observation {
  readonly row: number;
  readonly column: Column;
  readonly indicator: { readonly name: string; readonly where: ErrorWhere };
  readonly area: { readonly name: string; readonly where: ErrorWhere; readonly hint: AreaHint };
  readonly period: { readonly name: string; readonly where: ErrorWhere };
  readonly value: string;
  readonly note: string | null;
  readonly provisional: boolean;
}

export interface FigureRowsOptions {
  readonly file: string;
  readonly headerRow: number;
  readonly plan: ColumnPlan;
  readonly mapping: FigureMapping;
  readonly createMissing: boolean;
  readonly previewRows: number;
}

/**
 * Reads the data rows of one figures file, in whichever layout, into the stage:
 * each cell is read for its indicator's unit, each name resolved (or created,
 * or remembered as unknown), every printed Difference, % Change and total row
 * checked. Errors name the file, row and column.
 */
export class FigureRows {
  readonly indicators: NameResolver<IndicatorCreate, IndicatorHint>;
  readonly areas: NameResolver<AreaCreate, AreaHint>;
  readonly periods: NameResolver<PeriodCreate, undefined>;
  readonly units = new Map<number, Unit>();
  readonly createdMembers = new Set<number>();
  readonly checks: PrintedCheck[] = [];
  readonly preview: FigurePreviewRow[] = [];
  rowsRead = 0;
  figuresRead = 0;
  skipped = 0;
  totalAreaId: number | null = null;
  private readonly totals = new TotalRowCheck();
  private readonly columnUnits = new Map<string, Unit>();

  private constructor(
    private readonly options: FigureRowsOptions,
    readonly stage: FigureStage,
    entries: Awaited<ReturnType<typeof loadEntries>>,
    trx: Transaction<Database>,
    writer: Writer,
  ) {
    for (const indicator of entries.indicators) this.units.set(indicator.id, indicator.unit);
    const { file, mapping, createMissing } = options;
    this.indicators = new NameResolver({
      kind: 'indicator',
      entries: entries.indicators,
      targets: mapping.names.indicators,
      createMissing,
      create: indicatorCreator(trx, writer, file, this.units),
    });
    this.areas = new NameResolver({
      kind: 'area',
      entries: entries.areas,
      targets: mapping.names.areas,
      createMissing,
      create: areaCreator(trx, writer, this.createdMembers),
    });
    this.periods = new NameResolver({
      kind: 'period',
      entries: entries.periods,
      targets: mapping.names.periods,
      createMissing,
      create: periodCreator(trx, writer),
    });
  }

  static async open(trx: Transaction<Database>, writer: Writer, options: FigureRowsOptions): Promise<FigureRows> {
    const entries = await loadEntries(trx);
    const stage = await FigureStage.open(trx, options.file);
    return new FigureRows(options, stage, entries, trx, writer);
  }

  async read(record: TableRecord): Promise<void> {
    this.rowsRead += 1;
    const { plan } = this.options;
    if (plan.layout === 'long') await this.readLong(record, plan);
    else await this.readWide(record, plan);
  }

  /** The checks of the total rows, once every row has been read. */
  totalChecks(): PrintedCheck[] {
    const { plan } = this.options;
    if (plan.layout === 'long') return [];
    const labelOf = (column: string): string =>
      plan.layout === 'wide-period' ? `${plan.indicator}, ${column}` : `${column}, ${plan.period}`;
    return this.totals.checks(labelOf, (column) => this.columnUnits.get(column) ?? 'count');
  }

  private where(row: number, column: Column): { file: string; row: number; column: string } {
    return { file: this.options.file, row, column: column.name };
  }

  private text(record: TableRecord, column: Column): string {
    return (record.cells[column.index] ?? '').trim();
  }

  private required(record: TableRecord, column: Column, what: string): string {
    const value = this.text(record, column);
    if (value === '') throw new BoardpackError('invalid-input', `no ${what} named`, this.where(record.row, column));
    return value;
  }

  private async readLong(record: TableRecord, plan: Extract<ColumnPlan, { layout: 'long' }>): Promise<void> {
    const { row } = record;
    let provisional = this.options.mapping.provisional ?? false;
    if (plan.provisional) {
      const flag = readFlagCell(this.text(record, plan.provisional));
      if (flag === null) {
        throw new BoardpackError(
          'invalid-input',
          `"${this.text(record, plan.provisional)}" is not yes or no`,
          this.where(row, plan.provisional),
        );
      }
      provisional = flag || provisional;
    }
    const note = plan.note ? this.text(record, plan.note) : '';
    await this.observe({
      row,
      column: plan.value,
      indicator: { name: this.required(record, plan.indicator, 'indicator'), where: this.where(row, plan.indicator) },
      area: {
        name: this.required(record, plan.area, 'area'),
        where: this.where(row, plan.area),
        hint: { kind: 'district', total: false },
      },
      period: { name: this.required(record, plan.period, 'period'), where: this.where(row, plan.period) },
      value: record.cells[plan.value.index] ?? '',
      note: note === '' ? null : note,
      provisional,
    });
  }

  private async readWide(record: TableRecord, plan: Exclude<ColumnPlan, { layout: 'long' }>): Promise<void> {
    const { row } = record;
    const { file, headerRow } = this.options;
    const areaName = this.text(record, plan.area);
    const total = isTotalRow(areaName);
    const valueColumns = plan.layout === 'wide-period' ? plan.periods : plan.indicators;
    const values: (number | null)[] = [];
    for (const column of valueColumns) {
      const text = record.cells[column.index] ?? '';
      if (areaName === '' && readNumberCell(text, null).kind !== 'missing') {
        this.required(record, plan.area, 'area');
      }
      const header = { name: column.name, where: { file, row: headerRow, column: column.name } };
      const fixed = plan.layout === 'wide-period' ? plan.indicator : plan.period;
      const named = { name: fixed, where: { file, field: plan.layout === 'wide-period' ? 'indicator' : 'period' } };
      const value = await this.observe({
        row,
        column,
        indicator: plan.layout === 'wide-period' ? named : header,
        area: { name: areaName, where: this.where(row, plan.area), hint: { kind: plan.areaKind, total } },
        period: plan.layout === 'wide-period' ? header : named,
        value: text,
        note: null,
        provisional: this.options.mapping.provisional ?? false,
      });
      values.push(value);
      if (areaName !== '') this.totals.add(column.name, row, areaName, value, total);
    }
    if (plan.layout === 'wide-period' && areaName !== '') this.checkChanges(record, plan, areaName, values);
  }

  private checkChanges(
    record: TableRecord,
    plan: Extract<ColumnPlan, { layout: 'wide-period' }>,
    areaName: string,
    values: readonly (number | null)[],
  ): void {
    const base = values.at(-2);
    const current = values.at(-1);
    const baseColumn = plan.periods.at(-2);
    const currentColumn = plan.periods.at(-1);
    if (base === null || base === undefined || current === null || current === undefined) return;
    if (!baseColumn || !currentColumn) return;
    const unit = this.columnUnits.get(currentColumn.name) ?? 'count';
    const label = `${plan.indicator}, ${areaName}, ${baseColumn.name} to ${currentColumn.name}`;
    for (const [kind, column] of [
      ['difference', plan.difference],
      ['percent change', plan.change],
    ] as const) {
      if (!column) continue;
      const check = checkPrintedChange(
        kind,
        label,
        base,
        current,
        this.text(record, column),
        unit,
        this.where(record.row, column),
      );
      if (check) this.checks.push(check);
    }
  }

  /** One cell: its value read for its indicator's unit, its names resolved, staged. Returns the value. */
  private async observe(observation: Observation): Promise<number | null> {
    const { row, column } = observation;
    const where = this.where(row, column);
    const first = readNumberCell(observation.value, null);
    if (first.kind === 'missing') {
      this.skipped += 1;
      return null;
    }
    const guess = first.kind === 'value' ? unitOfForm(first.form) : 'count';
    const indicatorId = await this.indicators.resolve(observation.indicator.name, observation.indicator.where, {
      unit: guess,
    });
    const unit = indicatorId === null ? null : (this.units.get(indicatorId) ?? null);
    const cell = readNumberCell(observation.value, unit);
    if (cell.kind === 'error') throw new BoardpackError('invalid-input', cell.message, where);
    if (cell.kind === 'missing') return null;
    if (unit !== null) this.columnUnits.set(column.name, unit);
    const areaId = await this.areas.resolve(observation.area.name, observation.area.where, observation.area.hint);
    if (observation.area.hint.total && areaId !== null) this.totalAreaId ??= areaId;
    const periodId = await this.periods.resolve(observation.period.name, observation.period.where, undefined);
    this.figuresRead += 1;
    if (indicatorId === null || areaId === null || periodId === null) return cell.value;
    const label = `${observation.indicator.name}, ${observation.area.name}, ${observation.period.name}`;
    await this.stage.add({
      indicatorId,
      areaId,
      periodId,
      value: cell.value,
      provisional: observation.provisional,
      note: observation.note,
      row,
      column: column.name,
      label,
    });
    if (this.preview.length < this.options.previewRows) {
      this.preview.push({
        row,
        column: column.name,
        indicator: observation.indicator.name,
        area: observation.area.name,
        period: observation.period.name,
        value: cell.value,
      });
    }
    return cell.value;
  }
}

async function loadEntries(trx: Transaction<Database>) {
  const [indicators, areas, aliases, periods] = await Promise.all([
    trx.selectFrom('indicator').select(['id', 'name', 'unit']).execute(),
    trx.selectFrom('area').select(['id', 'name']).execute(),
    trx.selectFrom('areaAlias').selectAll().execute(),
    trx.selectFrom('period').select(['id', 'label']).execute(),
  ]);
  return {
    indicators: indicators.map((indicator) => ({ id: indicator.id, unit: indicator.unit, names: [indicator.name] })),
    areas: areas.map((area) => ({
      id: area.id,
      names: [area.name, ...aliases.filter((alias) => alias.areaId === area.id).map((alias) => alias.alias)],
    })),
    periods: periods.map((period) => ({ id: period.id, names: [period.label] })),
  };
}
