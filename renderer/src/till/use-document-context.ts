import { useCallback } from 'react';
import type { SaleRecorderContext } from './checkout/sales.js';
import { useSession } from './shift/session.js';
import { useServices } from './context.js';
import { useOpenShift } from './shift/use-shift.js';

/**
 * Who, where and in which shift a document is made: the store and till, the signed-in cashier and
 * the open shift. Null while any of them is missing: the till completes no sale or return outside
 * a shift, so every one of them is in some shift's Z report.
 */
export function useDocumentContext(): () => SaleRecorderContext | null {
  const { catalog, settings } = useServices();
  const cashier = useSession((state) => state.cashier);
  const shift = useOpenShift();
  return useCallback(() => {
    const store = catalog.store;
    if (!store || !cashier || !shift) return null;
    return {
      store,
      till: { id: settings.tillId, code: settings.tillCode },
      cashier: { id: cashier.id, name: cashier.name },
      shiftId: shift.id,
      serverLastNumber: () => catalog.till?.lastNumber ?? 0,
    };
  }, [catalog, settings, cashier, shift]);
}
