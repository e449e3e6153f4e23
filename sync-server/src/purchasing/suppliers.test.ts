import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, Product, Supplier, SupplierProduct, SupplierProductView, SyncErrorBody } from '../../../shared/src/index.js';
import { DEMO_STORE_ID } from '../demo.js';
import { officeCall } from '../testing.js';
import { headers, server, startDemo, stopDemo } from '../testing-demo.js';

/**
 * Suppliers at head office: added, changed and made inactive by a manager, with what each supplies
 * (its SKU, pack size and cost per pack, one preferred supplier per product); bad fields refused by
 * name, a second save over a changed supplier refused, every change audited, and no till can pull
 * any of it. Real HTTP on 127.0.0.1, real storage.
 */
beforeEach(startDemo);
afterEach(stopDemo);

const dairy = { name: 'Green Valley Dairy', contact: { person: 'Jo Meyer', email: 'orders@greenvalley.example', phone: '+49 30 5550100' }, currency: 'EUR', leadTimeDays: 2, orderDays: ['thu', 'mon'], minimumOrder: '150' };

describe('suppliers', () => {
  it('are added, listed, changed and made inactive by a manager; a clerk and a viewer change nothing', async () => {
    const manager = await server.loginAs('manager');
    const added = await manager.call<Supplier>('/api/office/suppliers', 'POST', dairy);
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ name: 'Green Valley Dairy', currency: 'EUR', leadTimeDays: 2, orderDays: ['mon', 'thu'], minimumOrder: '150.00', active: true });
    expect((await manager.call<Supplier[]>('/api/office/suppliers')).json.map((supplier) => supplier.name)).toEqual(['Green Valley Dairy']);

    const changed = await manager.call<Supplier>(`/api/office/suppliers/${added.json.id}`, 'PUT', { updatedAt: added.json.updatedAt, fields: { ...dairy, leadTimeDays: 3, active: false } });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ leadTimeDays: 3, active: false });
    // A second save over the supplier as first loaded is refused, and saves nothing.
    const stale = await manager.call<SyncErrorBody>(`/api/office/suppliers/${added.json.id}`, 'PUT', { updatedAt: added.json.updatedAt, fields: { ...dairy, leadTimeDays: 9 } });
    expect(stale.status).toBe(409);
    expect((await manager.call<Supplier[]>('/api/office/suppliers')).json[0].leadTimeDays).toBe(3);

    for (const role of ['clerk', 'viewer'] as const) {
      const someone = await server.loginAs(role);
      expect((await someone.call('/api/office/suppliers', 'POST', { ...dairy, name: `By a ${role}` })).status).toBe(403);
      expect((await someone.call<Supplier[]>('/api/office/suppliers')).status).toBe(200);
    }
    const audit = (await officeCall<AuditEntry[]>(server.url, '/api/office/audit?kind=supplier')).json;
    expect(audit.map((entry) => entry.action)).toEqual(['supplier.deactivate', 'supplier.create']);
  });

  it('refuses bad fields by name, and a second supplier of the same name', async () => {
    const bad = await officeCall<SyncErrorBody>(server.url, '/api/office/suppliers', 'POST', {
      name: ' ',
      contact: { email: 'not an address', fax: '123' },
      currency: 'euro',
      leadTimeDays: -1,
      orderDays: ['someday'],
      minimumOrder: '-5',
      colour: 'green',
    });
    expect(bad.status).toBe(422);
    expect(bad.json.details![0].problems).toEqual([
      'unknown field "colour"',
      'name: 1 to 200 characters',
      'contact: unknown field "fax"',
      'contact.email: an e-mail address such as orders@dairy.example',
      'currency: the three letters of a currency, such as EUR',
      'leadTimeDays: whole days from order to delivery, 0 to 365',
      'orderDays: "someday" is not one of mon, tue, wed, thu, fri, sat, sun',
      'minimumOrder: the smallest order in its currency, a number such as "12.50"',
    ]);
    expect((await officeCall(server.url, '/api/office/suppliers', 'POST', dairy)).status).toBe(201);
    const again = await officeCall<SyncErrorBody>(server.url, '/api/office/suppliers', 'POST', { ...dairy, name: 'green valley dairy' });
    expect(again.json.details![0].problems).toEqual(['name: Green Valley Dairy is a supplier already']);
  });
});

