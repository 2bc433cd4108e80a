import { replacedIndexes } from '../data/replaced-rows';
import { displayOf, type FieldSpec } from './field-spec';

/** A column the rows are sorted by, as TanStack's sorting state says it. */
export interface ViewSort {
  readonly id: string;
  readonly desc: boolean;
}

/** A column filter, as TanStack's filter state says it: rows whose shown text contains `value`. */
export interface ViewFilter {
  readonly id: string;
  readonly value: unknown;
}

/**
 * The rows as the grid shows them, once its filters and sorting apply: which
 * record sits at each position. Immutable: a change makes a new view.
 */
export interface RowView<Row> {
  /** How many rows are shown. */
  readonly length: number;
  /** Every record, shown or not. */
  readonly rows: readonly Row[];
  /** The record shown at `position`. */
  rowAt(position: number): Row | undefined;
  /** Where the record with this id is shown, or -1. */
  positionOf(id: string): number;
  /** The record with this id, shown or not. */
  byId(id: string): Row | undefined;
  /** The shown records in order (one array of them all: for a paste, not for rendering). */
  shown(): Row[];
}

type Key = number | string;

/** What a column computes once per record, on first need: its sort key and its shown text (lower case). */
interface ColumnCache {
  keys?: Key[];
  /** Whether every key is a number (else all compare as text). */
  numeric?: boolean;
  /** Keys as numbers that order like them (text keys by their place among the column's distinct texts). */
  ranks?: Float64Array;
  texts?: string[];
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/** More changed records than this at once (a refetch, a big paste) rebuild the view rather than move rows one by one. */
const MOST_MOVED = 500;

const sortKeyOf = <Row>(spec: FieldSpec<Row>, row: Row): Key =>
  spec.sortKey ? spec.sortKey(row) : displayOf(spec, row);

function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return collator.compare(String(a), String(b));
}

/**
 * Sorts and filters the grid's rows itself — the work of TanStack's sorted and
 * filtered row models, which the grid does not register — over keys computed
 * once per column and record: the shown text (lower case) for filters, the sort
 * key for sorting, with text keys turned into numbers by ranking the column's
 * distinct texts once. 100,000 rows then sort in tens of milliseconds.
 *
 * When new rows differ from the last ones in a few records only (an edit puts
 * one saved record into the cached list), only those records' keys are
 * computed again and only they move: an edit costs the same with 100,000 rows
 * as with ten. Anything else (rows added or removed, many changed) rebuilds the
 * view.
 *
 * `sync` is called while rendering and is idempotent: the same rows, specs,
 * sorting and filters give the same view object back.
 */
export class RowViewer<Row extends { readonly id: number }> {
  private rows: readonly Row[] = [];
  private specs: readonly FieldSpec<Row>[] = [];
  private sorting: readonly ViewSort[] = [];
  private filters: readonly ViewFilter[] = [];
  private caches = new Map<string, ColumnCache>();
  /** Record index by id, made on first need; a new holder when records are added, removed or reordered. */
  private ids: { map: Map<string, number> | null } = { map: null };
  private view: RowView<Row> | null = null;
  /** Shown records' indexes into `rows`, in order; null when every row shows in its own order. */
  private order: readonly number[] | null = null;

  sync(
    rows: readonly Row[],
    specs: readonly FieldSpec<Row>[],
    sorting: readonly ViewSort[],
    filters: readonly ViewFilter[],
  ): RowView<Row> {
    const sortingSame = sameSorting(sorting, this.sorting);
    const filtersSame = sameFilters(filters, this.filters);
    if (this.view && rows === this.rows && specs === this.specs && sortingSame && filtersSame) return this.view;

    let reorder = !sortingSame || !filtersSame || !this.view;
    if (specs !== this.specs) {
      this.caches.clear();
      reorder = true;
    }
    if (rows !== this.rows) {
      const changed = reorder ? null : (replacedIndexes(rows, this.rows) ?? changedIndexes(this.rows, rows));
      if (changed === null) {
        this.caches.clear();
        this.ids = { map: null };
        reorder = true;
      } else {
        this.rows = rows;
        this.specs = specs;
        this.sorting = sorting;
        this.filters = filters;
        this.patch(changed);
      }
    }
    this.rows = rows;
    this.specs = specs;
    this.sorting = sorting;
    this.filters = filters;
    if (reorder) this.order = this.computeOrder();
    this.view = this.makeView();
    return this.view;
  }

