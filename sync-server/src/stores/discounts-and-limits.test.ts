import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_STORE_LIMITS, storeLimits, type Store } from '../../../shared/src/index.js';
import { DEMO_STORE_ID } from '../demo.js';
import { officeCall, pairTill, startServer, type RunningServer } from '../testing.js';

/**
 * A store's discount limits, cash rounding and plausibility limits are head office's master data:
 * set through the office API, each checked and named when refused, and replicated to the store's
 * tills. Real HTTP, real SQLite.
 */
let server: RunningServer;
beforeEach(async () => {
  server = await startServer({ products: 6 });
});
afterEach(async () => {
  await server.stop();
});

/** Head office's API with the office key (see officeCall). */
const office = (path: string, method = 'GET', body?: unknown) => officeCall(server.url, path, method, body);

describe('store settings', () => {
  const put = (settings: unknown, store = DEMO_STORE_ID) => office(`/api/office/stores/${store}/settings`, 'PUT', settings);
  /** The reasons a change of settings is refused with (400). */
  const problemsOf = async (settings: unknown) => {
    const answer = await put(settings);
    expect(answer.status).toBe(400);
    return (answer.json.details as { problems: string[] }[])[0].problems;
  };

  it('set discount limits and cash rounding on the store document its tills pull, and null removes them', async () => {
    const demo = (await server.repository.getDocument<Store>('stores', DEMO_STORE_ID))!;
    // The demo leaves both to the till's defaults.
    expect(demo.discountLimits).toBeUndefined();
    expect(demo.cashRounding).toBeUndefined();

    const answer = await put({ discountLimits: { cashier: '5', supervisor: '12.5' }, cashRounding: '0.05' });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ ...demo, discountLimits: { cashier: '5', supervisor: '12.5' }, cashRounding: '0.05' });
    const credential = await pairTill(server.url, 'till-1');
    const pulled = await fetch(`${server.url}/api/sync/stores/pull`, { headers: { authorization: `Bearer ${credential}` } });
    expect(((await pulled.json()) as { documents: Store[] }).documents[0]).toMatchObject({ discountLimits: { cashier: '5', supervisor: '12.5' }, cashRounding: '0.05' });

    // Only what is named changes.
    expect((await put({ cashRounding: '0.10' })).json).toMatchObject({ discountLimits: { cashier: '5', supervisor: '12.5' }, cashRounding: '0.10' });
    const removed = await put({ discountLimits: null, cashRounding: null });
    expect(removed.status).toBe(200);
    expect(removed.json).not.toHaveProperty('discountLimits');
    expect(removed.json).not.toHaveProperty('cashRounding');
    expect(await server.repository.getDocument<Store>('stores', DEMO_STORE_ID)).toEqual(demo);
  });

  it('refuse percents outside 0 to 100, a rounding step that is not a positive amount of the currency, and unknown fields', async () => {
    expect(await problemsOf({ discountLimits: { cashier: '150', supervisor: '-1' } })).toEqual([
      'discountLimits.cashier: a percent from 0 to 100 as a decimal string such as "10" (is "150")',
      'discountLimits.supervisor: a percent from 0 to 100 as a decimal string such as "10" (is "-1")',
    ]);
    expect((await problemsOf({ discountLimits: { cashier: 10 } })).join()).toContain('discountLimits.supervisor');
    expect(await problemsOf({ discountLimits: { cashier: '10', supervisor: '20', manager: '50' } })).toEqual(['discountLimits.unknown field "manager"']);
    expect(await problemsOf({ cashRounding: '0' })).toEqual(['cashRounding: a step greater than 0 as a decimal string such as "0.05", or null (is "0")']);
    expect((await problemsOf({ cashRounding: '-0.05' })).join()).toContain('a step greater than 0');
    expect(await problemsOf({ cashRounding: '0.005' })).toEqual(["cashRounding: 0.005 has more decimals than the currency's 2"]);
    expect(await problemsOf({ rounding: '0.05' })).toEqual(['unknown field "rounding"']);
    expect(await problemsOf([])).toEqual([
      'the body is an object of the settings to change: discountLimits, cashRounding, limits, address, vatNumber, receiptFooter, locale, timeZone, largestNote, blindClose, quickKeys, negativeStock',
    ]);
    expect((await server.repository.getDocument<Store>('stores', DEMO_STORE_ID))!.cashRounding).toBeUndefined();
    expect((await put({ cashRounding: '0.05' }, 'store-9')).status).toBe(404);
  });

  it('set the limits on one line and one document, read back by head office and the tills, and null goes back to the defaults', async () => {
    const demo = (await server.repository.getDocument<Store>('stores', DEMO_STORE_ID))!;
    // The demo leaves them to the defaults: 10,000 on a line, 1,000,000 on a receipt.
    expect(demo.limits).toBeUndefined();
    expect(storeLimits(demo)).toEqual(DEFAULT_STORE_LIMITS);

    const answer = await put({ limits: { lineQuantity: '50000', documentAmount: '5000000' } });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ ...demo, limits: { lineQuantity: '50000', documentAmount: '5000000' } });
    const listed = await office('/api/office/stores');
    expect((listed.json as unknown as Store[]).find((store) => store.id === DEMO_STORE_ID)).toMatchObject({ limits: { lineQuantity: '50000', documentAmount: '5000000' } });
    const credential = await pairTill(server.url, 'till-1');
    const pulled = await fetch(`${server.url}/api/sync/stores/pull`, { headers: { authorization: `Bearer ${credential}` } });
    const onTheTill = ((await pulled.json()) as { documents: Store[] }).documents[0];
    expect(storeLimits(onTheTill)).toEqual({ lineQuantity: '50000', documentAmount: '5000000' });

    // Other settings leave them alone; the largest bounds allowed are taken, to the gram and the cent.
    expect((await put({ cashRounding: '0.05' })).json).toMatchObject({ limits: { lineQuantity: '50000', documentAmount: '5000000' }, cashRounding: '0.05' });
    expect((await put({ limits: { lineQuantity: '1000000000', documentAmount: '1000000000000' } })).status).toBe(200);
    expect((await put({ limits: { lineQuantity: '0.5', documentAmount: '99.99' } })).status).toBe(200);
    const removed = await put({ limits: null, cashRounding: null });
    expect(removed.status).toBe(200);
    expect(removed.json).not.toHaveProperty('limits');
    expect(await server.repository.getDocument<Store>('stores', DEMO_STORE_ID)).toEqual(demo);
  });

  it('refuse limits that are not positive, above their bound, finer than a gram or a cent, or incomplete, saying why', async () => {
    expect(await problemsOf({ limits: { lineQuantity: '0', documentAmount: '-5' } })).toEqual([
      'limits.lineQuantity: greater than 0 and at most 1000000000 as a decimal string such as "10000" (is "0")',
      'limits.documentAmount: greater than 0 and at most 1000000000000 as a decimal string such as "1000000" (is "-5")',
    ]);
    // The security review's 10^30, and one above each bound.
    expect(await problemsOf({ limits: { lineQuantity: '1000000000000000000000000000000', documentAmount: '1000000000000.01' } })).toEqual([
      'limits.lineQuantity: greater than 0 and at most 1000000000 as a decimal string such as "10000" (is "1000000000000000000000000000000")',
      'limits.documentAmount: greater than 0 and at most 1000000000000 as a decimal string such as "1000000" (is "1000000000000.01")',
    ]);
    expect(await problemsOf({ limits: { lineQuantity: '1000000000.001', documentAmount: '1000000' } })).toEqual([
      'limits.lineQuantity: greater than 0 and at most 1000000000 as a decimal string such as "10000" (is "1000000000.001")',
    ]);
    expect(await problemsOf({ limits: { lineQuantity: '10.0005', documentAmount: '100.005' } })).toEqual([
      'limits.lineQuantity: 10.0005 has more than 3 decimals (grams)',
      "limits.documentAmount: 100.005 has more decimals than the currency's 2",
    ]);
    expect(await problemsOf({ limits: { lineQuantity: 50000 } })).toEqual([
      'limits.lineQuantity: greater than 0 and at most 1000000000 as a decimal string such as "10000" (is 50000)',
      'limits.documentAmount: greater than 0 and at most 1000000000000 as a decimal string such as "1000000" (is null)',
    ]);
    expect(await problemsOf({ limits: { lineQuantity: '50000', documentAmount: '5000000', receipts: '3' } })).toEqual(['limits.unknown field "receipts"']);
    expect(await problemsOf({ limits: '50000' })).toEqual(['limits: an object { lineQuantity, documentAmount } of decimal strings, or null']);
    // One bad setting refuses the whole change.
    expect(await problemsOf({ cashRounding: '0.05', limits: { lineQuantity: '-1', documentAmount: '1000' } })).toHaveLength(1);
    expect(await server.repository.getDocument<Store>('stores', DEMO_STORE_ID)).not.toHaveProperty('cashRounding');
    expect(await server.repository.getDocument<Store>('stores', DEMO_STORE_ID)).not.toHaveProperty('limits');
  });
});
