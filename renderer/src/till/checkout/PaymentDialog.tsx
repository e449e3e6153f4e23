import { useEffect, useMemo, useRef, useState } from 'react';
import { approvalProblems, dec, farAboveDue, isDecimalString, largestNote, roundToCashStep, tenderAmountProblem, toFixedString, type Sale, type TenderInput } from '../../../../shared/src/index.js';
import { useSubmit } from '../../ui-kit/index.js';
import { useCart } from './cart.js';
import { useServices } from '../context.js';
import { Modal } from '../Modal.js';
import { money } from '../format.js';
import type { PricedCartView } from './use-cart-pricing.js';
import { useDocumentContext } from '../use-document-context.js';

type Mode = 'cash' | 'card' | 'voucher';

const CARD_BRANDS = ['Visa', 'Mastercard', 'Maestro', 'American Express', 'Other'];

function amountOf(tender: TenderInput): string {
  return tender.tender === 'cash' ? tender.tendered : tender.amount;
}

function describe(tender: TenderInput): string {
  if (tender.tender === 'card') return `Card ${tender.card.brand} ····${tender.card.last4}`;
  if (tender.tender === 'voucher') return `Voucher ${tender.voucher.code}`;
  return 'Cash (part)';
}

function normalise(text: string): string {
  return text.trim().replace(',', '.');
}

/**
 * Taking payment: cash with change (rounded to the store's smallest coin when it has cash rounding),
 * card (the terminal is separate: the till records the amount, brand and last four digits only),
 * voucher, or several of them. The sale completes, as one stored document, only when fully paid.
 */
