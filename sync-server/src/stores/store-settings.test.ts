import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCashSale, dec, type Product, type Sale, type StockException, type StockLevel, type Store } from '../../../shared/src/index.js';
import { DEMO_STORE_ID } from '../demo.js';
import { officeCall, pairTill, startServer, type RunningServer } from '../testing.js';

/**
 * The counter's store settings (what receipts print, how the store writes dates and amounts, the
 * largest note it takes, blind closes, quick keys) set by head office and pulled by the tills; and
 * the exception a sale raises when its change is more than the largest note. Real HTTP on
 * 127.0.0.1, real SQLite.
 */
let server: RunningServer;
let credential: string;
beforeEach(async () => {
  server = await startServer({ products: 30 });
  credential = await pairTill(server.url, 'till-1');
});
afterEach(async () => {
  await server.stop();
});

/** Head office's API with the office key (see officeCall). */
const office = (path: string, method = 'GET', body?: unknown) => officeCall(server.url, path, method, body);

const put = (settings: unknown) => office(`/api/office/stores/${DEMO_STORE_ID}/settings`, 'PUT', settings);

/** The reasons a change of settings is refused with (400). */
async function problemsOf(settings: unknown): Promise<string[]> {
  const answer = await put(settings);
  expect(answer.status).toBe(400);
  return (answer.json.details as { problems: string[] }[])[0].problems;
}

/** The store document as the paired till pulls it. */
async function storeOnTheTill(): Promise<Store> {
  const pulled = await fetch(`${server.url}/api/sync/stores/pull`, { headers: { authorization: `Bearer ${credential}` } });
  expect(pulled.status).toBe(200);
  return ((await pulled.json()) as { documents: Store[] }).documents.find((store) => store.id === DEMO_STORE_ID)!;
}

async function storeNow(): Promise<Store> {
  return (await server.repository.getDocument<Store>('stores', DEMO_STORE_ID))!;
}

