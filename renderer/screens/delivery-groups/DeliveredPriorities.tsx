import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { Label, ListBox, ListBoxItem, type Selection } from 'react-aria-components';
import type { DeliveryGroup, Priority } from '../../../shared/model';
import { StaleNotice } from '../../app/StaleNotice';
import { useSaveStatus } from '../../app/status';
import { useUndoPush } from '../../app/undo';
import { invalidateTables, useApi } from '../../data/api-context';
import { useVersionedSave, versionIn } from '../../data/use-versioned-save';

interface DeliveredPrioritiesProps {
  readonly group: DeliveryGroup;
  /** The priorities the group delivers, as saved. */
  readonly delivered: readonly number[];
  /** Every priority, in plan and then priority order. */
  readonly priorities: readonly Priority[];
  readonly priorityName: ReadonlyMap<number, string>;
}

interface PriorityChoice {
  readonly priorityIds: number[];
}

const savedIdsIn = (record: unknown): number[] | null => {
  const ids = (record as { readonly priorityIds?: unknown } | null)?.priorityIds;
  return Array.isArray(ids) ? ids.filter((id): id is number => typeof id === 'number') : null;
};

/**
 * The priorities one delivery group delivers, chosen from a multi-select list
 * and saved at once as the whole set, made from the group's version: a set
 * refused because someone else changed the group first shows what they saved
 * and asks, Take theirs or Keep mine (saved over theirs). Mounted afresh for
 * another group (React `key`).
 */
export function DeliveredPriorities({ group, delivered, priorities, priorityName }: DeliveredPrioritiesProps) {
  const api = useApi();
  const client = useQueryClient();
  const status = useSaveStatus();
  const pushUndo = useUndoPush();
  // What the list shows while a set is saving, or the set saved now while a refusal waits for the user.
  const [shown, setShown] = useState<readonly number[] | null>(null);

  const send = useCallback(
    async (version: number, choice: PriorityChoice) => {
      const end = status.begin();
      const result = await api['deliveryGroups.setPriorities']({
        id: group.id,
        version,
        priorityIds: choice.priorityIds,
      });
      end(result.ok ? { ok: true } : { ok: false, message: result.error.message });
      return result;
    },
    [api, group.id, status],
  );
  const versioned = useVersionedSave(group.version, send);
  const { conflict, takeTheirs, versionNow } = versioned;

  // The group saved since (a rename here, or a set someone else made that the list now shows): sets are made from it.
  useEffect(() => {
    if (!conflict && group.version > versionNow()) takeTheirs(group);
  }, [conflict, group, takeTheirs, versionNow]);
  // The saved set has come back from the list: it shows.
  useEffect(() => {
    if (!conflict) setShown(null);
  }, [conflict, delivered]);

  const selected = shown ?? delivered;

  const choose = async (keys: Selection) => {
    const before = [...selected];
    const priorityIds = keys === 'all' ? priorities.map((priority) => priority.id) : [...keys].map(Number);
    setShown(priorityIds);
    const result = await versioned.save({ priorityIds });
    await saved(result, before);
  };

  const saved = async (result: Awaited<ReturnType<typeof send>>, before: readonly number[]) => {
    if (!result.ok) {
      const theirs = result.error.current ? savedIdsIn(result.error.current.record) : null;
      setShown(theirs);
      return;
    }
    pushUndo({
      method: 'deliveryGroups.setPriorities',
      id: group.id,
      version: result.value.version,
      before: { priorityIds: [...before] },
      after: { priorityIds: result.value.priorityIds },
      label: `priorities of ${group.name}`,
    });
    setShown(result.value.priorityIds);
    await invalidateTables(client, ['deliveryGroups']);
  };

  const keepMine = async () => {
    const theirs = [...selected];
    const saving = versioned.keepMine();
    if (!saving) return;
    setShown(conflict?.changes.priorityIds ?? null);
    await saved(await saving, theirs);
  };

  const takeTheirsShown = async () => {
    if (!conflict) return;
    takeTheirs({ version: versionIn(conflict.current) ?? group.version });
    await invalidateTables(client, ['deliveryGroups']);
  };

  return (
    <>
      <p className="help">Choose every priority this group delivers (Space or click toggles). Saved at once.</p>
      {conflict ? (
        <StaleNotice
          message={conflict.message}
          onKeepMine={() => void keepMine()}
          onTakeTheirs={() => void takeTheirsShown()}
        />
      ) : null}
      <Label id="delivers-label" className="visually-hidden">
        Priorities delivered by {group.name}
      </Label>
      <ListBox
        aria-labelledby="delivers-label"
        className="listbox multi-listbox"
        selectionMode="multiple"
        selectedKeys={selected.map(String)}
        onSelectionChange={(keys) => void choose(keys)}
        items={priorities}
      >
        {(priority) => (
          <ListBoxItem
            id={String(priority.id)}
            className="listbox-item"
            textValue={`${priorityName.get(priority.id) ?? ''} ${priority.title}`}
          >
            {({ isSelected }) => (
              <>
                <span className="check" aria-hidden="true">
                  {isSelected ? '☑' : '☐'}
                </span>
                <span className="priority-ref">{priorityName.get(priority.id)}</span> {priority.title}
              </>
            )}
          </ListBoxItem>
        )}
      </ListBox>
    </>
  );
}
