import { afterEach, describe, expect, it } from 'vitest';
import { buildCashSale, DEFAULT_PRICING_RULES, type Product, type Sale, type StockLevel, type Store, type Till } from '../../../shared/src/index.js';
import { openDatabase } from '../database.js';
import { DEMO_STORE_ID, seedDemoStore } from '../demo.js';
import { Repository } from '../repository.js';
import { SqliteStorage } from '../storage/sqlite/sqlite-storage.js';
import { pairTill, startServer, temporaryDatabaseFile, TEST_OFFICE_KEY, type RunningServer } from '../testing.js';
import { normalizePairingCode, PAIRING_CODE_MINUTES, Trust } from './trust.js';
import { StockBook } from '../stock/stock-book.js';

/**
 * Fault 8 and the trust rules around it: only a device paired with a one-time code from head office
 * syncs; revoking it stops it at once; a forged or revoked credential, or a till writing to another
 * store, is refused and nothing is written. Real HTTP on 127.0.0.1, real SQLite.
 */
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function start(options: Parameters<typeof startServer>[0] = {}): Promise<RunningServer> {
  server = await startServer({ products: 12, ...options });
  return server;
}

const officeHeaders = { authorization: `Bearer ${TEST_OFFICE_KEY}` };

async function newCode(running: RunningServer, tillId: string): Promise<string> {
  const response = await fetch(`${running.url}/api/office/tills/${tillId}/pairing-code`, { method: 'POST', headers: officeHeaders });
  expect(response.status).toBe(200);
  return ((await response.json()) as { code: string }).code;
}

async function pair(running: RunningServer, code: string): Promise<Response> {
  return fetch(`${running.url}/api/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
}

function pull(running: RunningServer, credential: string, collection = 'products'): Promise<Response> {
  return fetch(`${running.url}/api/sync/${collection}/pull?limit=1000`, { headers: { authorization: `Bearer ${credential}` } });
}

async function saleFor(running: RunningServer, store: Pick<Store, 'id' | 'code'>, till: { id: string; code: string }, number = 1): Promise<Sale> {
  const product = (await running.repository.getDocument<Product>('products', 'p-000003'))!;
  return buildCashSale([{ product, quantity: '1', taxRatePercent: product.taxClass === 'standard' ? '20' : '7' }], '100', {
    id: `sale-${till.id}-${number}`,
    number,
    store: { ...store, currency: 'EUR', pricing: DEFAULT_PRICING_RULES },
    till,
    cashier: { id: 'c1', name: 'Alice' },
    completedAt: '2026-11-27T10:00:00.000Z',
  });
}

function push(running: RunningServer, credential: string, sales: Sale[]): Promise<Response> {
  return fetch(`${running.url}/api/sync/sales/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' },
    body: JSON.stringify(sales.map((sale) => ({ newDocumentState: { ...sale, _deleted: false } }))),
  });
}

async function nothingWritten(running: RunningServer) {
  expect(await running.repository.salesCount(DEMO_STORE_ID)).toBe(0);
  expect((await running.repository.getDocument<StockLevel>('stockLevels', `${DEMO_STORE_ID}:p-000003`))!.applied).toEqual({});
}