describe('the counter’s settings', () => {
  it('the demo store prints an address, a VAT number and a footer, and has quick keys for bread, croissants, coffee and loose fruit', async () => {
    const demo = await storeNow();
    expect(demo).toMatchObject({ address: 'Market Street 1\n10115 Berlin\nTel. 030 1234567', vatNumber: 'DE123456789', largestNote: '200' });
    expect(demo.receiptFooter).toContain('Thank you');
    // Left to each till: the demo's screens and receipts keep the fixed forms.
    expect(demo).not.toHaveProperty('locale');
    expect(demo).not.toHaveProperty('timeZone');
    const keyed = await Promise.all(demo.quickKeys!.map(async (key) => `${key.label}: ${(await server.repository.getDocument<Product>('products', key.productId))!.name}`));
    expect(keyed).toEqual([
      'Bananas: Bananas (loose)',
      'Apples: Apples Braeburn (loose)',
      'Sourdough: Kassa Basics Sourdough Bread 800 g',
      'Croissants: Kassa Basics Croissants 4 pcs',
      'Coffee: Kassa Basics Ground Coffee 500 g',
    ]);
  });

  it('stores all eight as given (the locale and time zone in their canonical spelling), the tills pull them, and null removes each', async () => {
    const before = await storeNow();
    const settings = {
      address: 'Hauptstraße 5\n80331 München',
      vatNumber: 'DE 987 654 321',
      receiptFooter: 'Danke für Ihren Einkauf!\nMo–Sa 8–20 Uhr',
      locale: 'de-de',
      timeZone: 'europe/berlin',
      largestNote: '500',
      blindClose: true,
      quickKeys: [{ productId: 'p-000013', label: ' Brot ' }, { productId: 'p-000001' }],
    };
    const answer = await put(settings);
    expect(answer.status).toBe(200);
    const expected = { ...settings, locale: 'de-DE', timeZone: 'Europe/Berlin', quickKeys: [{ productId: 'p-000013', label: 'Brot' }, { productId: 'p-000001' }] };
    expect(answer.json).toEqual({ ...before, ...expected });
    expect(await storeOnTheTill()).toEqual({ ...before, ...expected, _deleted: false });

    // Only what is named changes.
    expect((await put({ largestNote: '100' })).json).toMatchObject({ ...expected, largestNote: '100' });
    const removed = await put(Object.fromEntries(Object.keys(settings).map((name) => [name, null])));
    expect(removed.status).toBe(200);
    for (const name of Object.keys(settings)) expect(removed.json).not.toHaveProperty(name);
    const onTheTill = await storeOnTheTill();
    expect(onTheTill).not.toHaveProperty('quickKeys');
    expect(onTheTill).not.toHaveProperty('locale');
    // An empty text removes it too (the office page's empty field); false is a setting of its own.
    expect((await put({ address: 'Market Street 1', blindClose: false })).json).toMatchObject({ address: 'Market Street 1', blindClose: false });
    expect((await put({ address: '  ' })).json).not.toHaveProperty('address');
  });

  it('refuse each bad value with a reason that names the setting, and change nothing', async () => {
    const before = await storeNow();
    expect(await problemsOf({ address: 'x'.repeat(301) })).toEqual(['address: at most 300 characters (is 301)']);
    expect(await problemsOf({ vatNumber: 'DE123456789012345678901234567890123' })).toEqual(['vatNumber: at most 32 characters (is 35)']);
    expect(await problemsOf({ vatNumber: 'DE1\nDE2' })).toEqual(['vatNumber: one line']);
    expect(await problemsOf({ receiptFooter: 42 })).toEqual(['receiptFooter: text of at most 500 characters, or null (is 42)']);
    // A receipt printer takes an escape for a command: ESC p opens the drawer.
    expect(await problemsOf({ receiptFooter: 'Thanks\u001bp\u0000' })).toEqual(['receiptFooter: printable text and new lines only']);
    expect(await problemsOf({ locale: 'not a locale' })).toEqual(['locale: a language and region this server can write dates in, such as "de-DE" or "en-GB", or null (is "not a locale")']);
    // Well formed, but no language Intl can write in.
    expect((await problemsOf({ locale: 'zz' })).join()).toContain('locale: ');
    expect(await problemsOf({ timeZone: 'Mars/Olympus_Mons' })).toEqual(['timeZone: an IANA time zone such as "Europe/Berlin", or null (is "Mars/Olympus_Mons")']);
    expect((await problemsOf({ timeZone: '' })).join()).toContain('timeZone: ');
    expect(await problemsOf({ largestNote: '0' })).toEqual(['largestNote: greater than 0 and at most 1000000 as a decimal string such as "200", or null (is "0")']);
    expect((await problemsOf({ largestNote: 500 })).join()).toContain('largestNote: greater than 0');
    expect((await problemsOf({ largestNote: '1000000.01' })).join()).toContain('largestNote: greater than 0 and at most 1000000');
    expect(await problemsOf({ largestNote: '50.001' })).toEqual(["largestNote: 50.001 has more decimals than the currency's 2"]);
    expect(await problemsOf({ blindClose: 'yes' })).toEqual(['blindClose: true or false, or null (is "yes")']);
    expect(await problemsOf({ quickKeys: { productId: 'p-000001' } })).toEqual(['quickKeys: a list of { productId, label } (label optional), or null (is {"productId":"p-000001"})']);
    expect(await problemsOf({ quickKeys: [{ productId: 'p-000001' }, { productId: 'p-999999', label: 'Ghost' }] })).toEqual(['quickKeys[1].productId: no product "p-999999"']);
    expect(await problemsOf({ quickKeys: [{ productId: 'p-000013' }, { productId: 'p-000001' }, { productId: 'p-000013', label: 'Bread again' }] })).toEqual([
      'quickKeys[2].productId: Kassa Basics Sourdough Bread 800 g (KAS-00013) has quick key 1 already',
    ]);
    expect(await problemsOf({ quickKeys: [{ productId: 'p-000001', label: 'A label longer than the button' }, { productId: 'p-000002', label: ' ' }] })).toEqual([
      'quickKeys[0].label: 1 to 24 characters, or left out for the product\'s name (is "A label longer than the button")',
      'quickKeys[1].label: 1 to 24 characters, or left out for the product\'s name (is " ")',
    ]);
    expect(await problemsOf({ quickKeys: [{ productId: 'p-000001', colour: 'red' }] })).toEqual(['quickKeys[0].unknown field "colour"']);
    const tooMany = Array.from({ length: 49 }, (_, index) => ({ productId: `p-${String(index + 1).padStart(6, '0')}` }));
    expect(await problemsOf({ quickKeys: tooMany })).toEqual(['quickKeys: at most 48 (is 49)']);
    // Every bad setting of one change is named, and a good one beside them is not taken.
    expect(await problemsOf({ vatNumber: 'DE1', locale: '??', largestNote: '-5' })).toHaveLength(2);
    expect(await storeNow()).toEqual(before);
  });
});

