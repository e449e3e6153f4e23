import { describe, expect, it } from 'vitest';
import { SyncError } from '../protocol.js';
import { officeClient, type OfficeFetch } from './office-client.js';

/** A fetch that records each request and answers with `status` and `text`. */
function recording(status: number, text: string) {
  const requests: { url: string; init: Parameters<OfficeFetch>[1] }[] = [];
  const fetch: OfficeFetch = async (url, init) => {
    requests.push({ url, init });
    return { ok: status >= 200 && status < 300, status, text: async () => text };
  };
  return { fetch, requests };
}

describe('the office client', () => {
  it('puts params into the path and the query after it, each encoded, and sends the office key', async () => {
    const { fetch, requests } = recording(200, '[]');
    const client = officeClient({ fetch, baseUrl: 'http://127.0.0.1:8787', officeKey: 'key-one' });
    await client.get('/api/office/shifts', { query: { store: 'store 1&2', limit: 5 } });
    await client.post('/api/office/tills/:till/revoke', { params: { till: 'till/1' } });
    expect(requests).toEqual([
      { url: 'http://127.0.0.1:8787/api/office/shifts?store=store%201%262&limit=5', init: { method: 'GET', headers: { authorization: 'Bearer key-one' } } },
      { url: 'http://127.0.0.1:8787/api/office/tills/till%2F1/revoke', init: { method: 'POST', headers: { authorization: 'Bearer key-one' } } },
    ]);
  });

  it('sends a body as JSON, and no key where the page’s session cookie stands in', async () => {
    const { fetch, requests } = recording(200, '{"ok":true}');
    expect(await officeClient({ fetch }).post('/api/office/logout')).toEqual({ ok: true });
    expect(requests).toEqual([{ url: '/api/office/logout', init: { method: 'POST', headers: {} } }]);
    const login = recording(200, '{"account":{"id":"account-1"}}');
    await officeClient({ fetch: login.fetch }).post('/api/office/login', { body: { email: 'anna@example.com', password: 'ten or more' } });
    expect(login.requests).toEqual([
      { url: '/api/office/login', init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"anna@example.com","password":"ten or more"}' } },
    ]);
  });

  it('throws a refusal as the server’s SyncError, and an answer that is none as an internal error', async () => {
    const refused = recording(404, JSON.stringify({ error: 'not_found', message: 'no shift "s-9"' }));
    const error = await officeClient({ fetch: refused.fetch }).get('/api/office/shifts/:shiftId', { params: { shiftId: 's-9' } }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(SyncError);
    expect(error).toMatchObject({ reason: 'not_found', status: 404, message: 'no shift "s-9"' });

    const proxy = recording(502, '<html>Bad gateway</html>');
    await expect(officeClient({ fetch: proxy.fetch }).get('/api/office/stores')).rejects.toMatchObject({ reason: 'internal', status: 502 });
  });
});
