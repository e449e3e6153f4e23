import { useCallback, useState } from 'react';
import { useApproval } from './approval.js';
import { useServices } from '../context.js';
import { Modal } from '../Modal.js';

/** A manager steps up and types their PIN to allow what the cashier's role may not do alone. */
export function ApprovalDialog() {
  const { cashiers } = useServices();
  const { pending, settle } = useApproval();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const cancel = useCallback(() => {
    setPin('');
    setError(null);
    settle(null);
  }, [settle]);
  if (!pending) return null;

  const approve = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const manager = await cashiers.approve(pin);
      setPin('');
      settle({ id: manager.id, name: manager.name });
    } catch (failure) {
      setError((failure as Error).message);
      setPin('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal labelledBy="approval-title" onClose={cancel}>
        <h2 id="approval-title">Manager approval</h2>
        <p data-testid="approval-what">{pending.what}</p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void approve();
          }}
        >
          <label htmlFor="manager-pin">Manager PIN</label>
          <input id="manager-pin" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))} autoFocus required />
          {error ? (
            <p role="alert" className="dialog__short">
              {error}
            </p>
          ) : null}
          <div className="dialog__actions">
            <button type="button" onClick={cancel}>
              Cancel <kbd>Esc</kbd>
            </button>
            <button type="submit" className="dialog__complete" disabled={busy || pin.length === 0}>
              Approve <kbd>Enter</kbd>
            </button>
          </div>
        </form>
    </Modal>
  );
}
