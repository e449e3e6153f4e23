import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Customer } from '../../../../shared/src/index.js';
import { useSubmit } from '../../ui-kit/index.js';
import { useCart } from '../checkout/cart.js';
import { useServices } from '../context.js';
import { Modal } from '../Modal.js';

/**
 * F11: the customer the sale is for. Find one by name, phone or e-mail, or record a new one at the
 * counter (offline too: it goes up with the next sync). A likely duplicate is not refused here; head
 * office sees it flagged and merges it.
 */
export function CustomerDialog({ onClose }: { onClose: () => void }) {
  const { customers } = useServices();
  const { customer: attached, setCustomer, notify } = useCart();
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [fields, setFields] = useState({ name: '', phone: '', email: '', note: '' });
  // Re-search whenever the customers change (a sync brings someone new).
  const version = useSyncExternalStore(
    (changed) => {
      const subscription = customers.changes$.subscribe(changed);
      return () => subscription.unsubscribe();
    },
    () => customers.changes$.value,
  );
  const [found, setFound] = useState<Customer[]>([]);
  useEffect(() => setFound(query.trim() ? customers.search(query) : []), [customers, query, version]);

  const attach = (customer: Pick<Customer, 'id' | 'name'>) => {
    setCustomer({ id: customer.id, name: customer.name });
    notify({ kind: 'info', text: `Customer ${customer.name} attached to the sale.` });
    onClose();
  };

  const saving = useSubmit(
    async () => {
      const made = await customers.create({
        name: fields.name,
        ...(fields.phone.trim() ? { phone: fields.phone } : {}),
        ...(fields.email.trim() ? { email: fields.email } : {}),
        ...(fields.note.trim() ? { note: fields.note } : {}),
      });
      attach(made);
    },
    { clearOnRun: true },
  );
  // A refused customer's problems one a line, each as it names its field ("phone: …"); any other failure as it says.
  const problems = saving.fieldProblems.length > 0 ? saving.fieldProblems.map(({ path, message }) => `${path}: ${message}`) : saving.problem ? [saving.problem] : [];

  return (
    <Modal labelledBy="customer-title" onClose={onClose} wide>
        <h2 id="customer-title">Customer</h2>
        {attached ? (
          <p>
            This sale is for <strong data-testid="customer-attached">{attached.name}</strong>.{' '}
            <button
              type="button"
              onClick={() => {
                setCustomer(null);
                onClose();
              }}
            >
              Remove from the sale
            </button>
          </p>
        ) : null}
        {creating ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void saving.run();
            }}
          >
            <label htmlFor="customer-name">Name</label>
            <input id="customer-name" value={fields.name} onChange={(event) => setFields({ ...fields, name: event.target.value })} required maxLength={200} autoFocus />
            <label htmlFor="customer-phone">Phone</label>
            <input id="customer-phone" type="tel" value={fields.phone} onChange={(event) => setFields({ ...fields, phone: event.target.value })} maxLength={40} />
            <label htmlFor="customer-email">E-mail</label>
            <input id="customer-email" type="email" value={fields.email} onChange={(event) => setFields({ ...fields, email: event.target.value })} maxLength={200} />
            <label htmlFor="customer-note">Note</label>
            <input id="customer-note" value={fields.note} onChange={(event) => setFields({ ...fields, note: event.target.value })} maxLength={500} />
            {problems.length > 0 ? (
              <ul role="alert" className="dialog__short">
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            ) : null}
            <div className="dialog__actions">
              <button type="button" onClick={() => setCreating(false)}>
                Back to search
              </button>
              <button type="submit" className="dialog__complete" disabled={saving.busy || fields.name.trim() === ''}>
                Save and attach <kbd>Enter</kbd>
              </button>
            </div>
          </form>
        ) : (
          <>
            <label htmlFor="customer-search">Find customer</label>
            <input id="customer-search" type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Name, phone or e-mail" autoComplete="off" autoFocus />
            <ul className="customer-results" aria-label="Customers found">
              {found.map((customer) => (
                <li key={customer.id} data-testid="customer-result">
                  <button type="button" onClick={() => attach(customer)}>
                    {customer.name}
                    {customer.phone ? ` · ${customer.phone}` : ''}
                    {customer.email ? ` · ${customer.email}` : ''}
                  </button>
                </li>
              ))}
            </ul>
            {query.trim() && found.length === 0 ? <p>No customer matches “{query.trim()}”.</p> : null}
            <div className="dialog__actions">
              <button type="button" onClick={onClose}>
                Close <kbd>Esc</kbd>
              </button>
              <button
                type="button"
                onClick={() => {
                  setFields({ ...fields, name: /\d/.test(query) ? '' : query.trim(), phone: /\d/.test(query) ? query.trim() : '' });
                  setCreating(true);
                }}
              >
                New customer
              </button>
            </div>
          </>
        )}
    </Modal>
  );
}
