import type { RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CustomerBook } from '../../renderer/src/till/customers/customers.js';
import { createTillDatabase, type TillCollectionName, type TillDatabase } from '../../renderer/src/till/data/database.js';
import { fetchEventStream } from '../../renderer/src/till/sync/event-stream.js';
import { SyncEngine } from '../../renderer/src/till/sync/engine.js';
import type { Customer, CustomerListing, Refusal } from '../../shared/src/index.js';
import { pairTill, startServer, TEST_OFFICE_KEY, type RunningServer } from '../../sync-server/src/testing.js';
import { eventually } from './node-till.js';

/**
 * Customers end to end with the till's own data layer (database, RxDB's replication client, the
 * customer book) against a real server: recorded offline at one till and reaching the other, edited
 * at a till while it is offline and at head office meanwhile and converging everywhere on the merged
 * customer, and a duplicate recorded at the other till taken there and flagged at head office.
 *
 * Each till opens only what customers need (five collections), so both fit in one process within
 * RxDB's open-source limit of 13 open collections.
 */
const CUSTOMER_COLLECTIONS: readonly TillCollectionName[] = ['stores', 'tills', 'refusals', 'sales', 'customers'];
const STORE = 'store-1';

/** A till's network the test can cut: requests fail, and open ones (the event stream) are torn down. */
class Network {
  up = true;
  private readonly open = new Set<AbortController>();

  readonly fetch: typeof fetch = (input, init) => {
    if (!this.up) return Promise.reject(new TypeError('network is down'));
    const controller = new AbortController();
    init?.signal?.addEventListener('abort', () => controller.abort(init.signal?.reason));
    this.open.add(controller);
    return fetch(input, { ...init, signal: controller.signal }).finally(() => this.open.delete(controller));
  };

  set(up: boolean): void {
    this.up = up;
    if (up) return;
    for (const controller of this.open) controller.abort(new TypeError('network is down'));
    this.open.clear();
  }
}

interface CustomerTill {
  db: TillDatabase;
  sync: SyncEngine;
  customers: CustomerBook;
  network: Network;
  /** The customer as this till's database holds it. */
  held(id: string): Promise<Customer | undefined>;
  close(): Promise<void>;
}

let server: RunningServer;
const tills: CustomerTill[] = [];
let counter = 0;

async function openTill(tillId: string, now?: () => Date): Promise<CustomerTill> {
  const credential = await pairTill(server.url, tillId);
  const network = new Network();
  const db = await createTillDatabase({
    name: `customers-${tillId}-${process.pid}-${++counter}`,
    storage: getRxStorageMemory() as RxStorage<unknown, unknown>,
    collections: CUSTOMER_COLLECTIONS,
  });
  const sync = new SyncEngine({ db, serverUrl: server.url, tillId, credential, fetch: network.fetch, openEventStream: fetchEventStream(network.fetch, 200), retryMs: 200, maxRetryMs: 1000 });
  sync.start();
  const customers = new CustomerBook(db, STORE, tillId, undefined, now);
  await customers.open();
  const till: CustomerTill = {
    db,
    sync,
    customers,
    network,
    held: async (id) => (await db.customers.findOne(id).exec())?.toJSON() as Customer | undefined,
    async close() {
      await sync.stop();
      customers.close();
      await db.close();
    },
  };
  tills.push(till);
  return till;
}

const officeHeaders = { authorization: `Bearer ${TEST_OFFICE_KEY}`, 'content-type': 'application/json' };

async function officeSave(body: Record<string, unknown>): Promise<Customer> {
  const response = await fetch(`${server.url}/api/office/customers`, { method: 'POST', headers: officeHeaders, body: JSON.stringify(body) });
  expect(response.status).toBeLessThan(300);
  return (await response.json()) as Customer;
}

async function officeList(): Promise<CustomerListing> {
  const response = await fetch(`${server.url}/api/office/customers?store=${STORE}`, { headers: officeHeaders });
  expect(response.status).toBe(200);
  return (await response.json()) as CustomerListing;
}

const onServer = (id: string) => server.repository.getDocument<Customer>('customers', id);

beforeEach(async () => {
  server = await startServer({ products: 3 });
});
afterEach(async () => {
  for (const till of tills.splice(0)) await till.close();
  await server.stop();
});