  private spec(id: string): FieldSpec<Row> | undefined {
    return this.specs.find((spec) => spec.id === id);
  }

  private cache(id: string): ColumnCache {
    let cache = this.caches.get(id);
    if (!cache) {
      cache = {};
      this.caches.set(id, cache);
    }
    return cache;
  }

  private keys(id: string): { keys: Key[]; numeric: boolean } {
    const cache = this.cache(id);
    if (!cache.keys) {
      const spec = this.spec(id);
      const keys = new Array<Key>(this.rows.length);
      let numeric = true;
      for (let index = 0; index < keys.length; index += 1) {
        const key = spec ? sortKeyOf(spec, this.rows[index] as Row) : '';
        keys[index] = key;
        if (typeof key !== 'number') numeric = false;
      }
      cache.keys = keys;
      cache.numeric = numeric;
    }
    return { keys: cache.keys, numeric: cache.numeric ?? false };
  }

  private ranks(id: string): Float64Array {
    const cache = this.cache(id);
    if (!cache.ranks) {
      const { keys, numeric } = this.keys(id);
      const ranks = new Float64Array(keys.length);
      if (numeric) {
        for (let index = 0; index < keys.length; index += 1) ranks[index] = keys[index] as number;
      } else {
        const texts = keys.map(String);
        const distinct = [...new Set(texts)].sort(collator.compare);
        const rankOf = new Map<string, number>();
        // Texts the collator holds equal ("Wycombe", "wycombe") share a rank, as they compare equal.
        distinct.forEach((text, place) => {
          const previous = distinct[place - 1];
          const rank = previous !== undefined && collator.compare(previous, text) === 0 ? rankOf.get(previous) : place;
          rankOf.set(text, rank ?? place);
        });
        for (let index = 0; index < texts.length; index += 1) ranks[index] = rankOf.get(texts[index] as string) ?? 0;
      }
      cache.ranks = ranks;
    }
    return cache.ranks;
  }

  private texts(id: string): string[] {
    const cache = this.cache(id);
    if (!cache.texts) {
      const spec = this.spec(id);
      cache.texts = this.rows.map((row) => (spec ? displayOf(spec, row).toLowerCase() : ''));
    }
    return cache.texts;
  }

  private activeFilters(): { texts: string[]; needle: string }[] {
    return this.filters
      .filter((filter) => this.spec(filter.id) && typeof filter.value === 'string' && filter.value !== '')
      .map((filter) => ({ texts: this.texts(filter.id), needle: (filter.value as string).toLowerCase() }));
  }

  private activeSorting(): ViewSort[] {
    return this.sorting.filter((sort) => this.spec(sort.id));
  }

  private computeOrder(): number[] | null {
    const filters = this.activeFilters();
    const sorting = this.activeSorting();
    if (filters.length === 0 && sorting.length === 0) return null;
    const order: number[] = [];
    for (let index = 0; index < this.rows.length; index += 1) {
      if (filters.every(({ texts, needle }) => (texts[index] as string).includes(needle))) order.push(index);
    }
    if (sorting.length === 0) return order;
    const levels = sorting.map((sort) => ({ ranks: this.ranks(sort.id), sign: sort.desc ? -1 : 1 }));
    return order.sort((a, b) => {
      for (const { ranks, sign } of levels) {
        const x = ranks[a] as number;
        const y = ranks[b] as number;
        if (x < y) return -sign;
        if (x > y) return sign;
      }
      return a - b;
    });
  }

