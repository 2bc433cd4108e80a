import { useState, type FormEvent, type ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { FormFooter } from '../../app/FormFooter';

interface FormDialogProps {
  readonly title: string;
  readonly submitLabel: string;
  readonly children: ReactNode;
  /** Does the work; answers null when done (the dialog closes) or the sentence saying why not. */
  readonly onSubmit: () => Promise<string | null>;
  readonly onClose: () => void;
  readonly wide?: boolean;
}

/** A small modal form: its fields, a Cancel and a submit button, and the reason when the work is refused. */
export function FormDialog({ title, submitLabel, children, onSubmit, onClose, wide = false }: FormDialogProps) {
  const [failure, setFailure] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    const problem = await onSubmit();
    setWorking(false);
    if (problem === null) onClose();
    else setFailure(problem);
  };

  return (
    <ModalOverlay isOpen isDismissable onOpenChange={(open) => !open && onClose()} className="modal-overlay">
      <Modal className={wide ? 'modal modal-form-wide' : 'modal'}>
        <Dialog className="dialog">
          <Heading slot="title" className="dialog-title">
            {title}
          </Heading>
          <form className="dialog-form" onSubmit={(event) => void submit(event)}>
            {children}
            <FormFooter failure={failure} working={working} submitLabel={submitLabel} />
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