describe('customers with the real replication client', () => {
  it('a customer recorded on till 1 while it is offline reaches the server and till 2 once it is back', async () => {
    const till1 = await openTill('till-1');
    const till2 = await openTill('till-2');
    await till1.sync.awaitInitialReplication();
    await till2.sync.awaitInitialReplication();

    till1.network.set(false);
    const ana = await till1.customers.create({ name: 'Ana Lima', phone: '+49 170 1234567', email: 'ana@example.com' });
    expect(till1.customers.search('ana')).toEqual([ana]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await onServer(ana.id)).toBeUndefined();

    till1.network.set(true);
    await eventually(async () => expect(await onServer(ana.id)).toEqual(ana));
    await eventually(() => expect(till2.customers.get(ana.id)).toEqual(ana));
    expect(till2.customers.search('0170 123')).toEqual([ana]);
    expect(await till2.held(ana.id)).toEqual(ana);
  });

  it('till 1 (offline) and head office edit different fields, and a field both edit goes to the newer change: all converge on the merged customer', async () => {
    // Till 1's clock is an hour slow.
    const till1 = await openTill('till-1', () => new Date(Date.now() - 3_600_000));
    const till2 = await openTill('till-2');
    const ana = await till1.customers.create({ name: 'Ana Lima', phone: '+49 170 1234567', note: 'Recorded at the counter' });
    await eventually(() => expect(till2.customers.get(ana.id)).toEqual(ana));

    till1.network.set(false);
    // Offline at till 1: her e-mail, and a note.
    await till1.customers.update(ana.id, { email: 'ana@example.com', note: 'Wants the newsletter' });
    // Meanwhile head office: a new phone number, and a note of its own, made later than till 1's.
    const fromOffice = await officeSave({ id: ana.id, phone: '+49 171 7654321', note: 'Loyalty card 1234' });
    expect(fromOffice).toMatchObject({ phone: '+49 171 7654321', note: 'Loyalty card 1234' });
    await eventually(() => expect(till2.customers.get(ana.id)?.phone).toBe('+49 171 7654321'));
    expect(till1.customers.get(ana.id)).toMatchObject({ phone: '+49 170 1234567', email: 'ana@example.com' });

    till1.network.set(true);
    const merged = { name: 'Ana Lima', phone: '+49 171 7654321', email: 'ana@example.com', note: 'Loyalty card 1234' };
    await eventually(async () => expect(await onServer(ana.id)).toMatchObject(merged));
    const final = (await onServer(ana.id))!;
    // Every till ends with the server's merged customer, the till that was offline too, not its own stale version.
    await eventually(async () => {
      expect(await till1.held(ana.id)).toEqual(final);
      expect(await till2.held(ana.id)).toEqual(final);
    });
    expect(till1.customers.get(ana.id)).toEqual(final);
    expect(till2.customers.get(ana.id)).toEqual(final);
    // Nothing more to send, and the server's customer stays as it is.
    await till1.sync.awaitInSync();
    expect(await onServer(ana.id)).toEqual(final);
  });

  it('a duplicate (same phone) recorded on till 2 is taken there and flagged at head office, which merges it away on every till', async () => {
    const till1 = await openTill('till-1');
    const till2 = await openTill('till-2');
    const ana = await till1.customers.create({ name: 'Ana Lima', phone: '+49 170 1234567' });
    await eventually(() => expect(till2.customers.get(ana.id)).toBeDefined());

    // The cashier at till 2 does not find her and records her again, number written another way.
    const twin = await till2.customers.create({ name: 'A. Lima', phone: '0049 170 123 4567', email: 'ana@example.com' });
    expect(till2.customers.get(twin.id)).toEqual(twin);
    await eventually(async () => expect(await onServer(twin.id)).toBeDefined());
    expect(await server.repository.listDocuments<Refusal>('refusals', STORE)).toEqual([]);

    const listing = await officeList();
    expect(listing.duplicates).toEqual([{ storeId: STORE, field: 'phone', value: '00491701234567', customerIds: [ana.id, twin.id].sort() }]);
    await eventually(() => {
      for (const till of [till1, till2]) {
        expect(till.customers.get(ana.id)?.possibleDuplicates).toEqual([twin.id]);
        expect(till.customers.get(twin.id)?.possibleDuplicates).toEqual([ana.id]);
      }
    });

    const response = await fetch(`${server.url}/api/office/customers/merge`, { method: 'POST', headers: officeHeaders, body: JSON.stringify({ keep: ana.id, merge: twin.id }) });
    expect(response.status).toBe(200);
    await eventually(() => {
      for (const till of [till1, till2]) {
        expect(till.customers.get(twin.id)).toBeUndefined();
        expect(till.customers.get(ana.id)).toMatchObject({ name: 'Ana Lima', phone: '+49 170 1234567', email: 'ana@example.com' });
        expect(till.customers.get(ana.id)).not.toHaveProperty('possibleDuplicates');
      }
    });
    expect((await officeList()).duplicates).toEqual([]);
  });
});
