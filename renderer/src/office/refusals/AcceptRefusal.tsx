import { useState } from 'react';
import type { RefusedDocument } from '../../../../shared/src/index.js';
import { Dialog, FormField, problemFor, useSubmit } from '../../ui-kit/index.js';
import { office } from '../api.js';

/**
 * "Take as it is": a refused sale or shift event stored with the store's rules waived for it alone,
 * once a reason is given (it goes into the audit log). Not for customers (fixed by editing the
 * customer), and only while the refusal is open.
 */
export function AcceptRefusal(props: { refusal: RefusedDocument; label: string; onTaken(): Promise<unknown> }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const take = useSubmit(async () => {
    await office.post('/api/office/refusals/:id/accept', { params: { id: props.refusal.id }, body: { reason: reason.trim() } });
    setOpen(false);
    await props.onTaken();
  });
  if (props.refusal.collection === 'customers' || props.refusal.acceptedAt) return null;
  const sale = props.refusal.collection === 'sales';
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Take as it is
      </button>
      <Dialog
        title={`Take ${props.label} as it is?`}
        open={open}
        onClose={() => setOpen(false)}
        footer={
          <>
            <button type="button" disabled={take.busy} onClick={() => void take.run()}>
              Take it
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </>
        }
      >
        <p>
          {sale
            ? 'The sale is stored and counted in stock as the till made it; the store’s rules it broke are waived for it alone. What it is and what it sells are still checked.'
            : 'The shift event is stored in its shift as the till made it; the store’s limits it broke are waived for it alone. What it is and its shift are still checked.'}
        </p>
        <FormField label="Reason" hint="Why it is taken (kept in the audit log)" error={problemFor(take.fieldProblems, 'reason')}>
          {(control) => <textarea {...control} value={reason} onChange={(event) => setReason(event.target.value)} rows={2} cols={40} />}
        </FormField>
        {take.problem && take.fieldProblems.length === 0 ? (
          <p role="alert" className="problem">
            Not taken: {take.problem}
          </p>
        ) : null}
      </Dialog>
    </>
  );
}
