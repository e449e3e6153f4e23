import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, RefusedDocument, SyncErrorBody } from '../../../shared/src/index.js';
import { DEMO_STORE_ID } from '../demo.js';
import { officeCall } from '../testing.js';
import { level, push, row, sale, server, startDemo, stopDemo } from '../testing-demo.js';

/**
 * A refused sale taken as it is by head office: the store's rules waived for it alone, with a
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
