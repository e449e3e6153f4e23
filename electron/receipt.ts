/**
 * Turning a receipt the renderer sent into something a print window can load. Pure, so the
 * checks on untrusted input are tested in Node.
 */

/**
 * Chromium refuses URLs longer than 2 MiB. Base64 makes 4 characters of every 3 bytes, so
 * 1 MiB of HTML stays well inside; a receipt with an inline logo is a few tens of KiB.
 */
export const RECEIPT_HTML_MAX_BYTES = 1024 * 1024;

/** A data: URL holding the receipt, or a thrown TypeError/RangeError for anything else. */
export function receiptDataUrl(html: unknown): string {
  if (typeof html !== 'string') {
    throw new TypeError('printReceipt expects the receipt as an HTML string');
  }
  const bytes = Buffer.from(html, 'utf8');
  if (bytes.byteLength === 0) throw new RangeError('printReceipt was given an empty receipt');
  if (bytes.byteLength > RECEIPT_HTML_MAX_BYTES) {
    throw new RangeError(
      `printReceipt was given ${bytes.byteLength} bytes; a receipt may be at most ${RECEIPT_HTML_MAX_BYTES}`,
    );
  }
  return `data:text/html;charset=utf-8;base64,${bytes.toString('base64')}`;
}