  /** The records at `changed` were replaced (same ids, same places): their keys are computed again and only they move. */
  private patch(changed: readonly number[]): void {
    for (const [id, cache] of this.caches) {
      const spec = this.spec(id);
      if (!spec) continue;
      for (const index of changed) {
        const row = this.rows[index] as Row;
        if (cache.texts) cache.texts[index] = displayOf(spec, row).toLowerCase();
        if (cache.keys) {
          const key = sortKeyOf(spec, row);
          cache.keys[index] = key;
          if (cache.numeric && typeof key !== 'number') cache.numeric = false;
        }
        // Ranks hold the column's distinct texts as they were: made again at the next full sort.
        cache.ranks = undefined;
      }
    }
    if (this.order === null && this.activeFilters().length === 0 && this.activeSorting().length === 0) return;

    const moving = new Set(changed);
    const order = (this.order ?? this.rows.map((_, index) => index)).filter((index) => !moving.has(index));
    const filters = this.activeFilters();
    const levels = this.activeSorting().map((sort) => ({ ...this.keys(sort.id), sign: sort.desc ? -1 : 1 }));
    const before = (a: number, b: number): boolean => {
      for (const { keys, numeric, sign } of levels) {
        const x = keys[a] as Key;
        const y = keys[b] as Key;
        const difference = numeric ? compareKeys(x, y) : collator.compare(String(x), String(y));
        if (difference !== 0) return difference * sign < 0;
      }
      return a < b;
    };
    for (const index of changed) {
      if (!filters.every(({ texts, needle }) => (texts[index] as string).includes(needle))) continue;
      let low = 0;
      let high = order.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (before(order[middle] as number, index)) low = middle + 1;
        else high = middle;
      }
      order.splice(low, 0, index);
    }
    this.order = order;
  }

  private makeView(): RowView<Row> {
    const rows = this.rows;
    const order = this.order;
    const holder = this.ids;
    const ids = () => {
      holder.map ??= new Map(rows.map((row, index) => [String(row.id), index]));
      return holder.map;
    };
    let positions: Int32Array | null = null;
    const positionOfIndex = (index: number): number => {
      if (order === null) return index;
      if (!positions) {
        positions = new Int32Array(rows.length).fill(-1);
        for (let position = 0; position < order.length; position += 1) positions[order[position] as number] = position;
      }
      return positions[index] ?? -1;
    };
    return {
      length: order === null ? rows.length : order.length,
      rows,
      rowAt: (position) => (order === null ? rows[position] : rows[order[position] ?? -1]),
      positionOf: (id) => {
        const index = ids().get(id);
        return index === undefined ? -1 : positionOfIndex(index);
      },
      byId: (id) => {
        const index = ids().get(id);
        return index === undefined ? undefined : rows[index];
      },
      shown: () => (order === null ? rows.slice() : order.map((index) => rows[index] as Row)),
    };
  }
}

/** Indexes whose record changed, when `next` is `previous` with a few records replaced in place; else null. */
function changedIndexes<Row extends { readonly id: number }>(
  previous: readonly Row[],
  next: readonly Row[],
): number[] | null {
  if (previous.length !== next.length) return null;
  const changed: number[] = [];
  for (let index = 0; index < next.length; index += 1) {
    const before = previous[index] as Row;
    const after = next[index] as Row;
    if (before === after) continue;
    if (before.id !== after.id || changed.length >= MOST_MOVED) return null;
    changed.push(index);
  }
  return changed;
}

function sameSorting(a: readonly ViewSort[], b: readonly ViewSort[]): boolean {
  return a === b || (a.length === b.length && a.every((sort, i) => sort.id === b[i]?.id && sort.desc === b[i]?.desc));
}

function sameFilters(a: readonly ViewFilter[], b: readonly ViewFilter[]): boolean {
  return (
    a === b || (a.length === b.length && a.every((filter, i) => filter.id === b[i]?.id && filter.value === b[i]?.value))
  );
}
