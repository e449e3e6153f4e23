import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog on the browser's own <dialog>: the page behind is inert, focus moves inside (to
 * its first field or button), Escape closes it, and focus returns to what opened it.
 */
export function Dialog(props: { title: ReactNode; open: boolean; onClose(): void; children: ReactNode; footer?: ReactNode; className?: string }) {
  const { open, onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    if (!open) {
      if (dialog.open) dialog.close();
      return undefined;
    }
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const cancel = (event: Event) => {
      event.preventDefault();
      closeRef.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, [open]);

  if (!open) return null;
  return (
    <dialog ref={ref} aria-labelledby={titleId} className={`ui-dialog${props.className ? ` ${props.className}` : ''}`}>
      <h2 id={titleId}>{props.title}</h2>
      <div className="ui-dialog-body">{props.children}</div>
      {props.footer ? <div className="ui-dialog-footer">{props.footer}</div> : null}
    </dialog>
  );
}

/** Asks before something that cannot be undone: a dialog with the question and two buttons, Cancel first (it takes the focus). */
export function ConfirmDialog(props: { title: string; open: boolean; confirmLabel: string; busy?: boolean; problem?: string; onConfirm(): void; onCancel(): void; children: ReactNode }) {
  return (
    <Dialog
      title={props.title}
      open={props.open}
      onClose={props.onCancel}
      footer={
        <>
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="button" className="danger" onClick={props.onConfirm} disabled={props.busy}>
            {props.confirmLabel}
          </button>
        </>
      }
    >
      {props.children}
      {props.problem ? (
        <p className="problem" role="alert">
          {props.problem}
        </p>
      ) : null}
    </Dialog>
  );
}
