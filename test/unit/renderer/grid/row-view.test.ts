import { describe, expect, it } from 'vitest';
import { withReplaced } from '../../../../renderer/data/replaced-rows';
import type { FieldSpec } from '../../../../renderer/grid/field-spec';
import { RowViewer, type RowView, type ViewFilter, type ViewSort } from '../../../../renderer/grid/row-view';
import { numberField, selectField, textField } from '../../../../renderer/grid/specs';

interface Item {
  readonly id: number;
  readonly name: string;
  readonly size: number | null;
  readonly kind: number;
}

const SPECS: readonly FieldSpec<Item>[] = [
  textField<Item>('name', 'Name'),
  numberField<Item>('size', 'Size', { nullable: true }),
  selectField<Item>('kind', 'Kind', [
    { value: 1, label: 'Wycombe' },
    { value: 2, label: 'aylesbury' },
    { value: 3, label: 'Chiltern' },
  ]),
];

const ITEMS: readonly Item[] = [
  { id: 10, name: 'item 10', size: 5, kind: 1 },
  { id: 11, name: 'Item 2', size: null, kind: 2 },
  { id: 12, name: 'item 1', size: 5, kind: 3 },
  { id: 13, name: 'other', size: -3, kind: 1 },
  { id: 14, name: 'item 3', size: 40, kind: 2 },
];

const ids = (view: RowView<Item>) => view.shown().map((item) => item.id);
const sortBy = (id: string, desc = false): ViewSort[] => [{ id, desc }];
const filterBy = (id: string, value: string): ViewFilter[] => [{ id, value }];

describe('the grid row view', () => {
  it('shows every row in its own order when nothing sorts or filters', () => {
    const view = new RowViewer<Item>().sync(ITEMS, SPECS, [], []);
    expect(ids(view)).toEqual([10, 11, 12, 13, 14]);
    expect(view.length).toBe(5);
    expect(view.positionOf('13')).toBe(3);
    expect(view.byId('12')?.name).toBe('item 1');
    expect(view.rowAt(4)?.id).toBe(14);
  });

  it('sorts text as the en-GB collator does, numbers by value, choices by the label shown; ties keep their order', () => {
    const viewer = new RowViewer<Item>();
    expect(ids(viewer.sync(ITEMS, SPECS, sortBy('name'), []))).toEqual([12, 11, 14, 10, 13]);
    expect(ids(viewer.sync(ITEMS, SPECS, sortBy('size'), []))).toEqual([11, 13, 10, 12, 14]);
    expect(ids(viewer.sync(ITEMS, SPECS, sortBy('size', true), []))).toEqual([14, 10, 12, 13, 11]);
    expect(ids(viewer.sync(ITEMS, SPECS, sortBy('kind'), []))).toEqual([11, 14, 12, 10, 13]);
  });

  it('sorts by several columns in turn', () => {
    const view = new RowViewer<Item>().sync(
      ITEMS,
      SPECS,
      [
        { id: 'kind', desc: true },
        { id: 'size', desc: true },
      ],
      [],
    );
    expect(ids(view)).toEqual([10, 13, 12, 14, 11]);
  });

  it('filters by the text shown, in any case, with every filter at once', () => {
    const viewer = new RowViewer<Item>();
    expect(ids(viewer.sync(ITEMS, SPECS, [], filterBy('name', 'ITEM')))).toEqual([10, 11, 12, 14]);
    expect(ids(viewer.sync(ITEMS, SPECS, [], filterBy('kind', 'Wy')))).toEqual([10, 13]);
    const both = viewer.sync(ITEMS, SPECS, [], [...filterBy('name', 'item'), ...filterBy('kind', 'w')]);
    expect(ids(both)).toEqual([10]);
    expect(both.positionOf('13')).toBe(-1);
    expect(both.byId('13')?.name).toBe('other');
  });

  it('gives the same view back while nothing changed', () => {
    const viewer = new RowViewer<Item>();
    const sorting = sortBy('name');
    const first = viewer.sync(ITEMS, SPECS, sorting, []);
    expect(viewer.sync(ITEMS, SPECS, [{ id: 'name', desc: false }], [])).toBe(first);
  });

  it('moves only the edited row to its sorted place, and drops it when it no longer matches the filter', () => {
    const viewer = new RowViewer<Item>();
    const sorting = sortBy('size', true);
    const filters = filterBy('name', 'item');
    expect(ids(viewer.sync(ITEMS, SPECS, sorting, filters))).toEqual([14, 10, 12, 11]);
    const bigger = withReplaced(ITEMS, 2, { ...(ITEMS[2] as Item), size: 99 });
    expect(ids(viewer.sync(bigger, SPECS, sorting, filters))).toEqual([12, 14, 10, 11]);
    const renamed = withReplaced(bigger, 0, { ...(bigger[0] as Item), name: 'gone' });
    const view = viewer.sync(renamed, SPECS, sorting, filters);
    expect(ids(view)).toEqual([12, 14, 11]);
    expect(view.positionOf('10')).toBe(-1);
    // A list changed without saying how is compared record by record, with the same result.
    const copied = renamed.map((item) => (item.id === 11 ? { ...item, size: 1 } : item));
    expect(ids(viewer.sync(copied, SPECS, sorting, filters))).toEqual([12, 14, 11]);
    expect(ids(new RowViewer<Item>().sync(copied, SPECS, sorting, filters))).toEqual([12, 14, 11]);
  });

  it('rebuilds when rows are added or removed', () => {
    const viewer = new RowViewer<Item>();
    viewer.sync(ITEMS, SPECS, sortBy('name'), []);
    const added = [...ITEMS, { id: 15, name: 'item 0', size: 1, kind: 3 }];
    const view = viewer.sync(added, SPECS, sortBy('name'), []);
    expect(ids(view)).toEqual([15, 12, 11, 14, 10, 13]);
    expect(view.positionOf('15')).toBe(0);
    const removed = viewer.sync(added.slice(1), SPECS, sortBy('name'), []);
    expect(ids(removed)).toEqual([15, 12, 11, 14, 13]);
    expect(removed.byId('10')).toBeUndefined();
  });

  it('sorts 100,000 rows by text and moves an edited one without sorting them again', () => {
    const many: Item[] = Array.from({ length: 100_000 }, (_, index) => ({
      id: index + 1,
      name: `area ${(index * 7919) % 1000}`,
      size: (index * 104_729) % 997,
      kind: (index % 3) + 1,
    }));
    const viewer = new RowViewer<Item>();
    const sorting = sortBy('name');
    const view = viewer.sync(many, SPECS, sorting, []);
    const names = view.shown().map((item) => item.name);
    const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });
    expect(names.every((name, index) => index === 0 || collator.compare(names[index - 1] as string, name) <= 0)).toBe(
      true,
    );
    const edited = withReplaced(many, 500, { ...(many[500] as Item), name: 'aaa first' });
    const after = viewer.sync(edited, SPECS, sorting, []);
    expect(after.rowAt(0)?.id).toBe(501);
    expect(after.length).toBe(100_000);
  });
});
