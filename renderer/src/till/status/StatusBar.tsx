import { useCart } from '../checkout/cart.js';
import { useSession } from '../shift/session.js';
import { useServices } from '../context.js';
import { time } from '../format.js';
import { useShiftDialog } from '../shift/use-shift.js';
import { useOpenRefusals, useSyncStatus, useWaiting } from '../sync/use-sync.js';

/** Shows plainly whether the till reaches the server, how many sales wait, and since when. */
export function StatusBar({
  onOpenSync,
  onOpenReturn,
  onOpenReprint,
  onPrintLast,
}: {
  onOpenSync: () => void;
  onOpenReturn: () => void;
  onOpenReprint: () => void;
  onPrintLast: () => void;
}) {
  const { catalog, settings } = useServices();
  const status = useSyncStatus();
  const waiting = useWaiting();
  const refused = useOpenRefusals();
  const cashier = useSession((state) => state.cashier);
  const signOut = () => {
    const { lines, notify } = useCart.getState();
    // A cart belongs to the cashier who rang it up: finish, park or void it first.
    if (lines.length > 0) notify({ kind: 'warning', text: 'Finish, park (F4) or void the cart before signing out.' });
    else useSession.getState().signOut();
  };
  return (
    <header className="status-bar">
      <div className="status-bar__store">
        <div className="status-bar__who">
          <strong title={catalog.store?.name}>{catalog.store?.name ?? 'Kassa'}</strong>
          <span>
            Till {settings.tillCode} · <span data-testid="cashier-name">{cashier?.name}</span>
          </span>
        </div>
        <div className="status-bar__actions">
        <button type="button" className="sync-status__open" onClick={signOut}>
          Sign out
        </button>
        <button type="button" className="sync-status__open" onClick={useShiftDialog.getState().show} data-testid="shift-button">
          Shift (F3)
        </button>
        <button type="button" className="sync-status__open" onClick={onOpenReturn}>
          Return (F8)
        </button>
        <button type="button" className="sync-status__open" onClick={onOpenReprint} data-testid="open-reprint">
          Reprint (F6)
        </button>
        <button type="button" className="sync-status__open" onClick={onPrintLast} data-testid="print-last-receipt">
          Last receipt (F7)
        </button>
        </div>
      </div>
      <div
        className={`sync-status ${status.online && !status.accessRefused && !status.sendingHeld ? 'sync-status--online' : 'sync-status--offline'}`}
        role="status"
        aria-live="polite"
        data-testid="sync-status"
      >
        <span className="sync-status__state" data-testid="sync-state">
          {status.accessRefused ? 'Not syncing: pair again' : status.sendingHeld ? 'Sending held' : status.online ? 'Online' : 'Offline'}
        </span>
        <span className="sync-status__waiting" data-testid="sync-waiting">
          {waiting.count === null ? 'counting sales to send…' : waiting.count === 0 ? 'all sales synced' : `${waiting.count} ${waiting.count === 1 ? 'sale' : 'sales'} waiting since ${time(waiting.oldestAt)}`}
        </span>
        <span className="sync-status__contact" data-testid="sync-last-contact">
          {status.online ? `last sync ${time(status.lastContactAt)}` : `server last reached ${time(status.lastContactAt)}`}
        </span>
        {refused.length > 0 ? (
          <strong className="sync-status__refused" data-testid="sync-refused">
            {refused.length} refused
          </strong>
        ) : null}
        <button type="button" className="sync-status__open" onClick={onOpenSync} data-testid="open-sync-panel">
          Sync (F9)
        </button>
      </div>
    </header>
  );
}
