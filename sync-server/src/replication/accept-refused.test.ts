import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, RefusedDocument, ShiftDetail, ShiftEvent, SyncErrorBody } from '../../../shared/src/index.js';
import { DEMO_STORE_ID, demoCashierId } from '../demo.js';
import { officeCall } from '../testing.js';
import { headers, level, push, row, sale, server, startDemo, stopDemo } from '../testing-demo.js';

/**
 * A refused sale (or shift event) taken as it is by head office: the store's rules waived for it alone, with a
 * reason in the audit log; stored and counted in stock exactly once. What is not a rule (a product
 * no one has) cannot be waived. Real HTTP on 127.0.0.1, real storage.
 */
beforeEach(startDemo);
afterEach(stopDemo);

const refusalsOf = async () => (await officeCall<RefusedDocument[]>(server.url, `/api/office/refusals?store=${DEMO_STORE_ID}`)).json;

describe('a refused sale taken as it is', () => {
  it('is stored and counted once, with the reason in the audit log, and its refusal closes', async () => {
    // Head office's limit of one piece a line refuses a sale of two.
    expect((await officeCall(server.url, `/api/office/stores/${DEMO_STORE_ID}/settings`, 'PUT', { limits: { lineQuantity: '1', documentAmount: '1000000' } })).status).toBe(200);
    const sold = await sale(1, '2');
    const answer = await push([row(sold)]);
    expect(answer.status).toBe(200);
    const before = await level('p-000010');
    const [refused] = await refusalsOf();
    expect(refused).toMatchObject({ id: sold.id, acceptedAt: null });

    const manager = await server.loginAs('manager');
    expect((await manager.call<SyncErrorBody>(`/api/office/refusals/${sold.id}/accept`, 'POST', { reason: '' })).status).toBe(400);
    const clerk = await server.loginAs('clerk');
    expect((await clerk.call(`/api/office/refusals/${sold.id}/accept`, 'POST', { reason: 'the clerk says so' })).status).toBe(403);

    const taken = await manager.call<{ stored: number }>(`/api/office/refusals/${sold.id}/accept`, 'POST', { reason: 'a case sold to a café, approved by phone' });
    expect(taken.status).toBe(200);
    expect(taken.json).toEqual({ stored: 1 });
    expect(Number((await level('p-000010')).quantity)).toBe(Number(before.quantity) - 2);
    expect((await refusalsOf()).find((refusal) => refusal.id === sold.id)?.acceptedAt).toEqual(expect.any(String));
    const audit = (await officeCall<AuditEntry[]>(server.url, '/api/office/audit?kind=refusal')).json;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'refusal.accept', subjectId: sold.id, actorId: manager.account.id, after: { reason: 'a case sold to a café, approved by phone', stored: true } });

    // Taken once: again is a conflict, and the till sending it again changes nothing.
    expect((await manager.call(`/api/office/refusals/${sold.id}/accept`, 'POST', { reason: 'once more' })).status).toBe(409);
    expect((await push([row(sold)])).status).toBe(200);
    expect(Number((await level('p-000010')).quantity)).toBe(Number(before.quantity) - 2);
  });

  it('is not taken when what is wrong is no rule of the store: a product no one has', async () => {
    const sold = await sale(1, '1');
    const unknown = { ...sold, lines: sold.lines.map((line) => ({ ...line, productId: 'p-nowhere' })), stockMovements: sold.stockMovements.map((movement) => ({ ...movement, productId: 'p-nowhere' })) };
    await push([row(unknown)]);
    expect((await refusalsOf()).map((refusal) => refusal.id)).toEqual([sold.id]);
    const answer = await officeCall<SyncErrorBody>(server.url, `/api/office/refusals/${sold.id}/accept`, 'POST', { reason: 'take it anyway' });
    expect(answer.status).toBe(422);
    expect(answer.json.details![0].problems).toContain('unknown product "p-nowhere"');
    expect((await refusalsOf())[0]).toMatchObject({ acceptedAt: null });
    expect((await officeCall(server.url, '/api/office/refusals/no-such-refusal/accept', 'POST', { reason: 'nothing there' })).status).toBe(404);
  });
});