describe('pairing', () => {
  it('trades a one-time code for a credential once; the code works in any case and spacing', async () => {
    const running = await start();
    const code = await newCode(running, 'till-1');
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const answer = await pair(running, ` ${code.toLowerCase().replace('-', ' ')} `);
    expect(answer.status).toBe(200);
    const paired = (await answer.json()) as { credential: string; till: { id: string }; store: { id: string } };
    expect(paired).toMatchObject({ till: { id: 'till-1', code: 'T1' }, store: { id: DEMO_STORE_ID } });
    expect((await pull(running, paired.credential)).status).toBe(200);

    const again = await pair(running, code);
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ error: 'pairing_failed' });
  });

  it('a newer code replaces an unused one, and pairing again revokes the device paired before', async () => {
    const running = await start();
    const first = await newCode(running, 'till-1');
    const second = await newCode(running, 'till-1');
    expect((await pair(running, first)).status).toBe(401);
    const old = ((await (await pair(running, second)).json()) as { credential: string }).credential;
    const replacement = await pairTill(running.url, 'till-1');
    const refused = await pull(running, old);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: 'revoked' });
    expect((await pull(running, replacement)).status).toBe(200);
  });

  it('a code stops working after 15 minutes', async () => {
    const storage = new SqliteStorage(openDatabase(temporaryDatabaseFile()));
    const repository = new Repository(storage);
    await seedDemoStore(repository, { products: 3 });
    let now = new Date('2026-11-27T09:00:00Z');
    const trust = new Trust(repository, () => now);
    const { code, expiresAt } = await trust.createPairingCode('till-1');
    expect(expiresAt).toBe('2026-11-27T09:15:00.000Z');
    now = new Date(now.getTime() + PAIRING_CODE_MINUTES * 60_000);
    await expect(trust.pair(code)).rejects.toThrow(/unknown, already used or expired/);
    const fresh = await trust.createPairingCode('till-1');
    now = new Date(now.getTime() + 14 * 60_000);
    expect((await trust.pair(normalizePairingCode(fresh.code))).till.id).toBe('till-1');
    await storage.close();
  });

  it('limits guessing: after ten wrong codes from one address, it answers 429', async () => {
    const running = await start();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt++) statuses.push((await pair(running, `WRONG-${attempt}`)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });
});

describe('refused and nothing written (fault 8)', () => {
  it('a forged credential, or none', async () => {
    const running = await start();
    const sale = await saleFor(running, { id: DEMO_STORE_ID, code: 'S1' }, { id: 'till-1', code: 'T1' });
    for (const credential of ['forged-credential-0000000000000000', '']) {
      const answer = await push(running, credential, [sale]);
      expect(answer.status).toBe(401);
      expect(await answer.json()).toMatchObject({ error: 'unauthorized' });
    }
    const stream = await fetch(`${running.url}/api/sync/stream`);
    expect(stream.status).toBe(401);
    await nothingWritten(running);
  });

  it('a revoked till: stopped at once, its live stream closed, its pushes refused', async () => {
    const running = await start();
    const credential = await pairTill(running.url, 'till-1');
    const stream = await fetch(`${running.url}/api/sync/stream`, { headers: { authorization: `Bearer ${credential}` } });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    await reader.read();

    const revoked = await fetch(`${running.url}/api/office/tills/till-1/revoke`, { method: 'POST', headers: officeHeaders });
    expect(await revoked.json()).toEqual({ revoked: 1 });
    // The open stream ends now, not at the next heartbeat.
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return 'closed';
      })(),
    ).rejects.toThrow();

    const answer = await push(running, credential, [await saleFor(running, { id: DEMO_STORE_ID, code: 'S1' }, { id: 'till-1', code: 'T1' })]);
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ error: 'revoked', message: expect.stringContaining('pair it again') });
    await nothingWritten(running);
    const tills = (await (await fetch(`${running.url}/api/office/tills?store=${DEMO_STORE_ID}`, { headers: officeHeaders })).json()) as { id: string; paired: boolean }[];
    expect(tills.find((till) => till.id === 'till-1')?.paired).toBe(false);
  });

  it('a till of another store: reads only its own store’s stock, and its writes to this store are refused', async () => {
    const running = await start();
    const other: Store = { ...(await running.repository.getDocument<Store>('stores', DEMO_STORE_ID))!, id: 'store-2', code: 'S2', name: 'Second shop' };
    const otherTill: Till = { id: 'till-s2', storeId: 'store-2', code: 'T1', name: 'Till 1', lastNumber: 0 };
    await running.repository.putDocument('stores', other, other.id);
    await running.repository.putDocument('tills', otherTill, other.id);
    await new StockBook(running.repository).open('store-2', 'p-000003', '4');
    const credential = await pairTill(running.url, otherTill.id);

    const levels = (await (await pull(running, credential, 'stockLevels')).json()) as { documents: StockLevel[] };
    expect(levels.documents.map((level) => level.storeId)).toEqual(['store-2']);
    const tills = (await (await pull(running, credential, 'tills')).json()) as { documents: Till[] };
    expect(tills.documents.map((till) => till.id)).toEqual(['till-s2']);

    // Its own sale written as if for store 1, and a store-1 till's sale pushed with its credential.
    const intoOtherStore = await saleFor(running, { id: DEMO_STORE_ID, code: 'S1' }, { id: 'till-s2', code: 'T1' });
    const asAnotherTill = await saleFor(running, { id: DEMO_STORE_ID, code: 'S1' }, { id: 'till-1', code: 'T1' }, 2);
    const answer = (await (await push(running, credential, [intoOtherStore, asAnotherTill])).json()) as { refused: { id: string; problems: string[] }[] };
    expect(answer.refused.map((refusal) => refusal.problems.join())).toEqual([
      expect.stringContaining('is for store "store-1" but till "till-s2" belongs to "store-2"'),
      expect.stringContaining('made on till "till-1" but pushed by till "till-s2"'),
    ]);
    await nothingWritten(running);
    expect((await running.repository.getDocument<StockLevel>('stockLevels', 'store-2:p-000003'))!.quantity).toBe('4');
    // The refusals are its own store's business: store 1's tills do not see them.
    const storeOneTill = await pairTill(running.url, 'till-1');
    expect(((await (await pull(running, storeOneTill, 'refusals')).json()) as { documents: unknown[] }).documents).toEqual([]);
  });
});

