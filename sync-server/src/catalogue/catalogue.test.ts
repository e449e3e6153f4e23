import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ean13, formatCsv, parseCsv, type AuditEntry, type CatalogueImportReport, type Product, type StockException, type SyncErrorBody } from '../../../shared/src/index.js';
import { DEMO_STORE_ID } from '../demo.js';
import { officeCall, type OfficeSession } from '../testing.js';
import { office, product, pull, push, row, saleAt, server, startDemo, stopDemo } from '../testing-demo.js';

/**
 * The catalogue at head office: products added, changed, withdrawn and restored through the office
 * API, each checked (SKU, barcodes and their check digits, tax class, amounts), each reaching the
 * tills' pull, each in the audit log; two people saving one product never overwrite each other.
 * Real HTTP on 127.0.0.1, real storage: see testing-demo.ts.
 */
beforeEach(startDemo);
afterEach(stopDemo);

const milk = { sku: 'MILK-ORGANIC-1L', name: 'Organic milk 1 l', barcodes: ['4006381333931', '96385074'], unit: 'piece', taxClass: 'reduced', price: '1.29', cost: '0.71' };

async function pulledProduct(id: string): Promise<Product | undefined> {
  let query = '?limit=500';
  for (;;) {
    const { body } = await pull('products', query);
    const page = body as { documents: Product[]; checkpoint: { seq: number; id: string } | null };
    const found = page.documents.find((document) => document.id === id);
    if (found) return found;
    if (page.documents.length === 0 || !page.checkpoint) return undefined;
    query = `?limit=500&seq=${page.checkpoint.seq}&id=${encodeURIComponent(page.checkpoint.id)}`;
  }
}

