import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AuditEntry, type Product, type StockException, type SyncErrorBody, type TaxClass } from '../../../shared/src/index.js';
import { DEMO_STORE_ID } from '../demo.js';
import { officeCall } from '../testing.js';
import { office, pull, push, row, saleAt, server, startDemo, stopDemo } from '../testing-demo.js';

/**
 * Tax classes at head office: a class added to a store, a rate dated from a day on; the tills pull
 * it, and the server judges a sale by the rate in force when the sale was made. Real HTTP, real storage.
 */
beforeEach(startDemo);
afterEach(stopDemo);

describe('tax classes', () => {
  it('adds a class to a store and dates a new rate; a sale is judged by the rate in force when it was made', async () => {
    const manager = await server.loginAs('manager');
    const added = await manager.call<TaxClass>('/api/office/tax-classes', 'POST', { storeId: DEMO_STORE_ID, code: 'books', name: 'Books', ratePercent: '5' });
    expect(added.status).toBe(201);
    expect(added.json).toEqual({ id: `${DEMO_STORE_ID}:books`, storeId: DEMO_STORE_ID, code: 'books', name: 'Books', ratePercent: '5' });
    const bad = await manager.call<SyncErrorBody>('/api/office/tax-classes', 'POST', { storeId: DEMO_STORE_ID, code: 'Books!', name: '', ratePercent: '150' });
    expect(bad.json.details![0].problems).toEqual([
      'code: 1 to 32 lower-case letters, digits or dashes, such as "standard" (products name their class by it)',
      'name: 1 to 100 characters',
      'ratePercent: a percentage from 0 to 100, such as "19" or "7.7"',
    ]);
    expect((await manager.call('/api/office/tax-classes', 'POST', { storeId: DEMO_STORE_ID, code: 'books', name: 'Again', ratePercent: '5' })).status).toBe(422);

    // The standard rate goes from 20 to 21 on the first of January.
    const from = '2027-01-01T00:00:00.000Z';
    const dated = await manager.call<TaxClass>(`/api/office/tax-classes/${DEMO_STORE_ID}:standard/rates`, 'POST', { from, ratePercent: '21' });
    expect(dated.json).toMatchObject({ ratePercent: '20', rates: [{ from, ratePercent: '21' }] });
    const { body } = await pull('taxClasses', '?limit=50');
    expect((body.documents as unknown as TaxClass[]).find((taxClass) => taxClass.code === 'standard')?.rates).toEqual([{ from, ratePercent: '21' }]);
    expect((await manager.call<TaxClass[]>(`/api/office/tax-classes?store=${DEMO_STORE_ID}`)).json.map((taxClass) => taxClass.code)).toEqual(['books', 'reduced', 'standard']);

    const item = (await server.repository.listDocuments<Product>('products', DEMO_STORE_ID)).find((candidate) => candidate.taxClass === 'standard')!;
    const soldAt = async (number: number, rate: string, completedAt: string) => {
      expect((await push([row(saleAt(`taxed-${number}`, number, item, completedAt, rate))])).status).toBe(200);
    };
    await soldAt(1, '20', '2026-12-31T23:00:00.000Z');
    await soldAt(2, '21', '2027-01-01T09:00:00.000Z');
    await soldAt(3, '20', '2027-01-01T10:00:00.000Z');
    const mismatches = (await office<StockException[]>(`/api/office/exceptions?store=${DEMO_STORE_ID}`)).filter((exception) => exception.kind === 'tax_mismatch');
    expect(mismatches.map((exception) => exception.saleId)).toEqual(['taxed-3']);

    const clerk = await server.loginAs('clerk');
    expect((await clerk.call(`/api/office/tax-classes/${DEMO_STORE_ID}:standard/rates`, 'POST', { from, ratePercent: '0' })).status).toBe(403);
    const audit = (await officeCall<AuditEntry[]>(server.url, '/api/office/audit?kind=taxClass')).json;
    expect(audit.map((entry) => entry.action)).toEqual(['taxClass.rate', 'taxClass.create']);
  });

  it('renames a class, its code kept, for the tills and in the audit log; only a manager of its store may', async () => {
    const manager = await server.loginAs('manager');
    const id = `${DEMO_STORE_ID}:reduced`;
    const renamed = await manager.call<TaxClass>(`/api/office/tax-classes/${id}`, 'PUT', { name: 'Food and books' });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ id, code: 'reduced', name: 'Food and books' });
    const { body } = await pull('taxClasses', '?limit=50');
    expect((body.documents as unknown as TaxClass[]).find((taxClass) => taxClass.id === id)?.name).toBe('Food and books');
    const blank = await manager.call<SyncErrorBody>(`/api/office/tax-classes/${id}`, 'PUT', { name: ' ', code: 'food' });
    expect(blank.json.details![0].problems).toEqual(['unknown field "code"', 'name: 1 to 100 characters']);
    expect((await manager.call(`/api/office/tax-classes/${DEMO_STORE_ID}:nothing`, 'PUT', { name: 'Nothing' })).status).toBe(404);

    // A manager of another store of the chain, and a viewer of this one, change nothing here.
    const owner = await server.loginAs('owner');
    const other = (await owner.call<{ id: string }>('/api/office/stores', 'POST', { code: 'S2', name: 'Harbour Street' })).json;
    const elsewhere = await server.loginAs('manager', [other.id]);
    expect((await elsewhere.call(`/api/office/tax-classes/${id}`, 'PUT', { name: 'Taken over' })).status).toBe(403);
    const viewer = await server.loginAs('viewer');
    expect((await viewer.call(`/api/office/tax-classes/${id}`, 'PUT', { name: 'Taken over' })).status).toBe(403);
    const audit = (await officeCall<AuditEntry[]>(server.url, '/api/office/audit?kind=taxClass')).json;
    expect(audit.map((entry) => [entry.action, (entry.before as TaxClass | null)?.name, (entry.after as TaxClass | null)?.name])).toEqual([['taxClass.rename', 'Reduced rate', 'Food and books']]);
  });
});
