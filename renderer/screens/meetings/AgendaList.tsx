import { Button, GridList, GridListItem, useDragAndDrop } from 'react-aria-components';
import type { AgendaItem } from '../../../shared/api/meetings-contract';
import { KIND_LABELS } from './item-kinds';

interface AgendaListProps {
  readonly items: readonly AgendaItem[];
  readonly selectedId: number | null;
  readonly problemCounts: ReadonlyMap<number, number>;
  readonly onSelect: (id: number) => void;
  /** Every item's id in the new order. */
  readonly onReorder: (itemIds: number[]) => void;
}

/** The ids with `moving` taken out and put back before or after `target`. */
export function reordered(
  ids: readonly number[],
  moving: readonly number[],
  target: number,
  position: 'before' | 'after',
): number[] {
  const rest = ids.filter((id) => !moving.includes(id));
  const at = rest.indexOf(target) + (position === 'after' ? 1 : 0);
  return [...rest.slice(0, at), ...moving, ...rest.slice(at)];
}

/**
 * The agenda in order, numbered 1..n. Drag an item by its handle, or move it
 * with the keyboard: its Move up / Move down buttons (arrow keys reach them
 * along the row), or react-aria's keyboard drag (Enter on the handle, arrows,
 * Enter to drop).
 */
export function AgendaList({ items, selectedId, problemCounts, onSelect, onReorder }: AgendaListProps) {
  const ids = items.map((item) => item.id);
  const { dragAndDropHooks } = useDragAndDrop({
    getItems: (keys) =>
      [...keys].map((key) => ({ 'text/plain': items.find((item) => item.id === Number(key))?.title ?? '' })),
    onReorder: (event) => {
      if (event.target.dropPosition === 'on') return;
      onReorder(reordered(ids, [...event.keys].map(Number), Number(event.target.key), event.target.dropPosition));
    },
  });

  const move = (index: number, by: -1 | 1) => {
    const target = ids[index + by];
    const moving = ids[index];
    if (target === undefined || moving === undefined) return;
    onReorder(reordered(ids, [moving], target, by < 0 ? 'before' : 'after'));
  };

  return (
    <GridList
      aria-label="Agenda"
      className="agenda-list"
      items={items}
      selectionMode="single"
      selectionBehavior="replace"
      disallowEmptySelection
      selectedKeys={selectedId === null ? [] : [selectedId]}
      onSelectionChange={(keys) => {
        if (keys === 'all') return;
        const [key] = [...keys];
        if (key !== undefined) onSelect(Number(key));
      }}
      dragAndDropHooks={dragAndDropHooks}
      // Rows show their number and problem count, which change without the items changing.
      dependencies={[problemCounts, ids.join(',')]}
      renderEmptyState={() => <p className="help agenda-empty">No items yet. Add the first one below.</p>}
    >
      {(item) => {
        const index = ids.indexOf(item.id);
        const problems = problemCounts.get(item.id) ?? 0;
        return (
          <GridListItem id={item.id} textValue={`${index + 1}. ${item.title}`} className="agenda-item">
            <Button slot="drag" className="drag-handle" aria-label={`Drag ${item.title}`}>
              <span aria-hidden="true">⋮⋮</span>
            </Button>
            <span className="agenda-number">{index + 1}</span>
            <span className="agenda-main">
              <span className="agenda-title">{item.title}</span>
              <span className="agenda-meta">
                {KIND_LABELS[item.kind]}
                {item.presenter ? ` · ${item.presenter}` : ''}
                {item.minutes !== null ? ` · ${item.minutes} min` : ''}
              </span>
              {problems > 0 ? (
                <span className="badge badge-bad agenda-problems">
                  {problems === 1 ? '1 problem' : `${problems} problems`}
                </span>
              ) : null}
            </span>
            <span className="agenda-moves">
              <Button
                className="tool-button"
                aria-label={`Move ${item.title} up`}
                isDisabled={index === 0}
                onPress={() => move(index, -1)}
              >
                <span aria-hidden="true">↑</span>
              </Button>
              <Button
                className="tool-button"
                aria-label={`Move ${item.title} down`}
                isDisabled={index === items.length - 1}
                onPress={() => move(index, 1)}
              >
                <span aria-hidden="true">↓</span>
              </Button>
            </span>
          </GridListItem>
        );
      }}
    </GridList>
  );
}
