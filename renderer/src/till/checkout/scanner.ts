/**
 * A keyboard-wedge scanner types a code's characters much faster than a person and ends with Enter.
 * Such a burst is recognised whichever element has the focus, and routed: to the topmost dialog
 * (which takes it, as the return dialog takes a receipt, or refuses it with a message), or to the
 * sale screen (which adds the product). The field the burst was typed into is put back as it was,
 * and its Enter presses nothing: a scan never becomes an amount or a click.
 */

/** Keys further apart than this are a person typing; a scanner sends them a few ms apart. */
export const SCANNER_KEY_GAP_MS = 80;
/** The shortest code taken as a scan: EAN-8 is 8, a receipt number (S1-T1-000042) more. */
export const MIN_SCAN_LENGTH = 6;
const CODE_CHARACTER = /^[\dA-Za-z-]$/;

export interface ScanRoute {
  scan(code: string): void;
}

/** Open dialogs that take scans, topmost last. */
const routes: { element: Element; route: ScanRoute }[] = [];

/** A dialog takes the scans while it is on top; the returned function lets go. */
export function openScanRoute(element: Element, route: ScanRoute): () => void {
  const entry = { element, route };
  routes.push(entry);
  return () => {
    const at = routes.indexOf(entry);
    if (at >= 0) routes.splice(at, 1);
  };
}

/** The dialog on top takes a scan, if one is open. */
function topRoute(): ScanRoute | undefined {
  return routes[routes.length - 1]?.route;
}

type Editable = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function editable(target: EventTarget | null): Editable | null {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement ? target : null;
}

/** Sets a (React-controlled) field's value as typing would, so its state follows. */
export function setFieldValue(field: Editable, value: string): void {
  if (field.value === value) return;
  const prototype = field instanceof HTMLInputElement ? HTMLInputElement.prototype : field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLSelectElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(field, value);
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

export interface ScannerOptions {
  /** With no dialog open: the sale screen's scan (adds the product, opens a return for a receipt). */
  onSaleScan(code: string): void;
  /** The field a burst may simply be typed into, with its own Enter (the sale screen's search box). */
  isHome(target: EventTarget | null): boolean;
}

/**
 * Listens on the window in the capture phase, before any field or button sees the keys. Returns the
 * function that stops listening.
 */
export function listenForScanner(target: Window, options: ScannerOptions): () => void {
  let code = '';
  let lastKeyAt = -Infinity;
  /** The field the burst's first key went into, and its value before. */
  let field: { element: Editable; before: string } | null = null;

  const onKeyDown = (event: KeyboardEvent) => {
    // When the key was pressed, not when it is handled: keys that wait while the till draws a line
    // are handled close behind each other, but the wait itself would split a burst the draw
    // interrupts, and the burst's tail would pass for a code of its own.
    const at = event.timeStamp;
    const fast = at - lastKeyAt <= SCANNER_KEY_GAP_MS;
    if (CODE_CHARACTER.test(event.key) && !event.ctrlKey && !event.altKey && !event.metaKey) {
      if (!fast || code === '') {
        code = '';
        const element = editable(event.target);
        field = element ? { element, before: element.value } : null;
      }
      code += event.key;
      lastKeyAt = at;
      return;
    }
    if (event.key === 'Enter' && fast && code.length >= MIN_SCAN_LENGTH) {
      const scanned = code;
      const typedInto = field;
      code = '';
      field = null;
      const route = topRoute();
      // The search box with no dialog up is where a scan is typed: its own Enter adds the product.
      if (!route && options.isHome(event.target)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (typedInto) setFieldValue(typedInto.element, typedInto.before);
      if (route) route.scan(scanned);
      else options.onSaleScan(scanned);
      return;
    }
    if (event.key !== 'Shift') {
      code = '';
      field = null;
    }
  };
  target.addEventListener('keydown', onKeyDown, true);
  return () => target.removeEventListener('keydown', onKeyDown, true);
}
