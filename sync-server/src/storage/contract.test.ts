import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHAIN_STORE, emptyMeasures, surelyCovered, type ReportFact, type Sale, type StoredDimension } from '../../../shared/src/index.js';
import { openDatabase } from '../database.js';
import { scaledDecimal } from './ledger-sums.js';
import { temporaryDatabaseFile } from '../testing.js';
import type { DocumentWrite, LedgerEntry, ReportSum, SlowStock, StockPosition, StoragePort } from './port.js';
import { PostgresStorage } from './postgres/postgres-storage.js';
import { createTestDatabase, describeWithPostgres } from './postgres/testing.js';
import { SqliteStorage } from './sqlite/sqlite-storage.js';

/**
 * The storage port's contract, run against every adapter. An adapter joins by adding an entry here
 * that opens a fresh, migrated, empty database and removes it afterwards (PostgreSQL: its test lane
 * in storage/postgres/testing.ts), and, if its tests need a server that may be missing, the describe
 * that skips them there (`lane`).
 */
const adapters: {
  name: string;
  lane?: (name: string, body: () => void) => Promise<void>;
  open: () => Promise<{ storage: StoragePort; remove: () => Promise<void> }>;
}[] = [
  {
    name: 'SQLite',
    async open() {
      const file = temporaryDatabaseFile('kassa-contract-');
      const storage = new SqliteStorage(openDatabase(file));
      return {
        storage,
        async remove() {
          await storage.close();
          fs.rmSync(path.dirname(file), { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'PostgreSQL',
    // Skipped where PostgreSQL cannot be reached, failing in CI (testing.ts).
    lane: describeWithPostgres,
    async open() {
      const database = await createTestDatabase();
      try {
        // open() migrates the empty database, as a server starting on it does.
        const storage = await PostgresStorage.open(database.url, { poolSize: 4 });
        return {
          storage,
          async remove() {
            await storage.close();
            await database.drop();
          },
        };
      } catch (error) {
        await database.drop();
        throw error;
      }
    },
  },
];

/** A sale as far as storage looks at it: ids, till, number and the sale it returns. */
function sale(id: string, number: number, tillId = 'till-1'): Sale {
  return { id, storeId: 'store-1', tillId, number, receiptNumber: `S1-T1-${String(number).padStart(6, '0')}` } as unknown as Sale;
}

/** A promise and the function that settles it, to hold a transaction open at a chosen point. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

function pulledIds(json: string): string[] {
  return (JSON.parse(json) as { documents: { id: string }[] }).documents.map((document) => document.id);
}

for (const adapter of adapters) {
  const lane = adapter.lane ?? (async (name: string, body: () => void) => describe(name, body));
  await lane(`the storage port on ${adapter.name}`, () => {
    let storage: StoragePort;
    let remove: () => Promise<void>;

    beforeEach(async () => {
      ({ storage, remove } = await adapter.open());
    });
    afterEach(async () => {
      await remove();
    });

    it('hands out sequence numbers without reuse: 3, then 1 more, makes 1-3 and 4', async () => {
      const first = await storage.transaction(async (tx) => tx.sequence.allocate(3));
      const next = await storage.transaction(async (tx) => tx.sequence.allocate(1));
      expect([first, next]).toEqual([1, 4]);
      expect(await storage.sequence.current()).toBe(4);
    });

    it('commits sequence numbers in order: a pull that sees a later write also sees every earlier number', async () => {
      const held = gate();
      // A takes its number, then waits (a slow push); B starts meanwhile and a till pulls meanwhile.
      const a = storage.transaction(async (tx) => {
        const seq = await tx.sequence.allocate(1);
        await tx.documents.put({ collection: 'products', body: { id: 'p-a' }, storeId: null, seq });
        await held.opened;
        return seq;
      });
      const b = storage.transaction(async (tx) => {
        const seq = await tx.sequence.allocate(1);
        await tx.documents.put({ collection: 'products', body: { id: 'p-b' }, storeId: null, seq });
        return seq;
      });
      const pull = storage.documents.pullJson('products', { id: 'till-1', storeId: 'store-1' }, null, 10);
      held.open();
      const [seqA, seqB, page] = await Promise.all([a, b, pull]);
      expect(seqB).toBeGreaterThan(seqA);
      const ids = pulledIds(page);
      if (ids.includes('p-b')) expect(ids).toContain('p-a');
      // And a pull from after A's number never misses B.
      expect(pulledIds(await storage.documents.pullJson('products', { id: 'till-1', storeId: 'store-1' }, { seq: seqA, id: 'p-a' }, 10))).toEqual(['p-b']);
    });

    it('keeps documents: get as stored, a store lists its own and the chain’s, pulls page by sequence', async () => {
      await storage.transaction(async (tx) => {
        const first = await tx.sequence.allocate(5);
        await tx.documents.put({ collection: 'products', body: { id: 'p-1', name: 'Bananas' }, storeId: null, seq: first });
        await tx.documents.put({ collection: 'stockLevels', body: { id: 'store-1:p-1', quantity: '5' }, storeId: 'store-1', seq: first + 1 });
        await tx.documents.put({ collection: 'stockLevels', body: { id: 'store-2:p-1', quantity: '7' }, storeId: 'store-2', seq: first + 2 });
        await tx.documents.put({ collection: 'products', body: { id: 'p-2', name: 'Withdrawn' }, storeId: null, seq: first + 3, deleted: true });
        await tx.documents.put({ collection: 'refusals', body: { id: 'r-1' }, storeId: 'store-1', tillId: 'till-2', seq: first + 4 });
      });
      expect(await storage.documents.get('products', 'p-1')).toEqual({ collection: 'products', id: 'p-1', storeId: null, tillId: null, seq: 1, deleted: false, body: { id: 'p-1', name: 'Bananas' } });
      expect(await storage.documents.get('products', 'p-2')).toMatchObject({ deleted: true, seq: 4 });
      expect(await storage.documents.get('products', 'p-3')).toBeUndefined();
      expect(await storage.documents.list('stockLevels', 'store-1')).toEqual([{ id: 'store-1:p-1', quantity: '5' }]);
      expect(await storage.documents.list('products', 'store-1')).toEqual([{ id: 'p-1', name: 'Bananas' }]);
      expect((await storage.documents.all<{ id: string }>('stockLevels')).sort((x, y) => x.id.localeCompare(y.id))).toEqual([
        { id: 'store-1:p-1', quantity: '5' },
        { id: 'store-2:p-1', quantity: '7' },
      ]);

      const page = JSON.parse(await storage.documents.pullJson('products', { id: 'till-1', storeId: 'store-1' }, { seq: 1, id: 'p-1' }, 10)) as unknown;
      expect(page).toEqual({ documents: [{ id: 'p-2', name: 'Withdrawn', _deleted: true }], checkpoint: { seq: 4, id: 'p-2' } });
      const empty = JSON.parse(await storage.documents.pullJson('products', { id: 'till-1', storeId: 'store-1' }, { seq: 4, id: 'p-2' }, 10)) as unknown;
      expect(empty).toEqual({ documents: [], checkpoint: { seq: 4, id: 'p-2' } });
      // A refusal is its till's alone.
      expect(pulledIds(await storage.documents.pullJson('refusals', { id: 'till-1', storeId: 'store-1' }, null, 10))).toEqual([]);
      expect(pulledIds(await storage.documents.pullJson('refusals', { id: 'till-2', storeId: 'store-1' }, null, 10))).toEqual(['r-1']);
      // Another store's level is not pulled by this store's till.
      expect(pulledIds(await storage.documents.pullJson('stockLevels', { id: 'till-1', storeId: 'store-1' }, null, 10))).toEqual(['store-1:p-1']);
    });

    it('reads some fields of a store’s or every store’s documents: text as stored, booleans as booleans, a missing field undefined', async () => {
      await storage.transaction(async (tx) => {
        const first = await tx.sequence.allocate(4);
        await tx.documents.put({ collection: 'products', body: { id: 'p-1', name: 'Bananas "ripe"', active: true, price: '1.99' }, storeId: null, seq: first });
        await tx.documents.put({ collection: 'products', body: { id: 'p-2', active: false }, storeId: null, seq: first + 1 });
        await tx.documents.put({ collection: 'products', body: { id: 'p-3', name: 'Gone', active: true }, storeId: null, seq: first + 2, deleted: true });
        await tx.documents.put({ collection: 'stockLevels', body: { id: 'store-2:p-1', productId: 'p-1', quantity: '7' }, storeId: 'store-2', seq: first + 3 });
      });
      const byId = <T extends { id?: string; productId?: string }>(found: T[]) => found.sort((a, b) => String(a.id ?? a.productId).localeCompare(String(b.id ?? b.productId)));
      expect(byId(await storage.documents.fields<{ id: string; name?: string; active: boolean }>('products', 'store-1', { id: 'text', name: 'text', active: 'boolean' }))).toEqual([
        { id: 'p-1', name: 'Bananas "ripe"', active: true },
        { id: 'p-2', name: undefined, active: false },
      ]);
      expect(await storage.documents.fields('stockLevels', 'store-1', { productId: 'text', quantity: 'text' })).toEqual([]);
      expect(await storage.documents.fields('stockLevels', null, { productId: 'text', quantity: 'text' })).toEqual([{ productId: 'p-1', quantity: '7' }]);
      await expect(storage.documents.fields('products', null, { "id') --": 'text' })).rejects.toThrow(RangeError);
    });

    it('reads what changed in a collection after a sequence number, every store’s, deleted documents flagged, with some of their fields', async () => {
      const seqs = await storage.transaction(async (tx) => {
        const first = await tx.sequence.allocate(4);
        await tx.documents.put({ collection: 'supplierProducts', body: { id: 's-1:p-1', productId: 'p-1', preferred: true, packCost: '6.00' }, storeId: null, seq: first });
        await tx.documents.put({ collection: 'supplierProducts', body: { id: 's-1:p-2', productId: 'p-2', preferred: false }, storeId: null, seq: first + 1 });
        await tx.documents.put({ collection: 'stockLevels', body: { id: 'store-2:p-1', productId: 'p-1', quantity: '7' }, storeId: 'store-2', seq: first + 2 });
        await tx.documents.put({ collection: 'supplierProducts', body: { id: 's-1:p-2', productId: 'p-2', preferred: false }, storeId: null, seq: first + 3, deleted: true });
        return first;
      });
      const fields = { productId: 'text', preferred: 'boolean', packCost: 'text' } as const;
      const bySeq = <T extends { seq: number }>(found: T[]) => found.sort((a, b) => a.seq - b.seq);
      expect(bySeq(await storage.documents.fieldsAfter('supplierProducts', 0, fields))).toEqual([
        { id: 's-1:p-1', seq: seqs, deleted: false, fields: { productId: 'p-1', preferred: true, packCost: '6.00' } },
        { id: 's-1:p-2', seq: seqs + 3, deleted: true, fields: { productId: 'p-2', preferred: false, packCost: undefined } },
      ]);
      expect((await storage.documents.fieldsAfter('supplierProducts', seqs, fields)).map((changed) => [changed.id, changed.deleted])).toEqual([['s-1:p-2', true]]);
      expect(await storage.documents.fieldsAfter('supplierProducts', seqs + 3, fields)).toEqual([]);
      expect(await storage.documents.fieldsAfter('stockLevels', 0, { quantity: 'text' })).toEqual([{ id: 'store-2:p-1', seq: seqs + 2, deleted: false, fields: { quantity: '7' } }]);
      await expect(storage.documents.fieldsAfter('products', 0, { "id') --": 'text' })).rejects.toThrow(RangeError);
    });

    it('pulls, page by page from checkpoint to checkpoint, exactly a till’s store’s, the chain’s and its own documents among other stores’', async () => {
      // In sequence order: the chain's (store null), stores' and single tills' documents, another
      // collection's among them, and runs of other stores' longer than a page.
      const layout: [collection: 'stockLevels' | 'products', storeId: string | null, tillId: string | null][] = [
        ['stockLevels', 'store-2', null],
        ['stockLevels', null, null],
        ['stockLevels', 'store-1', null],
        ['products', 'store-1', null],
        ['stockLevels', 'store-1', 'till-1'],
        ...Array.from({ length: 7 }, (): ['stockLevels', string, null] => ['stockLevels', 'store-2', null]),
        ['stockLevels', 'store-1', 'till-2'],
        ['stockLevels', null, null],
        ['stockLevels', null, null],
        ['stockLevels', 'store-3', null],
        ['stockLevels', 'store-1', null],
        ['stockLevels', 'store-2', 'till-3'],
        ['stockLevels', 'store-1', null],
        ['stockLevels', null, 'till-2'],
        ['stockLevels', null, 'till-1'],
        ['stockLevels', 'store-1', null],
        ...Array.from({ length: 5 }, (): ['stockLevels', string, null] => ['stockLevels', 'store-3', null]),
        ['stockLevels', 'store-1', null],
        ['stockLevels', 'store-2', null],
      ];
      const writes: DocumentWrite[] = [];
      await storage.transaction(async (tx) => {
        const first = await tx.sequence.allocate(layout.length);
        layout.forEach(([collection, storeId, tillId], index) =>
          writes.push({ collection, body: { id: `document-${index}` }, storeId, tillId, seq: first + index, deleted: index % 4 === 1 }),
        );
        await tx.documents.putMany(writes);
      });

      type Page = { documents: { id: string; _deleted: boolean }[]; checkpoint: { seq: number; id: string } | null };
      for (const [till, limit] of [
        [{ id: 'till-1', storeId: 'store-1' }, 3],
        [{ id: 'till-2', storeId: 'store-1' }, 2],
        [{ id: 'till-3', storeId: 'store-2' }, 4],
        [{ id: 'till-4', storeId: 'store-4' }, 1],
      ] as const) {
        const wanted = writes.filter(
          (write) => write.collection === 'stockLevels' && (write.storeId === null || write.storeId === till.storeId) && (!write.tillId || write.tillId === till.id),
        );
        const expected: Page[] = [];
        for (let start = 0; start < wanted.length; start += limit) {
          const chunk = wanted.slice(start, start + limit);
          const last = chunk[chunk.length - 1];
          expected.push({ documents: chunk.map((write) => ({ id: write.body.id, _deleted: write.deleted === true })), checkpoint: { seq: last.seq, id: last.body.id } });
        }
        expected.push({ documents: [], checkpoint: expected.at(-1)?.checkpoint ?? null });

        const pages: Page[] = [];
        let checkpoint: Page['checkpoint'] = null;
        do {
          pages.push(JSON.parse(await storage.documents.pullJson('stockLevels', till, checkpoint, limit)) as Page);
          checkpoint = pages[pages.length - 1].checkpoint;
        } while (pages[pages.length - 1].documents.length > 0 && pages.length <= layout.length);
        expect(pages, `${till.id} of ${till.storeId}, pages of ${limit}`).toEqual(expected);
      }
    });

    it('leaves nothing of a transaction that rejects, and passes its error on', async () => {
      const failed = storage.transaction(async (tx) => {
        const seq = await tx.sequence.allocate(1);
        await tx.documents.put({ collection: 'products', body: { id: 'p-1' }, storeId: null, seq });
        await tx.sales.insert(sale('sale-1', 1), seq, '2026-12-06T08:00:00.000Z');
        await tx.ledger.append([{ storeId: 'store-1', productId: 'p-1', source: 'sale', documentId: 'sale-1', quantity: '-1', recordedAt: '2026-12-06T08:00:00.000Z' }]);
        throw new Error('the push is refused whole');
      });
      await expect(failed).rejects.toThrow('the push is refused whole');
      expect(await storage.documents.get('products', 'p-1')).toBeUndefined();
      expect(await storage.sales.get('sale-1')).toBeUndefined();
      expect(await storage.ledger.entries('store-1')).toEqual([]);
      expect(await storage.sequence.current()).toBe(0);
      // The storage takes the next transaction as usual.
      expect(await storage.transaction(async (tx) => tx.sequence.allocate(1))).toBe(1);
    });

    it('says in its answer whether an insert took: a sale again, or its number under another id, is not stored', async () => {
      const answers = await storage.transaction(async (tx) => [
        await tx.sales.insert(sale('sale-1', 1), 1, '2026-12-06T08:00:00.000Z'),
        await tx.sales.insert(sale('sale-1', 1), 2, '2026-12-06T08:00:01.000Z'),
        await tx.sales.insert(sale('sale-other', 1), 3, '2026-12-06T08:00:02.000Z'),
      ]);
      expect(answers).toEqual([{ inserted: true }, { inserted: false }, { inserted: false }]);
      expect(await storage.sales.get('sale-1')).toMatchObject({ receivedSeq: 1, appliedAt: null });
      expect(await storage.sales.count('store-1')).toBe(1);
    });

    it('accepts an open refusal once', async () => {
      const refusal = {
        id: 'sale-9',
        storeId: 'store-1',
        tillId: 'till-1',
        collection: 'sales' as const,
        number: 9,
        document: { id: 'sale-9' },
        bytes: 14,
        problems: ['unknown product "p-9"'],
        attempts: 1,
        firstRefusedAt: '2026-12-06T08:00:00.000Z',
        lastRefusedAt: '2026-12-06T08:00:00.000Z',
      };
      const answers = await storage.transaction(async (tx) => {
        await tx.refusals.put(refusal);
        return [await tx.refusals.holdsNumber('till-1', 9), await tx.refusals.accept('sale-9', 'till-1', 'sales', '2026-12-06T09:00:00.000Z'), await tx.refusals.accept('sale-9', 'till-1', 'sales', '2026-12-06T09:00:01.000Z')];
      });
      expect(answers).toEqual([true, { accepted: true }, { accepted: false }]);
      expect(await storage.refusals.get('sale-9')).toEqual({ ...refusal, acceptedAt: '2026-12-06T09:00:00.000Z' });
      expect(await storage.refusals.openTotals('till-1')).toEqual({ count: 0, bytes: 0 });
    });

    it('answers who holds an id after a claim', async () => {
      const claims = await storage.transaction(async (tx) => [
        await tx.owners.claim('sale-1', { collection: 'sales', storeId: 'store-1', tillId: 'till-1' }),
        await tx.owners.claim('sale-1', { collection: 'sales', storeId: 'store-1', tillId: 'till-2' }),
      ]);
      expect(claims).toEqual([
        { claimed: true, owner: { collection: 'sales', storeId: 'store-1', tillId: 'till-1' } },
        { claimed: false, owner: { collection: 'sales', storeId: 'store-1', tillId: 'till-1' } },
      ]);
    });

    it('hands out the numbers a transaction asked for as it began first, then takes more from the counter', async () => {
      const taken = await storage.transaction(async (tx) => [await tx.sequence.allocate(3), await tx.sequence.allocate(2), await tx.sequence.allocate(4)], { sequenceBlock: 5 });
      expect(taken).toEqual([1, 4, 6]);
      expect(await storage.transaction(async (tx) => tx.sequence.allocate(1))).toBe(10);
      // Numbers asked for and left unused are at most a gap: never handed out twice.
      await storage.transaction(async () => undefined, { sequenceBlock: 4 });
      expect(await storage.transaction(async (tx) => tx.sequence.allocate(1), { sequenceBlock: 1 })).toBeGreaterThan(10);
      await expect(storage.transaction(async () => undefined, { sequenceBlock: 0 })).rejects.toThrow(RangeError);
    });

    it('reads documents of several collections in one go, each request under its name, a transaction’s own writes seen', async () => {
      const found = await storage.transaction(async (tx) => {
        const first = await tx.sequence.allocate(4);
        const writes: DocumentWrite<{ id: string; lastNumber?: number; quantity?: string }>[] = [
          { collection: 'tills', body: { id: 'till-1', lastNumber: 4 }, storeId: 'store-1', seq: first },
          { collection: 'stockLevels', body: { id: 'store-1:p-1', quantity: '5' }, storeId: 'store-1', seq: first + 1 },
          { collection: 'stockLevels', body: { id: 'store-1:p-2', quantity: '0' }, storeId: 'store-1', seq: first + 2, deleted: true },
          { collection: 'products', body: { id: 'store-1:p-1' }, storeId: null, seq: first + 3 },
        ];
        await tx.documents.putMany(writes);
        return tx.documents.getAcross<{ till: { id: string; lastNumber: number }; levels: { id: string; quantity: string }; costs: { id: string } }>({
          till: { collection: 'tills', ids: ['till-1'] },
          levels: { collection: 'stockLevels', ids: ['store-1:p-2', 'store-1:p-9', 'store-1:p-1', 'store-1:p-2'] },
          costs: { collection: 'stockCosts', ids: ['store-1:p-1'] },
        });
      });
      expect(found.till.get('till-1')).toEqual({ collection: 'tills', id: 'till-1', storeId: 'store-1', tillId: null, seq: 1, deleted: false, body: { id: 'till-1', lastNumber: 4 } });
      expect([...found.levels.keys()]).toEqual(['store-1:p-2', 'store-1:p-1']);
      expect(found.levels.get('store-1:p-2')).toMatchObject({ deleted: true, body: { quantity: '0' } });
      // The same id in another collection is another document.
      expect(found.costs).toEqual(new Map());
      const again = await storage.documents.getAcross<{ levels: { id: string }; none: { id: string } }>({ levels: { collection: 'stockLevels', ids: ['store-1:p-1'] }, none: { collection: 'tills', ids: [] } });
      expect([...again.levels.keys()]).toEqual(['store-1:p-1']);
      expect(again.none).toEqual(new Map());
    });

    it('answers what holds a till’s numbers from one on, up to the first nothing holds: its stored sales and its open refused sales', async () => {
      const refusal = (id: string, number: number, collection: 'sales' | 'shiftEvents' = 'sales') => ({
        id,
        storeId: 'store-1',
        tillId: 'till-1',
        collection,
        number,
        document: { id },
        bytes: 10,
        problems: ['refused'],
        attempts: 1,
        firstRefusedAt: '2026-12-06T08:00:00.000Z',
        lastRefusedAt: '2026-12-06T08:00:00.000Z',
      });
      await storage.transaction(async (tx) => {
        const first = await tx.sequence.allocate(5);
        const numbered = [sale('s3', 3), sale('s5', 5), sale('s6', 6), sale('s9', 9), sale('other-7', 7, 'till-2')].map((each, index) => ({ sale: each, receivedSeq: first + index }));
        await tx.sales.insertMany(numbered, '2026-12-06T08:00:00.000Z');
        await tx.sales.markApplied(['s3'], '2026-12-06T08:00:01.000Z');
        await tx.refusals.put(refusal('r4', 4));
        // Not holding: a refusal taken since, and a shift event's (its own numbering).
        await tx.refusals.put(refusal('r7', 7));
        await tx.refusals.accept('r7', 'till-1', 'sales', '2026-12-06T08:00:02.000Z');
        await tx.refusals.put(refusal('e8', 7, 'shiftEvents'));
      });
      const held = async (tillId: string, number: number, limit: number) =>
        (await storage.sales.heldFrom(tillId, number, limit)).map((entry) => [entry.number, entry.sale?.sale.id ?? 'refused', entry.sale?.appliedAt ?? null]);
      expect(await held('till-1', 3, 10)).toEqual([
        [3, 's3', '2026-12-06T08:00:01.000Z'],
        [4, 'refused', null],
        [5, 's5', null],
        [6, 's6', null],
      ]);
      expect(await held('till-1', 4, 2)).toEqual([
        [4, 'refused', null],
        [5, 's5', null],
      ]);
      expect(await held('till-1', 7, 10)).toEqual([]);
      expect(await held('till-1', 9, 10)).toEqual([[9, 's9', null]]);
      expect(await storage.transaction((tx) => tx.sales.heldFrom('till-2', 7, 10))).toMatchObject([{ number: 7, sale: { sale: { id: 'other-7' }, receivedSeq: 5 } }]);
    });

    it('stores bodies as given, whatever characters their text holds (quotes, backslashes, control characters)', async () => {
      const awkward = 'a "quoted" \\ name,{with}\u001ea record separator\u0000and a nul';
      const given = { ...sale('sale-odd', 1), cashierName: awkward } as Sale;
      const products = [
        { id: 'p-odd', name: awkward },
        { id: 'p-next', name: 'plain' },
      ];
      await storage.transaction(async (tx) => {
        const seq = await tx.sequence.allocate(2);
        await tx.sales.insertMany([{ sale: given, receivedSeq: seq }, { sale: sale('sale-next', 2), receivedSeq: seq + 1 }], '2026-12-06T08:00:00.000Z');
        await tx.documents.putMany(products.map((body, index) => ({ collection: 'products', body, storeId: 'store-1', seq: seq + index })));
      });
      expect((await storage.sales.get('sale-odd'))?.sale).toEqual(given);
      expect((await storage.sales.get('sale-next'))?.sale).toEqual(sale('sale-next', 2));
      expect((await storage.documents.get<{ name: string }>('products', 'p-odd'))?.body.name).toBe(awkward);
      expect((await storage.documents.get<{ name: string }>('products', 'p-next'))?.body.name).toBe('plain');
    });

    it('marks sales applied and appends the ledger rows that count them together, in the order given', async () => {
      await storage.transaction(async (tx) => {
        const first = await tx.sequence.allocate(2);
        await tx.sales.insertMany([{ sale: sale('sale-1', 1), receivedSeq: first }, { sale: sale('sale-2', 2), receivedSeq: first + 1 }], '2026-12-06T08:00:00.000Z');
        await tx.sales.markApplied(['sale-1', 'sale-2', 'sale-1'], '2026-12-06T08:00:01.000Z', [
          { storeId: 'store-1', productId: 'p-2', source: 'sale', documentId: 'sale-1', quantity: '-1', recordedAt: '2026-12-06T08:00:01.000Z', unitCost: '0.85' },
          { storeId: 'store-1', productId: 'p-1', source: 'return', documentId: 'sale-2', quantity: '2', recordedAt: '2026-12-06T08:00:01.000Z' },
        ]);
        await tx.sales.markApplied([], '2026-12-06T08:00:02.000Z', []);
      });
      expect((await storage.sales.getMany(['sale-1', 'sale-2'])).get('sale-2')?.appliedAt).toBe('2026-12-06T08:00:01.000Z');
      expect((await storage.sales.get('sale-1'))?.appliedAt).toBe('2026-12-06T08:00:01.000Z');
      expect((await storage.ledger.entries('store-1')).map((entry) => [entry.productId, entry.source, entry.quantity, entry.unitCost])).toEqual([
        ['p-2', 'sale', '-1', '0.85'],
        ['p-1', 'return', '2', null],
      ]);
    });

    it('raises several exceptions in one go, their ids increasing in the order given', async () => {
      const oversell = (productId: string, after: string) => ({ storeId: 'store-1', kind: 'oversell' as const, productId, documentId: 'sale-1', tillId: 'till-1', details: { before: '0', after }, raisedAt: '2026-12-06T08:00:00.000Z' });
      await storage.transaction(async (tx) => {
        await tx.exceptions.raise(oversell('p-1', '-1'));
        await tx.exceptions.raiseMany([oversell('p-3', '-3'), oversell('p-2', '-2')]);
        await tx.exceptions.raiseMany([]);
      });
      const raised = await storage.exceptions.forStore('store-1', 10);
      expect(raised.map((exception) => [exception.productId, exception.details.after])).toEqual([
        ['p-2', '-2'],
        ['p-3', '-3'],
        ['p-1', '-1'],
      ]);
      expect(raised[0]!.id).toBeGreaterThan(raised[1]!.id);
    });

    it('claims several ids at once as one claim after another would: the first claim of an id counts, a held one answers its owner', async () => {
      const till1 = { collection: 'sales' as const, storeId: 'store-1', tillId: 'till-1' };
      const till2 = { collection: 'sales' as const, storeId: 'store-1', tillId: 'till-2' };
      await storage.transaction((tx) => tx.owners.claim('held', { collection: 'shiftEvents', storeId: 'store-1', tillId: 'till-2' }));
      const answers = await storage.transaction((tx) =>
        tx.owners.claimMany([
          { id: 'a', owner: till1 },
          { id: 'held', owner: till1 },
          { id: 'a', owner: till2 },
          { id: 'b', owner: till2 },
        ]),
      );
      expect(Object.fromEntries(answers)).toEqual({
        a: { claimed: true, owner: till1 },
        held: { claimed: false, owner: { collection: 'shiftEvents', storeId: 'store-1', tillId: 'till-2' } },
        b: { claimed: true, owner: till2 },
      });
      expect(await storage.owners.get('a')).toEqual(till1);
      expect(await storage.transaction((tx) => tx.owners.claimMany([]))).toEqual(new Map());
    });

    it('inserts several sales at once, the first of two under one id or one number, and answers which were stored', async () => {
      await storage.transaction((tx) => tx.sales.insert(sale('old', 1), 1, '2026-12-01T00:00:00.000Z'));
      const inserted = await storage.transaction((tx) =>
        tx.sales.insertMany(
          [
            { sale: sale('s2', 2), receivedSeq: 2 },
            { sale: sale('again', 1), receivedSeq: 3 },
            { sale: sale('s3', 3), receivedSeq: 4 },
            { sale: sale('s3', 4), receivedSeq: 5 },
            { sale: sale('twin', 3), receivedSeq: 6 },
          ],
          '2026-12-02T00:00:00.000Z',
        ),
      );
      expect([...inserted].sort()).toEqual(['s2', 's3']);
      expect((await storage.sales.byNumber('till-1', 3))?.sale.id).toBe('s3');
      expect((await storage.sales.get('s2'))).toMatchObject({ receivedSeq: 2, receivedAt: '2026-12-02T00:00:00.000Z', appliedAt: null });
      expect(await storage.sales.get('again')).toBeUndefined();
      expect(await storage.sales.get('twin')).toBeUndefined();
    });

    it('records a till’s contact outside any transaction, keeping what a null leaves', async () => {
      await storage.touchTill({ tillId: 'till-1', at: '2026-12-01T10:00:00.000Z', pushAt: '2026-12-01T10:00:00.000Z', waiting: 3, waitingAt: '2026-12-01T10:00:00.000Z' });
      await storage.touchTill({ tillId: 'till-1', at: '2026-12-01T10:05:00.000Z', pushAt: null, waiting: null, waitingAt: null });
      expect(await storage.tillContacts.get('till-1')).toEqual({
        tillId: 'till-1',
        lastContactAt: '2026-12-01T10:05:00.000Z',
        lastPushAt: '2026-12-01T10:00:00.000Z',
        waiting: 3,
        waitingReportedAt: '2026-12-01T10:00:00.000Z',
        refusalsCappedAt: null,
      });
    });

    it('reads several documents at once: by id, deleted ones too, absent ids left out, a transaction’s own writes seen', async () => {
      const inside = await storage.transaction(async (tx) => {
        const first = await tx.sequence.allocate(3);
        await tx.documents.put({ collection: 'products', body: { id: 'p-1', name: 'Bananas' }, storeId: null, seq: first });
        await tx.documents.put({ collection: 'products', body: { id: 'p-2', name: 'Withdrawn' }, storeId: null, seq: first + 1, deleted: true });
        await tx.documents.put({ collection: 'stockLevels', body: { id: 'p-3', quantity: '1' }, storeId: 'store-1', tillId: 'till-1', seq: first + 2 });
        return tx.documents.getMany('products', ['p-1']);
      });
      expect([...inside.keys()]).toEqual(['p-1']);

      const found = await storage.documents.getMany<{ id: string }>('products', ['p-2', 'p-missing', 'p-1', 'p-2', 'p-3']);
      // p-3 is another collection's; p-2 asked twice is answered once.
      expect([...found.keys()]).toEqual(['p-2', 'p-1']);
      expect(found.get('p-1')).toEqual({ collection: 'products', id: 'p-1', storeId: null, tillId: null, seq: 1, deleted: false, body: { id: 'p-1', name: 'Bananas' } });
      expect(found.get('p-2')).toMatchObject({ deleted: true, seq: 2, body: { id: 'p-2', name: 'Withdrawn' } });
      expect(await storage.documents.getMany('stockLevels', ['p-3'])).toEqual(
        new Map([['p-3', { collection: 'stockLevels', id: 'p-3', storeId: 'store-1', tillId: 'till-1', seq: 3, deleted: false, body: { id: 'p-3', quantity: '1' } }]]),
      );
      expect(await storage.documents.getMany('products', [])).toEqual(new Map());
    });

    it('writes several documents in one call: inserts and replaces, the later of one id wins, nothing for none', async () => {
      await storage.transaction(async (tx) => {
        const seq = await tx.sequence.allocate(1);
        await tx.documents.put({ collection: 'stockLevels', body: { id: 'store-1:p-1', quantity: '5' }, storeId: 'store-1', seq });
      });
      await storage.transaction(async (tx) => {
        const first = await tx.sequence.allocate(4);
        const writes: DocumentWrite<{ id: string; quantity?: string; name?: string }>[] = [
          { collection: 'stockLevels', body: { id: 'store-1:p-1', quantity: '4' }, storeId: 'store-1', seq: first },
          { collection: 'stockLevels', body: { id: 'store-1:p-2', quantity: '9' }, storeId: 'store-1', seq: first + 1 },
          { collection: 'products', body: { id: 'store-1:p-1', name: 'same id, other collection' }, storeId: null, seq: first + 2, deleted: true },
          { collection: 'stockLevels', body: { id: 'store-1:p-1', quantity: '3' }, storeId: 'store-1', tillId: 'till-1', seq: first + 3 },
        ];
        await tx.documents.putMany(writes);
        await tx.documents.putMany([]);
      });
      expect(await storage.documents.get('stockLevels', 'store-1:p-1')).toEqual({
        collection: 'stockLevels',
        id: 'store-1:p-1',
        storeId: 'store-1',
        tillId: 'till-1',
        seq: 5,
        deleted: false,
        body: { id: 'store-1:p-1', quantity: '3' },
      });
      expect(await storage.documents.get('stockLevels', 'store-1:p-2')).toMatchObject({ seq: 3, deleted: false, tillId: null, body: { quantity: '9' } });
      expect(await storage.documents.get('products', 'store-1:p-1')).toMatchObject({ seq: 4, deleted: true });
      const page = JSON.parse(await storage.documents.pullJson('stockLevels', { id: 'till-1', storeId: 'store-1' }, { seq: 1, id: 'store-1:p-1' }, 10)) as unknown;
      expect(page).toEqual({
        documents: [
          { id: 'store-1:p-2', quantity: '9', _deleted: false },
          { id: 'store-1:p-1', quantity: '3', _deleted: false },
        ],
        checkpoint: { seq: 5, id: 'store-1:p-1' },
      });
    });

    it('finds the documents whose text holds any of several needles, ASCII in any case, taking % and _ as themselves', async () => {
      await storage.transaction(async (tx) => {
        const first = await tx.sequence.allocate(5);
        const writes: DocumentWrite<{ id: string; sku?: string; barcodes?: string[]; code?: string }>[] = [
          { collection: 'products', body: { id: 'p-1', sku: 'MILK-1', barcodes: ['4006381333931'] }, storeId: null, seq: first },
          { collection: 'products', body: { id: 'p-2', sku: 'BREAD_2', barcodes: ['036000291452'] }, storeId: null, seq: first + 1 },
          { collection: 'products', body: { id: 'p-3', sku: 'BREADX2', barcodes: [] }, storeId: null, seq: first + 2 },
          { collection: 'products', body: { id: 'p-4', sku: '50%-OFF', barcodes: [] }, storeId: null, seq: first + 3, deleted: true },
          { collection: 'taxClasses', body: { id: 'milk-1', code: 'MILK-1' }, storeId: 'store-1', seq: first + 4 },
        ];
        await tx.documents.putMany(writes);
      });
      const ids = async (needles: string[]) => (await storage.documents.containing<{ id: string }>('products', needles)).map((product) => product.id).sort();
      expect(await ids(['milk-1'])).toEqual(['p-1']);
      expect(await ids(['36000291452', 'nothing'])).toEqual(['p-2']);
      expect(await ids(['bread_2'])).toEqual(['p-2']);
      expect(await ids(['50%'])).toEqual([]);
      expect(await ids([])).toEqual([]);
      expect(await storage.transaction((tx) => tx.documents.containing<{ id: string }>('products', ['4006381333931', 'breadx']))).toHaveLength(2);
    });

    it('reads several sales at once, applies several at once, and appends ledger rows in the order given', async () => {
      await storage.transaction(async (tx) => {
        const first = await tx.sequence.allocate(3);
        await tx.sales.insert(sale('sale-1', 1), first, '2026-12-06T08:00:00.000Z');
        await tx.sales.insert(sale('sale-2', 2), first + 1, '2026-12-06T08:00:01.000Z');
        await tx.sales.insert(sale('sale-3', 3), first + 2, '2026-12-06T08:00:02.000Z');
        await tx.sales.markApplied(['sale-1', 'sale-3'], '2026-12-06T08:00:03.000Z');
        await tx.sales.markApplied([], '2026-12-06T08:00:04.000Z');
        await tx.ledger.append([
          { storeId: 'store-1', productId: 'p-2', source: 'sale', documentId: 'sale-1', quantity: '-1', recordedAt: '2026-12-06T08:00:03.000Z' },
          { storeId: 'store-1', productId: 'p-1', source: 'sale', documentId: 'sale-1', quantity: '-2.5', recordedAt: '2026-12-06T08:00:03.000Z' },
          { storeId: 'store-1', productId: 'p-2', source: 'opening', documentId: null, quantity: '10', recordedAt: '2026-12-06T08:00:03.000Z' },
        ]);
        await tx.ledger.append([]);
      });
      const found = await storage.sales.getMany(['sale-3', 'sale-9', 'sale-1', 'sale-3']);
      expect([...found.keys()]).toEqual(['sale-3', 'sale-1']);
      expect(found.get('sale-1')).toEqual({ sale: sale('sale-1', 1), receivedSeq: 1, receivedAt: '2026-12-06T08:00:00.000Z', appliedAt: '2026-12-06T08:00:03.000Z' });
      expect(found.get('sale-3')).toMatchObject({ receivedSeq: 3, appliedAt: '2026-12-06T08:00:03.000Z' });
      expect(await storage.sales.get('sale-2')).toMatchObject({ receivedSeq: 2, appliedAt: null });
      expect(await storage.sales.getMany([])).toEqual(new Map());
      expect((await storage.ledger.entries('store-1')).map((entry) => [entry.productId, entry.quantity, entry.documentId])).toEqual([
        ['p-2', '-1', 'sale-1'],
        ['p-1', '-2.5', 'sale-1'],
        ['p-2', '10', null],
      ]);
      expect((await storage.ledger.entries('store-1', 'p-2')).map((entry) => entry.quantity)).toEqual(['-1', '10']);
      expect(await storage.sales.recent('store-1', 2)).toMatchObject([{ receivedSeq: 3 }, { receivedSeq: 2 }]);
      expect(await storage.sales.count('store-1')).toBe(3);
    });

    it('adds report facts of days with the month sums of monthly dimensions and the chain’s of products, and refuses a month’s or the chain’s facts', async () => {
      const fact = (storeId: string, dimension: StoredDimension, day: string, key: string, quantity: bigint): ReportFact => ({ storeId, dimension, day, key, ...emptyMeasures(), sales: 1n, quantity, gross: quantity * 3n });
      await storage.transaction((tx) =>
        tx.reports.add([
          fact('store-1', 'product', '2026-11-30', 'milk', 1000n),
          fact('store-1', 'product', '2026-12-01', 'milk', 2000n),
          fact('store-2', 'product', '2026-12-01', 'milk', 4000n),
          fact('store-1', 'all', '2026-12-01', '', 7000n),
          fact('store-1', 'customer', '2026-12-01', 'customer-1', 500n),
          fact('store-1', 'control', '2026-12-01', 'void:cashier-1', 0n),
        ]),
      );
      await storage.transaction((tx) => tx.reports.add([fact('store-1', 'product', '2026-12-02', 'milk', 8000n), fact('store-1', 'control', '2026-12-03', 'void:cashier-1', 0n)]));
      const shown = (sums: ReportSum[]) => sums.map((sum) => `${sum.group}${sum.key === undefined ? '' : ` ${sum.key}`}: ${sum.sales} × ${sum.quantity} / ${sum.gross}`);
      expect(shown(await storage.reports.sums(['store-1'], 'product', '2026-11-01', '2026-12-31', 'day-key'))).toEqual(['2026-11-30 milk: 1 × 1000 / 3000', '2026-12-01 milk: 1 × 2000 / 6000', '2026-12-02 milk: 1 × 8000 / 24000']);
      expect(shown(await storage.reports.sums(['store-1'], 'product/month', '2026-11', '2026-12', 'day-key'))).toEqual(['2026-11 milk: 1 × 1000 / 3000', '2026-12 milk: 2 × 10000 / 30000']);
      expect(shown(await storage.reports.sums([CHAIN_STORE], 'product/month', '2026-11', '2026-12', 'day-key'))).toEqual(['2026-11 milk: 1 × 1000 / 3000', '2026-12 milk: 3 × 14000 / 42000']);
      expect(shown(await storage.reports.sums(['store-1'], 'control/month', '2026-12', '2026-12', 'key'))).toEqual(['void:cashier-1: 2 × 0 / 0']);
      // Totals and customers are kept per day only.
      expect(shown(await storage.reports.sums(['store-1'], 'all', '2026-12-01', '2026-12-01', 'day'))).toEqual(['2026-12-01: 1 × 7000 / 21000']);
      expect(shown(await storage.reports.sums(['store-1'], 'customer', '2026-12-01', '2026-12-01', 'key'))).toEqual(['customer-1: 1 × 500 / 1500']);
      expect(await storage.reports.sums(['store-1'], 'customer/month' as StoredDimension, '2026-12', '2026-12', 'key')).toEqual([]);
      expect(await storage.reports.sums(['store-1'], 'all/month' as StoredDimension, '2026-12', '2026-12', 'key')).toEqual([]);
      // A month's or the chain's fact is the storage's own to make: refused, and nothing of its transaction kept.
      for (const wrong of [fact('store-1', 'product/month', '2026-12', 'milk', 1n), fact(CHAIN_STORE, 'product', '2026-12-01', 'milk', 1n)]) {
        await expect(
          storage.transaction(async (tx) => {
            await tx.reports.add([fact('store-1', 'product', '2026-12-05', 'tea', 1n)]);
            await tx.reports.add([wrong]);
          }),
        ).rejects.toThrow(/facts of a day/);
      }
      expect(await storage.reports.sums(['store-1'], 'product', '2026-12-05', '2026-12-05', 'key')).toEqual([]);
      expect(shown(await storage.reports.sums(['store-1'], 'product/month', '2026-12', '2026-12', 'key'))).toEqual(['milk: 2 × 10000 / 30000']);
    });

    it('sums the chain’s months per key over a few of the months held or most of them, the same as every store’s', async () => {
      const fact = (storeId: string, day: string, key: string, quantity: bigint): ReportFact => ({ storeId, dimension: 'product', day, key, ...emptyMeasures(), sales: 1n, quantity, gross: quantity * 3n, cost: quantity });
      // Tea sold every month of 2026 in one store or the other, milk in the last two months only.
      const facts: ReportFact[] = [];
      for (let month = 1; month <= 12; month++) facts.push(fact(month % 2 === 0 ? 'store-1' : 'store-2', `2026-${String(month).padStart(2, '0')}-15`, 'tea', BigInt(month * 1000)));
      facts.push(fact('store-1', '2026-11-02', 'milk', 2000n), fact('store-2', '2026-12-24', 'milk', 5000n), fact('store-1', '2026-12-30', 'milk', 1000n));
      await storage.transaction((tx) => tx.reports.add(facts));
      const read = async (storeIds: string[], from: string, to: string) =>
        (await storage.reports.sums(storeIds, 'product/month', from, to, 'key')).map((sum) => `${sum.group} ${sum.firstDay}–${sum.lastDay}: ${sum.sales} × ${sum.quantity} / ${sum.gross}, cost ${sum.cost}`).sort();
      // A month of the twelve held, the twelve, and more than are held: each as the stores' own sums give it.
      for (const [from, to] of [
        ['2026-12', '2026-12'],
        ['2026-03', '2026-04'],
        ['2026-01', '2026-12'],
        ['2026-02', '2026-11'],
        ['2025-06', '2027-06'],
      ]) {
        expect(await read([CHAIN_STORE], from, to)).toEqual(await read(['store-1', 'store-2'], from, to));
      }
      expect(await read([CHAIN_STORE], '2026-01', '2026-12')).toEqual(['milk 2026-11–2026-12: 3 × 8000 / 24000, cost 8000', 'tea 2026-01–2026-12: 12 × 78000 / 234000, cost 78000']);
      expect(await read([CHAIN_STORE], '2026-11', '2026-11')).toEqual(['milk 2026-11–2026-11: 1 × 2000 / 6000, cost 2000', 'tea 2026-11–2026-11: 1 × 11000 / 33000, cost 11000']);
      expect(await read([CHAIN_STORE], '2027-01', '2027-06')).toEqual([]);
      expect(await read([CHAIN_STORE], '2025-01', '2025-12')).toEqual([]);
      // A monthly dimension without the chain's sums has none, over any months.
      expect(await storage.reports.sums([CHAIN_STORE], 'category/month', '2026-01', '2026-12', 'key')).toEqual([]);
    });

    it('tells which of the customers given bought in the stores over the days given', async () => {
      const bought = (storeId: string, day: string, customerId: string, sales = 1n): ReportFact => ({ storeId, dimension: 'customer', day, key: customerId, ...emptyMeasures(), sales, returns: 1n - sales, gross: 1000n });
      await storage.transaction((tx) =>
        tx.reports.add([
          bought('store-1', '2026-11-02', 'ann'),
          bought('store-2', '2026-11-20', 'bob'),
          // Only a return: no sale.
          bought('store-1', '2026-11-10', 'cid', 0n),
          bought('store-1', '2026-12-05', 'dee'),
          // Another dimension under a customer's id is no purchase of theirs.
          { storeId: 'store-1', dimension: 'product', day: '2026-11-03', key: 'eve', ...emptyMeasures(), sales: 1n },
        ]),
      );
      const named = ['ann', 'bob', 'cid', 'dee', 'eve', 'fay', 'ann'];
      expect(await storage.reports.customersWhoBought(['store-1', 'store-2'], named, '2000-01-01', '2026-11-30')).toEqual(new Set(['ann', 'bob']));
      expect(await storage.reports.customersWhoBought(['store-1'], named, '2000-01-01', '2026-11-30')).toEqual(new Set(['ann']));
      expect(await storage.reports.customersWhoBought(['store-1', 'store-2'], named, '2026-11-03', '2026-12-05')).toEqual(new Set(['bob', 'dee']));
      expect(await storage.reports.customersWhoBought(['store-1', 'store-2'], ['bob'], '2000-01-01', '2026-12-31')).toEqual(new Set(['bob']));
      expect(await storage.reports.customersWhoBought(['store-1'], [], '2000-01-01', '2026-12-31')).toEqual(new Set());
      expect(await storage.reports.customersWhoBought([], named, '2000-01-01', '2026-12-31')).toEqual(new Set());
    });

    it('sums the customers’ facts per customer over a few of the stores and days held or most of them, with each one’s first and last day', async () => {
      const stores = ['store-1', 'store-2', 'store-3'];
      await storage.transaction((tx) => tx.documents.putMany(stores.map((id, index) => ({ collection: 'stores', body: { id, name: id }, storeId: id, seq: index + 1 }))));
      const facts: ReportFact[] = [];
      // Thirty days of November; each customer buys (or returns) every few days somewhere.
      for (let day = 1; day <= 30; day++) {
        for (const [index, customer] of ['ann', 'bob', 'cid', 'dee'].entries()) {
          if (day % (index + 2) !== 0) continue;
          const sale = day % 7 !== 0;
          facts.push({ storeId: stores[(day + index) % 3], dimension: 'customer', day: `2026-11-${String(day).padStart(2, '0')}`, key: customer, ...emptyMeasures(), sales: sale ? 1n : 0n, returns: sale ? 0n : 1n, gross: BigInt(day * 1000 * (sale ? 1 : -1)) });
        }
      }
      facts.push({ storeId: 'store-1', dimension: 'product', day: '2026-11-15', key: 'ann', ...emptyMeasures(), sales: 1n, gross: 99n });
      await storage.transaction((tx) => tx.reports.add(facts));
      const truth = (storeIds: string[], from: string, to: string) => {
        const byKey = new Map<string, { first: string; last: string; sales: bigint; returns: bigint; gross: bigint }>();
        for (const fact of facts) {
          if (fact.dimension !== 'customer' || !storeIds.includes(fact.storeId) || fact.day < from || fact.day > to) continue;
          const found = byKey.get(fact.key) ?? { first: fact.day, last: fact.day, sales: 0n, returns: 0n, gross: 0n };
          byKey.set(fact.key, { first: fact.day < found.first ? fact.day : found.first, last: fact.day > found.last ? fact.day : found.last, sales: found.sales + fact.sales, returns: found.returns + fact.returns, gross: found.gross + fact.gross });
        }
        return [...byKey].map(([key, sum]) => `${key} ${sum.first}–${sum.last}: ${sum.sales}/${sum.returns} ${sum.gross}`).sort();
      };
      const read = async (storeIds: string[], from: string, to: string) =>
        (await storage.reports.sums(storeIds, 'customer', from, to, 'key')).map((sum) => `${sum.group} ${sum.firstDay}–${sum.lastDay}: ${sum.sales}/${sum.returns} ${sum.gross}`).sort();
      // Every store over the month and more (read in customer order where that pays), some stores, a week, a day.
      for (const storeIds of [stores, ['store-1', 'store-3'], ['store-2']]) {
        for (const [from, to] of [
          ['2026-10-01', '2026-12-31'],
          ['2026-11-01', '2026-11-30'],
          ['2026-11-05', '2026-11-25'],
          ['2026-11-10', '2026-11-16'],
          ['2026-11-14', '2026-11-14'],
          ['2026-12-01', '2026-12-31'],
        ]) {
          expect(await read(storeIds, from, to), `${storeIds} ${from}–${to}`).toEqual(truth(storeIds, from, to));
        }
      }
      expect(await read(stores, '2026-11-01', '2026-11-30')).toHaveLength(4);
    });

    it('finds slow stock: on hand and not sold in its store since a day, worth its average cost or the product’s, the most worth first with the ties', async () => {
      type Position = { id: string; storeId: string; productId: string; quantity?: string; averageCost?: string; updatedAt: string };
      const level = (storeId: string, productId: string, quantity: string): DocumentWrite<Position> => ({
        collection: 'stockLevels',
        body: { id: `${storeId}:${productId}`, storeId, productId, quantity, updatedAt: '2026-12-01T08:00:00.000Z' },
        storeId,
        seq: 1,
      });
      const cost = (storeId: string, productId: string, averageCost: string): DocumentWrite<Position> => ({
        collection: 'stockCosts',
        body: { id: `${storeId}:${productId}`, storeId, productId, averageCost, updatedAt: '2026-12-01T08:00:00.000Z' },
        storeId,
        seq: 2,
      });
      const sold = (storeId: string, day: string, productId: string, sales = 1n, returns = 0n): ReportFact => ({ storeId, dimension: 'product', day, key: productId, ...emptyMeasures(), sales, returns, quantity: 1000n });
      await storage.transaction(async (tx) => {
        await tx.documents.putMany([
          ...['milk:5', 'cheese:2', 'tea:3', 'bread:0', 'salt:-1', 'soap:4', 'honey:1', 'jam:2', 'oil:6'].map((entry) => level('store-1', entry.split(':')[0], entry.split(':')[1])),
          level('store-2', 'milk', '5'),
          level('store-2', 'honey', '2'),
        ]);
        await tx.documents.putMany([cost('store-1', 'cheese', '4'), cost('store-1', 'oil', '0.5')]);
        // Honey sold on the 10th in store 1 (and an older sale arriving later changes nothing), jam
        // only before the window, cheese only taken back. Honey in store 2 sold long ago.
        await tx.reports.add([sold('store-1', '2026-12-10', 'honey'), sold('store-1', '2026-11-01', 'jam'), sold('store-1', '2026-12-09', 'cheese', 0n, 1n), sold('store-2', '2026-11-01', 'honey')]);
      });
      await storage.transaction((tx) => tx.reports.add([sold('store-1', '2026-11-20', 'honey'), sold('store-1', '2026-12-09', 'oil', 0n, 1n)]));
      // Cost of the products looked at, in ten-thousandths: soap is not among them, tea has none.
      const products = new Map<string, bigint | null>([['milk', 12500n], ['cheese', 99999n], ['tea', null], ['bread', 10000n], ['salt', 10000n], ['honey', 30000n], ['jam', 20000n], ['oil', 10000n]]);
      const both = [
        { storeId: 'store-1', since: '2026-12-01', rank: 1 },
        { storeId: 'store-2', since: '2026-12-01', rank: 0 },
      ];
      const shown = (slow: SlowStock) => slow.top.map((position) => `${position.storeId} ${position.productId} ${position.quantity} ${position.value}`).sort();
      const all = await storage.reports.slowStock({ stores: both, products, limit: 100 });
      // Milk in both, cheese at its own average cost, jam, oil, honey in store 2; tea with no cost
      // known; not bread or salt (nothing on hand), soap (not looked at) or honey in store 1 (sold).
      expect(all.count).toBe(7);
      expect(all.value).toBe(2n * 5000n * 12500n + 2000n * 40000n + 2000n * 20000n + 6000n * 5000n + 2000n * 30000n);
      expect(shown(all)).toEqual([
        'store-1 cheese 2000 80000000',
        'store-1 jam 2000 40000000',
        'store-1 milk 5000 62500000',
        'store-1 oil 6000 30000000',
        'store-1 tea 3000 null',
        'store-2 honey 2000 60000000',
        'store-2 milk 5000 62500000',
      ]);
      expect(all.top.find((position) => position.productId === 'cheese')?.averageCost).toBe(40000n);
      // With the last day each sold in its store: a day with only a return (cheese, oil) is none.
      expect(Object.fromEntries(all.top.map((position) => [`${position.storeId} ${position.productId}`, position.lastSold]))).toEqual({
        'store-1 cheese': null,
        'store-1 jam': '2026-11-01',
        'store-1 milk': null,
        'store-1 oil': null,
        'store-1 tea': null,
        'store-2 honey': '2026-11-01',
        'store-2 milk': null,
      });
      // The first two: cheese, then milk in store 2, ranked before store 1; milk in store 1 is tied on
      // worth alone and left out. Ranked alike, both milks are tied and both come.
      expect(shown(await storage.reports.slowStock({ stores: both, products, limit: 2 }))).toEqual(['store-1 cheese 2000 80000000', 'store-2 milk 5000 62500000']);
      expect(shown(await storage.reports.slowStock({ stores: both.map((store) => ({ ...store, rank: 0 })), products, limit: 2 }))).toEqual([
        'store-1 cheese 2000 80000000',
        'store-1 milk 5000 62500000',
        'store-2 milk 5000 62500000',
      ]);
      // No cost known comes last: the seventh is tea.
      expect(shown(await storage.reports.slowStock({ stores: both, products, limit: 7 }))).toHaveLength(7);
      expect(shown(await storage.reports.slowStock({ stores: both, products, limit: 6 }))).not.toContain('store-1 tea 3000 null');
      // Each store's own window: from the 1st of November, jam and honey in store 2 sold in it.
      expect(shown(await storage.reports.slowStock({ stores: both.map((store) => ({ ...store, since: '2026-11-01' })), products, limit: 100 }))).toEqual([
        'store-1 cheese 2000 80000000',
        'store-1 milk 5000 62500000',
        'store-1 oil 6000 30000000',
        'store-1 tea 3000 null',
        'store-2 milk 5000 62500000',
      ]);
      // A sale added later to a day held with a return only: oil has sold since.
      await storage.transaction((tx) => tx.reports.add([sold('store-1', '2026-12-09', 'oil')]));
      expect(shown(await storage.reports.slowStock({ stores: both.slice(0, 1), products, limit: 100 })).map((row) => row.split(' ')[1])).toEqual(['cheese', 'jam', 'milk', 'tea']);
      // As a push does it: the day noted from its facts goes in with the level written after them, and
      // an earlier day arriving later moves nothing.
      await storage.transaction(async (tx) => {
        await tx.reports.add([sold('store-1', '2026-12-11', 'milk')]);
        await tx.documents.putMany([level('store-1', 'milk', '4')]);
      });
      await storage.transaction(async (tx) => {
        await tx.reports.add([sold('store-1', '2026-11-02', 'milk')]);
        await tx.documents.put(level('store-1', 'milk', '3'));
      });
      expect(shown(await storage.reports.slowStock({ stores: both.slice(0, 1), products, limit: 100 })).map((row) => row.split(' ')[1])).toEqual(['cheese', 'jam', 'tea']);
      expect((await storage.documents.positions('store-1')).find((position) => position.productId === 'milk')?.quantity).toBe(3000n);
      expect((await storage.reports.slowStock({ stores: both.slice(0, 1).map((store) => ({ ...store, since: '2026-12-12' })), products, limit: 100 })).top.find((position) => position.productId === 'milk')?.lastSold).toBe('2026-12-11');
      // A transaction that fails leaves no day behind, nor to the next one.
      await expect(
        storage.transaction(async (tx) => {
          await tx.reports.add([sold('store-1', '2026-12-12', 'jam')]);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      await storage.transaction((tx) => tx.documents.putMany([level('store-1', 'jam', '2')]));
      const afterRewrite = await storage.reports.slowStock({ stores: both.slice(0, 1), products, limit: 100 });
      expect(shown(afterRewrite).map((row) => row.split(' ')[1])).toEqual(['cheese', 'jam', 'tea']);
      // A level written with no sale noted (a delivery, a count) keeps the day it had.
      expect(afterRewrite.top.find((position) => position.productId === 'jam')?.lastSold).toBe('2026-11-01');
      // Worth past 64 bits is exact all the same: 5,000,000 units at 2,000,000.0000 is 10^20 ten-millionths.
      await storage.transaction((tx) => tx.documents.putMany([level('store-3', 'gold', '5000000'), level('store-3', 'milk', '1')]));
      const gold = await storage.reports.slowStock({ stores: [{ storeId: 'store-3', since: '2026-12-01', rank: 0 }], products: new Map([...products, ['gold', 20000000000n]]), limit: 1 });
      expect(gold.count).toBe(2);
      expect(gold.value).toBe(10n ** 20n + 1000n * 12500n);
      expect(shown(gold)).toContain('store-3 gold 5000000000 100000000000000000000');
      // The same inside a transaction.
      expect((await storage.transaction((tx) => tx.reports.slowStock({ stores: [{ storeId: 'store-3', since: '2026-12-01', rank: 0 }], products: new Map([...products, ['gold', 20000000000n]]), limit: 1 }))).value).toBe(10n ** 20n + 1000n * 12500n);
      // Each worth within 64 bits, their sum past them: 2 × 3,000,000 units at 200,000.0000.
      await storage.transaction((tx) => tx.documents.putMany([level('store-4', 'silver', '3000000'), level('store-4', 'platinum', '3000000')]));
      const metals = await storage.reports.slowStock({ stores: [{ storeId: 'store-4', since: '2026-12-01', rank: 0 }], products: new Map([['silver', 2000000000n], ['platinum', 2000000000n]]), limit: 5 });
      expect(metals.value).toBe(2n * 3000000000n * 2000000000n);
      expect(shown(metals)).toEqual(['store-4 platinum 3000000000 6000000000000000000', 'store-4 silver 3000000000 6000000000000000000']);
      // Nothing slow: nothing answered.
      expect(await storage.reports.slowStock({ stores: [{ storeId: 'store-9', since: '2026-12-01', rank: 0 }], products, limit: 5 })).toEqual({ count: 0, value: 0n, top: [] });
    });

    it('sums net sales per product from its net per day over a span of days, exactly, in the store asked for', async () => {
      const row = (productId: string, source: LedgerEntry['source'], quantity: string, recordedAt: string, storeId = 'store-1'): LedgerEntry => ({ storeId, productId, source, documentId: null, quantity, recordedAt });
      await storage.transaction((tx) =>
        tx.ledger.append([
          // The 1st, before the span: not counted.
          row('milk', 'sale', '-9', '2026-12-01T23:59:59.999Z'),
          // The 2nd: 2 + 1 sold, 1 returned: 2 net. Receipts and other stores are not sales.
          row('milk', 'sale', '-2', '2026-12-02T00:00:00.000Z'),
          row('milk', 'sale', '-1', '2026-12-02T12:00:00.000Z'),
          row('milk', 'return', '1', '2026-12-02T18:00:00.000Z'),
          row('milk', 'receipt', '48', '2026-12-02T09:00:00.000Z'),
          row('milk', 'sale', '-7', '2026-12-02T10:00:00.000Z', 'store-2'),
          // The 3rd: 3 sold. Cheese by weight: 0.1 + 0.2 kg on the 3rd (exactly 0.3), 1.255 returned on the 4th.
          row('milk', 'sale', '-3', '2026-12-03T23:59:59.999Z'),
          row('cheese', 'sale', '-0.1', '2026-12-03T10:00:00.000Z'),
          row('cheese', 'sale', '-0.2', '2026-12-03T11:00:00.000Z'),
          row('cheese', 'return', '1.255', '2026-12-04T11:00:00.000Z'),
          // The 5th, after the span: not counted; bread sold only then is not listed.
          row('milk', 'sale', '-4', '2026-12-05T00:00:00.000Z'),
          row('bread', 'sale', '-4', '2026-12-05T08:00:00.000Z'),
        ]),
      );
      const sales = await storage.ledger.netSales('store-1', '2026-12-02', '2026-12-04');
      // Milk: 2 + 3 = 5, squares 4 + 9 = 13. Cheese: 0.3 − 1.255 = −0.955, squares 0.09 + 1.575025 = 1.665025.
      expect(sales.sort((a, b) => a.productId.localeCompare(b.productId))).toEqual([
        { productId: 'cheese', total: '-0.955', squares: '1.665025' },
        { productId: 'milk', total: '5', squares: '13' },
      ]);
      expect(await storage.ledger.netSales('store-2', '2026-12-02', '2026-12-02')).toEqual([{ productId: 'milk', total: '7', squares: '49' }]);
      // A year's window reads the store's rows another way: the same sums, the days outside it too.
      expect((await storage.ledger.netSales('store-1', '2026-01-01', '2026-12-31')).sort((a, b) => a.productId.localeCompare(b.productId))).toEqual([
        { productId: 'bread', total: '4', squares: '16' },
        { productId: 'cheese', total: '-0.955', squares: '1.665025' },
        { productId: 'milk', total: '18', squares: '110' },
      ]);
      expect(await storage.ledger.netSales('store-1', '2026-11-01', '2026-11-30')).toEqual([]);
      // A day's net of a million units or more is summed exactly too (its square needs more than 64 bits as thousandths).
      await storage.transaction((tx) => tx.ledger.append([row('salt', 'sale', '-3000000.5', '2026-12-10T08:00:00.000Z'), row('salt', 'sale', '-1', '2026-12-11T08:00:00.000Z')]));
      expect(await storage.ledger.netSales('store-1', '2026-12-10', '2026-12-11')).toEqual([{ productId: 'salt', total: '3000001.5', squares: '9000003000001.25' }]);
      // Past 64 bits for the square itself (5 million units are 5·10^9 thousandths), in a short and in a year's window.
      await storage.transaction((tx) => tx.ledger.append([row('salt', 'sale', '-5000000', '2026-12-12T08:00:00.000Z')]));
      const salt = { productId: 'salt', total: '8000001.5', squares: '34000003000001.25' };
      expect(await storage.ledger.netSales('store-1', '2026-12-10', '2026-12-12')).toEqual([salt]);
      expect((await storage.ledger.netSales('store-1', '2026-01-01', '2026-12-31')).find((sold) => sold.productId === 'salt')).toEqual(salt);
      // Inside a transaction too, which then goes on writing.
      expect(
        await storage.transaction(async (tx) => {
          const sold = await tx.ledger.netSales('store-1', '2026-12-10', '2026-12-12');
          await tx.ledger.append([row('pepper', 'sale', '-1', '2026-12-12T09:00:00.000Z')]);
          return sold;
        }),
      ).toEqual([salt]);
      // Rows a sale's application appends (with the sale marked applied) count as any other, added to the day's net.
      await storage.transaction((tx) => tx.sales.markApplied([], '2026-12-06T08:00:00.000Z', [row('milk', 'sale', '-1', '2026-12-03T20:00:00.000Z')]));
      expect((await storage.ledger.netSales('store-1', '2026-12-02', '2026-12-04')).find((sold) => sold.productId === 'milk')).toEqual({ productId: 'milk', total: '6', squares: '20' });
    });

    it('finds what may run low: products sold lately whose stock does not surely cover their sales, with their net sales', async () => {
      const level = (productId: string, quantity: string, seq: number): DocumentWrite<{ id: string; storeId: string; productId: string; quantity: string; updatedAt: string }> => ({
        collection: 'stockLevels',
        body: { id: `store-1:${productId}`, storeId: 'store-1', productId, quantity, updatedAt: '2026-12-01T08:00:00.000Z' },
        storeId: 'store-1',
        seq,
      });
      // 28 days to 2026-12-01. Milk sells 1 a day and 100 are on hand; bread 1 a day, 5 on hand (5 days
      // of cover); jam 1 a day, 20 on hand (20 days: enough for 14 days' lead time, not for 21); tea 1 a
      // day, no level; salt sold 2 and got 3 back; honey 1 a day, 100 on hand, but 60 sold on one day.
      await storage.transaction(async (tx) => {
        await tx.documents.putMany([level('milk', '100', 1), level('bread', '5', 2), level('jam', '20', 3), level('salt', '50', 4), level('honey', '100', 5), level('rice', '0', 6), level('oil', '3', 7)]);
        const entries: LedgerEntry[] = [];
        for (let day = 4; day <= 31; day++) {
          const recordedAt = new Date(Date.UTC(2026, 10, day, 10)).toISOString();
          for (const productId of ['milk', 'bread', 'jam', 'tea']) entries.push({ storeId: 'store-1', productId, source: 'sale', documentId: null, quantity: '-1', recordedAt });
          entries.push({ storeId: 'store-1', productId: 'honey', source: 'sale', documentId: null, quantity: day === 20 ? '-60' : '-1', recordedAt });
        }
        entries.push({ storeId: 'store-1', productId: 'salt', source: 'sale', documentId: null, quantity: '-2', recordedAt: '2026-11-10T10:00:00.000Z' });
        entries.push({ storeId: 'store-1', productId: 'salt', source: 'return', documentId: null, quantity: '3', recordedAt: '2026-11-11T10:00:00.000Z' });
        // Sold before the window: not read.
        entries.push({ storeId: 'store-1', productId: 'oil', source: 'sale', documentId: null, quantity: '-50', recordedAt: '2026-10-01T10:00:00.000Z' });
        await tx.ledger.append(entries);
      });
      const found = async (leadDays: number, named: string[] = []) => {
        const watched = await storage.ledger.toWatch('store-1', '2026-11-04', '2026-12-01', named, { coverDays: 7, leadDays, z: 1.6449 });
        return {
          positions: watched.positions.map((position) => `${position.productId} ${position.quantity}`).sort(),
          sales: watched.sales.sort((a, b) => a.productId.localeCompare(b.productId)),
        };
      };
      const netSales = new Map((await storage.ledger.netSales('store-1', '2026-11-04', '2026-12-01')).map((sales) => [sales.productId, sales]));
      // Lead times of 14 days at most: bread (short of 7 days' cover), rice (nothing on hand), tea (no
      // level), honey (its spread: 60 one day); each with its net sales as netSales sums them.
      const short = await found(14);
      expect(short.positions).toEqual(['bread 5000', 'honey 100000', 'rice 0']);
      expect(short.sales).toEqual(['bread', 'honey', 'tea'].map((productId) => netSales.get(productId)));
      // At 21 days' lead time jam is short of its reorder point too; named, oil and milk are read whatever they hold.
      const long = await found(21, ['oil', 'milk', 'nothing']);
      expect(long.positions).toEqual(['bread 5000', 'honey 100000', 'jam 20000', 'milk 100000', 'oil 3000', 'rice 0']);
      expect(long.sales).toEqual(['bread', 'honey', 'jam', 'milk', 'tea'].map((productId) => netSales.get(productId)));
      // No supplier at all (no lead time): cover alone; jam and honey hold 20 and 100 days of it.
      expect((await found(0)).positions).toEqual(['bread 5000', 'rice 0']);
      // A year's window (the long statements): a day a year sells slowly, but oil's one sale of 50 makes a
      // spread its 3 on hand do not cover over 14 days; the others hold plenty for a year's average.
      const year = await storage.ledger.toWatch('store-1', '2025-12-02', '2026-12-01', [], { coverDays: 7, leadDays: 14, z: 1.6449 });
      expect(year.positions.map((position) => position.productId).sort()).toEqual(['oil', 'rice']);
      expect(year.sales.map((sales) => sales.productId).sort()).toEqual(['oil', 'tea']);
    });

    it('leaves out of what may run low only products the exact figures find well stocked, whatever their stock and sales', async () => {
      // Each run a store of its own: products with a stock level from nothing to huge, or none, and
      // 28 days of sales and returns, some days far past 10^8 thousandths; then every product left out
      // is checked against the report's own first look (cover, and the reorder point at the longest lead time).
      const product = fc.record({
        quantity: fc.option(fc.oneof(fc.integer({ min: -5_000, max: 200_000 }), fc.bigInt({ min: 0n, max: 10n ** 15n })), { nil: undefined }),
        days: fc.array(fc.oneof({ weight: 8, arbitrary: fc.integer({ min: -3_000, max: 40_000 }) }, { weight: 1, arbitrary: fc.integer({ min: 100_000_000, max: 2_000_000_000 }) }), { maxLength: 6 }),
      });
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(product, { minLength: 1, maxLength: 30 }), fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 30 })), fc.integer({ min: 1, max: 30 }), async (products, leadDays, coverDays) => {
          const storeId = `store-p${++run}`;
          await storage.transaction(async (tx) => {
            await tx.documents.putMany(
              products.flatMap(({ quantity }, index) =>
                quantity === undefined ? [] : [{ collection: 'stockLevels' as const, body: { id: `${storeId}:p${index}`, storeId, productId: `p${index}`, quantity: scaledDecimal(BigInt(quantity), 3), updatedAt: '2026-12-01T08:00:00.000Z' }, storeId, seq: index + 1 }],
              ),
            );
            // Each day figure on a day of its own in the window, as a sale (a negative figure: a return).
            await tx.ledger.append(
              products.flatMap(({ days }, index) =>
                days.map((figure, day) => ({ storeId, productId: `p${index}`, source: figure < 0 ? ('return' as const) : ('sale' as const), documentId: null, quantity: scaledDecimal(BigInt(-figure), 3), recordedAt: new Date(Date.UTC(2026, 10, 4 + day * 4, 10)).toISOString() })),
              ),
            );
          });
          const z = 1.6449;
          const watched = await storage.ledger.toWatch(storeId, '2026-11-04', '2026-12-01', [], { coverDays, leadDays, z });
          const found = new Set([...watched.positions.map((position) => position.productId), ...watched.sales.map((sales) => sales.productId)]);
          const sold = new Map((await storage.ledger.netSales(storeId, '2026-11-04', '2026-12-01')).map((sales) => [sales.productId, sales]));
          for (const sales of watched.sales) expect(sales).toEqual(sold.get(sales.productId));
          // Every product found that sold in the window comes with its net sales (out of stock ones too).
          for (const productId of found) expect(watched.sales.some((sales) => sales.productId === productId), productId).toBe(sold.has(productId));
          products.forEach(({ quantity }, index) => {
            const productId = `p${index}`;
            const sales = sold.get(productId);
            if (found.has(productId) || !sales) return;
            // Left out: stocked above nothing, its cover not short, its reorder point surely met.
            const onHand = Number(quantity) / 1000;
            const sums = { days: 28, total: sales.total, squares: sales.squares };
            const average = Number(sums.total) / 28;
            expect(quantity !== undefined && onHand > 0, productId).toBe(true);
            expect(average > 0 && onHand / average < coverDays * 1.001 + 1e-9, productId).toBe(false);
            if (leadDays > 0) expect(surelyCovered(onHand, sums, leadDays, 0, z), productId).toBe(true);
          });
        }),
        { numRuns: 20 },
      );
    });

    it('keeps each store’s stock positions with every write of a stock level or a stock cost, in whole units', async () => {
      type Position = { id: string; storeId: string; productId: string; quantity?: string; averageCost?: string; updatedAt: string };
      const level = (storeId: string, productId: string, quantity: string, seq: number, deleted = false): DocumentWrite<Position> => ({
        collection: 'stockLevels',
        body: { id: `${storeId}:${productId}`, storeId, productId, quantity, updatedAt: '2026-12-01T08:00:00.000Z' },
        storeId,
        seq,
        deleted,
      });
      const cost = (storeId: string, productId: string, averageCost: string, seq: number): DocumentWrite<Position> => ({
        collection: 'stockCosts',
        body: { id: `${storeId}:${productId}`, storeId, productId, averageCost, updatedAt: '2026-12-01T08:00:00.000Z' },
        storeId,
        seq,
      });
      await storage.transaction(async (tx) => {
        // A push's levels: the last of one id wins; a product's level and cost in one batch.
        await tx.documents.putMany([level('store-1', 'milk', '3', 1), level('store-1', 'milk', '2.5', 2), level('store-1', 'cheese', '-1.25', 3), cost('store-1', 'cheese', '4.56785', 4), level('store-2', 'milk', '7', 5)]);
        // A delivery's cost alone, to a product with no level in the store.
        await tx.documents.put(cost('store-1', 'tea', '0.3333', 6));
        await tx.documents.put({ collection: 'products', body: { id: 'bread', name: 'Bread' }, storeId: null, seq: 7 });
      });
      const sorted = (positions: StockPosition[]) => positions.sort((a, b) => a.storeId.localeCompare(b.storeId) || a.productId.localeCompare(b.productId));
      expect(sorted(await storage.documents.positions('store-1'))).toEqual([
        // Half up past the ten-thousandths, as the reports always rounded.
        { storeId: 'store-1', productId: 'cheese', quantity: -1250n, averageCost: 45679n },
        { storeId: 'store-1', productId: 'milk', quantity: 2500n, averageCost: null },
        { storeId: 'store-1', productId: 'tea', quantity: null, averageCost: 3333n },
      ]);
      expect(sorted(await storage.documents.positions(null)).map((position) => `${position.storeId} ${position.productId} ${position.quantity}`)).toEqual([
        'store-1 cheese -1250',
        'store-1 milk 2500',
        'store-1 tea null',
        'store-2 milk 7000',
      ]);
      // The positions to watch, with no sales: nothing on hand (cheese), and the products named whatever
      // they hold (milk; tea's has no level); a product named twice or with no position is read once or not at all.
      const lines = { coverDays: 7, leadDays: 14, z: 1.6449 };
      const watched = (storeId: string, named: string[]) => storage.ledger.toWatch(storeId, '2026-11-04', '2026-12-01', named, lines);
      expect(sorted((await watched('store-1', ['milk', 'tea', 'milk', 'bread'])).positions).map((position) => [position.productId, position.quantity])).toEqual([
        ['cheese', -1250n],
        ['milk', 2500n],
        ['tea', null],
      ]);
      expect((await watched('store-1', [])).positions.map((position) => position.productId)).toEqual(['cheese']);
      expect(await watched('store-2', ['cheese'])).toEqual({ positions: [], sales: [] });
      // On hand summed over the stores asked, per product named: below nothing counts, no level is left out.
      expect(await storage.documents.onHand(['store-1', 'store-2'], ['milk', 'cheese', 'tea', 'bread', 'milk'])).toEqual(new Map([['milk', 9500n], ['cheese', -1250n]]));
      expect(await storage.documents.onHand(['store-2'], ['milk', 'cheese'])).toEqual(new Map([['milk', 7000n]]));
      expect(await storage.documents.onHand(['store-1'], [])).toEqual(new Map());
      // Sold down, and a level deleted: the quantity follows, the cost stays.
      await storage.transaction(async (tx) => {
        await tx.documents.putMany([level('store-1', 'milk', '0.001', 8)]);
        await tx.documents.put(level('store-1', 'cheese', '0', 9, true));
      });
      expect(sorted(await storage.documents.positions('store-1')).map((position) => [position.productId, position.quantity, position.averageCost])).toEqual([
        ['cheese', null, 45679n],
        ['milk', 1n, null],
        ['tea', null, 3333n],
      ]);
      expect(await storage.documents.onHand(['store-1', 'store-2'], ['milk', 'cheese'])).toEqual(new Map([['milk', 7001n]]));
      // Nothing at or below nothing now: cheese's level is gone, milk's is a thousandth.
      expect(await watched('store-1', [])).toEqual({ positions: [], sales: [] });
      // What the stock on hand is worth: cheese's and tea's count nothing (below nothing, no level).
      await storage.transaction((tx) => tx.documents.putMany([level('store-2', 'tea', '4', 11), cost('store-2', 'tea', '0.5', 12), cost('store-2', 'milk', '1.25', 13)]));
      expect(await storage.documents.stockValueSums(['store-1', 'store-2'])).toEqual({ valued: 7000n * 12500n + 4000n * 5000n, unvalued: new Map([['milk', 1n]]) });
      expect(await storage.documents.stockValueSums(['store-1'])).toEqual({ valued: 0n, unvalued: new Map([['milk', 1n]]) });
      // Figures past 64 bits are summed exactly all the same: 5,000,000 units at 2,000,000.0000 is 10^20 ten-millionths.
      await storage.transaction((tx) => tx.documents.putMany([level('store-3', 'gold', '5000000', 14), cost('store-3', 'gold', '2000000', 15)]));
      expect((await storage.documents.stockValueSums(['store-2', 'store-3'])).valued).toBe(7000n * 12500n + 4000n * 5000n + 10n ** 20n);
      // A transaction that fails leaves no position behind.
      await expect(
        storage.transaction(async (tx) => {
          await tx.documents.putMany([level('store-1', 'milk', '99', 10)]);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect((await storage.documents.positions('store-1')).find((position) => position.productId === 'milk')?.quantity).toBe(1n);
    });

    it('reads each product’s stock at a moment with its receipts with a cost, in ledger order, and the quantity before each', async () => {
      const row = (productId: string, source: LedgerEntry['source'], quantity: string, recordedAt: string, unitCost: string | null = null): LedgerEntry => ({ storeId: 'store-1', productId, source, documentId: null, quantity, recordedAt, unitCost });
      await storage.transaction((tx) =>
        tx.ledger.append([
          row('milk', 'opening', '10', '2026-12-01T08:00:00.000Z'),
          row('tea', 'opening', '5', '2026-12-01T08:00:00.000Z'),
          row('milk', 'receipt', '36', '2026-12-02T09:00:00.000Z', '0.70'),
          row('milk', 'sale', '-6.5', '2026-12-02T15:00:00.000Z', '0.6783'),
          // A receipt without a cost moves the quantity only.
          row('milk', 'receipt', '4', '2026-12-02T16:00:00.000Z'),
          row('milk', 'receipt', '12', '2026-12-02T23:59:59.999Z', '0.80'),
          row('milk', 'sale', '-40', '2026-12-03T10:00:00.000Z', '0.70'),
          row('tea', 'receipt', '1', '2026-12-03T10:00:00.000Z', '2.10'),
        ]),
      );
      const byProduct = async (until: string) => (await storage.ledger.stockAt('store-1', until)).sort((a, b) => a.productId.localeCompare(b.productId));
      expect(await byProduct('2026-12-02T23:59:59.999Z')).toEqual([
        {
          productId: 'milk',
          quantity: '55.5',
          receipts: [
            { before: '10', quantity: '36', unitCost: '0.70' },
            { before: '43.5', quantity: '12', unitCost: '0.80' },
          ],
        },
        { productId: 'tea', quantity: '5', receipts: [] },
      ]);
      expect((await byProduct('2026-12-31T23:59:59.999Z')).map((stock) => [stock.productId, stock.quantity, stock.receipts.length])).toEqual([
        ['milk', '15.5', 2],
        ['tea', '6', 1],
      ]);
      expect(await storage.ledger.stockAt('store-1', '2026-11-30T23:59:59.999Z')).toEqual([]);
      expect(await storage.ledger.stockAt('store-2', '2026-12-31T23:59:59.999Z')).toEqual([]);
      // Several products' rows in one read, in ledger order: the same as each product's own.
      const all = await storage.ledger.entries('store-1');
      expect(await storage.ledger.entriesOf('store-1', ['tea', 'milk', 'salt', 'tea'])).toEqual(all.filter((entry) => entry.productId === 'tea' || entry.productId === 'milk'));
      expect(await storage.ledger.entriesOf('store-1', [])).toEqual([]);
    });

    it('keeps office accounts with a unique e-mail, their sessions with the account as it is now, and the setup token', async () => {
      const anna = { id: 'account-1', email: 'anna@shop.test', name: 'Anna', role: 'owner' as const, storeIds: [], passwordHash: 'scrypt$1$1$1$salt$hash', active: true, createdAt: '2026-12-06T08:00:00.000Z' };
      const ben = { ...anna, id: 'account-2', email: 'ben@shop.test', name: 'Ben', role: 'clerk' as const, storeIds: ['store-1', 'store-2'], createdAt: '2026-12-06T08:01:00.000Z' };
      expect(await storage.officeAccounts.hasOwner()).toBe(false);
      const inserted = await storage.transaction(async (tx) => [
        await tx.officeAccounts.insert(ben),
        await tx.officeAccounts.insert(anna),
        // Ben's e-mail again, under another id: nothing written, and the transaction goes on.
        await tx.officeAccounts.insert({ ...anna, id: 'account-3', email: 'ben@shop.test' }),
      ]);
      expect(inserted).toEqual([{ inserted: true }, { inserted: true }, { inserted: false }]);
      expect(await storage.officeAccounts.hasOwner()).toBe(true);
      expect((await storage.officeAccounts.all()).map((account) => account.id)).toEqual(['account-1', 'account-2']);
      expect(await storage.officeAccounts.byEmail('ben@shop.test')).toEqual(ben);
      expect(await storage.officeAccounts.get('account-3')).toBeUndefined();

      await storage.transaction(async (tx) => {
        await tx.officeAccounts.addSession({ tokenHash: 'h-1', accountId: 'account-2', createdAt: '2026-12-06T08:00:00.000Z', expiresAt: '2026-12-06T20:00:00.000Z' });
        await tx.officeAccounts.addSession({ tokenHash: 'h-2', accountId: 'account-2', createdAt: '2026-12-06T06:00:00.000Z', expiresAt: '2026-12-06T07:00:00.000Z' });
        await tx.officeAccounts.update({ ...ben, role: 'manager', storeIds: ['store-2'], active: false, name: 'Ben B', email: 'changed@shop.test' });
      });
      // The session answers the account as it is now: e-mail and creation time never change.
      expect(await storage.officeAccounts.session('h-1')).toEqual({ expiresAt: '2026-12-06T20:00:00.000Z', account: { ...ben, role: 'manager', storeIds: ['store-2'], active: false, name: 'Ben B' } });
      await storage.transaction(async (tx) => tx.officeAccounts.forgetExpired('2026-12-06T08:00:00.000Z'));
      expect(await storage.officeAccounts.session('h-2')).toBeUndefined();
      await storage.transaction(async (tx) => tx.officeAccounts.endSessionsOf('account-2'));
      expect(await storage.officeAccounts.session('h-1')).toBeUndefined();
      await storage.transaction(async (tx) => {
        await tx.officeAccounts.addSession({ tokenHash: 'h-3', accountId: 'account-1', createdAt: '2026-12-06T08:00:00.000Z', expiresAt: '2026-12-06T20:00:00.000Z' });
        await tx.officeAccounts.endSession('h-3');
      });
      expect(await storage.officeAccounts.session('h-3')).toBeUndefined();

      expect(await storage.officeAccounts.setupToken()).toBeUndefined();
      await storage.transaction(async (tx) => tx.officeAccounts.setSetupToken('token-1'));
      await storage.transaction(async (tx) => tx.officeAccounts.setSetupToken('token-2'));
      expect(await storage.officeAccounts.setupToken()).toBe('token-2');
      await storage.transaction(async (tx) => tx.officeAccounts.setSetupToken(null));
      expect(await storage.officeAccounts.setupToken()).toBeUndefined();
      expect(await storage.sequence.current()).toBe(0);
    });

    it('appends audit entries and reads them newest first, by actor (null: the office key), kind, time and store', async () => {
      const entry = (at: string, actorId: string | null, kind: string, storeId: string | null) => ({
        at,
        actorId,
        actorLabel: actorId ?? 'office key',
        action: `${kind}.update`,
        kind,
        subjectId: `${kind}-1`,
        storeId,
        before: kind === 'cashier' ? { name: 'Alex', active: true } : null,
        after: { name: 'Alex B', lines: [{ quantity: '2.5' }] },
      });
      await storage.transaction(async (tx) => {
        await tx.audit.record(entry('2026-12-05T10:00:00.000Z', 'account-1', 'cashier', 'store-1'));
        await tx.audit.record(entry('2026-12-06T09:00:00.000Z', null, 'store', 'store-2'));
        await tx.audit.record(entry('2026-12-06T10:00:00.000Z', 'account-2', 'cashier', 'store-2'));
        await tx.audit.record(entry('2026-12-06T11:00:00.000Z', 'account-1', 'account', null));
      });
      const subjects = (entries: { at: string; kind: string }[]) => entries.map((found) => `${found.kind} ${found.at.slice(0, 13)}`);
      const all = await storage.audit.list({ limit: 10 });
      expect(subjects(all)).toEqual(['account 2026-12-06T11', 'cashier 2026-12-06T10', 'store 2026-12-06T09', 'cashier 2026-12-05T10']);
      expect(all[3]).toEqual({ id: all[3].id, ...entry('2026-12-05T10:00:00.000Z', 'account-1', 'cashier', 'store-1') });
      expect(all.map((found) => found.id)).toEqual([...all.map((found) => found.id)].sort((a, b) => b - a));
      expect(subjects(await storage.audit.list({ limit: 2 }))).toEqual(['account 2026-12-06T11', 'cashier 2026-12-06T10']);
      expect(subjects(await storage.audit.list({ actorId: 'account-1', limit: 10 }))).toEqual(['account 2026-12-06T11', 'cashier 2026-12-05T10']);
      expect(subjects(await storage.audit.list({ actorId: null, limit: 10 }))).toEqual(['store 2026-12-06T09']);
      expect(subjects(await storage.audit.list({ kind: 'cashier', from: '2026-12-06T00:00:00.000Z', limit: 10 }))).toEqual(['cashier 2026-12-06T10']);
      expect(subjects(await storage.audit.list({ to: '2026-12-06T09:00:00.000Z', limit: 10 }))).toEqual(['store 2026-12-06T09', 'cashier 2026-12-05T10']);
      expect(subjects(await storage.audit.list({ storeIds: ['store-1'], limit: 10 }))).toEqual(['cashier 2026-12-05T10']);
      expect(await storage.audit.list({ storeIds: [], limit: 10 })).toEqual([]);
    });

    it("keeps a count's entries once each, in the order entered, and finds the counts that counted a product at or after a time", async () => {
      const entry = (countId: string, entryId: string, productId: string, enteredAt: string, kind: 'counted' | 'late' = 'counted') => ({
        countId,
        entryId,
        storeId: 'store-1',
        productId,
        kind,
        quantity: kind === 'late' ? '-2' : '3',
        expected: kind === 'late' ? null : '10',
        documentId: kind === 'late' ? 'sale-1' : null,
        madeAt: kind === 'late' ? '2026-12-06T09:59:00.000Z' : null,
        enteredAt,
        enteredBy: 'Ann',
      });
      const written = await storage.transaction(async (tx) =>
        tx.stockCounts.add([
          entry('count-1', 'e2', 'milk', '2026-12-06T10:05:00.000Z'),
          entry('count-1', 'e1', 'milk', '2026-12-06T10:00:00.000Z'),
          entry('count-1', 'e3', 'bread', '2026-12-06T10:01:00.000Z'),
          entry('count-2', 'e1', 'milk', '2026-12-06T12:00:00.000Z'),
        ]),
      );
      expect([...written].sort()).toEqual(['e1', 'e2', 'e3']);
      // The same entry again is skipped; a late one joins.
      const again = await storage.transaction(async (tx) => tx.stockCounts.add([entry('count-1', 'e1', 'milk', '2026-12-06T11:00:00.000Z'), entry('count-1', 'late:sale-1:milk', 'milk', '2026-12-06T10:30:00.000Z', 'late')]));
      expect([...again]).toEqual(['late:sale-1:milk']);
      const ids = (entries: { entryId: string }[]) => entries.map((found) => found.entryId);
      expect(ids(await storage.stockCounts.entries('count-1'))).toEqual(['e1', 'e3', 'e2', 'late:sale-1:milk']);
      expect(ids(await storage.stockCounts.entries('count-1', 'milk'))).toEqual(['e1', 'e2', 'late:sale-1:milk']);
      expect((await storage.stockCounts.entries('count-1'))[3]).toEqual(entry('count-1', 'late:sale-1:milk', 'milk', '2026-12-06T10:30:00.000Z', 'late'));
      // Milk was first counted at 10:00 on count-1 and 12:00 on count-2: a sale made at 9:59 concerns both, one at 10:01 only count-2.
      const counted = async (since: string, products = ['milk', 'bread', 'butter']) =>
        (await storage.stockCounts.countedSince('store-1', products, since)).map((line) => `${line.countId} ${line.productId} ${line.countedAt.slice(11, 16)}`).sort();
      expect(await counted('2026-12-06T09:59:00.000Z')).toEqual(['count-1 bread 10:01', 'count-1 milk 10:00', 'count-2 milk 12:00']);
      expect(await counted('2026-12-06T10:00:30.000Z')).toEqual(['count-1 bread 10:01', 'count-2 milk 12:00']);
      expect(await counted('2026-12-06T10:00:30.000Z', ['butter'])).toEqual([]);
      expect(await storage.stockCounts.countedSince('store-2', ['milk'], '2026-12-06T00:00:00.000Z')).toEqual([]);
    });

    it('refuses a transaction object used after its transaction, and the storage used inside one', async () => {
      let kept: Parameters<Parameters<StoragePort['transaction']>[0]>[0] | undefined;
      await storage.transaction(async (tx) => {
        kept = tx;
        await expect(storage.sequence.current()).rejects.toThrow(/use its tx/);
      });
      await expect(kept!.sequence.current()).rejects.toThrow(/has ended/);
    });
  });
}