describe('products at head office', () => {
  let manager: OfficeSession;
  beforeEach(async () => {
    manager = await server.loginAs('manager');
  });

  it('adds a product with two barcodes that a till then pulls, and lists it; the audit log names who added it', async () => {
    const added = await manager.call<Product>('/api/office/products', 'POST', milk);
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ ...milk, active: true });
    expect(added.json.id).toMatch(/^product-/);
    expect(await pulledProduct(added.json.id)).toMatchObject({ sku: milk.sku, barcodes: milk.barcodes, price: '1.29', active: true });
    const listed = await manager.call<Product[]>('/api/office/products');
    expect(listed.json.filter((listedProduct) => listedProduct.sku === milk.sku)).toHaveLength(1);
    expect((await manager.call<Product>(`/api/office/products/${added.json.id}`)).json).toEqual(added.json);

    const audit = await officeCall<AuditEntry[]>(server.url, '/api/office/audit?kind=product');
    expect(audit.json).toHaveLength(1);
    expect(audit.json[0]).toMatchObject({ action: 'product.create', subjectId: added.json.id, actorId: manager.account.id, actorLabel: `${manager.account.name} <${manager.account.email}>`, before: null, after: added.json });
  });

  it('refuses a taken SKU (in any case) and a barcode on another product (in any GTIN form), naming that product, and bad fields by name', async () => {
    const existing = await product('p-000010');
    const taken = await manager.call<SyncErrorBody>('/api/office/products', 'POST', { ...milk, sku: existing.sku.toLowerCase(), barcodes: [`0${existing.barcodes[0]}`.slice(-13)] });
    expect(taken.status).toBe(422);
    expect(taken.json.details![0].problems).toEqual([`sku: ${existing.sku.toLowerCase()} is already the SKU of ${existing.name} (SKU ${existing.sku})`, `barcodes: ${existing.barcodes[0]} is already on ${existing.name} (SKU ${existing.sku})`]);

    const upcA = await manager.call<Product>('/api/office/products', 'POST', { ...milk, barcodes: ['036000291452'] });
    expect(upcA.status).toBe(201);
    const sameAsEan = await manager.call<SyncErrorBody>('/api/office/products', 'POST', { ...milk, sku: 'OTHER', barcodes: ['0036000291452'] });
    expect(sameAsEan.json.details![0].problems).toEqual([`barcodes: 0036000291452 is already on Organic milk 1 l (SKU ${milk.sku})`]);

    const bad = await manager.call<SyncErrorBody>('/api/office/products', 'POST', { ...milk, sku: 'NEW-1', barcodes: ['4006381333932'], taxClass: 'luxury', price: '-1' });
    expect(bad.status).toBe(422);
    expect(bad.json.details![0].problems).toEqual([
      'taxClass: no store has a tax class "luxury" (there are: reduced, standard)',
      'barcodes: barcode 4006381333932 is not a valid EAN-13: its check digit should be 1',
      'price: must not be negative',
    ]);
    expect((await manager.call<Product[]>('/api/office/products')).json.filter((listed) => listed.sku === 'NEW-1')).toEqual([]);
    // Not JSON at all, or not an object: a clear 4xx, never a 500.
    expect((await manager.call('/api/office/products', 'POST', ['x'])).status).toBe(422);
  });

  it('answers the second of two people who edited one product with a conflict naming the first and what they changed, and saves nothing of it', async () => {
    const other = await server.loginAs('manager');
    const loaded = (await manager.call<Product>('/api/office/products', 'POST', milk)).json;
    const fields = { sku: loaded.sku, name: loaded.name, barcodes: loaded.barcodes, unit: loaded.unit, taxClass: loaded.taxClass, price: loaded.price, cost: loaded.cost };

    const first = await other.call<Product>(`/api/office/products/${loaded.id}`, 'PUT', { updatedAt: loaded.updatedAt, fields: { ...fields, price: '1.49' } });
    expect(first.status).toBe(200);
    expect(first.json.price).toBe('1.49');
    expect(first.json.updatedAt > loaded.updatedAt).toBe(true);

    const second = await manager.call<SyncErrorBody>(`/api/office/products/${loaded.id}`, 'PUT', { updatedAt: loaded.updatedAt, fields: { ...fields, name: 'Organic whole milk 1 l' } });
    expect(second.status).toBe(409);
    expect(second.json.error).toBe('conflict');
    expect(second.json.message).toContain(`${other.account.name} <${other.account.email}> changed this product after you opened it`);
    expect(second.json.details![0].problems).toEqual(['price: 1.29 → 1.49']);
    expect((await manager.call<Product>(`/api/office/products/${loaded.id}`)).json).toMatchObject({ name: milk.name, price: '1.49' });

    // Reloaded, the second edit goes through on top of the first.
    const again = await manager.call<Product>(`/api/office/products/${loaded.id}`, 'PUT', { updatedAt: first.json.updatedAt, fields: { ...fields, price: '1.49', name: 'Organic whole milk 1 l' } });
    expect(again.json).toMatchObject({ name: 'Organic whole milk 1 l', price: '1.49' });
    expect(await pulledProduct(loaded.id)).toMatchObject({ name: 'Organic whole milk 1 l', price: '1.49' });
  });

  it('withdraws a product from sale and restores it, unless another product took its SKU meanwhile', async () => {
    const added = (await manager.call<Product>('/api/office/products', 'POST', milk)).json;
    const withdrawn = await manager.call<Product>(`/api/office/products/${added.id}/withdraw`, 'POST');
    expect(withdrawn.json.active).toBe(false);
    expect(await pulledProduct(added.id)).toMatchObject({ active: false });
    // Withdrawn, its SKU and barcodes are still its own: a new product cannot take them silently.
    expect((await manager.call('/api/office/products', 'POST', { ...milk, barcodes: [] })).status).toBe(422);
    const restored = await manager.call<Product>(`/api/office/products/${added.id}/restore`, 'POST');
    expect(restored.json.active).toBe(true);
    expect((await officeCall<AuditEntry[]>(server.url, '/api/office/audit?kind=product')).json.map((entry) => entry.action)).toEqual(['product.restore', 'product.withdraw', 'product.create']);
    expect((await manager.call(`/api/office/products/no-such-product/withdraw`, 'POST')).status).toBe(404);
  });

  it('keeps a product’s packs, each barcode its own: a case’s barcode on another product is refused, naming it; the export and import carry packs', async () => {
    const withCase = await manager.call<Product>('/api/office/products', 'POST', { ...milk, packs: [{ name: 'case', quantity: '12', barcode: '10012345678902' }] });
    expect(withCase.status).toBe(201);
    expect(withCase.json.packs).toEqual([{ name: 'case', quantity: '12', barcode: '10012345678902' }]);
    expect(await pulledProduct(withCase.json.id)).toMatchObject({ packs: [{ name: 'case', quantity: '12', barcode: '10012345678902' }] });
    const taken = await manager.call<SyncErrorBody>('/api/office/products', 'POST', { ...milk, sku: 'OTHER-1', barcodes: ['10012345678902'] });
    expect(taken.json.details![0].problems).toEqual([`barcodes: 10012345678902 is already on Organic milk 1 l (SKU ${milk.sku})`]);
    const bad = await manager.call<SyncErrorBody>('/api/office/products', 'POST', { ...milk, sku: 'OTHER-2', barcodes: [], packs: [{ name: '', quantity: '1', barcode: '4006381333932' }] });
    expect(bad.json.details![0].problems).toEqual([
      'packs[0].name: a name of 1 to 32 characters, such as "case"',
      'packs[0].barcode: barcode 4006381333932 is not a valid EAN-13: its check digit should be 1',
      'packs[0].quantity: how many the pack holds, a whole number from 2 to 10,000',
    ]);
    const exported = parseCsv(await (await manager.fetch('/api/office/catalogue.csv')).text()).map((row) => row.fields);
    expect(exported.find((row) => row[0] === milk.sku)?.[8]).toBe('case:12:10012345678902');
    // A file without the packs column leaves packs as they are; one with it sets them.
    const withoutPacks = exported.map((row) => row.slice(0, 8));
    expect((await manager.call<CatalogueImportReport>('/api/office/products/import', 'POST', { csv: formatCsv(withoutPacks), apply: 'valid' })).json).toMatchObject({ changed: 0, refused: 0 });
    const edited = exported.map((row) => (row[0] === milk.sku ? [...row.slice(0, 8), 'case:6:10012345678902'] : row));
    expect((await manager.call<CatalogueImportReport>('/api/office/products/import', 'POST', { csv: formatCsv(edited), apply: 'valid' })).json).toMatchObject({ changed: 1, refused: 0 });
    expect((await manager.call<Product>(`/api/office/products/${withCase.json.id}`)).json.packs).toEqual([{ name: 'case', quantity: '6', barcode: '10012345678902' }]);
  });

  it('files a product in a category path with a brand and its content, for the unit price on its shelf label; the CSV carries them', async () => {
    const added = await manager.call<Product>('/api/office/products', 'POST', { ...milk, category: ' Dairy / Milk ', brand: 'Green Valley', content: { quantity: '1.0', unit: 'l' } });
    expect(added.json).toMatchObject({ category: 'Dairy/Milk', brand: 'Green Valley', content: { quantity: '1', unit: 'l' } });
    const bad = await manager.call<SyncErrorBody>('/api/office/products', 'POST', { ...milk, sku: 'X-1', barcodes: [], category: 'Dairy//Milk', content: { quantity: '0', unit: 'm' } });
    expect(bad.json.details![0].problems).toEqual(['category: no empty level between slashes ("Dairy/Milk")', 'content.quantity: what one piece holds, more than 0, such as 0.5']);
    const exported = parseCsv(await (await manager.fetch('/api/office/catalogue.csv')).text()).map((row) => row.fields);
    expect(exported.find((row) => row[0] === milk.sku)?.slice(9)).toEqual(['Dairy/Milk', 'Green Valley', '1 l']);
    // Left out of an edit, they are gone: the form sends what the product is to be.
    const fields = { sku: milk.sku, name: milk.name, barcodes: milk.barcodes, unit: 'piece', taxClass: 'reduced', price: '1.29', cost: '0.71', category: 'Dairy' };
    const edited = await manager.call<Product>(`/api/office/products/${added.json.id}`, 'PUT', { updatedAt: added.json.updatedAt, fields });
    expect(edited.json.category).toBe('Dairy');
    expect(edited.json.brand).toBeUndefined();
    expect(edited.json.content).toBeUndefined();
  });

  it('shows a product’s stock in every store the caller may see', async () => {
    const owner = await server.loginAs('owner');
    const other = (await owner.call<{ id: string }>('/api/office/stores', 'POST', { code: 'S2', name: 'Harbour Street' })).json;
    const existing = await product('p-000010');
    const everywhere = await owner.call<{ storeCode: string; quantity: string }[]>(`/api/office/products/${existing.id}/stock`);
    const here = (await office<{ products: { productId: string; quantity: string }[] }>(`/api/office/stock?store=${DEMO_STORE_ID}`)).products.find((row) => row.productId === existing.id)!;
    expect(everywhere.json.map((row) => [row.storeCode, row.quantity])).toEqual([
      ['S1', here.quantity],
      ['S2', '0'],
    ]);
    expect(other.id).toBeTruthy();
    // A manager of the first store sees that store only.
    expect((await manager.call<{ storeCode: string }[]>(`/api/office/products/${existing.id}/stock`)).json.map((row) => row.storeCode)).toEqual(['S1']);
  });

  it('lets a clerk and a viewer read the catalogue and change none of it (refused by the server)', async () => {
    const added = (await manager.call<Product>('/api/office/products', 'POST', milk)).json;
    for (const role of ['clerk', 'viewer'] as const) {
      const person = await server.loginAs(role);
      expect((await person.call<Product[]>('/api/office/products')).status).toBe(200);
      expect((await person.call('/api/office/products', 'POST', { ...milk, sku: `BY-${role}` })).status).toBe(403);
      expect((await person.call(`/api/office/products/${added.id}`, 'PUT', { updatedAt: added.updatedAt, fields: { ...milk, price: '0.01' } })).status).toBe(403);
      expect((await person.call(`/api/office/products/${added.id}/withdraw`, 'POST')).status).toBe(403);
    }
    expect((await manager.call<Product>(`/api/office/products/${added.id}`)).json).toEqual(added);
  });

  it('schedules a price for the chain and one store: the tills pull the change, and a sale is judged by the price in force when it was made', async () => {
    const stollen = (await manager.call<Product>('/api/office/products', 'POST', { ...milk, sku: 'STOLLEN', name: 'Stollen', barcodes: [], taxClass: 'standard', price: '9.99' })).json;
    const from = '2026-12-24T00:00:00.000Z';
    const scheduled = await manager.call<Product>(`/api/office/products/${stollen.id}/prices`, 'POST', { from, storeId: null, price: '4.99' });
    expect(scheduled.status).toBe(200);
    // Not in force yet (the server's clock is today's): the chain's price now stays.
    expect(scheduled.json).toMatchObject({ price: '9.99', priceChanges: [{ from, storeId: null, price: '4.99' }] });
    expect((await pulledProduct(stollen.id))?.priceChanges).toEqual(scheduled.json.priceChanges);

    const soldAt = async (number: number, price: string, completedAt: string) => {
      expect((await push([row(saleAt(`stollen-${number}`, number, { ...stollen, price }, completedAt, '20'))])).status).toBe(200);
    };
    await soldAt(1, '9.99', '2026-12-23T23:59:00.000Z');
    await soldAt(2, '4.99', '2026-12-24T08:00:00.000Z');
    await soldAt(3, '9.99', '2026-12-24T09:00:00.000Z');
    const mismatches = (await office<StockException[]>(`/api/office/exceptions?store=${DEMO_STORE_ID}`)).filter((exception) => exception.kind === 'price_mismatch' && exception.productId === stollen.id);
    expect(mismatches.map((exception) => [exception.saleId, exception.details])).toEqual([['stollen-3', { receiptNumber: 'S1-T1-000003', charged: '9.99', current: '4.99' }]]);

    // A store's own price, and a manager of another store may not set it.
    const own = await manager.call<Product>(`/api/office/products/${stollen.id}/prices`, 'POST', { from: '2026-12-01T00:00:00.000Z', storeId: DEMO_STORE_ID, price: '8.50' });
    expect(own.json.priceChanges).toHaveLength(2);
    expect((await manager.call(`/api/office/products/${stollen.id}/prices`, 'POST', { from, storeId: 'store-elsewhere', price: '1.00' })).status).toBe(403);
    expect((await officeCall(server.url, `/api/office/products/${stollen.id}/prices`, 'POST', { from, storeId: 'store-elsewhere', price: '1.00' })).status).toBe(422);
    expect((await manager.call<SyncErrorBody>(`/api/office/products/${stollen.id}/prices`, 'POST', { from: 'tomorrow', storeId: null, price: null })).json.details![0].problems).toEqual([
      'from: a date and time, such as 2026-12-24T06:00:00Z',
      'price: required for the chain’s price (only a store’s change may end its own price)',
    ]);

    // Changing the price in the product's form is a chain price change from now on, in its history.
    const edited = await manager.call<Product>(`/api/office/products/${stollen.id}`, 'PUT', { updatedAt: own.json.updatedAt, fields: { sku: 'STOLLEN', name: 'Stollen', barcodes: [], unit: 'piece', taxClass: 'standard', price: '10.49', cost: milk.cost } });
    expect(edited.json.price).toBe('10.49');
    expect(edited.json.priceChanges!.at(-1)).toMatchObject({ storeId: null, price: '10.49' });
    expect((await officeCall<AuditEntry[]>(server.url, '/api/office/audit?kind=product')).json.map((entry) => entry.action)).toEqual(['product.update', 'product.price', 'product.price', 'product.create']);
  });
});