describe('what a supplier supplies', () => {
  it('is kept per product with the supplier’s SKU, pack size and cost; one supplier per product is preferred', async () => {
    const first = (await officeCall<Supplier>(server.url, '/api/office/suppliers', 'POST', dairy)).json;
    const second = (await officeCall<Supplier>(server.url, '/api/office/suppliers', 'POST', { ...dairy, name: 'Wholesale Foods', orderDays: [] })).json;
    const products = (await officeCall<Product[]>(server.url, '/api/office/products')).json;
    const milk = products.find((product) => product.unit === 'piece')!;
    const loose = products.find((product) => product.unit === 'kg')!;
    const link = (supplier: Supplier, product: Product, fields: Record<string, unknown>) => officeCall<SupplierProduct & SyncErrorBody>(server.url, `/api/office/suppliers/${supplier.id}/products/${product.id}`, 'PUT', fields);

    expect((await link(first, milk, { supplierSku: 'GV-1001', packSize: '12', packCost: '8.40', preferred: true })).status).toBe(200);
    expect((await link(second, milk, { supplierSku: 'WF-77', packSize: '6', packCost: '4.50', preferred: false })).status).toBe(200);
    expect((await link(second, loose, { supplierSku: 'WF-APL', packSize: '12.5', packCost: '15.0000', preferred: true })).status).toBe(200);
    let ofMilk = (await officeCall<SupplierProductView[]>(server.url, `/api/office/products/${milk.id}/suppliers`)).json;
    expect(ofMilk.map((view) => [view.supplierName, view.preferred, view.packSize, view.packCost])).toEqual([
      ['Green Valley Dairy', true, '12', '8.40'],
      ['Wholesale Foods', false, '6', '4.50'],
    ]);

    // Preferring another supplier of milk makes it the only preferred one.
    await link(second, milk, { supplierSku: 'WF-77', packSize: '6', packCost: '4.50', preferred: true });
    ofMilk = (await officeCall<SupplierProductView[]>(server.url, `/api/office/products/${milk.id}/suppliers`)).json;
    expect(ofMilk.map((view) => [view.supplierName, view.preferred])).toEqual([
      ['Wholesale Foods', true],
      ['Green Valley Dairy', false],
    ]);
    const supplied = (await officeCall<SupplierProductView[]>(server.url, `/api/office/suppliers/${second.id}/products`)).json;
    expect(supplied.map((view) => [view.sku, view.name, view.unit, view.supplierSku])).toEqual(
      [
        [milk.sku, milk.name, 'piece', 'WF-77'],
        [loose.sku, loose.name, 'kg', 'WF-APL'],
      ].sort((a, b) => a[0].localeCompare(b[0])),
    );

    // Half a piece in a pack, a cost finer than a hundredth of a cent, an unknown product: refused by name.
    expect((await link(first, milk, { supplierSku: 'GV-1001', packSize: '1.5', packCost: '8.40001', preferred: false })).json.details![0].problems).toEqual([
      'packSize: a pack of pieces holds a whole number of them',
      'packCost: at most 4 decimals',
    ]);
    const nowhere = await officeCall<SyncErrorBody>(server.url, `/api/office/suppliers/${first.id}/products/p-nowhere`, 'PUT', { supplierSku: 'X', packSize: '1', packCost: '1', preferred: false });
    expect(nowhere.json.details![0].problems).toEqual(['productId: no product "p-nowhere"']);

    // No longer supplied: gone from both lists, and the change is in the audit log.
    expect((await officeCall(server.url, `/api/office/suppliers/${first.id}/products/${milk.id}/remove`, 'POST')).status).toBe(200);
    expect((await officeCall<SupplierProductView[]>(server.url, `/api/office/products/${milk.id}/suppliers`)).json.map((view) => view.supplierName)).toEqual(['Wholesale Foods']);
    expect((await officeCall(server.url, `/api/office/suppliers/${first.id}/products/${milk.id}/remove`, 'POST')).status).toBe(404);
    const audit = (await officeCall<AuditEntry[]>(server.url, '/api/office/audit?kind=supplier')).json;
    expect(audit[0]).toMatchObject({ action: 'supplier.product.remove', subjectId: first.id });

    // Suppliers are head office's: no till pulls them.
    for (const collection of ['suppliers', 'supplierProducts']) {
      const pulled = await fetch(`${server.url}/api/sync/${collection}/pull`, { headers: headers() });
      expect(pulled.status).toBe(404);
    }
    expect(DEMO_STORE_ID).toBeTruthy();
  });
});
