/** The hidden frame a receipt is printed from in a browser; the last one stays until the next print. */
export const RECEIPT_FRAME_TEST_ID = 'receipt-print-frame';

/** Sales and returns whose original receipt this till has printed since it opened. */
const originals = new Set<string>();

/**
 * Whether printing a document now makes a copy, marked COPY at the top and the bottom (see
 * shared/src/receipt.ts): every print is one but the first of a sale or return the till has just
 * completed, the customer's receipt (from its completion notice, or F7 straight after). A reprint
 * (F6), a second print, or one after the till restarted is a copy, so a second paper is never taken
 * for a second sale.
 */
export function printsCopy(documentId: string, justCompleted: boolean): boolean {
  return !justCompleted || originals.has(documentId);
}

/** Notes that a document's original has gone to the printer: every later print of it is a copy. */
export function originalPrinted(documentId: string): void {
  originals.add(documentId);
}

/**
 * Prints one receipt, a whole self-contained HTML document (see shared/src/receipt.ts). In the
 * desktop shell the shell prints it from its own locked-down window (`window.kassa`, see
 * electron/bridge.ts); in a browser through a hidden frame. Resolves once the print dialog has been
 * handed the receipt (in the shell: once the job is sent); rejects when it could not be.
 */
export async function printReceipt(html: string): Promise<void> {
  if (window.kassa) return window.kassa.printReceipt(html);
  return printInFrame(html);
}

/**
 * A hidden iframe whose srcdoc is the receipt, printed through the frame's own window, so the
 * paper holds the receipt and not the till screen.
 * - `sandbox="allow-same-origin allow-modals"`: nothing in a receipt ever runs (no allow-scripts);
 *   same origin lets the till call print() on the frame's window; allow-modals lets print() open
 *   the dialog (Chromium ignores it otherwise).
 * - The till's CSP (index.html) is inherited by the about:srcdoc document: its inline style is
 *   allowed (style-src 'unsafe-inline') and a script would be refused anyway. `frame-src 'none'`
 *   stays: it governs frames that load something, and a srcdoc loads nothing.
 * - The frame stays until the next print: browsers that spool after print() returns (Firefox) cut
 *   the job when the frame goes at once, and the till's tests read what was printed from it.
 */
function printInFrame(html: string): Promise<void> {
  document.querySelector(`iframe[data-testid="${RECEIPT_FRAME_TEST_ID}"]`)?.remove();
  const frame = document.createElement('iframe');
  frame.dataset.testid = RECEIPT_FRAME_TEST_ID;
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.title = 'Receipt to print';
  // Out of sight but laid out: some browsers print a display:none frame blank.
  frame.style.cssText = 'position: fixed; right: 0; bottom: 0; width: 0; height: 0; border: 0;';
  const focused = document.activeElement;
  return new Promise<void>((resolve, reject) => {
    frame.addEventListener(
      'load',
      () => {
        const receiptWindow = frame.contentWindow;
        if (!receiptWindow) {
          reject(new Error('the receipt could not be laid out for printing'));
          return;
        }
        // The browser began printing this receipt (diagnostics; the end-to-end test reads it).
        receiptWindow.addEventListener('beforeprint', () => frame.setAttribute('data-printed', 'true'), { once: true });
        try {
          // Blocks while Chromium's print preview is open; returns at once where there is none.
          receiptWindow.print();
          resolve();
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        } finally {
          // Keys must keep reaching the till (a scanner types into the page, not into the receipt).
          if (document.activeElement === frame && focused instanceof HTMLElement) focused.focus();
        }
      },
      { once: true },
    );
    frame.srcdoc = html;
    document.body.append(frame);
  });
}
