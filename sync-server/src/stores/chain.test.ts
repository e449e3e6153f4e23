import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, Store, SyncErrorBody, TaxClass, Till } from '../../../shared/src/index.js';
import { DEMO_STORE_ID } from '../demo.js';
import { officeCall, pairTill, startServer, type RunningServer } from '../testing.js';

/**
 * The chain's structure from head office: the owner opens a store (with another's settings and tax
 * classes), a manager adds a till to their store and renames it, and the till is paired as any other.
 * Real HTTP on 127.0.0.1, real storage.
 */
let server: RunningServer;
beforeEach(async () => {
  server = await startServer({ products: 12 });
});
afterEach(async () => {
  await server.stop();
});

describe('stores and tills', () => {
  it('opens a store with the settings and tax classes of another, its code unique; only the owner may', async () => {
    const owner = await server.loginAs('owner');
    const opened = await owner.call<Store>('/api/office/stores', 'POST', { code: 'S2', name: 'Harbour Street' });
    expect(opened.status).toBe(201);
    const model = (await server.repository.getDocument<Store>('stores', DEMO_STORE_ID))!;
    expect(opened.json).toMatchObject({ code: 'S2', name: 'Harbour Street', currency: model.currency, pricing: model.pricing, negativeStock: model.negativeStock });
    expect(opened.json.address).toBeUndefined();
    const taxClasses = await server.repository.listDocuments<TaxClass>('taxClasses', opened.json.id);
    expect(taxClasses.filter((taxClass) => taxClass.storeId === opened.json.id).map((taxClass) => [taxClass.code, taxClass.ratePercent]).sort()).toEqual([
      ['reduced', '7'],
      ['standard', '20'],
    ]);
    expect((await owner.call<Store[]>('/api/office/stores')).json.map((store) => store.code).sort()).toEqual(['S1', 'S2']);

    const taken = await owner.call<SyncErrorBody>('/api/office/stores', 'POST', { code: 's2', name: 'Another', copyFrom: 'store-nowhere' });
    expect(taken.status).toBe(422);
    expect(taken.json.details![0].problems).toEqual(['code: s2 is already the code of Harbour Street', 'copyFrom: no store "store-nowhere"']);
    expect((await owner.call<SyncErrorBody>('/api/office/stores', 'POST', { code: 'S 3', name: '' })).json.details![0].problems).toEqual([
      'code: 1 to 16 letters or digits (it is printed in every receipt number)',
      'name: required',
    ]);
    const manager = await server.loginAs('manager');
    expect((await manager.call('/api/office/stores', 'POST', { code: 'S9', name: 'Not theirs to open' })).status).toBe(403);

    const renamed = await manager.call<Store>(`/api/office/stores/${DEMO_STORE_ID}`, 'PUT', { name: 'Market Street' });
    expect(renamed.json).toMatchObject({ id: DEMO_STORE_ID, code: 'S1', name: 'Market Street' });
    expect((await manager.call(`/api/office/stores/${opened.json.id}`, 'PUT', { name: 'Not their store' })).status).toBe(403);
  });

  it('adds a till to a store (its code unique there), renames it keeping its code, and pairs it', async () => {
    const manager = await server.loginAs('manager');
    const added = await manager.call<Till>('/api/office/tills', 'POST', { storeId: DEMO_STORE_ID, code: 'T3', name: 'Till 3, café' });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ storeId: DEMO_STORE_ID, code: 'T3', name: 'Till 3, café', lastNumber: 0 });
    const tills = await officeCall<{ id: string; code: string }[]>(server.url, `/api/office/tills?store=${DEMO_STORE_ID}`);
    expect(tills.json.map((till) => till.code).sort()).toEqual(['T1', 'T2', 'T3']);
    expect((await manager.call<SyncErrorBody>('/api/office/tills', 'POST', { storeId: DEMO_STORE_ID, code: 't1', name: 'Again' })).json.details![0].problems).toEqual([
      'code: t1 is already the code of Till 1 in this store',
    ]);

    const renamed = await manager.call<Till>(`/api/office/tills/${added.json.id}`, 'PUT', { name: 'Café till' });
    expect(renamed.json).toMatchObject({ id: added.json.id, code: 'T3', name: 'Café till' });
    expect((await manager.call(`/api/office/tills/${added.json.id}`, 'PUT', { name: 'x', code: 'T9' })).status).toBe(422);

    // Paired like any till: its device credential pulls the store's products.
    const credential = await pairTill(server.url, added.json.id);
    const pulled = await fetch(`${server.url}/api/sync/products/pull?limit=5`, { headers: { authorization: `Bearer ${credential}` } });
    expect(pulled.status).toBe(200);

    // Another store's manager adds nothing here.
    const owner = await server.loginAs('owner');
    const other = (await owner.call<Store>('/api/office/stores', 'POST', { code: 'S2', name: 'Harbour Street' })).json;
    expect((await manager.call('/api/office/tills', 'POST', { storeId: other.id, code: 'T1', name: 'Not theirs' })).status).toBe(403);
    const audit = await officeCall<AuditEntry[]>(server.url, '/api/office/audit?kind=till');
    expect(audit.json.map((entry) => entry.action)).toEqual(expect.arrayContaining(['till.create', 'till.update']));
  });
});
