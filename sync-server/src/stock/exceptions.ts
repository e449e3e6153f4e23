import type { ExceptionKind } from '../../../shared/src/index.js';
import type { StorageTransaction } from '../storage/port.js';

/** Raises an exception for head office about a document (a sale, a till), at the server's time `raisedAt`. */
export async function raiseException(
  tx: StorageTransaction,
  raisedAt: string,
  storeId: string,
  kind: ExceptionKind,
  productId: string,
  document: { id: string; tillId: string; receiptNumber?: string },
  details: Record<string, string>,
): Promise<void> {
  await tx.exceptions.raise({
    storeId,
    kind,
    productId,
    documentId: document.id,
    tillId: document.tillId,
    details: { ...(document.receiptNumber === undefined ? {} : { receiptNumber: document.receiptNumber }), ...details },
    raisedAt,
  });
}
