import { createContext, useContext, useSyncExternalStore } from 'react';
import type { TillServices } from './services.js';

export const ServicesContext = createContext<TillServices | null>(null);

export function useServices(): TillServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside the till screen');
  return services;
}

/** Re-renders when master data or stock changes; returns a number that changes with them. */
export function useDataVersion(): number {
  const { catalog, stock } = useServices();
  return useSyncExternalStore(
    (notify) => {
      const catalogSubscription = catalog.version$.subscribe(notify);
      const stockSubscription = stock.changed$.subscribe(notify);
      return () => {
        catalogSubscription.unsubscribe();
        stockSubscription.unsubscribe();
      };
    },
    // Two counters in one number: the catalog's changes weigh more than any plausible stock count.
    () => catalog.version$.value * 1_000_000_007 + stock.version,
  );
}
