import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { AgendaItem, Meeting } from '../../../shared/api/meetings-contract';
import type { BuiltPack, PackProblem } from '../../../shared/pack/document';
import { invalidateTables } from '../../data/api-context';
import { DeleteDialog } from '../../grid/DeleteDialog';
import { AddItemDialog } from './AddItemDialog';
import { AgendaList } from './AgendaList';
import { ItemEditor } from './ItemEditor';
import { problemsByItem } from './pack-problems';
import { useWrite } from './use-write';

interface AgendaPanelProps {
  readonly meeting: Meeting;
  readonly built: BuiltPack | undefined;
  readonly selectedItemId: number | null;
  readonly onSelectItem: (id: number | null) => void;
}

const NO_PROBLEMS: readonly PackProblem[] = [];

/** The agenda beside the chosen item's editor, with add, delete and reorder. */
export function AgendaPanel({ meeting, built, selectedItemId, onSelectItem }: AgendaPanelProps) {
  const write = useWrite();
  const client = useQueryClient();
  // A reorder shows at once; the meeting as fetched again replaces it.
  const [moved, setMoved] = useState<{ readonly base: readonly AgendaItem[]; readonly ids: number[] } | null>(null);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<AgendaItem | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const items = useMemo(() => {
    if (!moved || moved.base !== meeting.items) return meeting.items;
    return moved.ids.flatMap((id) => meeting.items.filter((item) => item.id === id));
  }, [meeting.items, moved]);
  const problems = useMemo(() => problemsByItem(built), [built]);
  const problemCounts = useMemo(
    () => new Map([...problems].map(([id, list]) => [id, list.length] as const)),
    [problems],
  );

  const selected = items.find((item) => item.id === selectedItemId) ?? items[0] ?? null;

  // Made from the order shown: when someone else has reordered, added or removed items since, it is refused
  // as stale, the agenda is fetched again and the list shows their order, to move items in again.
  const reorder = async (itemIds: number[]) => {
    const from = items.map((item) => item.id);
    setMoved({ base: meeting.items, ids: itemIds });
    const result = await write('agenda.reorder', { meetingId: meeting.id, itemIds, from });
    if (result.ok) {
      setFailure(null);
      return;
    }
    setMoved(null);
    const stale = result.error.code === 'stale';
    setFailure(
      stale
        ? `${result.error.message}. The agenda now shows the order saved: move the items again if you still want to.`
        : `The new order was not saved: ${result.error.message}`,
    );
    if (stale) await invalidateTables(client, ['agenda']);
  };

  return (
    <div className="agenda-panel">
      <section className="agenda-column" aria-labelledby="agenda-heading">
        <div className="grid-toolbar">
          <h3 id="agenda-heading" className="section-title">
            Agenda
          </h3>
          <span className="grid-count">
            {items.length} {items.length === 1 ? 'item' : 'items'}
            {items.some((item) => item.minutes !== null)
              ? ` · ${items.reduce((sum, item) => sum + (item.minutes ?? 0), 0)} min`
              : ''}
          </span>
        </div>
        <div role="alert">{failure ? <p className="error-text">{failure}</p> : null}</div>
        <AgendaList
          items={items}
          selectedId={selected?.id ?? null}
          problemCounts={problemCounts}
          onSelect={onSelectItem}
          onReorder={(itemIds) => void reorder(itemIds)}
        />
        <div>
          <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
            Add item…
          </button>
        </div>
      </section>
      {selected ? (
        <ItemEditor
          key={selected.id}
          item={selected}
          problems={problems.get(selected.id) ?? NO_PROBLEMS}
          onDelete={() => setDeleting(selected)}
        />
      ) : (
        <p className="help">Add an item to start the agenda.</p>
      )}
      {adding ? (
        <AddItemDialog meetingId={meeting.id} onAdded={(id) => onSelectItem(id)} onClose={() => setAdding(false)} />
      ) : null}
      {deleting ? (
        <DeleteDialog
          entity={null}
          id={deleting.id}
          what={`agenda item ${deleting.position} "${deleting.title}"`}
          onConfirm={() => write('agenda.delete', { id: deleting.id, version: deleting.version })}
          onClose={(deleted) => {
            setDeleting(null);
            if (deleted) onSelectItem(null);
          }}
        />
      ) : null}
    </div>
  );
}
