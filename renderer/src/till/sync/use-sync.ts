import { useEffect, useState } from 'react';
import { distinctUntilChanged, map } from 'rxjs';
import type { Refusal } from '../../../../shared/src/index.js';
import type { SyncStatus } from './engine.js';
import { loadLastContact, saveLastContact } from '../settings.js';
import { useServices } from '../context.js';

export interface Waiting {
  /** null until the till has read its own last number (it then knows what waits). */
  count: number | null;
  oldestAt: string | null;
}

/**
 * Counts this till's sales the server does not hold yet. Numbers are gapless, so the count is this
 * till's last number minus the server's; only the oldest one's time needs a (keyed) read.
 */
export function useWaiting(): Waiting {
  const { db, catalog, recorder } = useServices();
  const [waiting, setWaiting] = useState<Waiting>({ count: null, oldestAt: null });
  useEffect(() => {
    let cancelled = false;
    let localLast = 0;
    // Until the till's own last number is read, nothing can be said about what waits.
    let known = false;
    let shown: Waiting = { count: null, oldestAt: null };
    const show = (next: Waiting) => {
      shown = next;
      if (!cancelled) setWaiting(next);
    };
    // Refreshes overlap (a read may wait while the next change arrives): only the latest is shown.
    let latest = 0;
    const refresh = async () => {
      if (!known) return;
      const asked = ++latest;
      const serverLast = catalog.till?.lastNumber ?? 0;
      const count = Math.max(0, localLast - serverLast);
      const oldest = count > 0 ? await db.sales.findOne({ selector: { number: serverLast + 1 } }).exec() : null;
      if (asked === latest) show({ count, oldestAt: oldest?.completedAt ?? null });
    };
    void recorder.lastNumber().then((last) => {
      localLast = Math.max(localLast, last);
      known = true;
      return refresh();
    });
    const sales = db.sales.insert$.subscribe((event) => {
      const sale = event.documentData;
      localLast = Math.max(localLast, sale.number);
      if (!known) return;
      latest++;
      const count = Math.max(0, localLast - (catalog.till?.lastNumber ?? 0));
      // A new sale behind others that wait leaves the oldest as it was: no read needed.
      show({ count, oldestAt: shown.count ? shown.oldestAt : sale.completedAt });
    });
    // Only the server's last number for this till changes what waits, not every product update.
    const tills = catalog.version$
      .pipe(
        map(() => catalog.till?.lastNumber ?? 0),
        distinctUntilChanged(),
      )
      .subscribe(() => void refresh());
    return () => {
      cancelled = true;
      sales.unsubscribe();
      tills.unsubscribe();
    };
  }, [db, catalog, recorder]);
  return waiting;
}

export function useSyncStatus(): SyncStatus {
  const { sync } = useServices();
  const [status, setStatus] = useState<SyncStatus>(() => ({ ...sync.status$.value, lastContactAt: sync.status$.value.lastContactAt ?? loadLastContact() }));
  useEffect(() => {
    const subscription = sync.status$.subscribe((next) => {
      if (next.lastContactAt) saveLastContact(next.lastContactAt);
      setStatus({ ...next, lastContactAt: next.lastContactAt ?? loadLastContact() });
    });
    return () => subscription.unsubscribe();
  }, [sync]);
  return status;
}

/** This till's documents the server refused and has not taken since, oldest first (replicated from the server). */
export function useOpenRefusals(): Refusal[] {
  const { db, settings } = useServices();
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  useEffect(() => {
    const subscription = db.refusals
      .find({ selector: { tillId: settings.tillId, status: 'open' } })
      .$.subscribe((documents) => setRefusals(documents.map((document) => document.toJSON() as Refusal).sort((a, b) => a.number - b.number)));
    return () => subscription.unsubscribe();
  }, [db, settings.tillId]);
  return refusals;
}
