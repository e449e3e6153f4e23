import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry, Customer, OfficeAccount, OfficeMe, Store, Till } from '../../../shared/src/index.js';
import { DEMO_STORE_ID } from '../demo.js';
import { officeCall, startServer, type RunningServer } from '../testing.js';
import { StockBook } from '../stock/stock-book.js';

/**
 * Head office's accounts: the owner's one-time setup, logins and their sessions, roles and stores
 * enforced on every office route, and the audit log of every office write. Real HTTP on 127.0.0.1,
 * on SQLite, or on PostgreSQL with KASSA_TEST_STORAGE=postgres.
 */
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** A second store with a till of its own, beside the demo store (store-1, tills till-1 and till-2). */
const OTHER_STORE = 'store-2';

async function start(options: Parameters<typeof startServer>[0] = {}): Promise<RunningServer> {
  server = await startServer({ products: 12, ...options });
  const demo = (await server.repository.getDocument<Store>('stores', DEMO_STORE_ID))!;
  const stores = await server.repository.stores();
  if (!stores.some((store) => store.id === OTHER_STORE)) {
    await server.repository.putDocument('stores', { ...demo, id: OTHER_STORE, code: 'S2', name: 'Second Store' }, OTHER_STORE);
    await server.repository.putDocument<Till>('tills', { id: 'till-9', storeId: OTHER_STORE, code: 'T9', name: 'Till 9', lastNumber: 0 }, OTHER_STORE);
  }
  return server;
}

const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

function login(running: RunningServer, email: string, password: string, remoteAddress = '127.0.0.1') {
  return running.app.inject({ method: 'POST', url: '/api/office/login', remoteAddress, payload: { email, password } });
}

const receipt = (id: string, storeId = DEMO_STORE_ID) => ({ id, kind: 'receipt', storeId, reference: 'DN-1', lines: [{ productId: 'p-000001', quantity: '5' }], recordedBy: 'Clerk' });

describe('the owner’s first start', () => {
  it('makes a one-time link: a wrong token is refused, the right one creates the owner once and logs them in', async () => {
    const running = await start();
    expect(running.setupToken).toMatch(/^[\w-]{43}$/);
    expect(await (await fetch(`${running.url}/api/office/setup`)).json()).toEqual({ needed: true });

    const owner = { email: ' Olga@Shop.TEST ', name: 'Olga', password: 'a long enough password' };
    const wrong = await fetch(`${running.url}/api/office/setup`, { method: 'POST', ...json({ ...owner, token: 'guessed' }) });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'unauthorized', message: expect.stringContaining('setup link is not valid') });
    const short = await fetch(`${running.url}/api/office/setup`, { method: 'POST', ...json({ ...owner, password: 'too short', token: running.setupToken }) });
    expect(short.status).toBe(400);
    expect(JSON.stringify(await short.json())).toContain('password: at least 10 characters');

    const made = await fetch(`${running.url}/api/office/setup`, { method: 'POST', ...json({ ...owner, token: running.setupToken }) });
    expect(made.status).toBe(200);
    const { account } = (await made.json()) as { account: OfficeAccount };
    expect(account).toMatchObject({ email: 'olga@shop.test', name: 'Olga', role: 'owner', storeIds: [], active: true });
    expect(account).not.toHaveProperty('passwordHash');
    const cookie = made.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^kassa_office=[\w-]+; HttpOnly; SameSite=Strict; Path=\/; Max-Age=43200$/);
    const me = await fetch(`${running.url}/api/office/me`, { headers: { cookie: cookie.split(';')[0] } });
    expect(await me.json()).toEqual({ account, via: 'session', role: 'owner' });

    const again = await fetch(`${running.url}/api/office/setup`, { method: 'POST', ...json({ ...owner, email: 'other@shop.test', token: running.setupToken }) });
    expect(again.status).toBe(409);
    expect(await (await fetch(`${running.url}/api/office/setup`)).json()).toEqual({ needed: false });
    const [row] = await running.query<{ password_hash: string }>(`SELECT password_hash FROM office_accounts`);
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);

    // Started again with an owner there: no link.
    const { file } = running;
    await running.stop();
    server = await startServer({ file });
    expect(server.setupToken).toBeUndefined();
  });

  it('makes a new link on each start while no owner exists; the older one stops working', async () => {
    const first = await start();
    const { file, setupToken: older } = first;
    await first.stop();
    server = await startServer({ file });
    expect(server.setupToken).not.toBe(older);
    const stale = await fetch(`${server.url}/api/office/setup`, { method: 'POST', ...json({ token: older, email: 'olga@shop.test', name: 'Olga', password: 'a long enough password' }) });
    expect(stale.status).toBe(401);
  });
});

