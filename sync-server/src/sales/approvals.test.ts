import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildCashSale,
  buildReturn,
  buildReturnWithoutReceipt,
  buildSale,
  DEFAULT_PRICING_RULES,
  type CartItem,
  type Cashier,
  type DiscountInput,
  type Person,
  type Product,
  type Sale,
} from '../../../shared/src/index.js';
import { DEMO_STORE_ID, demoCashierId } from '../demo.js';
import { pairTill, startServer, TEST_OFFICE_KEY, type RunningServer } from '../testing.js';
import { Sales } from './sales.js';

/**
 * Approvals on sales are checked against the cashiers head office keeps: whoever gave a discount or
 * approved one, a price override or a return without a receipt must be an active cashier of the store,
 * and what needs a manager must have one. Real HTTP, real SQLite, the demo cashiers.
 */
let server: RunningServer;
let credential: string;
/** The demo's p-000010 and p-000001 (loose bananas) as the server holds them; no test here changes a product. */
let p10: Product;
let looseBananas: Product;
beforeEach(async () => {
  server = await startServer({ products: 12 });
  credential = await pairTill(server.url, 'till-1');
  p10 = (await server.repository.getDocument<Product>('products', 'p-000010'))!;
  looseBananas = (await server.repository.getDocument<Product>('products', 'p-000001'))!;
});
afterEach(async () => {
  await server.stop();
});

const person = (key: string, name: string): Person => ({ id: demoCashierId(DEMO_STORE_ID, key), name });
const alex = person('alex', 'Alex Cashier');
const sam = person('sam', 'Sam Supervisor');
const morgan = person('morgan', 'Morgan Manager');
const stranger: Person = { id: 'cashier-nobody', name: 'Nobody' };

const context = (number: number) => ({
  id: `sale-till-1-${number}`,
  number,
  store: { id: DEMO_STORE_ID, code: 'S1', currency: 'EUR', pricing: DEFAULT_PRICING_RULES },
  till: { id: 'till-1', code: 'T1' },
  cashier: alex,
  completedAt: '2026-11-27T10:00:00.000Z',
});

function item(fields: Partial<CartItem> = {}): CartItem {
  const product = p10;
  return { product, quantity: '2', taxRatePercent: product.taxClass === 'standard' ? '20' : '7', ...fields };
}

const discounted = (number: number, discount: DiscountInput) => buildSale({ items: [item({ discount })], payments: [{ tender: 'cash', tendered: '100' }] }, context(number));
const overridden = (number: number, by: Person, approvedBy?: Person) =>
  buildSale({ items: [item({ priceOverride: { unitPrice: '0.50', reason: 'damaged box', by, ...(approvedBy ? { approvedBy } : {}) } })], payments: [{ tender: 'cash', tendered: '100' }] }, context(number));

