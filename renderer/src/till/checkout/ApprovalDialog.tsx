import { useState } from 'react';
import { useSubmit } from '../../ui-kit/index.js';
import { useApproval } from './approval.js';
import { useServices } from '../context.js';
import { Modal } from '../Modal.js';

/** A manager steps up and types their PIN to allow what the cashier's role may not do alone. */
export function ApprovalDialog() {
  const { cashiers } = useServices();
  const { pending, settle } = useApproval();
  const [pin, setPin] = useState('');
  const approving = useSubmit(
    async () => {
      const manager = await cashiers.approve(pin);
      setPin('');
      settle({ id: manager.id, name: manager.name });
    },
    { clearOnRun: true, onFailure: () => setPin('') },
  );
  const cancel = () => {
    setPin('');
    approving.clear();
    settle(null);
  };
  if (!pending) return null;

  return (
    <Modal labelledBy="approval-title" onClose={cancel}>
        <h2 id="approval-title">Manager approval</h2>
        <p data-testid="approval-what">{pending.what}</p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void approving.run();
          }}
        >
          <label htmlFor="manager-pin">Manager PIN</label>
          <input id="manager-pin" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))} autoFocus required />
          {approving.problem ? (
            <p role="alert" className="dialog__short">
              {approving.problem}
            </p>
          ) : null}
          <div className="dialog__actions">
            <button type="button" onClick={cancel}>
              Cancel <kbd>Esc</kbd>
            </button>
            <button type="submit" className="dialog__complete" disabled={approving.busy || pin.length === 0}>
              Approve <kbd>Enter</kbd>
            </button>
          </div>
        </form>
    </Modal>
  );
}