describe('logging in', () => {
  it('trades an e-mail and password for a session, with one answer for an unknown e-mail, a wrong password and a deactivated account', async () => {
    const running = await start();
    const { email, password, account } = await running.createAccount('manager');
    const session = await running.login(` ${email.toUpperCase()} `, password);
    expect(session.account).toEqual(account);
    expect(await (await session.fetch('/api/office/me')).json()).toEqual({ account, via: 'session', role: 'manager' });

    const refusals = [await login(running, email, 'not the password'), await login(running, 'nobody@shop.test', password)];
    expect(refusals.map((answer) => answer.statusCode)).toEqual([401, 401]);
    expect(refusals[0].json()).toEqual(refusals[1].json());
    expect(refusals[0].json()).toEqual({ error: 'unauthorized', message: 'that e-mail and password do not match an active account' });
    expect(refusals[0].headers['set-cookie']).toBeUndefined();

    expect((await officeCall(running.url, `/api/office/accounts/${account.id}`, 'PUT', { active: false })).status).toBe(200);
    const deactivated = await login(running, email, password);
    expect(deactivated.statusCode).toBe(401);
    expect(deactivated.json()).toEqual(refusals[0].json());
    // Its session ended with it.
    expect((await session.fetch('/api/office/stores')).status).toBe(401);
  });

  it('allows ten wrong passwords a minute per address and per e-mail, then refuses even the right one for a while', async () => {
    const running = await start();
    const anna = await running.createAccount('viewer');
    const ben = await running.createAccount('viewer');
    for (let guess = 1; guess <= 10; guess++) expect((await login(running, anna.email, `guess number ${guess}`, '10.0.0.1')).statusCode).toBe(401);
    const limited = await login(running, anna.email, anna.password, '10.0.0.1');
    expect(limited.statusCode).toBe(429);
    // One guess comes back every six seconds.
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(6);
    // The same address, another e-mail: the address's budget is spent.
    expect((await login(running, ben.email, ben.password, '10.0.0.1')).statusCode).toBe(429);
    // Another address, the same e-mail: the e-mail's budget is spent.
    expect((await login(running, anna.email, anna.password, '10.0.0.2')).statusCode).toBe(429);
    // Neither spent: in it goes. Right passwords cost nothing.
    for (let time = 0; time < 12; time++) expect((await login(running, ben.email, ben.password, '10.0.0.3')).statusCode).toBe(200);
  });

  it('ends a session after 12 hours, and at logout', async () => {
    let now = Date.parse('2026-12-06T08:00:00.000Z');
    const running = await start({ now: () => new Date(now) });
    const session = await running.loginAs('viewer');
    now += 12 * 3_600_000 - 1000;
    expect((await session.fetch('/api/office/stores')).status).toBe(200);
    now += 2000;
    const expired = await session.fetch('/api/office/stores');
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({ error: 'unauthorized', message: 'head office: log in first' });

    const other = await running.loginAs('viewer');
    const out = await other.fetch('/api/office/logout', { method: 'POST' });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toBe('kassa_office=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0');
    expect((await other.fetch('/api/office/me')).status).toBe(401);
    const [{ count }] = await running.query<{ count: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS count FROM office_sessions WHERE account_id = '${other.account.id}'`);
    expect(count).toBe(0);
  });

  it('counts a session cookie for a write only from the office page itself', async () => {
    const running = await start();
    const session = await running.loginAs('manager');
    const elsewhere = await fetch(`${running.url}/api/office/tills/till-1/revoke`, { method: 'POST', headers: { cookie: session.cookie, origin: 'http://127.0.0.1:5173' } });
    expect(elsewhere.status).toBe(401);
    expect((await session.fetch('/api/office/tills/till-1/revoke', { method: 'POST' })).status).toBe(200);
  });
});

describe('roles', () => {
  it('apply to the very next request: a viewer made a clerk may record stock at once, and /me says so', async () => {
    const running = await start();
    const viewer = await running.loginAs('viewer');
    const refused = await viewer.call('/api/office/stock-documents', 'POST', receipt('receipt-1'));
    expect(refused.status).toBe(403);
    expect(refused.json).toEqual({ error: 'forbidden', message: 'POST /api/office/stock-documents needs a clerk, manager or owner; this account is a viewer' });
    expect((await officeCall(running.url, `/api/office/accounts/${viewer.account.id}`, 'PUT', { role: 'clerk' })).status).toBe(200);
    expect((await viewer.call<OfficeMe>('/api/office/me')).json.role).toBe('clerk');
    expect((await viewer.call('/api/office/stock-documents', 'POST', receipt('receipt-1'))).status).toBe(201);
  });

  it('a clerk receives and counts stock in their store, and changes neither settings, cashiers, customers nor tills', async () => {
    const running = await start();
    const clerk = await running.loginAs('clerk');
    expect((await clerk.call('/api/office/stock-documents', 'POST', receipt('receipt-1'))).status).toBe(201);
    expect((await clerk.call(`/api/office/stock-documents?store=${DEMO_STORE_ID}`)).status).toBe(200);
    const refused = [
      await clerk.call(`/api/office/stores/${DEMO_STORE_ID}/settings`, 'PUT', { largestNote: '100' }),
      await clerk.call('/api/office/cashiers', 'POST', { storeId: DEMO_STORE_ID, name: 'Robin', role: 'cashier', pin: '4821' }),
      await clerk.call('/api/office/customers', 'POST', { storeId: DEMO_STORE_ID, name: 'Cleo' }),
      await clerk.call('/api/office/tills/till-1/pairing-code', 'POST'),
      await clerk.call('/api/office/audit'),
      await clerk.call('/api/office/accounts'),
    ];
    expect(refused.map((answer) => answer.status)).toEqual([403, 403, 403, 403, 403, 403]);
    expect(refused[0].json).toMatchObject({ message: expect.stringContaining('needs a manager or owner') });
    expect(refused[5].json).toMatchObject({ message: expect.stringContaining('needs the owner') });
  });

  it('a viewer reads their store and changes nothing', async () => {
    const running = await start();
    const viewer = await running.loginAs('viewer');
    for (const path of [`/api/office/stock?store=${DEMO_STORE_ID}`, `/api/office/tills?store=${DEMO_STORE_ID}`, `/api/office/cashiers?store=${DEMO_STORE_ID}`, `/api/office/customers?store=${DEMO_STORE_ID}`, '/api/office/me']) {
      expect((await viewer.call(path)).status, path).toBe(200);
    }
    const writes: [string, string, unknown][] = [
      [`/api/office/stores/${DEMO_STORE_ID}/settings`, 'PUT', { largestNote: '100' }],
      [`/api/office/stores/${DEMO_STORE_ID}/scale-barcodes`, 'PUT', { prefixes: [{ prefix: '28', value: 'weight' }], itemDigits: 4 }],
      ['/api/office/tills/till-1/pairing-code', 'POST', undefined],
      ['/api/office/tills/till-1/revoke', 'POST', undefined],
      ['/api/office/stock-documents', 'POST', receipt('receipt-1')],
      ['/api/office/cashiers', 'POST', { storeId: DEMO_STORE_ID, name: 'Robin', role: 'cashier', pin: '4821' }],
      ['/api/office/cashiers/cashier-x', 'PUT', { name: 'Robin' }],
      ['/api/office/customers', 'POST', { storeId: DEMO_STORE_ID, name: 'Cleo' }],
      ['/api/office/customers/merge', 'POST', { keep: 'a', merge: 'b' }],
      ['/api/office/accounts', 'POST', { email: 'x@shop.test' }],
    ];
    for (const [path, method, body] of writes) expect((await viewer.call(path, method, body)).status, `${method} ${path}`).toBe(403);
    const [{ count }] = await running.query<{ count: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS count FROM audit_log WHERE actor_id = '${viewer.account.id}'`);
    expect(count).toBe(0);
  });

  it('keep each account to its stores: another store’s reads and writes are refused, by query, path, body, till, cashier and customer', async () => {
    const running = await start();
    const theirs = await officeCall<{ id: string }>(running.url, '/api/office/cashiers', 'POST', { storeId: OTHER_STORE, name: 'Robin', role: 'cashier', pin: '4821' });
    const customer = await officeCall<Customer>(running.url, '/api/office/customers', 'POST', { storeId: OTHER_STORE, name: 'Cleo' });
    for (const role of ['manager', 'clerk', 'viewer'] as const) {
      const session = await running.loginAs(role, [DEMO_STORE_ID]);
      const stores = await session.call<Store[]>('/api/office/stores');
      expect(stores.json.map((store) => store.id)).toEqual([DEMO_STORE_ID]);
      expect((await session.call(`/api/office/stock?store=${DEMO_STORE_ID}`)).status).toBe(200);
      const refused: [string, string, unknown][] = [
        [`/api/office/stock?store=${OTHER_STORE}`, 'GET', undefined],
        [`/api/office/tills?store=${OTHER_STORE}`, 'GET', undefined],
        [`/api/office/events?store=${OTHER_STORE}`, 'GET', undefined],
        [`/api/office/events?stores=${DEMO_STORE_ID},${OTHER_STORE}`, 'GET', undefined],
        [`/api/office/stores/${OTHER_STORE}/settings`, 'PUT', { largestNote: '100' }],
        ['/api/office/tills/till-9/pairing-code', 'POST', undefined],
        ['/api/office/stock-documents', 'POST', receipt('receipt-9', OTHER_STORE)],
        [`/api/office/cashiers/${theirs.json.id}`, 'PUT', { name: 'Robin B' }],
        ['/api/office/customers', 'POST', { id: customer.json.id, name: 'Cleo B' }],
      ];
      for (const [path, method, body] of refused) {
        const answer = await session.call(path, method, body);
        // A role without the permission is refused for that first (403 too); one with it for the store.
        expect(answer.status, `${role}: ${method} ${path}`).toBe(403);
      }
      const byStore = await session.call(`/api/office/stock?store=${OTHER_STORE}`);
      expect(byStore.json).toEqual({ error: 'forbidden', message: `this account does not work in store "${OTHER_STORE}"` });
    }
    // Nothing of it happened.
    expect((await running.repository.getDocument<Customer>('customers', customer.json.id))!.name).toBe('Cleo');
    expect(await new StockBook(running.repository).documents(OTHER_STORE)).toEqual([]);
    // The owner works everywhere.
    const owner = await running.loginAs('owner');
    expect((await owner.call<Store[]>('/api/office/stores')).json.map((store) => store.id).sort()).toEqual([DEMO_STORE_ID, OTHER_STORE]);
    expect((await owner.call('/api/office/tills/till-9/pairing-code', 'POST')).status).toBe(200);
  });
});

