import type { AreaKind, Unit } from '../../../shared/domain';
import { BoardpackError } from '../../../shared/errors';
import { createArea } from '../../repositories/area-writes';
import type { Writer } from '../../repositories/change-log';
import { createIndicator } from '../../repositories/indicator-writes';
import { createPeriod } from '../../repositories/period-writes';
import type { Db } from '../../schema/database';
import { parsePeriodLabel } from '../periods/period-labels';
import type { AreaTarget, IndicatorTarget, PeriodTarget } from './figure-mapping';
import type { CreateEntry } from './name-resolver';

type CreateOf<Target> = Extract<Target, { create: unknown }>['create'];
export type IndicatorCreate = CreateOf<IndicatorTarget>;
export type AreaCreate = CreateOf<AreaTarget>;
export type PeriodCreate = CreateOf<PeriodTarget>;

/** How the first value of a new indicator was written: its unit when the mapping gives none. */
export interface IndicatorHint {
  readonly unit: Unit;
}

/** A wide file's row: its area column's kind, and whether it is the table's total ("Total Bucks"). */
export interface AreaHint {
  readonly kind: AreaKind;
  readonly total: boolean;
}

const TOTAL = /^(?:total|all areas)\b\s*/i;

/** "Total Bucks" → "Bucks"; a row that is only "Total" keeps its name. */
export function isTotalRow(name: string): boolean {
  return TOTAL.test(name.trim());
}

/**
 * A new indicator: unit from the mapping or from how its first value was
 * written (12% → percent, £43k → money, else count), polarity neutral unless
 * the mapping says otherwise.
 */
export function indicatorCreator(
  db: Db,
  writer: Writer,
  file: string,
  units: Map<number, Unit>,
): CreateEntry<IndicatorCreate, IndicatorHint> {
  return async (name, details, hint) => {
    const unit = details?.unit ?? hint.unit;
    if (unit === 'rate' && details?.ratePer === undefined) {
      throw new BoardpackError(
        'invalid-input',
        `a rate indicator needs ratePer in the mapping to be created: "${name}"`,
        {
          field: `names.indicators.${name}`,
        },
      );
    }
    const id = await createIndicator(db, writer, {
      name,
      unit,
      ratePer: details?.ratePer ?? null,
      denominator: details?.denominator ?? null,
      polarity: details?.polarity ?? 'neutral',
      source: details?.source ?? null,
      definition: details?.definition ?? `Created by importing ${file}.`,
      numeratorIndicatorId: null,
    });
    units.set(id, unit);
    return { entry: { id, names: [name] }, created: true };
  };
}

/**
 * A new area. A total row ("Total Bucks") is the area "Bucks" (found when it
 * exists, otherwise created as a county with "Total Bucks" as an alias); other
 * rows take the kind their column's header suggests (Police Area → police area).
 * The import later puts the areas it created under the total row's area.
 */
export function areaCreator(db: Db, writer: Writer, createdMembers: Set<number>): CreateEntry<AreaCreate, AreaHint> {
  return async (name, details, hint, where, find) => {
    let areaName = details?.name ?? name;
    const aliases = [...(details?.aliases ?? [])];
    if (hint.total && details?.name === undefined) {
      const stripped = name.trim().replace(TOTAL, '');
      if (stripped !== '') {
        const existing = find(stripped);
        if (existing) return { entry: existing, created: false };
        areaName = stripped;
        aliases.push(name.trim());
      }
    }
    let parentId: number | null = null;
    if (details?.parent !== undefined) {
      const parent = find(details.parent);
      if (!parent)
        throw new BoardpackError('not-found', `unknown parent area "${details.parent}" for "${name}"`, where);
      parentId = parent.id;
    }
    const id = await createArea(db, writer, {
      name: areaName,
      kind: details?.kind ?? (hint.total ? 'county' : hint.kind),
      parentId,
      code: null,
      aliases,
    });
    if (!hint.total && parentId === null) createdMembers.add(id);
    return { entry: { id, names: [areaName, ...aliases] }, created: true };
  };
}

/** A new period, its kind and dates from the mapping or read from its label ("Apr-Dec 2012"). */
export function periodCreator(db: Db, writer: Writer): CreateEntry<PeriodCreate, undefined> {
  return async (name, details, _hint, where) => {
    const parsed = parsePeriodLabel(name);
    const startDate = details?.start ?? parsed?.startDate;
    const endDate = details?.end ?? parsed?.endDate;
    const kind = details?.kind ?? parsed?.kind ?? 'range';
    if (startDate === undefined || endDate === undefined) {
      throw new BoardpackError(
        'invalid-input',
        `cannot create period "${name}": its dates cannot be read from its name; give them in the mapping ` +
          `("names": { "periods": { "${name}": { "create": { "start": "YYYY-MM-DD", "end": "YYYY-MM-DD" } } } })`,
        where,
      );
    }
    const id = await createPeriod(db, writer, { label: name, kind, startDate, endDate, note: null });
    return { entry: { id, names: [name] }, created: true };
  };
}
