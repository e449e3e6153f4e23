import { useState } from 'react';
import { create } from 'zustand';
import { dec, measureOf, quantityProblem, toQuantityString, type DecimalString, type Person, type Product, type Unit } from '../../../../shared/src/index.js';
import { useApproval } from './approval.js';
import { labelWeight, lineLimitProblem, useCart } from './cart.js';
import { useSession } from '../shift/session.js';
import { useServices } from '../context.js';
import { pricePerUnit } from '../format.js';
import { Modal } from '../Modal.js';
import { ReasonField } from '../ReasonField.js';
import './weighing.css';

interface WeighingState {
  /** A measured product (by the kg, g, l or m) added without a quantity: the cashier keys one in. */
  asking: Product | null;
  /** The cart line whose scale label's weight the cashier asked to change. */
  changing: string | null;
}

const useWeighing = create<WeighingState>(() => ({ asking: null, changing: null }));

/**
 * Asks the cashier for the weight of `product` (sold by the kg, added from the search or a quick key
 * with no scale label), or its weight in g, volume in l or length in m: nothing goes in the cart until
 * it is keyed in, never 1 kg (or 1 m) unasked.
 */
export function askWeight(product: Product): void {
  useWeighing.setState({ asking: product, changing: null });
}

/** Opens Change weight for a scale label's line: a new weight, a reason and a manager's PIN. */
export function askWeightChange(lineId: string): void {
  useWeighing.setState({ asking: null, changing: lineId });
}

const close = () => useWeighing.setState({ asking: null, changing: null });

/**
 * A weight (or volume, or length) as typed ("0,375" too), or why it cannot be charged: a number of
 * `unit` above zero, no finer than the unit is sold (kg to the gram), within the store's line limit.
 */
function readWeight(typed: string, store: Parameters<typeof lineLimitProblem>[1], unit: Unit = 'kg'): { weight: DecimalString } | { problem: string } {
  const value = typed.trim().replace(',', '.');
  if (value === '') return { problem: `enter the ${measureOf(unit)} in ${unit}` };
  const problem = quantityProblem(value, unit) ?? lineLimitProblem(dec(value), store);
  return problem ? { problem } : { weight: toQuantityString(dec(value)) };
}

/**
 * The till's weighing dialogs, rendered once by the sale screen: "Weight" when a loose product was
 * added without a weight (askWeight; `onWeighed` adds the line, with the weight keyed in), and
 * "Change weight" for a scale label's line (askWeightChange).
 */
export function WeightDialog({ onWeighed }: { onWeighed(product: Product, quantity: DecimalString): void }) {
  const { asking, changing } = useWeighing();
  if (asking) return <KeyWeight key={asking.id} product={asking} onWeighed={onWeighed} />;
  if (changing) return <ChangeWeight key={changing} lineId={changing} />;
  return null;
}

function KeyWeight({ product, onWeighed }: { product: Product; onWeighed(product: Product, quantity: DecimalString): void }) {
  const { catalog } = useServices();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // "Weight" for goods sold by the kg or g, "Volume" by the litre, "Length" by the metre.
  const measure = measureOf(product.unit);
  const Measure = measure[0].toUpperCase() + measure.slice(1);
  const add = () => {
    const read = readWeight(typed, catalog.store, product.unit);
    if ('problem' in read) return setProblem(`${Measure} of ${product.name}: ${read.problem}.`);
    close();
    onWeighed(product, read.weight);
  };
  return (
    <Modal labelledBy="weight-title" onClose={close} testId="weight-dialog">
      <h2 id="weight-title">{Measure}</h2>
      <p className="weighing__price">
        {product.name} · {pricePerUnit(product.price, catalog.store?.currency ?? '', product.unit)}
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <label htmlFor="weight-kg">
          {Measure} of {product.name} in {product.unit}
        </label>
        <input
          id="weight-kg"
          className="weighing__weight"
          inputMode="decimal"
          autoComplete="off"
          required
          aria-invalid={problem !== null}
          aria-describedby={problem ? 'weight-problem' : undefined}
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
            setProblem(null);
          }}
          autoFocus
        />
        {problem ? (
          <p role="alert" id="weight-problem" className="dialog__short">
            {problem}
          </p>
        ) : null}
        <div className="dialog__actions">
          <button type="button" onClick={close}>
            Cancel <kbd>Esc</kbd>
          </button>
          <button type="submit" className="dialog__complete">
            Add <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </Modal>
  );
}

const REASONS = ['Label misprinted', 'Part of the goods stayed behind', 'Weighed again', 'Tare not taken off', 'Other'];

/**
 * A scale label's weight is what the customer pays for: another weight needs a reason and a manager's
 * PIN (a manager at the till changes it alone), and the sale records both weights. The label's own
 * weight again takes the change back, with no approval.
 */
function ChangeWeight({ lineId }: { lineId: string }) {
  const { catalog } = useServices();
  const cashier = useSession((state) => state.cashier);
  const requestApproval = useApproval((state) => state.request);
  const line = useCart((state) => state.lines.find((candidate) => candidate.lineId === lineId));
  const overrideWeight = useCart((state) => state.overrideWeight);
  const [typed, setTyped] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const product = line ? catalog.product(line.productId) : undefined;
  if (!line || !product) return null;
  const was = labelWeight(line);

  const change = async () => {
    if (busy || !cashier) return;
    const read = readWeight(typed, catalog.store);
    if ('problem' in read) return setProblem(`Weight of ${product.name}: ${read.problem}.`);
    if (dec(read.weight).eq(dec(was))) {
      overrideWeight(lineId, was);
      return close();
    }
    // No reason is chosen for the cashier: Enter never records one nobody picked.
    if (reason.trim() === '') return setProblem('Choose or type a reason.');
    const by: Person = { id: cashier.id, name: cashier.name };
    setBusy(true);
    try {
      let approvedBy: Person | undefined;
      if (cashier.role !== 'manager') {
        const manager = await requestApproval(`Weight of ${product.name}: ${was} kg on the scale label → ${read.weight} kg (${reason.trim()})`);
        if (!manager) return setProblem('Not approved: the label’s weight stays.');
        approvedBy = manager;
      }
      overrideWeight(lineId, read.weight, { reason: reason.trim(), by, ...(approvedBy ? { approvedBy } : {}) });
      close();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal labelledBy="change-weight-title" onClose={close} testId="change-weight-dialog">
      <h2 id="change-weight-title">Change weight</h2>
      <p data-testid="change-weight-label">
        {product.name}: the scale label says <strong>{was} kg</strong>
        {line.weightOverride ? `; ${line.quantity} kg charged now` : ''}.
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void change();
        }}
      >
        <label htmlFor="change-weight-kg">New weight of {product.name} in kg</label>
        <input
          id="change-weight-kg"
          className="weighing__weight"
          inputMode="decimal"
          autoComplete="off"
          required
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
            setProblem(null);
          }}
          autoFocus
        />
        <ReasonField id="change-weight-reason" reasons={REASONS} value={reason} onChange={setReason} />
        <p className="weighing__help">A manager approves another weight than the label’s.</p>
        {problem ? (
          <p role="alert" className="dialog__short">
            {problem}
          </p>
        ) : null}
        <div className="dialog__actions">
          <button type="button" onClick={close}>
            Cancel <kbd>Esc</kbd>
          </button>
          <button type="submit" className="dialog__complete" disabled={busy}>
            Change <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </Modal>
  );
}
