/**
 * How the load test reaches Kassa: starting the sync server, asking head office (with the office key
 * SyncServerProcess gives the server), pairing a till for its device credential, opening a till.
 * Nothing else in e2e/load/ knows how, so this file is the one place to change when any of it does.
 * The server keeps its default per-device request limit: a till that hits it shows as failed pushes.
 */
import fs from 'node:fs';
import { syncPaths } from '../../shared/src/index.js';
import { freePort, SyncServerProcess, temporaryFolder } from '../support/processes.js';
import { openNodeTill, type NodeTill } from '../sync/node-till.js';

/** The store the demo seeds; every load-test till belongs to it. */
export const LOAD_STORE_ID = 'store-1';

export interface LoadServer {
  url: string;
  /** GET on head office's API, e.g. `/api/office/summary?store=store-1`. */
  office<T>(pathAndQuery: string): Promise<T>;
  /** Pairs a till as head office and the till would, and returns its device credential. */
  pair(tillId: string): Promise<string>;
  /** Stops the server process and removes its data folder. */
  stop(): Promise<void>;
}

/** The till the demo seeds as number `index` (1-based): till-1/T1 .. till-N/TN. */
export function loadTill(index: number): { tillId: string; tillCode: string } {
  return { tillId: `till-${index}`, tillCode: `T${index}` };
}

/** The real sync server in its own process on 127.0.0.1, a fresh data folder, a demo store with `tills` tills. */
export async function startLoadServer(options: { products: number; tills: number }): Promise<LoadServer> {
  const server = new SyncServerProcess(temporaryFolder('kassa-load-'), await freePort(), [
    '--demo-products',
    String(options.products),
    '--demo-tills',
    String(options.tills),
  ]);
  const stop = async () => {
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  };
  try {
    await server.start();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: server.url,
    office: (pathAndQuery) => server.json(pathAndQuery),
    async pair(tillId) {
      const code = await server.pairingCode(tillId);
      // The server lets one address pair ten tills at once, then one every few seconds.
      for (let attempt = 1; ; attempt++) {
        const response = await fetch(`${server.url}${syncPaths.pair}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
        if (response.ok) return ((await response.json()) as { credential: string }).credential;
        if (response.status !== 429 || attempt >= 20) throw new Error(`pairing ${tillId} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
        await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('retry-after') ?? 6) * 1000));
      }
    },
    stop,
  };
}

/** A till's data layer in Node: e2e/sync/node-till.ts, with the fetch its replication uses supplied. */
export type LoadTill = NodeTill;

/** Opens a till on RxDB's memory storage with the real replication client, timing its requests through `fetch`. */
export function openLoadTill(options: { serverUrl: string; tillId: string; tillCode: string; credential: string; fetch: typeof fetch }): Promise<LoadTill> {
  return openNodeTill({ ...options, storeId: LOAD_STORE_ID, name: `load-${options.tillId}-${process.pid}` });
}
