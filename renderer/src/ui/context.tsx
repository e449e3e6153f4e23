import { createContext, useContext, useSyncExternalStore } from 'react';
import type { TillServices } from '../services.js';

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
      const stockSubscription = stock.changed$.subscribe(() => {
        stockVersion++;
        notify();
      });
      return () => {
        catalogSubscription.unsubscribe();
        stockSubscription.unsubscribe();
      };
    },
    () => catalog.version$.value * 1_000_003 + stockVersion,
  );
}

let stockVersion = 0;