export function PaymentDialog({ view }: { view: PricedCartView }) {
  const { recorder, catalog, cashiers } = useServices();
  const { cancelPayment, completed, notify, voids, customer } = useCart();
  const documentContext = useDocumentContext();
  const store = catalog.store;
  const places = store?.pricing.currencyDecimals ?? 2;
  const step = store?.cashRounding;
  const total = view.priced?.totals.gross ?? '0';
  const [taken, setTaken] = useState<TenderInput[]>([]);
  const [mode, setMode] = useState<Mode>('cash');
  const remaining = useMemo(() => dec(total).minus(taken.reduce((sum, tender) => sum.plus(dec(amountOf(tender))), dec('0'))), [total, taken]);
  const cashDue = toFixedString(roundToCashStep(remaining, step), places);
  const left = toFixedString(remaining, places);
  const [tendered, setTendered] = useState(cashDue);
  const [cardAmount, setCardAmount] = useState(left);
  const [brand, setBrand] = useState(CARD_BRANDS[0]);
  const [last4, setLast4] = useState('');
  const [voucherCode, setVoucherCode] = useState('');
  const [voucherAmount, setVoucherAmount] = useState(left);
  /** What the cashier typed wrong; a sale that fails to complete is told in the till's notice. */
  const [problem, setProblem] = useState<string | null>(null);
  /** Cash far above what is due, waiting for the cashier to say it really was handed over. */
  const [confirming, setConfirming] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const keepAmount = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    setTendered(cashDue);
    setCardAmount(left);
    setVoucherAmount(left);
  }, [cashDue, left]);
  useEffect(() => {
    first.current?.focus();
    first.current?.select();
  }, [mode]);

  const cash = normalise(tendered);
  const cashValid = isDecimalString(cash) && dec(cash).gt(0);
  useEffect(() => setConfirming(null), [cash, mode]);
  useEffect(() => keepAmount.current?.focus(), [confirming]);
  /** Why an amount typed here is no amount of money at this store (too many decimals, more than a drawer holds). */
  const amountProblem = (amount: string) => (store ? tenderAmountProblem(amount, store) : null);
  const covers = cashValid && dec(cash).gte(dec(cashDue));
  // Enough for the exact amount but short of it rounded to whole coins: neither change nor a part payment.
  const shortOfRounded = cashValid && !covers && dec(cash).gte(remaining);
  const change = covers ? toFixedString(dec(cash).minus(dec(cashDue)), places) : null;
  const quick = [...new Set(['5', '10', '20', '50', '100'].filter((note) => dec(note).gte(dec(cashDue))).slice(0, 3))];

  const completing = useSubmit(
    async (tenders: TenderInput[]) => {
      const context = documentContext();
      if (!context) return;
      performance.mark('kassa:sale-submitted');
      // The server refuses a sale whose approvals do not hold (a discount that grew past the limit
      // when its line was made smaller, say): such a sale is never completed here.
      const roles = new Map((await cashiers.list()).map((cashier) => [cashier.id, cashier.role]));
      const check = (document: Sale) => approvalProblems(document, store ?? {}, (id) => roles.get(id));
      const sale: Sale = await recorder.completeSale({ items: view.items, orderDiscount: view.orderDiscount ?? undefined, payments: tenders, voids }, { ...context, check, ...(customer ? { customer } : {}) });
      performance.mark('kassa:sale-stored');
      completed(sale);
    },
    { failure: (message) => `The sale was not completed: ${message}`, onFailure: (text) => notify({ kind: 'error', text }) },
  );

  /** Adds a card or voucher payment, or part of the total in cash; completes when nothing is left. */
  const add = (tender: TenderInput) => {
    const amount = dec(amountOf(tender));
    if (amount.gt(remaining) && tender.tender !== 'cash') {
      setProblem(`${money(toFixedString(amount, places), view.currency)} is more than the ${money(left, view.currency)} left to pay.`);
      return;
    }
    setProblem(null);
    const next = [...taken, tender];
    if (amount.eq(remaining)) void completing.run(next);
    else {
      setTaken(next);
      // The rest is most often cash: a second Enter must not charge the same card again.
      setMode('cash');
      setLast4('');
      setVoucherCode('');
    }
  };

  const submit = () => {
    setProblem(null);
    if (mode === 'cash') {
      if (!cashValid) return setProblem('Enter the cash received.');
      const wrong = amountProblem(cash);
      if (wrong) return setProblem(`Cash received: ${wrong}.`);
      // Only the confirmation's own button takes such an amount: Enter never does.
      if (covers && farAboveDue(cash, cashDue, store)) {
        setConfirming(cash);
        keepAmount.current?.focus();
        return;
      }
      if (covers) return void completing.run([...taken, { tender: 'cash', tendered: cash }]);
      if (shortOfRounded) return setProblem(`${money(cashDue, view.currency)} is due in cash (rounded to whole coins).`);
      return add({ tender: 'cash', tendered: cash });
    }
    if (mode === 'card') {
      const amount = normalise(cardAmount);
      if (!isDecimalString(amount) || dec(amount).lte(0)) return setProblem('Enter the amount the card terminal took.');
      const wrong = amountProblem(amount);
      if (wrong) return setProblem(`Card amount: ${wrong}.`);
      if (!/^\d{4}$/.test(last4)) return setProblem('Enter the last 4 digits of the card (never the whole number).');
      return add({ tender: 'card', amount, card: { brand, last4 } });
    }
    const amount = normalise(voucherAmount);
    if (!isDecimalString(amount) || dec(amount).lte(0)) return setProblem('Enter the voucher amount used.');
    const wrong = amountProblem(amount);
    if (wrong) return setProblem(`Voucher amount: ${wrong}.`);
    if (voucherCode.trim() === '') return setProblem('Enter the voucher code.');
    return add({ tender: 'voucher', amount, voucher: { code: voucherCode.trim() } });
  };

  const submitLabel = mode === 'cash' ? (covers || !cashValid || shortOfRounded ? 'Complete sale' : 'Take as part payment') : mode === 'card' ? 'Add card payment' : 'Add voucher';

  return (
    <Modal labelledBy="payment-title" onClose={taken.length === 0 ? cancelPayment : undefined} escapeHint="Remove the payments taken first (refund a card at its terminal), then go back.">
        <h2 id="payment-title">Payment</h2>
        <p className="dialog__total">
          To pay <strong data-testid="payment-total">{money(total, view.currency)}</strong>
        </p>
        {taken.length > 0 ? (
          <ul className="payment-taken" aria-label="Payments taken">
            {taken.map((tender, index) => (
              <li key={index} data-testid="payment-taken">
                {describe(tender)} {money(toFixedString(dec(amountOf(tender)), places), view.currency)}{' '}
                <button type="button" aria-label={`Remove ${describe(tender)} payment`} onClick={() => setTaken(taken.filter((_, other) => other !== index))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <p className="dialog__left">
          Left to pay <strong data-testid="payment-left">{money(left, view.currency)}</strong>
          {step && cashDue !== left ? (
            <>
              {' '}
              · in cash <strong data-testid="payment-cash-due">{money(cashDue, view.currency)}</strong>
            </>
          ) : null}
        </p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <fieldset className="payment-modes">
            <legend>Pay by</legend>
            {(['cash', 'card', 'voucher'] as const).map((option) => (
              <label key={option}>
                <input type="radio" name="tender" value={option} checked={mode === option} onChange={() => setMode(option)} /> {option === 'cash' ? 'Cash' : option === 'card' ? 'Card' : 'Voucher'}
              </label>
            ))}
          </fieldset>
          {mode === 'cash' ? (
            <>
              <label htmlFor="tendered">Cash received</label>
              <input id="tendered" ref={first} className="dialog__tendered" inputMode="decimal" value={tendered} onChange={(event) => setTendered(event.target.value)} autoFocus />
              <div className="dialog__quick">
                <button type="button" onClick={() => setTendered(cashDue)}>
                  Exact
                </button>
                {quick.map((note) => (
                  <button key={note} type="button" onClick={() => setTendered(note)}>
                    {money(note, view.currency)}
                  </button>
                ))}
              </div>
              <p className="dialog__change" aria-live="polite">
                {change !== null ? (
                  <>
                    Change <strong data-testid="change">{money(change, view.currency)}</strong>
                  </>
                ) : (
                  <span className="dialog__short">
                    {!cashValid ? 'Enter the cash received' : shortOfRounded ? `${money(cashDue, view.currency)} is due in cash` : `Less than the ${money(cashDue, view.currency)} due: taken as part payment`}
                  </span>
                )}
              </p>
            </>
          ) : mode === 'card' ? (
            <>
              <label htmlFor="card-amount">Card amount</label>
              <input id="card-amount" ref={first} inputMode="decimal" value={cardAmount} onChange={(event) => setCardAmount(event.target.value)} />
              <label htmlFor="card-brand">Card brand</label>
              <select id="card-brand" value={brand} onChange={(event) => setBrand(event.target.value)}>
                {CARD_BRANDS.map((name) => (
                  <option key={name}>{name}</option>
                ))}
              </select>
              <label htmlFor="card-last4">Last 4 digits</label>
              <input id="card-last4" inputMode="numeric" autoComplete="off" maxLength={4} value={last4} onChange={(event) => setLast4(event.target.value.replace(/\D/g, ''))} />
            </>
          ) : (
            <>
              <label htmlFor="voucher-code">Voucher code</label>
              <input id="voucher-code" ref={first} autoComplete="off" value={voucherCode} onChange={(event) => setVoucherCode(event.target.value)} />
              <label htmlFor="voucher-amount">Voucher amount</label>
              <input id="voucher-amount" inputMode="decimal" value={voucherAmount} onChange={(event) => setVoucherAmount(event.target.value)} />
            </>
          )}
          {problem ? (
            <p role="alert" className="dialog__short">
              {problem}
            </p>
          ) : null}
          {confirming ? (
            <div role="alert" className="payment-confirm" data-testid="payment-confirm">
              <p>
                {money(toFixedString(dec(confirming), places), view.currency)} received is more than the largest note ({money(largestNote(store), view.currency)}) above the {money(cashDue, view.currency)} due: change of{' '}
                {money(toFixedString(dec(confirming).minus(dec(cashDue)), places), view.currency)}. Was that really handed over?
              </p>
              <div className="dialog__actions">
                <button
                  type="button"
                  ref={keepAmount}
                  onClick={() => {
                    setConfirming(null);
                    first.current?.focus();
                    first.current?.select();
                  }}
                >
                  No, correct the amount
                </button>
                <button type="button" className="dialog__complete dialog__complete--danger" onClick={() => void completing.run([...taken, { tender: 'cash', tendered: confirming }])}>
                  Yes, {money(toFixedString(dec(confirming), places), view.currency)} received
                </button>
              </div>
            </div>
          ) : null}
          <div className="dialog__actions">
            {/* A card already charged must not be forgotten: remove each payment taken (refunding it at the terminal) first. */}
            <button type="button" onClick={cancelPayment} disabled={taken.length > 0} title={taken.length > 0 ? 'Remove the payments taken first' : undefined}>
              Back <kbd>Esc</kbd>
            </button>
            <button type="submit" className="dialog__complete" disabled={completing.busy}>
              {submitLabel} <kbd>Enter</kbd>
            </button>
          </div>
        </form>
    </Modal>
  );
}
