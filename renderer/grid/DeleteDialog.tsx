import { useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { Result } from '../../shared/api/result';
import { formatError } from '../../shared/errors';
import { useDeleteImpact } from '../data/queries';
import type { Entity } from '../data/entities';

interface DeleteDialogProps {
  /** The record's entity, to ask what else a delete removes; null when nothing else can go with it. */
  readonly entity: Entity | 'actions' | null;
  readonly id: number;
  readonly what: string;
  readonly onConfirm: () => Promise<Result<unknown>>;
  readonly onClose: (deleted: boolean) => void;
}

const listed = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;

/** Asks before a delete, saying first what else would be removed or why it cannot be deleted. */
export function DeleteDialog({ entity, id, what, onConfirm, onClose }: DeleteDialogProps) {
  const impact = useDeleteImpact(entity, id);
  const [failure, setFailure] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const checking = entity !== null && impact.isPending;
  const blockedBy = impact.data?.blockedBy ?? null;
  const alsoRemoves = impact.data?.alsoRemoves ?? [];

  const confirm = async () => {
    setWorking(true);
    const result = await onConfirm();
    setWorking(false);
    if (result.ok) onClose(true);
    else setFailure(formatError(result.error));
  };

  return (
    <ModalOverlay isOpen isDismissable onOpenChange={(open) => !open && onClose(false)} className="modal-overlay">
      <Modal className="modal">
        <Dialog role="alertdialog" className="dialog">
          <Heading slot="title" className="dialog-title">
            Delete {what}?
          </Heading>
          <div className="dialog-body" aria-live="polite">
            {checking ? (
              <p>Checking what else this would remove…</p>
            ) : impact.isError ? (
              <p className="error-text">Could not check what else this removes: {impact.error.message}</p>
            ) : blockedBy !== null ? (
              <p className="error-text">This cannot be deleted: {blockedBy}</p>
            ) : alsoRemoves.length > 0 ? (
              <p>
                <strong>This also removes {listed(alsoRemoves)}.</strong>
              </p>
            ) : (
              <p>Nothing else is removed.</p>
            )}
            {failure ? <p className="error-text">The delete failed: {failure}</p> : null}
          </div>
          <div className="dialog-actions">
            <Button slot="close" className="button" autoFocus>
              Cancel
            </Button>
            <Button
              className="button button-danger"
              isDisabled={checking || blockedBy !== null || working || impact.isError}
              onPress={() => void confirm()}
            >
              {working ? 'Deleting…' : 'Delete'}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
