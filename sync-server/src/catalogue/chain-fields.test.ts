import { afterEach, beforeEach, expect, it } from 'vitest';
import { PRODUCT_FIELDS, type Product, type StockValue } from '../../../shared/src/index.js';
import { DEMO_STORE_ID } from '../demo.js';
import { officeCall, startServer, type RunningServer } from '../testing.js';
import { ChainFields } from './chain-fields.js';

// Two server processes on one database, as a chain runs them: one edits the catalogue, the other
// answers head office's reports from the catalogue it holds.
let editing: RunningServer;
let reporting: RunningServer;

beforeEach(async () => {
  editing = await startServer({ products: 6 });
  reporting = await startServer({ file: editing.file, seed: false });
});

afterEach(async () => {
  await reporting.stop();
  await editing.stop();
});

const stockValue = async () => (await officeCall<StockValue>(reporting.url, `/api/office/reports/stock-value?stores=${DEMO_STORE_ID}`)).json.value;

it('holds the catalogue while nothing in it changes, and reads it again when another server changes a product', async () => {
  const chain = reporting.repository.chainFields;
  const first = await chain.products();
  expect(first.map((product) => product.id)).toHaveLength(6);
  // Unchanged: the same rows, not read again.
  expect(await chain.products()).toBe(first);
  const valueBefore = await stockValue();

  // The other server doubles a product's cost and withdraws another.
  const [costly, withdrawn] = [first[0], first[1]];
  const product = (await officeCall<Product>(editing.url, `/api/office/products/${costly.id}`)).json;
  const fields = Object.fromEntries(PRODUCT_FIELDS.filter((field) => product[field] !== undefined).map((field) => [field, product[field]]));
  const doubled = (Number(product.cost) * 2).toFixed(2);
  const edited = await officeCall(editing.url, `/api/office/products/${costly.id}`, 'PUT', { updatedAt: product.updatedAt, fields: { ...fields, cost: doubled } });
  expect(edited.status, edited.text).toBe(200);
  expect((await officeCall(editing.url, `/api/office/products/${withdrawn.id}/withdraw`, 'POST', {})).status).toBe(200);

  const after = await chain.products();
  expect(after).not.toBe(first);
  expect(after.find((one) => one.id === costly.id)?.cost).toBe(doubled);
  expect(after.find((one) => one.id === withdrawn.id)?.active).toBe(false);
  // The report the other server answers values the stock at the new cost at once.
  const level = await reporting.repository.getDocument<{ quantity: string }>('stockLevels', `${DEMO_STORE_ID}:${costly.id}`);
  const onHand = Number(level?.quantity ?? '0');
  expect(onHand).toBeGreaterThan(0);
  expect(Number(await stockValue())).toBeCloseTo(Number(valueBefore) + onHand * Number(product.cost), 2);
  // And holds the new catalogue from then on.
  expect(await chain.products()).toBe(after);
  // The rows are shared: they cannot be changed by a caller.
  expect(Object.isFrozen(after) && Object.isFrozen(after[0])).toBe(true);
});

it('brings the links it holds up to date as another server adds and removes them, the same as reading them all again', async () => {
  const chain = reporting.repository.chainFields;
  const products = await chain.products();
  expect(await chain.supplierLinks()).toEqual([]);
  const supplier = await officeCall<{ id: string }>(editing.url, '/api/office/suppliers', 'POST', { name: 'Held Wholesale', contact: {}, currency: 'EUR', leadTimeDays: 2, orderDays: [] });
  expect(supplier.status, supplier.text).toBe(201);
  const link = (productId: string, packCost: string) =>
    officeCall(editing.url, `/api/office/suppliers/${supplier.json.id}/products/${productId}`, 'PUT', { supplierSku: `HW-${productId}`, packSize: '6', packCost, preferred: true });
  for (const product of products.slice(0, 3)) expect((await link(product.id, '6.00')).status).toBe(200);
  const three = await chain.supplierLinks();
  expect(three.map((held) => held.productId).sort()).toEqual(products.slice(0, 3).map((product) => product.id).sort());

  // One link's cost changed, one removed, one more added: each in its place, the removed one gone.
  expect((await link(products[0].id, '7.50')).status).toBe(200);
  expect((await officeCall(editing.url, `/api/office/suppliers/${supplier.json.id}/products/${products[1].id}/remove`, 'POST')).status).toBe(200);
  expect((await link(products[3].id, '6.00')).status).toBe(200);
  const after = await chain.supplierLinks();
  const byProduct = <T extends { productId: string }>(links: readonly T[]) => [...links].sort((a, b) => a.productId.localeCompare(b.productId));
  expect(byProduct(after).map((held) => [held.productId, held.packCost])).toEqual(
    byProduct([
      { productId: products[0].id, packCost: '7.50' },
      { productId: products[2].id, packCost: '6.00' },
      { productId: products[3].id, packCost: '6.00' },
    ]).map((held) => [held.productId, held.packCost]),
  );
  // What is held equals what a process that held nothing reads.
  const fresh = new ChainFields(reporting.repository.storage);
  expect(byProduct(after)).toEqual(byProduct(await fresh.supplierLinks()));
  expect([...(await chain.products())].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...(await fresh.products())].sort((a, b) => a.id.localeCompare(b.id)));
});
