import { type ReactNode, useEffect, useId, useRef } from 'react';
import './confirm-dialog.css';

/**
 * The confirmation step of a destructive change: a modal `alertdialog` (the browser's own
 * `<dialog>`, so focus stays inside it and Escape cancels) that names what will happen.
 * Focus starts on Cancel, the safe choice, and goes back to what opened it when it closes.
 * The change is sent only from its confirm button; while `busy` that button does nothing,
 * and `error` is shown inside the dialog.
 *
 * @example
 * <ConfirmDialog
 *   open={confirming}
 *   title={t('networkAdmins.confirmTitle', { name })}
 *   confirmLabel={t('networkAdmins.confirmAction', { name })}
 *   busyLabel={t('networkAdmins.confirming')}
 *   cancelLabel={t('networkAdmins.cancel')}
 *   busy={deactivate.isPending}
 *   onConfirm={() => deactivate.mutate()}
 *   onCancel={() => setConfirming(false)}
 * >
 *   <p>{t('networkAdmins.confirmBody', { name })}</p>
 * </ConfirmDialog>
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busyLabel,
  cancelLabel,
  busy = false,
  error,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  /** What will happen, said plainly. */
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  cancelLabel: string;
  busy?: boolean;
  /** Why the change failed, shown in the dialog (an alert). */
  error?: string | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // Escape closes the dialog natively; keep the state in step, then give focus back
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const closed = () => {
      const back = opener.current;
      opener.current = null;
      if (back instanceof HTMLElement && back.isConnected) back.focus();
    };
    const cancelled = (event: Event) => {
      event.preventDefault();
      if (!busy) onCancel();
    };
    dialog.addEventListener('close', closed);
    dialog.addEventListener('cancel', cancelled);
    return () => {
      dialog.removeEventListener('close', closed);
      dialog.removeEventListener('cancel', cancelled);
    };
  }, [busy, onCancel]);

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
    >
      <h2 id={titleId}>{title}</h2>
      <div id={bodyId}>{children}</div>
      {error ? (
        <p className="notice error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="danger"
          aria-disabled={busy || undefined}
          onClick={() => {
            if (!busy) onConfirm();
          }}
        >
          {confirmLabel}
        </button>
        <button
          ref={cancelRef}
          type="button"
          onClick={() => {
            if (!busy) onCancel();
          }}
        >
          {cancelLabel}
        </button>
        <span role="status" className="busy">
          {busy ? busyLabel : ''}
        </span>
      </div>
    </dialog>
  );
}