describe('limits', () => {
  it('refuses a request body over 8 MB with 413, storing nothing', async () => {
    const running = await start();
    const credential = await pairTill(running.url, 'till-1');
    const huge = JSON.stringify([{ newDocumentState: { id: 'x', padding: 'x'.repeat(9 * 1024 * 1024) } }]);
    const answer = await fetch(`${running.url}/api/sync/sales/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' },
      body: huge,
    });
    expect(answer.status).toBe(413);
    expect(await answer.json()).toEqual({ error: 'too_large', message: 'request body is too large' });
    await nothingWritten(running);
  });

  it('rate-limits each device on its own, with a retry-after', async () => {
    const running = await start({ rateLimit: { perSecond: 1, burst: 3 } });
    const busy = await pairTill(running.url, 'till-1');
    const quiet = await pairTill(running.url, 'till-2');
    const statuses = [];
    for (let request = 0; request < 4; request++) statuses.push((await pull(running, busy)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await pull(running, busy);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await limited.json()).toMatchObject({ error: 'rate_limited' });
    expect((await pull(running, quiet)).status).toBe(200);
  });
});

describe('head office', () => {
  it('asks who is calling: every office endpoint refuses a stranger; an account’s session or the office key opens them', async () => {
    const running = await start();
    for (const path of [`/api/office/stores`, `/api/office/stock?store=${DEMO_STORE_ID}`, `/api/office/tills?store=${DEMO_STORE_ID}`, `/api/office/refusals?store=${DEMO_STORE_ID}`]) {
      expect((await fetch(`${running.url}${path}`)).status).toBe(401);
      expect((await fetch(`${running.url}${path}`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await fetch(`${running.url}${path}`, { headers: officeHeaders })).status).toBe(200);
    }
    expect((await fetch(`${running.url}/api/office/tills/till-1/pairing-code`, { method: 'POST' })).status).toBe(401);
    expect((await fetch(`${running.url}/api/office/tills/till-1/revoke`, { method: 'POST' })).status).toBe(401);
    // Tills are not listed to strangers any more.
    expect((await fetch(`${running.url}/api/tills`)).status).toBe(404);

    // The key is for scripts: the page's login asks for an account's e-mail and password.
    const keyLogin = await fetch(`${running.url}/api/office/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: TEST_OFFICE_KEY }) });
    expect(keyLogin.status).toBe(401);
    const { email, password } = await running.createAccount('manager');
    const session = await running.login(email, password);
    expect(session.cookie).toMatch(/^kassa_office=/);
    expect((await session.fetch('/api/office/stores')).status).toBe(200);
    expect((await fetch(`${running.url}/api/office/stores`, { headers: { cookie: `${session.cookie}x` } })).status).toBe(401);

    // The session is kept in the database: it outlives a restart of the server.
    const { file, port } = running;
    await running.stop();
    server = await startServer({ file, port });
    // Give the client a moment to notice its pooled connection went down with the old server.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await fetch(`${server.url}/api/office/stores`, { headers: { cookie: session.cookie } })).status).toBe(200);
  });
});