describe('accounts', () => {
  it('are the owner’s: e-mails unique whatever their case, passwords of ten characters, stores that exist', async () => {
    const running = await start();
    const owner = await running.loginAs('owner');
    const added = await owner.call<OfficeAccount>('/api/office/accounts', 'POST', { email: 'Mia@Shop.test', name: 'Mia', role: 'manager', storeIds: [DEMO_STORE_ID], password: 'mia’s password' });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ email: 'mia@shop.test', role: 'manager', storeIds: [DEMO_STORE_ID], active: true });
    const taken = await owner.call('/api/office/accounts', 'POST', { email: ' MIA@shop.test', name: 'Mia 2', role: 'viewer', storeIds: [DEMO_STORE_ID], password: 'another password' });
    expect(taken.status).toBe(409);
    expect(taken.json).toMatchObject({ error: 'conflict', message: 'an account with the e-mail "mia@shop.test" exists already' });
    const bad = await owner.call<{ details: { problems: string[] }[] }>('/api/office/accounts', 'POST', { email: 'not an address', name: '', role: 'boss', storeIds: ['store-7'], password: 'short', pin: '1' });
    expect(bad.status).toBe(400);
    expect(bad.json.details[0].problems).toEqual([
      'unknown field "pin"',
      'email: an e-mail address, such as anna@example.com',
      'name: 1 to 100 characters',
      'password: at least 10 characters (and at most 200)',
      'role: one of owner, manager, clerk, viewer',
      'storeIds: no store "store-7"',
    ]);
    const changed = await owner.call<OfficeAccount>(`/api/office/accounts/${added.json.id}`, 'PUT', { name: 'Mia M', storeIds: [DEMO_STORE_ID, OTHER_STORE], password: 'a new password for mia' });
    expect(changed.json).toMatchObject({ name: 'Mia M', storeIds: [DEMO_STORE_ID, OTHER_STORE] });
    await expect(running.login('mia@shop.test', 'mia’s password')).rejects.toThrow(/401/);
    expect((await running.login('mia@shop.test', 'a new password for mia')).account.name).toBe('Mia M');
    expect((await owner.call(`/api/office/accounts/account-nobody`, 'PUT', { name: 'X' })).status).toBe(404);
    const listed = await owner.call<OfficeAccount[]>('/api/office/accounts');
    expect(listed.json.map((account) => account.email)).toContain('mia@shop.test');
    expect(JSON.stringify(listed.json)).not.toContain('scrypt');
  });

  it('keep the last active owner: not demoted, not deactivated, until another owner exists', async () => {
    const running = await start();
    const owner = await running.loginAs('owner');
    const self = owner.account.id;
    for (const change of [{ role: 'manager', storeIds: [DEMO_STORE_ID] }, { active: false }]) {
      const refused = await owner.call(`/api/office/accounts/${self}`, 'PUT', change);
      expect(refused.status).toBe(409);
      expect(refused.json).toMatchObject({ error: 'conflict', message: expect.stringContaining('last active owner') });
    }
    const second = await running.createAccount('owner');
    expect((await owner.call(`/api/office/accounts/${second.account.id}`, 'PUT', { active: false })).status).toBe(200);
    expect((await owner.call(`/api/office/accounts/${self}`, 'PUT', { active: false })).status).toBe(409);
    expect((await owner.call(`/api/office/accounts/${second.account.id}`, 'PUT', { active: true })).status).toBe(200);
    const demoted = await owner.call<OfficeAccount>(`/api/office/accounts/${self}`, 'PUT', { role: 'manager', storeIds: [DEMO_STORE_ID] });
    expect(demoted.json).toMatchObject({ role: 'manager', storeIds: [DEMO_STORE_ID] });
    // No longer the owner: from the next request on.
    expect((await owner.call('/api/office/accounts')).status).toBe(403);
  });
});

