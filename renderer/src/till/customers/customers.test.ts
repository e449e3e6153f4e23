import type { RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CustomerError, editCustomer, newCustomer, type Customer } from '../../../../shared/src/index.js';
import { CustomerBook, customerConflictHandler } from './customers.js';
import { createTillDatabase, type TillDatabase } from '../data/database.js';

let db: TillDatabase;
let counter = 0;
let ids = 0;
let clock = new Date('2026-11-27T10:00:00.000Z');
const books: CustomerBook[] = [];

function book(): CustomerBook {
  const opened = new CustomerBook(db, 'store-1', 'till-1', () => `cust-${++ids}`, () => clock);
  books.push(opened);
  return opened;
}

/** Lets the collection's change events reach the index. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

async function stored(id: string): Promise<Customer | undefined> {
  return (await db.customers.findOne(id).exec())?.toJSON() as Customer | undefined;
}

beforeEach(async () => {
  clock = new Date('2026-11-27T10:00:00.000Z');
  db = await createTillDatabase({ name: `customers-${process.pid}-${++counter}`, storage: getRxStorageMemory() as RxStorage<unknown, unknown>, collections: ['customers'] });
});
afterEach(async () => {
  for (const opened of books.splice(0)) opened.close();
  await db.close();
});

describe('customer book', () => {
  it('records a new customer offline in one insert: trimmed, each given field stamped now, made by this till', async () => {
    const customers = book();
    await customers.open();
    const ana = await customers.create({ name: '  Ana Lima ', phone: '+49 170 1234567', email: '', note: undefined });
    expect(ana).toEqual({
      id: 'cust-1',
      storeId: 'store-1',
      name: 'Ana Lima',
      phone: '+49 170 1234567',
      changedAt: { name: '2026-11-27T10:00:00.000Z', phone: '2026-11-27T10:00:00.000Z' },
      createdAt: '2026-11-27T10:00:00.000Z',
      createdBy: 'till-1',
    });
    expect(await stored('cust-1')).toEqual(ana);
    expect(customers.get('cust-1')).toEqual(ana);
  });

  it('refuses an unsound customer with the server’s reasons and writes nothing', async () => {
    const customers = book();
    await expect(customers.create({ name: ' ', email: 'ana at example' })).rejects.toThrow(CustomerError);
    const refused = await customers.create({ name: 'Ana', email: 'ana at example', phone: 'call me' }).catch((error: CustomerError) => error.problems);
    expect(refused).toEqual([
      'email: "ana at example" is not an e-mail address such as name@example.com',
      'phone: "call me" may hold only digits, spaces, a leading + and ( ) . / -',
    ]);
    expect(await db.customers.count().exec()).toBe(0);
  });

  it('changes only the fields that change, clears with null, and writes nothing when nothing changes', async () => {
    const customers = book();
    await customers.open();
    const ana = await customers.create({ name: 'Ana Lima', phone: '+49 170 1234567', note: 'VIP' });
    clock = new Date('2026-11-27T11:00:00.000Z');
    const changed = await customers.update(ana.id, { name: 'Ana Lima', email: 'ana@example.com', note: null });
    expect(changed).toEqual({
      ...ana,
      email: 'ana@example.com',
      note: undefined,
      changedAt: { name: '2026-11-27T10:00:00.000Z', phone: '2026-11-27T10:00:00.000Z', email: '2026-11-27T11:00:00.000Z', note: '2026-11-27T11:00:00.000Z' },
    });
    expect(changed).not.toHaveProperty('note');
    expect(await stored(ana.id)).toEqual(changed);
    expect(customers.get(ana.id)).toEqual(changed);

    const revision = (await db.customers.findOne(ana.id).exec())!.revision;
    expect(await customers.update(ana.id, { phone: ' +49 170 1234567 ' })).toEqual(changed);
    expect((await db.customers.findOne(ana.id).exec())!.revision).toBe(revision);

    await expect(customers.update(ana.id, { email: 'nope' })).rejects.toThrow('email: "nope" is not an e-mail address');
    expect(await stored(ana.id)).toEqual(changed);
    await expect(customers.update('cust-nobody', { name: 'X' })).rejects.toThrow('is not on this till');
  });

  it('stamps an edit on a slow clock just after the version it edits', async () => {
    const customers = book();
    const fromOffice = newCustomer({ name: 'Bo', phone: '+49 170 7654321' }, { id: 'cust-bo', storeId: 'store-1', createdBy: 'office', at: '2026-11-27T12:00:00.000Z' });
    await db.customers.insert(fromOffice);
    // The till's clock says ten, two hours before head office recorded Bo.
    const changed = await customers.update('cust-bo', { phone: '+49 170 1111111' });
    expect(changed.changedAt.phone).toBe('2026-11-27T12:00:00.001Z');
  });

  it('finds customers by name, e-mail or phone digits, case and accents ignored, names starting with the text first', async () => {
    const customers = book();
    await customers.open();
    await customers.create({ name: 'Ana Lima', phone: '+49 170 1234567', email: 'ana@example.com' });
    await customers.create({ name: 'Björn Olsen', phone: '0171 555 0000' });
    await customers.create({ name: 'Susana Banana', email: 'SUSI@shop.example' });
    await customers.create({ name: 'Carl', note: 'likes ana’s cake' });
    const names = (text: string) => customers.search(text).map((customer) => customer.name);
    expect(names('ana')).toEqual(['Ana Lima', 'Susana Banana']);
    expect(names('ANA li')).toEqual(['Ana Lima']);
    expect(names('bjorn')).toEqual(['Björn Olsen']);
    expect(names('susi@shop')).toEqual(['Susana Banana']);
    expect(names('170 123')).toEqual(['Ana Lima']);
    expect(names('0170 1234')).toEqual(['Ana Lima']);
    expect(names('+49 171')).toEqual([]);
    expect(names('0171 555')).toEqual(['Björn Olsen']);
    expect(names('17')).toEqual([]);
    expect(names('   ')).toEqual([]);
    expect(customers.search('a', 1)).toHaveLength(1);
  });

  it('keeps its index in step with the collection: customers already there, replicated changes, head office’s merges, other stores left out', async () => {
    const existing = newCustomer({ name: 'Dora' }, { id: 'cust-dora', storeId: 'store-1', createdBy: 'till-2', at: '2026-11-27T09:00:00.000Z' });
    await db.customers.insert(existing);
    await db.customers.insert(newCustomer({ name: 'Dora Elsewhere' }, { id: 'cust-other', storeId: 'store-2', createdBy: 'till-9', at: '2026-11-27T09:00:00.000Z' }));
    const customers = book();
    await customers.open();
    expect(customers.search('dora').map((customer) => customer.id)).toEqual(['cust-dora']);
    const before = customers.changes$.value;

    // As the replication writes head office's change.
    await db.customers.upsert(editCustomer(existing, { name: 'Dorothea' }, '2026-11-27T11:00:00.000Z'));
    await settle();
    expect(customers.get('cust-dora')?.name).toBe('Dorothea');
    expect(customers.search('dorothea')).toHaveLength(1);
    expect(customers.changes$.value).toBeGreaterThan(before);

    // As the replication removes a customer head office merged into another.
    await (await db.customers.findOne('cust-dora').exec())!.remove();
    await settle();
    expect(customers.get('cust-dora')).toBeUndefined();
    expect(customers.search('dorothea')).toEqual([]);
    expect(customers.size).toBe(0);
  });
});

describe('customer conflict handler', () => {
  const ana = newCustomer({ name: 'Ana Lima', phone: '+49 170 1234567' }, { id: 'cust-ana', storeId: 'store-1', createdBy: 'till-1', at: '2026-11-27T09:00:00.000Z' });

  it('merges the server’s version with the till’s field by field, keeping the server’s duplicate flags', async () => {
    const tills = editCustomer(ana, { note: 'VIP' }, '2026-11-27T10:00:00.000Z');
    const servers = { ...editCustomer(ana, { email: 'ana@example.com' }, '2026-11-27T10:30:00.000Z'), possibleDuplicates: ['cust-twin'] };
    const resolved = await customerConflictHandler.resolve(
      { newDocumentState: { ...tills, possibleDuplicates: ['stale'], _deleted: false }, realMasterState: { ...servers, _deleted: false }, assumedMasterState: { ...ana, _deleted: false } },
      'test',
    );
    expect(resolved).toEqual({
      ...ana,
      email: 'ana@example.com',
      note: 'VIP',
      changedAt: { ...ana.changedAt, email: '2026-11-27T10:30:00.000Z', note: '2026-11-27T10:00:00.000Z' },
      possibleDuplicates: ['cust-twin'],
      _deleted: false,
    });
  });

  it('keeps a customer head office merged away deleted', async () => {
    const resolved = await customerConflictHandler.resolve({ newDocumentState: { ...ana, note: 'x', _deleted: false }, realMasterState: { ...ana, _deleted: true } }, 'test');
    expect(resolved._deleted).toBe(true);
  });
});
