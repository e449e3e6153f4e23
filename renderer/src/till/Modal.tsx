import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { openScanRoute } from './checkout/scanner.js';

const FOCUSABLE = 'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';
const FIELD = 'input:not([disabled]):not([type="hidden"]):not([type="radio"]):not([type="checkbox"]), select:not([disabled]), textarea:not([disabled])';

/** Where the focus goes when the last dialog closes: the sale screen sets its search box. */
let home: (() => void) | null = null;

/** The till screen names where typing goes when no dialog is up (its search box). */
export function setFocusHome(focus: (() => void) | null): void {
  home = focus;
}

/** The focus goes to the topmost open dialog's first field, or home (the search box) when none is open. */
export function returnFocus(): void {
  const open = [...document.querySelectorAll<HTMLDialogElement>('dialog[open]')];
  const top = open[open.length - 1];
  // Blurred first: Chromium can leave a field that was focused while a dialog closed over a removed
  // button looking focused yet deaf to typing.
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  if (top) focusFirst(top);
  else home?.();
}

function focusFirst(dialog: HTMLElement): void {
  const target = dialog.querySelector<HTMLElement>('[autofocus]') ?? dialog.querySelector<HTMLElement>(FIELD) ?? dialog.querySelector<HTMLElement>(FOCUSABLE);
  target?.focus();
}

function visibleFocusables(dialog: HTMLElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.offsetParent !== null || element === document.activeElement);
}

export interface ModalProps {
  /** The id of the dialog's heading. */
  labelledBy: string;
  /**
   * Escape (and the close of the dialog) calls this; absent, Escape says what to do instead of
   * closing (`escapeHint`).
   */
  onClose?: () => void;
  /** Shown when Escape cannot close the dialog: what to do first. */
  escapeHint?: string;
  /** A scanned code while this dialog is on top goes here; absent, a scan is refused with a message. */
  onScan?: (code: string) => void;
  wide?: boolean;
  className?: string;
  testId?: string;
  children: ReactNode;
}

/**
 * Every dialog of the till: a native modal `<dialog>` (the screen behind is inert and cannot be
 * clicked or tabbed to), the focus on its first field, Tab and Shift+Tab kept inside, Escape closing
 * it (or saying why it cannot), a scanner's burst routed to `onScan` or refused with a message here,
 * and on close the focus back on the dialog below or the search box. It fits the screen and scrolls
 * inside itself.
 */
export function Modal({ labelledBy, onClose, escapeHint, onScan, wide, className, testId, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [said, setSaid] = useState<string | null>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;
  const hintRef = useRef(escapeHint);
  hintRef.current = escapeHint;

  useLayoutEffect(() => {
    const dialog = ref.current!;
    if (!dialog.open) dialog.showModal();
    focusFirst(dialog);
    // Every code refused while this dialog is up is named, not only the last of a scanner's burst:
    // the cashier scans again exactly what did not go in.
    let refused: string[] = [];
    const closeRoute = openScanRoute(dialog, {
      scan: (code) => {
        if (onScanRef.current) {
          refused = [];
          setSaid(null);
          onScanRef.current(code);
        } else {
          refused = [...refused, code];
          setSaid(`${refused.length === 1 ? 'Scan' : 'Scans'} ${refused.join(', ')} ignored: a scan does nothing in this dialog. Finish or close it first.`);
        }
      },
    });
    return () => {
      closeRoute();
      dialog.dataset.closing = 'true';
      if (dialog.open) dialog.close();
      // After React has removed it and the browser has moved the focus off it: the dialog below, or
      // the search box, takes the keyboard.
      setTimeout(returnFocus, 0);
    };
  }, []);

  useEffect(() => {
    const dialog = ref.current!;
    const escape = () => {
      if (onCloseRef.current) onCloseRef.current();
      else setSaid(hintRef.current ?? 'This dialog cannot be closed with Escape.');
    };
    const onCancel = (event: Event) => {
      event.preventDefault();
      escape();
    };
    // Closed by the browser all the same (a second Escape may not be cancelled): the dialog is the
    // app's to close, so it is told, or shown again.
    const onNativeClose = () => {
      if (!dialog.isConnected || dialog.dataset.closing) return;
      if (onCloseRef.current) onCloseRef.current();
      else dialog.showModal();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        // Handled here, before the browser's close request: one Escape, one answer.
        event.preventDefault();
        event.stopPropagation();
        if (dialog.querySelector('dialog[open]') === null) escape();
        return;
      }
      if (event.key !== 'Tab') return;
      const focusables = visibleFocusables(dialog);
      if (focusables.length === 0) return;
      const first = focusables[0];
      const last = focusables[focusables.length - 1];
      const active = document.activeElement;
      const inside = active instanceof Node && dialog.contains(active);
      if (event.shiftKey && (active === first || !inside)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !inside)) {
        event.preventDefault();
        first.focus();
      }
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('close', onNativeClose);
    dialog.addEventListener('keydown', onKeyDown);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('close', onNativeClose);
      dialog.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  return (
    <dialog ref={ref} className={`dialog${wide ? ' dialog--wide' : ''}${className ? ` ${className}` : ''}`} aria-labelledby={labelledBy} data-testid={testId}>
      {children}
      {said ? (
        <p role="alert" className="dialog__said" data-testid="dialog-said">
          {said}
        </p>
      ) : null}
    </dialog>
  );
}