describe('one till cannot touch another till’s documents', () => {
  it('head office’s API is not reachable through a percent-encoded path, nor the sync API without a credential', async () => {
    const running = await start();
    for (const path of ['/api/%6Fffice/tills/till-1/pairing-code', '/api/off%69ce/stock-documents']) {
      const answer = await fetch(`${running.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(answer.status).toBe(401);
    }
    expect((await fetch(`${running.url}/api/%6Fffice/stock?store=${DEMO_STORE_ID}`)).status).toBe(401);
    expect((await fetch(`${running.url}/api/%73ync/products/pull`)).status).toBe(401);
  });

  it('an office cookie from another page of the same host does not change anything', async () => {
    const running = await start();
    const session = (await running.loginAs('manager')).cookie;
    const elsewhere = await fetch(`${running.url}/api/office/tills/till-1/revoke`, { method: 'POST', headers: { cookie: session, origin: 'http://127.0.0.1:5173' } });
    expect(elsewhere.status).toBe(401);
    const fromThePage = await fetch(`${running.url}/api/office/tills/till-1/revoke`, { method: 'POST', headers: { cookie: session, origin: running.url } });
    expect(fromThePage.status).toBe(200);
    expect((await fetch(`${running.url}/api/office/stores`, { headers: { cookie: 'kassa_office=%' } })).status).toBe(401);
  });

  it.each(['takes over', 'stores a sale under'])('a till that %s another till’s refused id is refused, and the other till’s sales go on', async (how) => {
    const running = await start();
    const one = await pairTill(running.url, 'till-1');
    const two = await pairTill(running.url, 'till-2');
    const store = { id: DEMO_STORE_ID, code: 'S1' };
    const tillOne = { id: 'till-1', code: 'T1' };
    const withdrawnProduct = (sale: Sale): Sale => ({
      ...sale,
      lines: sale.lines.map((line) => ({ ...line, productId: 'p-gone' })),
      stockMovements: sale.stockMovements.map((movement) => ({ ...movement, productId: 'p-gone' })),
    });
    await push(running, one, [await saleFor(running, store, tillOne, 1)]);
    const victim = withdrawnProduct(await saleFor(running, store, tillOne, 3));
    await push(running, one, [victim, await saleFor(running, store, tillOne, 4)]);
    const intruder = { ...(await saleFor(running, store, { id: 'till-2', code: 'T2' }, 1)), id: victim.id };
    const answer = (await (await push(running, two, [how === 'takes over' ? withdrawnProduct(intruder) : intruder])).json()) as { refused: { problems: string[] }[] };
    expect(answer.refused[0].problems).toEqual([`id "${victim.id}" is already used by a document of another till`]);
    await push(running, one, [await saleFor(running, store, tillOne, 2)]);
    expect((await running.repository.refusals(DEMO_STORE_ID)).find((refusal) => refusal.id === victim.id)).toMatchObject({ tillId: 'till-1', acceptedAt: null });
    expect((await running.repository.till('till-1'))!.lastNumber).toBe(4);
    expect(await running.repository.salesCount(DEMO_STORE_ID)).toBe(3);
  });
});
