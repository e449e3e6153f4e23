import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyPin, type Cashier, type Store, type Till } from '../../../shared/src/index.js';
import { DEMO_STORE_ID, demoCashierId } from '../demo.js';
import { officeCall, pairTill, startServer, type RunningServer } from '../testing.js';
import { Cashiers } from './cashiers.js';

/**
 * Cashiers are head office's master data: made and changed through the office API, replicated to the
 * store's tills, the PIN kept only as a salted hash. Real HTTP, real SQLite.
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

/** The cashier's row as stored, read straight from the database. */
async function storedRow(id: string): Promise<string> {
  const [row] = await server.query<{ body: string }>(`SELECT body FROM documents WHERE collection = 'cashiers' AND id = '${id}'`);
  return row.body;
}

async function stored(id: string): Promise<Cashier> {
  return JSON.parse(await storedRow(id)) as Cashier;
}

async function pullCashiers(credential: string): Promise<Cashier[]> {
  const response = await fetch(`${server.url}/api/sync/cashiers/pull?limit=1000`, { headers: { authorization: `Bearer ${credential}` } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { documents: Cashier[] }).documents;
}

describe('cashiers', () => {
  it('are added by head office with the PIN kept only as a salted hash, never shown back', async () => {
    const added = await office('/api/office/cashiers', 'POST', { storeId: DEMO_STORE_ID, name: '  Robin Till ', role: 'supervisor', pin: '48213' });
    expect(added.status).toBe(201);
    expect(added.json).toEqual({ id: expect.stringMatching(/^cashier-/), storeId: DEMO_STORE_ID, name: 'Robin Till', role: 'supervisor', active: true });
    expect(added.text).not.toContain('48213');
    const id = added.json.id as string;

    const row = await storedRow(id);
    expect(row).not.toContain('48213');
    const cashier = await stored(id);
    expect(cashier.pin).toMatchObject({ algorithm: 'PBKDF2-SHA256', iterations: expect.any(Number) });
    expect(await verifyPin('48213', cashier.pin)).toBe(true);
    expect(await verifyPin('48214', cashier.pin)).toBe(false);

    const listed = await office(`/api/office/cashiers?store=${DEMO_STORE_ID}`);
    expect(listed.status).toBe(200);
    expect(listed.json.map((entry) => entry.name)).toEqual(['Alex Cashier', 'Morgan Manager', 'Robin Till', 'Sam Supervisor']);
    expect(listed.json.every((entry) => !('pin' in entry))).toBe(true);
    expect(listed.text).not.toContain(cashier.pin.hash);
  });

  it('are renamed, given another role or PIN, deactivated and reactivated; the document stays', async () => {
    const { json } = await office('/api/office/cashiers', 'POST', { storeId: DEMO_STORE_ID, name: 'Robin', role: 'cashier', pin: '4821' });
    const id = json.id as string;
    const changed = await office(`/api/office/cashiers/${id}`, 'PUT', { name: 'Robin Till', role: 'manager', pin: '73915' });
    expect(changed.status).toBe(200);
    expect(changed.json).toEqual({ id, storeId: DEMO_STORE_ID, name: 'Robin Till', role: 'manager', active: true });
    expect(changed.text).not.toContain('73915');
    expect(await storedRow(id)).not.toContain('73915');
    expect(await verifyPin('73915', (await stored(id)).pin)).toBe(true);
    expect(await verifyPin('4821', (await stored(id)).pin)).toBe(false);

    // A name change leaves the PIN as it was.
    const before = (await stored(id)).pin;
    await office(`/api/office/cashiers/${id}`, 'PUT', { name: 'R. Till' });
    expect((await stored(id)).pin).toEqual(before);

    expect((await office(`/api/office/cashiers/${id}`, 'PUT', { active: false })).json).toMatchObject({ active: false, name: 'R. Till' });
    expect(await stored(id)).toMatchObject({ active: false, name: 'R. Till', role: 'manager' });
    expect((await office(`/api/office/cashiers?store=${DEMO_STORE_ID}`)).json.find((entry) => entry.id === id)).toMatchObject({ active: false });
    expect((await office(`/api/office/cashiers/${id}`, 'PUT', { active: true })).json).toMatchObject({ active: true });
  });

  it('refuse bad input with 400 and the reasons, storing nothing', async () => {
    const count = async () => (await server.query<{ count: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS count FROM documents WHERE collection = 'cashiers'`))[0].count;
    const before = await count();
    const problemsOf = async (path: string, method: string, body: unknown) => {
      const answer = await office(path, method, body);
      expect(answer.status).toBe(400);
      expect(answer.json.error).toBe('bad_request');
      return (answer.json.details as { problems: string[] }[])[0].problems;
    };
    expect(await problemsOf('/api/office/cashiers', 'POST', { storeId: DEMO_STORE_ID, name: 'Kim', role: 'cashier', pin: '12ab' })).toEqual(['pin: a PIN is digits only']);
    expect(await problemsOf('/api/office/cashiers', 'POST', { storeId: DEMO_STORE_ID, name: 'Kim', role: 'cashier', pin: '123' })).toEqual(['pin: a PIN has 4 to 8 digits']);
    expect(await problemsOf('/api/office/cashiers', 'POST', { storeId: DEMO_STORE_ID, name: 'Kim', role: 'cashier', pin: 4821 })).toEqual([
      'pin: a PIN is digits only, given as a string such as "4821"',
    ]);
    expect(await problemsOf('/api/office/cashiers', 'POST', { storeId: 'store-9', name: 'Kim', role: 'owner', pin: '4821' })).toEqual([
      'storeId: no store "store-9"',
      'role: one of cashier, supervisor, manager (is "owner")',
    ]);
    expect(await problemsOf('/api/office/cashiers', 'POST', { storeId: DEMO_STORE_ID, name: ' ', role: 'cashier', pin: '4821', boss: true })).toEqual([
      'unknown field "boss"',
      'name: 1 to 100 characters',
    ]);
    const alex = demoCashierId(DEMO_STORE_ID, 'alex');
    expect(await problemsOf(`/api/office/cashiers/${alex}`, 'PUT', { pin: '12', active: 'no' })).toEqual(['pin: a PIN has 4 to 8 digits', 'active: true or false']);
    expect(await problemsOf(`/api/office/cashiers/${alex}`, 'PUT', { role: 'admin' })).toEqual(['role: one of cashier, supervisor, manager (is "admin")']);
    expect(await count()).toBe(before);
    expect(await stored(alex)).toMatchObject({ role: 'cashier', active: true });

    expect((await office('/api/office/cashiers/cashier-nobody', 'PUT', { active: false })).status).toBe(404);
    expect((await office('/api/office/cashiers?store=store-9')).status).toBe(404);
    // Head office's key is asked for, as on every office endpoint.
    expect((await fetch(`${server.url}/api/office/cashiers?store=${DEMO_STORE_ID}`)).status).toBe(401);
    const unauthorized = await fetch(`${server.url}/api/office/cashiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ storeId: DEMO_STORE_ID, name: 'Kim', role: 'manager', pin: '4821' }),
    });
    expect(unauthorized.status).toBe(401);
    expect(await count()).toBe(before);
  });

  it('reach their own store’s tills by the pull endpoint, with the hash the till checks a PIN against', async () => {
    const other: Store = { ...(await server.repository.getDocument<Store>('stores', DEMO_STORE_ID))!, id: 'store-2', code: 'S2', name: 'Second shop' };
    const otherTill: Till = { id: 'till-s2', storeId: 'store-2', code: 'T1', name: 'Till 1', lastNumber: 0 };
    await server.repository.putDocument('stores', other, other.id);
    await server.repository.putDocument('tills', otherTill, other.id);
    const elsewhere = await office('/api/office/cashiers', 'POST', { storeId: 'store-2', name: 'Jo Second', role: 'manager', pin: '5555' });
    expect(elsewhere.status).toBe(201);

    const tillOne = await pairTill(server.url, 'till-1');
    const pulled = await pullCashiers(tillOne);
    expect(pulled.map((cashier) => cashier.id).sort()).toEqual(['alex', 'morgan', 'sam'].map((key) => demoCashierId(DEMO_STORE_ID, key)).sort());
    const morgan = pulled.find((cashier) => cashier.id === demoCashierId(DEMO_STORE_ID, 'morgan'))!;
    expect(await verifyPin('9999', morgan.pin)).toBe(true);

    const tillTwo = await pairTill(server.url, 'till-s2');
    expect((await pullCashiers(tillTwo)).map((cashier) => cashier.name)).toEqual(['Jo Second']);

    // A deactivation reaches the till by the next pull, and the till's stream says cashiers changed.
    const stream = await fetch(`${server.url}/api/sync/stream`, { headers: { authorization: `Bearer ${tillOne}` } });
    const reader = stream.body!.getReader();
    await reader.read();
    await office(`/api/office/cashiers/${morgan.id}`, 'PUT', { active: false });
    let heard = '';
    while (!heard.includes('"changed"')) heard += new TextDecoder().decode((await reader.read()).value);
    expect(heard).toContain('cashiers');
    await reader.cancel();
    expect((await pullCashiers(tillOne)).find((cashier) => cashier.id === morgan.id)).toMatchObject({ active: false });

    // Tills read cashiers and never write them.
    const write = await fetch(`${server.url}/api/sync/cashiers/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tillOne}`, 'content-type': 'application/json' },
      body: JSON.stringify([{ newDocumentState: { ...morgan, active: true, _deleted: false } }]),
    });
    expect(write.status).toBe(403);
    expect((await stored(morgan.id)).active).toBe(false);
  });

  it('of the demo are seeded once with fixed ids and PINs; a restart leaves head office’s changes alone', async () => {
    const ids = ['alex', 'sam', 'morgan'].map((key) => demoCashierId(DEMO_STORE_ID, key));
    expect(ids).toEqual(['cashier-store-1-alex', 'cashier-store-1-sam', 'cashier-store-1-morgan']);
    const expected = [
      ['Alex Cashier', 'cashier', '1111'],
      ['Sam Supervisor', 'supervisor', '2222'],
      ['Morgan Manager', 'manager', '9999'],
    ];
    for (const [index, id] of ids.entries()) {
      const [name, role, pin] = expected[index];
      expect(await stored(id)).toMatchObject({ storeId: DEMO_STORE_ID, name, role, active: true });
      expect(await verifyPin(pin, (await stored(id)).pin)).toBe(true);
    }
    await office(`/api/office/cashiers/${ids[0]}`, 'PUT', { pin: '4242', active: false });
    const { file, port } = server;
    await server.stop();
    server = await startServer({ file, port });
    expect(await new Cashiers(server.repository).list(DEMO_STORE_ID)).toHaveLength(3);
    expect((await stored(ids[0])).active).toBe(false);
    expect(await verifyPin('4242', (await stored(ids[0])).pin)).toBe(true);
  });
});