describe('a refused shift event taken as it is', () => {
  it('is stored in its shift with the store’s limit waived for it alone, its reason audited; a customer is not taken so', async () => {
    // A limit of 100 on one receipt (and so on one cash movement) refuses a cash-in of 150.
    expect((await officeCall(server.url, `/api/office/stores/${DEMO_STORE_ID}/settings`, 'PUT', { limits: { lineQuantity: '10000', documentAmount: '100' } })).status).toBe(200);
    const cashier = { id: demoCashierId(DEMO_STORE_ID, 'alex'), name: 'Alex Cashier' };
    // The open event's id is the shift's.
    const event = (sequence: number, kind: ShiftEvent['kind'], amount: string): ShiftEvent =>
      ({ id: kind === 'open' ? 'shift-a' : `shift-a-${sequence}`, storeId: DEMO_STORE_ID, tillId: 'till-1', shiftId: 'shift-a', kind, sequence, at: `2026-12-06T0${sequence + 7}:00:00.000Z`, cashier, currency: 'EUR', amount }) as ShiftEvent;
    const send = async (events: ShiftEvent[]) => {
      const answer = await fetch(`${server.url}/api/sync/shiftEvents/push`, { method: 'POST', headers: headers(), body: JSON.stringify(events.map((document) => ({ newDocumentState: { ...document, _deleted: false } }))) });
      return ((await answer.json()) as { refused: { id: string }[] }).refused.map((refused) => refused.id);
    };
    const cashIn = (sequence: number, reason?: string) => ({ ...event(sequence, 'cash-in', '150.00'), ...(reason ? { reason } : {}) });
    expect(await send([event(1, 'open', '50.00'), cashIn(2), cashIn(3, 'float for the market stall')])).toEqual(['shift-a-2', 'shift-a-3']);

    // A cash-in with no reason breaks more than a limit: it is not taken as it is.
    const manager = await server.loginAs('manager');
    const notTaken = await manager.call<SyncErrorBody>('/api/office/refusals/shift-a-2/accept', 'POST', { reason: 'take it anyway' });
    expect(notTaken.status).toBe(422);
    expect(notTaken.json.details![0].problems).toEqual(['a cash-in says why: reason must not be empty']);

    const taken = await manager.call<{ stored: number }>('/api/office/refusals/shift-a-3/accept', 'POST', { reason: 'the float for the market stall, agreed' });
    expect(taken.json).toEqual({ stored: 1 });
    const detail = (await manager.call<ShiftDetail>('/api/office/shifts/shift-a')).json;
    expect(detail.events.map((stored) => [stored.kind, stored.amount])).toEqual([
      ['open', '50.00'],
      ['cash-in', '150.00'],
    ]);
    expect((await refusalsOf()).find((refusal) => refusal.id === 'shift-a-3')?.acceptedAt).toEqual(expect.any(String));
    expect((await officeCall<AuditEntry[]>(server.url, '/api/office/audit?kind=refusal')).json[0]).toMatchObject({ subjectId: 'shift-a-3', after: { reason: 'the float for the market stall, agreed', stored: true } });
    // The waiver was for that event alone: another cash-in of 150 is refused as before.
    expect(await send([cashIn(4, 'more float')])).toEqual(['shift-a-4']);

    // A refused customer is fixed by editing the customer, not taken as it is.
    const customer = { id: 'customer-bad', storeId: DEMO_STORE_ID, name: '', updatedAt: '2026-12-06T10:00:00.000Z' };
    await fetch(`${server.url}/api/sync/customers/push`, { method: 'POST', headers: headers(), body: JSON.stringify([{ newDocumentState: { ...customer, _deleted: false } }]) });
    expect((await refusalsOf()).some((refusal) => refusal.id === 'customer-bad')).toBe(true);
    expect((await manager.call('/api/office/refusals/customer-bad/accept', 'POST', { reason: 'take it anyway' })).status).toBe(404);
  });
});