describe('the audit log', () => {
  it('records every office write with who, when, what, the store, and the thing before and after: no PINs, hashes or pairing codes', async () => {
    const running = await start();
    const manager = await running.loginAs('manager', [DEMO_STORE_ID]);
    const actor = { actorId: manager.account.id, actorLabel: `${manager.account.name} <${manager.account.email}>` };
    const store = (await running.repository.getDocument<Store>('stores', DEMO_STORE_ID))!;

    await manager.call(`/api/office/stores/${DEMO_STORE_ID}/settings`, 'PUT', { largestNote: '100' });
    const layout = { prefixes: [{ prefix: '28', value: 'weight' }], itemDigits: 4 };
    await manager.call(`/api/office/stores/${DEMO_STORE_ID}/scale-barcodes`, 'PUT', layout);
    const code = await manager.call<{ code: string; expiresAt: string }>('/api/office/tills/till-1/pairing-code', 'POST');
    await manager.call('/api/office/tills/till-1/revoke', 'POST');
    const cashier = await manager.call<{ id: string }>('/api/office/cashiers', 'POST', { storeId: DEMO_STORE_ID, name: 'Robin', role: 'cashier', pin: '4821' });
    await manager.call(`/api/office/cashiers/${cashier.json.id}`, 'PUT', { name: 'Robin B', pin: '9911' });
    const cleo = await manager.call<Customer>('/api/office/customers', 'POST', { storeId: DEMO_STORE_ID, name: 'Cleo', phone: '+44 20 7946 0000' });
    await manager.call('/api/office/customers', 'POST', { id: cleo.json.id, note: 'Fridays' });
    const dup = await manager.call<Customer>('/api/office/customers', 'POST', { storeId: DEMO_STORE_ID, name: 'Cleo D', email: 'cleo@example.com' });
    await manager.call('/api/office/customers/merge', 'POST', { keep: cleo.json.id, merge: dup.json.id });
    expect((await manager.call('/api/office/stock-documents', 'POST', receipt('receipt-1'))).status).toBe(201);
    // Sent again: recorded once, logged once.
    expect((await manager.call('/api/office/stock-documents', 'POST', receipt('receipt-1'))).status).toBe(200);
    // Refused: nothing logged.
    expect((await manager.call(`/api/office/stores/${DEMO_STORE_ID}/settings`, 'PUT', { largestNote: 'lots' })).status).toBe(400);

    const log = await manager.call<AuditEntry[]>('/api/office/audit');
    expect(log.status).toBe(200);
    const entries = [...log.json].reverse();
    expect(entries.map((entry) => [entry.action, entry.kind, entry.subjectId])).toEqual([
      ['store.settings', 'store', DEMO_STORE_ID],
      ['store.scaleBarcodes', 'store', DEMO_STORE_ID],
      ['till.pairingCode', 'till', 'till-1'],
      ['till.revoke', 'till', 'till-1'],
      ['cashier.create', 'cashier', cashier.json.id],
      ['cashier.update', 'cashier', cashier.json.id],
      ['customer.create', 'customer', cleo.json.id],
      ['customer.update', 'customer', cleo.json.id],
      ['customer.create', 'customer', dup.json.id],
      ['customer.merge', 'customer', cleo.json.id],
      ['stock.receipt', 'stockDocument', 'receipt-1'],
    ]);
    for (const entry of entries) expect(entry).toMatchObject({ ...actor, storeId: DEMO_STORE_ID });
    expect(entries[0].before).toEqual(store);
    expect(entries[0].after).toMatchObject({ ...store, largestNote: '100' });
    expect(entries[1].after).toMatchObject({ scaleBarcodes: layout });
    expect(entries[2].after).toEqual({ pairingCodeIssued: true, expiresAt: code.json.expiresAt });
    expect(entries[4]).toMatchObject({ before: null, after: { id: cashier.json.id, name: 'Robin', role: 'cashier', active: true } });
    expect(entries[5]).toMatchObject({ before: { name: 'Robin' }, after: { name: 'Robin B', pinChanged: true } });
    expect(entries[7]).toMatchObject({ before: { name: 'Cleo' }, after: { name: 'Cleo', note: 'Fridays' } });
    expect(entries[7].before).not.toHaveProperty('note');
    expect(entries[9]).toMatchObject({ before: { kept: { id: cleo.json.id }, merged: { id: dup.json.id } }, after: { kept: { email: 'cleo@example.com' }, merged: null } });
    expect(entries[10]).toMatchObject({ before: null, after: receipt('receipt-1') });
    for (const entry of entries) expect(Date.parse(entry.at)).toBeGreaterThan(Date.now() - 60_000);
    const everything = JSON.stringify(log.json);
    expect(everything).not.toContain(code.json.code);
    // As values: random ids may hold the same four digits.
    expect(everything).not.toContain('"4821"');
    expect(everything).not.toContain('"9911"');
    expect(everything).not.toMatch(/pbkdf2|scrypt|"pin"/i);
  });

  it('records accounts and the office key’s writes, and is read by actor, kind and time; a manager sees only their stores’ entries', async () => {
    const running = await start();
    const owner = await running.loginAs('owner');
    const mia = await owner.call<OfficeAccount>('/api/office/accounts', 'POST', { email: 'mia@shop.test', name: 'Mia', role: 'manager', storeIds: [DEMO_STORE_ID], password: 'mia’s password' });
    await owner.call(`/api/office/accounts/${mia.json.id}`, 'PUT', { role: 'viewer', password: 'another password' });
    await owner.call(`/api/office/stores/${OTHER_STORE}/settings`, 'PUT', { largestNote: '50' });
    await officeCall(running.url, `/api/office/stores/${DEMO_STORE_ID}/settings`, 'PUT', { largestNote: '100' });

    const all = (await owner.call<AuditEntry[]>('/api/office/audit')).json;
    const created = all.find((entry) => entry.action === 'account.create' && entry.subjectId === mia.json.id)!;
    expect(created).toMatchObject({ kind: 'account', storeId: null, before: null, after: mia.json });
    const updated = all.find((entry) => entry.action === 'account.update' && entry.subjectId === mia.json.id)!;
    expect(updated).toMatchObject({ before: { role: 'manager' }, after: { role: 'viewer', passwordChanged: true } });
    expect(JSON.stringify(all)).not.toContain('scrypt');
    expect(JSON.stringify(all)).not.toContain('another password');
    expect(JSON.stringify(all)).not.toContain('mia’s password');

    const byKey = (await owner.call<AuditEntry[]>('/api/office/audit?actor=office-key')).json;
    expect(byKey.map((entry) => [entry.actorId, entry.actorLabel, entry.action, entry.storeId])).toEqual([
      [null, 'office key', 'store.settings', DEMO_STORE_ID],
      // The accounts the test helpers added with the key.
      [null, 'office key', 'account.create', null],
    ]);
    const byOwner = (await owner.call<AuditEntry[]>(`/api/office/audit?actor=${owner.account.id}&kind=account`)).json;
    expect(byOwner.map((entry) => entry.action)).toEqual(['account.update', 'account.create']);
    expect((await owner.call<AuditEntry[]>('/api/office/audit?limit=1')).json).toHaveLength(1);
    const today = new Date().toISOString().slice(0, 10);
    expect((await owner.call<AuditEntry[]>(`/api/office/audit?from=${today}&to=${today}`)).json).toHaveLength(all.length);
    expect((await owner.call<AuditEntry[]>('/api/office/audit?to=2020-01-01')).json).toEqual([]);
    expect((await owner.call('/api/office/audit?from=yesterday')).status).toBe(400);

    const manager = await running.loginAs('manager', [DEMO_STORE_ID]);
    const seen = (await manager.call<AuditEntry[]>('/api/office/audit')).json;
    expect(seen.map((entry) => [entry.action, entry.storeId])).toEqual([['store.settings', DEMO_STORE_ID]]);
  });
});