describe('change more than the largest note', () => {
  /** A sale of `quantity` x p-000010 paid in cash with `change` owed back; number and id from `number`. */
  async function saleWithChange(number: number, change: string, quantity = '1'): Promise<Sale> {
    const product = (await server.repository.getDocument<Product>('products', 'p-000010'))!;
    const context = {
      id: `sale-change-${number}`,
      number,
      store: await storeNow(),
      till: { id: 'till-1', code: 'T1' },
      cashier: { id: 'c1', name: 'Alex' },
      completedAt: '2026-12-06T10:00:00.000Z',
    };
    const items = [{ product, quantity, taxRatePercent: product.taxClass === 'standard' ? '20' : '7' }];
    const total = buildCashSale(items, '1000', context).totals.gross;
    return buildCashSale(items, dec(total).plus(dec(change)).toFixed(), context);
  }

  async function push(sales: Sale[]): Promise<{ refused: unknown[] }> {
    const response = await fetch(`${server.url}/api/sync/sales/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' },
      body: JSON.stringify(sales.map((sale) => ({ newDocumentState: { ...sale, _deleted: false } }))),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { refused: unknown[] };
  }

  const exceptions = async () => (await office(`/api/office/exceptions?store=${DEMO_STORE_ID}`)).json as unknown as StockException[];

  it('stores the sale as it happened and raises one exception for head office, however often it is pushed', async () => {
    // A barcode scanned into the cash field: 4,000,000,000,100 handed over for 8.08 would be refused
    // as more than a drawer holds, so this store's limits are as high as they go (a wholesaler's).
    expect((await put({ limits: { lineQuantity: '10000', documentAmount: '1000000000000' } })).status).toBe(200);
    const normal = await saleWithChange(1, '11.92');
    const scanned = await saleWithChange(2, '4000000000091.92');
    expect(scanned.payments[0]).toMatchObject({ tender: 'cash', change: '4000000000091.92' });
    const opening = dec((await server.repository.getDocument<StockLevel>('stockLevels', `${DEMO_STORE_ID}:p-000010`))!.quantity);

    expect((await push([normal, scanned])).refused).toEqual([]);
    const stored = ((await office(`/api/office/sales?store=${DEMO_STORE_ID}`)).json as unknown as { sale: Sale }[]).map((row) => row.sale);
    expect(stored.map((sale) => sale.id).sort()).toEqual([normal.id, scanned.id]);
    expect(stored.find((sale) => sale.id === scanned.id)).toEqual(scanned);
    expect((await server.repository.getDocument<StockLevel>('stockLevels', `${DEMO_STORE_ID}:p-000010`))!.quantity).toBe(opening.minus(2).toFixed());
    const raised = await exceptions();
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({
      kind: 'implausible_change',
      productId: '',
      saleId: scanned.id,
      tillId: 'till-1',
      details: { receiptNumber: 'S1-T1-000002', change: '4000000000091.92', tendered: dec(scanned.totals.gross).plus('4000000000091.92').toFixed(2), largestNote: '200', currency: 'EUR' },
    });

    // The same push again (an answer lost on the way): nothing new stored, nothing raised.
    expect((await push([normal, scanned])).refused).toEqual([]);
    expect(await exceptions()).toHaveLength(1);
    expect(await server.repository.salesCount(DEMO_STORE_ID)).toBe(2);
  });

  it('goes by the store’s largest note: change up to it is plausible, a cent more is not', async () => {
    expect((await put({ largestNote: '50' })).status).toBe(200);
    expect((await push([await saleWithChange(1, '50.00'), await saleWithChange(2, '49.99', '2')])).refused).toEqual([]);
    expect(await exceptions()).toEqual([]);
    expect((await push([await saleWithChange(3, '50.01')])).refused).toEqual([]);
    expect((await exceptions()).map((exception) => [exception.kind, exception.details.change, exception.details.largestNote])).toEqual([['implausible_change', '50.01', '50']]);
  });
});