async function push(sales: Sale[]): Promise<{ refused: { id: string; number: number; problems: string[] }[] }> {
  const response = await fetch(`${server.url}/api/sync/sales/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' },
    body: JSON.stringify(sales.map((document) => ({ newDocumentState: { ...document, _deleted: false } }))),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { refused: { id: string; number: number; problems: string[] }[] };
}

async function problemsOf(sale: Sale): Promise<string[]> {
  const { refused } = await push([sale]);
  expect(refused.map((refusal) => refusal.id)).toEqual([sale.id]);
  return refused[0].problems;
}

describe('approvals on sales', () => {
  it('are taken from active cashiers of the store, within their role', async () => {
    const small = discounted(1, { percent: '5', reason: 'loyal customer', by: alex });
    const approved = discounted(2, { percent: '30', reason: 'staff', by: alex, approvedBy: morgan });
    const override = overridden(3, sam, morgan);
    // A manager ringing up the sale overrides a price alone.
    const byManager = { ...overridden(4, morgan), cashierId: morgan.id, cashierName: morgan.name };
    const noReceipt = buildReturnWithoutReceipt([{ ...item(), restock: true }], morgan, { ...context(5), id: 'return-till-1-5' });
    // Cashier ids on the sale itself are not checked: tills from before sign-in use their own.
    const legacy = { ...buildCashSale([item()], '100', context(6)), cashierId: 'cashier-alice', cashierName: 'Alice' };
    expect(await push([small, approved, override, byManager, noReceipt, legacy])).toEqual({ conflicts: [], refused: [] });
    expect(await server.repository.salesCount(DEMO_STORE_ID)).toBe(6);
    // A price override is a price chosen, not an outdated one: no exception for it.
    expect(await server.repository.exceptions(DEMO_STORE_ID)).toEqual([]);
  });

  it('by someone who is not a cashier of the store, or not a manager where one is needed, are refused and kept', async () => {
    expect((await problemsOf(discounted(1, { percent: '5', reason: 'friend', by: stranger }))).join()).toContain('Nobody is not a cashier of this store');
    expect((await problemsOf(discounted(2, { percent: '30', reason: 'staff', by: alex, approvedBy: stranger }))).join()).toContain('approved by Nobody, who is not a manager');
    expect((await problemsOf(discounted(3, { percent: '30', reason: 'staff', by: alex, approvedBy: sam }))).join()).toContain('approved by Sam Supervisor, who is not a manager');
    expect((await problemsOf(discounted(4, { percent: '30', reason: 'staff', by: alex }))).join()).toContain('is above a cashier’s limit and needs a manager');
    expect((await problemsOf(overridden(5, sam))).join()).toContain('a price override needs a manager');
    expect((await problemsOf(overridden(6, alex, sam))).join()).toContain('a price override needs a manager');
    const noReceipt = buildReturnWithoutReceipt([{ ...item(), restock: true }], sam, { ...context(7), id: 'return-till-1-7' });
    expect(await problemsOf(noReceipt)).toEqual(['a return without a receipt needs a manager’s approval']);
    const unknownApprover = buildReturnWithoutReceipt([{ ...item(), restock: false }], stranger, { ...context(8), id: 'return-till-1-8' });
    expect(await problemsOf(unknownApprover)).toEqual(['a return without a receipt needs a manager’s approval']);

    expect(await server.repository.salesCount(DEMO_STORE_ID)).toBe(0);
    const kept = await server.repository.refusals(DEMO_STORE_ID);
    expect(kept).toHaveLength(8);
    expect(kept.every((refusal) => refusal.collection === 'sales' && refusal.acceptedAt === null)).toBe(true);
  });

  it('by a manager head office deactivated are refused with that reason, and taken once the manager is active again', async () => {
    const deactivate = (active: boolean) =>
      fetch(`${server.url}/api/office/cashiers/${morgan.id}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${TEST_OFFICE_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ active }),
      });
    expect((await deactivate(false)).status).toBe(200);
    const override = overridden(1, alex, morgan);
    const problems = await problemsOf(override);
    expect(problems).toContain(`Morgan Manager (${morgan.id}) was deactivated by head office and approves nothing`);
    expect(problems.join()).toContain('a price override needs a manager');
    // Sales behind it are not held up.
    expect(await push([buildCashSale([item()], '100', context(2))])).toEqual({ conflicts: [], refused: [] });
    expect((await server.repository.till('till-1'))!.lastNumber).toBe(2);

    expect((await deactivate(true)).status).toBe(200);
    expect(await push([override])).toEqual({ conflicts: [], refused: [] });
    expect(await server.repository.salesCount(DEMO_STORE_ID)).toBe(2);
    expect((await server.repository.refusals(DEMO_STORE_ID))[0].acceptedAt).not.toBeNull();
  });

  it('by a cashier of another store are refused', async () => {
    const other = await fetch(`${server.url}/api/office/cashiers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_OFFICE_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ storeId: DEMO_STORE_ID, name: 'Local Manager', role: 'manager', pin: '8642' }),
    });
    const local = (await other.json()) as { id: string };
    // Moved to a store of its own in the database: the same id, another store.
    await server.repository.putDocument('cashiers', { ...(await server.repository.getDocument<Cashier>('cashiers', local.id))!, storeId: 'store-2' }, 'store-2');
    const problems = await problemsOf(overridden(1, alex, { id: local.id, name: 'Local Manager' }));
    expect(problems.join()).toContain('a price override needs a manager');
  });
});

describe('weighed lines on sales', () => {
  // p-000001 is the demo's loose bananas, 1.89 a kg. A scale label said 1.234 kg; half the bunch stayed behind.
  const bananas = () => looseBananas;
  const weighed = (number: number, fields: Partial<CartItem>) => buildSale({ items: [item({ product: bananas(), ...fields })], payments: [{ tender: 'cash', tendered: '100' }] }, context(number));
  const halfBunch = (approvedBy?: Person) => ({ was: '1.234', reason: 'half the bunch stayed behind', by: alex, ...(approvedBy ? { approvedBy } : {}) });

  it('keep how each weight was taken, and a scale label’s weight changed with a manager’s approval', async () => {
    const keyed = weighed(1, { quantity: '0.375', weighing: 'keyed' });
    const overridden = weighed(2, { quantity: '0.500', weighing: 'scale', weightOverride: halfBunch(morgan) });
    expect(await push([keyed, overridden])).toEqual({ conflicts: [], refused: [] });
    const stored = (await new Sales(server.repository).byReceipt(DEMO_STORE_ID, overridden.receiptNumber))!.sale;
    expect(stored.lines[0]).toMatchObject({ quantity: '0.500', weighing: 'scale', gross: '0.95' });
    expect(stored.adjustments).toEqual([{ kind: 'weight-override', line: 0, was: '1.234', amount: '0.500', reason: 'half the bunch stayed behind', by: alex, approvedBy: morgan }]);
    expect((await new Sales(server.repository).byReceipt(DEMO_STORE_ID, keyed.receiptNumber))!.sale.lines[0].weighing).toBe('keyed');
  });

  it('refuse a scale label’s weight changed without a manager, or approved by someone who is not one, and keep the sale', async () => {
    expect(await problemsOf(weighed(1, { quantity: '0.500', weighing: 'scale', weightOverride: halfBunch() }))).toEqual(['weight override on line 1: a weight override needs a manager']);
    expect(await problemsOf(weighed(2, { quantity: '0.500', weighing: 'scale', weightOverride: halfBunch(sam) }))).toEqual([
      'weight override on line 1: approved by Sam Supervisor, who is not a manager of this store',
      'weight override on line 1: a weight override needs a manager',
    ]);
    // An approved override on a line that says it was keyed in: no scale label's weight was changed.
    const approved = weighed(3, { quantity: '0.500', weighing: 'scale', weightOverride: halfBunch(morgan) });
    const keyed = { ...approved, lines: [{ ...approved.lines[0], weighing: 'keyed' as const }] };
    expect((await problemsOf(keyed)).join()).toContain("line 1: a weight override changes a scale label's weight, and the line says it was keyed in");
    expect(await server.repository.salesCount(DEMO_STORE_ID)).toBe(0);
    expect(await server.repository.refusals(DEMO_STORE_ID)).toHaveLength(3);
  });
});

describe('what a document must share with its store and its till', () => {
  it('refuses another currency, other decimals and cash rounded to a step the store does not use', async () => {
    const sale = buildCashSale([item()], '100', context(1));
    expect((await problemsOf({ ...sale, currency: 'USD' })).join()).toContain('the document is in USD, store S1 sells in EUR');
    // In whole units a till could call 48.00 of rounding half a coin.
    const wholeUnits = buildCashSale([item()], '100', { ...context(2), store: { ...context(2).store, pricing: { ...DEFAULT_PRICING_RULES, currencyDecimals: 0 } } });
    expect((await problemsOf(wholeUnits)).join()).toContain('the document counts 0 decimals, store S1 counts 2');
    const rounded = buildSale({ items: [item({ quantity: '1' })], payments: [{ tender: 'cash', tendered: '100' }] }, { ...context(3), store: { ...context(3).store, cashRounding: '1' } });
    expect(rounded.cashRoundingStep).toBe('1');
    expect((await problemsOf(rounded)).join()).toContain('cash rounded to 1, but store S1 rounds no cash');
  });

  it('refuses a document that names another till’s shift', async () => {
    const open = { id: 'shift-of-till-2', storeId: DEMO_STORE_ID, tillId: 'till-2', shiftId: 'shift-of-till-2', kind: 'open', sequence: 1, at: '2026-11-27T08:00:00.000Z', cashier: alex, currency: 'EUR', amount: '100.00' };
    const credential2 = await pairTill(server.url, 'till-2');
    const pushed = await fetch(`${server.url}/api/sync/shiftEvents/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${credential2}`, 'content-type': 'application/json' },
      body: JSON.stringify([{ newDocumentState: { ...open, _deleted: false } }]),
    });
    expect(((await pushed.json()) as { refused: unknown[] }).refused).toEqual([]);
    const sale = buildSale({ items: [item()], payments: [{ tender: 'cash', tendered: '100' }] }, { ...context(1), shiftId: 'shift-of-till-2' });
    expect(await problemsOf(sale)).toEqual(['shift "shift-of-till-2" belongs to till "till-2"; only the till that opened a shift writes to it']);
  });

  it('notes a return without a receipt refunded at another price than the shelf’s for head office', async () => {
    const product = item().product;
    const dearer = buildReturnWithoutReceipt([{ ...item({ quantity: '1' }), product: { ...product, price: '999.00' }, restock: true }], morgan, { ...context(1), cashier: morgan, id: 'return-till-1-1' });
    expect(await push([dearer])).toEqual({ conflicts: [], refused: [] });
    expect(await server.repository.exceptions(DEMO_STORE_ID)).toEqual([expect.objectContaining({ kind: 'price_mismatch', productId: product.id })]);
  });
});

describe('a cash refund of a sale paid by card', () => {
  it('needs a manager’s approval beyond the cash the sale took, and a manager it must be', async () => {
    const byCard = buildSale({ items: [item()], payments: [{ tender: 'card', amount: buildCashSale([item()], '100', context(1)).totals.gross, card: { brand: 'Visa', last4: '4242' } }] }, context(1));
    expect(await push([byCard])).toEqual({ conflicts: [], refused: [] });
    const returnContext = (number: number) => ({ ...context(number), id: `return-till-1-${number}` });
    const asCash = buildReturn(byCard, [{ productId: byCard.lines[0].productId, quantity: '1', restock: true }], [], returnContext(2), { refundTo: 'cash', approvedBy: morgan });
    const { approvedBy: _dropped, ...unapproved } = asCash;
    expect((await problemsOf(unapproved)).join()).toContain('a manager approves turning a card or voucher payment into cash');
    expect(await problemsOf({ ...asCash, id: 'return-till-1-3', number: 3, receiptNumber: 'S1-T1-000003', approvedBy: sam })).toEqual(['a return is approved by a manager, and Sam Supervisor is not one of this store']);
    expect(await push([{ ...asCash, id: 'return-till-1-4', number: 4, receiptNumber: 'S1-T1-000004' }])).toEqual({ conflicts: [], refused: [] });
  });
});