describe('the catalogue as CSV', () => {
  let manager: OfficeSession;
  beforeEach(async () => {
    manager = await server.loginAs('manager');
  });

  /** 50 rows of new products, 3 of them bad (a check digit, a price, a barcode used twice in the file). */
  function fiftyRows(): string[][] {
    const rows = [['sku', 'name', 'barcodes', 'unit', 'taxClass', 'price', 'cost', 'active']];
    for (let index = 1; index <= 50; index++) {
      rows.push([`IMP-${index}`, `Imported product ${index}`, ean13(`29900000${String(index).padStart(4, '0')}`), 'piece', 'standard', `${index}.99`, '0.50', 'yes']);
    }
    rows[10][2] = '4006381333932';
    rows[20][5] = 'twelve';
    rows[30][2] = rows[29][2];
    return rows;
  }
  const importing = (csv: string, apply: 'none' | 'valid' | 'all', as = manager) => as.call<CatalogueImportReport & SyncErrorBody>('/api/office/products/import', 'POST', { csv, apply });
  const imported = async () => (await manager.call<Product[]>('/api/office/products')).json.filter((product) => product.sku.startsWith('IMP-'));

  it('previews 50 rows with a report per bad row, imports the 47 good ones, and changes nothing when the file comes again', async () => {
    const csv = formatCsv(fiftyRows());
    const preview = await importing(csv, 'none');
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ rows: 50, added: 47, changed: 0, unchanged: 0, refused: 3, applied: false });
    expect(preview.json.refusedRows).toEqual([
      { line: 11, sku: 'IMP-10', action: 'refused', problems: ['barcodes: barcode 4006381333932 is not a valid EAN-13: its check digit should be 1'] },
      { line: 21, sku: 'IMP-20', action: 'refused', problems: ['price: not an amount like "4.99"'] },
      { line: 31, sku: 'IMP-30', action: 'refused', problems: [`barcodes: ${fiftyRows()[29][2]} is on line 30 of the file too`] },
    ]);
    expect(await imported()).toEqual([]);

    // All or nothing: nothing, as three rows are bad.
    expect((await importing(csv, 'all')).json).toMatchObject({ applied: false, refused: 3 });
    expect(await imported()).toEqual([]);

    const stored = await importing(csv, 'valid');
    expect(stored.json).toMatchObject({ added: 47, refused: 3, applied: true });
    const products = await imported();
    expect(products).toHaveLength(47);
    expect(products.find((product) => product.sku === 'IMP-7')).toMatchObject({ name: 'Imported product 7', price: '7.99', active: true });
    expect(await pulledProduct(products[0].id)).toBeDefined();

    const again = await importing(csv, 'valid');
    expect(again.json).toMatchObject({ added: 0, changed: 0, unchanged: 47, refused: 3, applied: false });
    expect((await officeCall<AuditEntry[]>(server.url, '/api/office/audit?kind=product')).json.map((entry) => [entry.action, (entry.after as { added: number }).added])).toEqual([['product.import', 47]]);
  });

  it('exports the catalogue in the format it imports: the export imported again changes nothing, an edited row changes its product', async () => {
    const exported = await manager.fetch('/api/office/catalogue.csv');
    expect(exported.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await exported.text();
    const rows = parseCsv(text).map((row) => row.fields);
    expect(rows[0]).toEqual(['sku', 'name', 'barcodes', 'unit', 'taxClass', 'price', 'cost', 'active', 'packs', 'category', 'brand', 'content']);
    expect(rows).toHaveLength(31);
    expect((await importing(text, 'valid')).json).toMatchObject({ added: 0, changed: 0, unchanged: 30, refused: 0 });

    const edited = rows.map((row) => [...row]);
    edited[1][5] = '9.49';
    edited[2][7] = 'no';
    const report = (await importing(formatCsv(edited, ';'), 'valid')).json;
    expect(report).toMatchObject({ changed: 2, unchanged: 28, applied: true });
    const byId = await manager.call<Product[]>('/api/office/products');
    expect(byId.json.find((product) => product.sku === edited[1][0])).toMatchObject({ price: '9.49' });
    expect(byId.json.find((product) => product.sku === edited[2][0])).toMatchObject({ active: false });
  });

  it('refuses a file that is no catalogue with a clear 400, never a 500: another encoding, a missing column, an open quote, 10 MB of garbage', async () => {
    const latin1 = new TextDecoder('utf-8').decode(Buffer.from('sku,name,unit,taxClass,price,cost\nK-1,Kr\xe4uter,piece,standard,1.00,0.50\n', 'latin1'));
    const notUtf8 = await importing(latin1, 'none');
    expect(notUtf8.status).toBe(400);
    expect(notUtf8.json.message).toBe('the file was not imported: it is not UTF-8 text (line 2 has a character that is not); save it as "CSV UTF-8"');
    const missing = await importing('sku,name,price\nA,B,1\n', 'none');
    expect(missing.json.message).toBe('the file was not imported: the first line must name the columns; unit, taxClass, cost are missing (the columns are sku, name, barcodes, unit, taxClass, price, cost, active, packs, category, brand, content)');
    expect((await importing('sku,name,unit,taxClass,price,cost\nA,"open,piece\n', 'none')).json.message).toBe('the file was not imported: a quote opened on line 2 is never closed');
    expect((await importing('', 'none')).json.message).toBe('the file was not imported: it is empty');
    const garbage = Buffer.alloc(10 * 1024 * 1024);
    for (let index = 0; index < garbage.length; index++) garbage[index] = (index * 2654435761) >>> 24;
    const huge = await importing(new TextDecoder('utf-8').decode(garbage), 'none');
    expect(huge.status).toBe(400);
    expect(huge.json.error).toBe('bad_request');
    expect((await importing(formatCsv(fiftyRows()), 'sometimes' as 'none')).status).toBe(400);
    expect((await manager.call('/api/office/products/import', 'POST', { file: 'x' })).status).toBe(400);
    expect(await imported()).toEqual([]);
  });

  it('is a manager’s: a clerk may export the catalogue and not import one', async () => {
    const clerk = await server.loginAs('clerk');
    expect((await clerk.fetch('/api/office/catalogue.csv')).status).toBe(200);
    expect((await importing(formatCsv(fiftyRows()), 'valid', clerk)).status).toBe(403);
    expect(await imported()).toEqual([]);
  });
});
