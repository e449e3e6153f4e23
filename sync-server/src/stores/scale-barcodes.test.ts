import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STORE_ID } from '../demo.js';
import { pull, server, startDemo, stopDemo } from '../testing-demo.js';
import { TEST_OFFICE_KEY } from '../testing.js';

/**
 * How a store's scales print labels, set by head office and replicated to its tills.
 * Real HTTP on 127.0.0.1, real SQLite: see testing-demo.ts.
 */
beforeEach(startDemo);
afterEach(stopDemo);

describe('scale label layout', () => {
  const put = (layout: unknown) =>
    fetch(`${server.url}/api/office/stores/${DEMO_STORE_ID}/scale-barcodes`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TEST_OFFICE_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(layout),
    });

  it('is set per store by head office and replicated to its tills; a bad layout is refused with reasons', async () => {
    const layout = { prefixes: [{ prefix: '28', value: 'weight' }, { prefix: '29', value: 'price' }], itemDigits: 4 };
    expect((await put(layout)).status).toBe(200);
    const pulled = await pull('stores');
    expect(pulled.body.documents[0]).toMatchObject({ id: DEMO_STORE_ID, scaleBarcodes: layout });
    const wrong = await put({ prefixes: [{ prefix: '30', value: 'weight' }, { prefix: '28', value: 'volume' }], itemDigits: 4 });
    expect(wrong.status).toBe(422);
    const reasons = JSON.stringify(await wrong.json());
    expect(reasons).toContain('scaleBarcodes.prefixes.0.prefix');
    expect(reasons).toContain('scaleBarcodes.prefixes.1.value');
    expect((await put({ prefixes: [{ prefix: '28', value: 'weight' }, { prefix: '28', value: 'price' }], itemDigits: 4 })).status).toBe(422);
    expect((await put({ prefixes: [{ prefix: '28', value: 'weight' }], itemDigits: 9 })).status).toBe(422);
    expect((await pull('stores')).body.documents[0]).toMatchObject({ scaleBarcodes: layout });
  });
});
