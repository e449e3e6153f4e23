import { useEffect, useState } from 'react';
import { distinctUntilChanged, map } from 'rxjs';
import type { SyncStatus } from '../sync/engine.js';
import { loadLastContact, saveLastContact } from '../settings.js';
import { useServices } from './context.js';
import { time } from './format.js';

interface Waiting {
  count: number;
  oldestAt: string | null;
}

/**
 * Counts this till's sales the server does not hold yet. Numbers are gapless, so the count is this
 * till's last number minus the server's; only the oldest one's time needs a (keyed) read.
 */
function useWaiting(): Waiting {
  const { db, catalog, recorder } = useServices();
  const [waiting, setWaiting] = useState<Waiting>({ count: 0, oldestAt: null });
  useEffect(() => {
    let cancelled = false;
    let localLast = 0;
    let shown: Waiting = { count: 0, oldestAt: null };
    const show = (next: Waiting) => {
      shown = next;
      if (!cancelled) setWaiting(next);
    };
    const refresh = async () => {
      const serverLast = catalog.till?.lastNumber ?? 0;
      const count = Math.max(0, localLast - serverLast);
      const oldest = count > 0 ? await db.sales.findOne({ selector: { number: serverLast + 1 } }).exec() : null;
      show({ count, oldestAt: oldest?.completedAt ?? null });
    };
    void recorder.lastNumber().then((last) => {
      localLast = Math.max(localLast, last);
      return refresh();
    });
    const sales = db.sales.insert$.subscribe((event) => {
      const sale = event.documentData;
      localLast = Math.max(localLast, sale.number);
      const count = Math.max(0, localLast - (catalog.till?.lastNumber ?? 0));
      // A new sale behind others that wait leaves the oldest as it was: no read needed.
      show({ count, oldestAt: shown.count > 0 ? shown.oldestAt : sale.completedAt });
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

function useSyncStatus(): SyncStatus {
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

/** Shows plainly whether the till reaches the server, how many sales wait, and since when. */
export function StatusBar() {
  const { catalog, settings } = useServices();
  const status = useSyncStatus();
  const waiting = useWaiting();
  return (
    <header className="status-bar">
      <div className="status-bar__store">
        <strong>{catalog.store?.name ?? 'Kassa'}</strong>
        <span>
          Till {settings.tillCode} · {settings.cashierName}
        </span>
      </div>
      <div className={`sync-status ${status.online ? 'sync-status--online' : 'sync-status--offline'}`} role="status" aria-live="polite" data-testid="sync-status">
        <span className="sync-status__state" data-testid="sync-state">
          {status.online ? 'Online' : 'Offline'}
        </span>
        <span data-testid="sync-waiting">
          {waiting.count === 0 ? 'all sales synced' : `${waiting.count} ${waiting.count === 1 ? 'sale' : 'sales'} waiting since ${time(waiting.oldestAt)}`}
        </span>
        <span className="sync-status__contact" data-testid="sync-last-contact">
          {status.online ? `last sync ${time(status.lastContactAt)}` : `server last reached ${time(status.lastContactAt)}`}
        </span>
      </div>
    </header>
  );
}
