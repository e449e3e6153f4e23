/**
 * One simulated till, run by e2e/load/run.ts as its own Node process: RxDB's open-source core allows
 * 13 open collections per process and a till opens seven, so each till gets a process, as each
 * real till has its own device. It opens the till's data layer against the server, sells seeded
 * random sales while replicating live, and reports its figures over the IPC channel.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setImmediate as yieldToEvents, setTimeout as sleep } from 'node:timers/promises';
import { Dec, dec, syncPaths, toQuantityString } from '../../shared/src/index.js';
import { seededRandom } from '../../shared/src/seeded-random.js';
import { TILL_CONFIG_VARIABLE, type FromTill, type PushFigures, type TillProcessConfig, type ToTill } from './messages.js';
import { openLoadTill, type LoadTill } from './setup.js';

const config = JSON.parse(process.env[TILL_CONFIG_VARIABLE] ?? '') as TillProcessConfig;
const report = (message: FromTill) => process.send?.(message);
// The load test ended (or died) without closing this till: nothing is left to report to.
process.on('disconnect', () => process.exit(0));

const push: PushFigures = { latenciesMs: [], pushes: 0, rowsPushed: 0, failed: 0, rateLimited: 0, conflicts: 0, refused: 0, pulls: 0 };
const pushPath = syncPaths.push('sales');
const ROW_MARK = '"newDocumentState":';

function requestUrl(input: Parameters<typeof fetch>[0]): URL {
  return new URL(input instanceof Request ? input.url : String(input));
}

function rowsIn(body: unknown): number {
  if (typeof body !== 'string') return 0;
  let rows = 0;
  for (let at = body.indexOf(ROW_MARK); at >= 0; at = body.indexOf(ROW_MARK, at + ROW_MARK.length)) rows++;
  return rows;
}

/** The fetch the till's sync engine uses: times every sales push until its whole answer is read. */
const measuringFetch: typeof fetch = async (input, init) => {
  const url = requestUrl(input);
  if (init?.method !== 'POST' || url.pathname !== pushPath) {
    if (url.pathname.endsWith('/pull')) push.pulls++;
    const response = await fetch(input, init);
    if (response.status === 429) push.rateLimited++;
    return response;
  }
  const sent = performance.now();
  push.pushes++;
  push.rowsPushed += rowsIn(init.body);
  let response: Response;
  let text: string;
  try {
    response = await fetch(input, init);
    text = await response.text();
  } catch (error) {
    push.failed++;
    throw error;
  }
  push.latenciesMs.push(performance.now() - sent);
  if (response.status === 429) push.rateLimited++;
  if (!response.ok) push.failed++;
  else {
    const answer = JSON.parse(text) as { conflicts?: unknown[]; refused?: unknown[] };
    push.conflicts += answer.conflicts?.length ?? 0;
    push.refused += answer.refused?.length ?? 0;
  }
  return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
};

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${config.tillId}: ${what} within ${Math.round(timeoutMs / 1000)} s`);
    await sleep(100);
  }
}

let till: LoadTill | undefined;
let productIds: string[] = [];
let selling: Promise<void> | undefined;
let stopRequested = false;
const sold = new Map<string, Dec>();
const saleMs: number[] = [];
let made = 0;
let lastNumber = 0;

const DELAY_RESOLUTION_MS = 10;
const eventLoopDelay = monitorEventLoopDelay({ resolution: DELAY_RESOLUTION_MS });
/** The histogram holds the time between samples (at least the resolution); lateness is what exceeds it. */
const lateness = (nanoseconds: number) => Math.max(0, nanoseconds / 1e6 - DELAY_RESOLUTION_MS);

/**
 * Sells until told to stop: 1 to 5 lines of distinct products, 1 to 3 units each, all from the seed.
 * With a rate, sale k is due k / rate seconds after the start (a till that falls behind catches up).
 */
async function sell(open: LoadTill): Promise<void> {
  const random = seededRandom(config.seed);
  const interval = config.rate > 0 ? 1000 / config.rate : 0;
  const start = performance.now();
  eventLoopDelay.enable();
  for (let scheduled = 0; !stopRequested; scheduled++) {
    const wait = start + scheduled * interval - performance.now();
    if (wait > 0) {
      await sleep(wait);
      if (stopRequested) break;
    }
    const lineCount = 1 + Math.floor(random() * 5);
    const picked = new Set<string>();
    while (picked.size < lineCount) picked.add(productIds[Math.floor(random() * productIds.length)]);
    const lines = [...picked].map((productId): [string, string] => [productId, String(1 + Math.floor(random() * 3))]);
    const started = performance.now();
    const sale = await open.sell(lines);
    saleMs.push(performance.now() - started);
    made++;
    lastNumber = sale.number;
    // Movements are negative (goods leave the shelf); sold counts units as positive.
    for (const movement of sale.stockMovements) sold.set(movement.productId, (sold.get(movement.productId) ?? new Dec(0)).minus(dec(movement.quantity)));
    // A memory-storage insert can settle without ever leaving the microtask queue: give replication,
    // the event stream and the IPC channel their turn after every sale.
    await yieldToEvents();
  }
  eventLoopDelay.disable();
}

async function verify(open: LoadTill, expected: Record<string, string>, timeoutMs: number): Promise<FromTill> {
  const wrong = () => Object.entries(expected).filter(([productId, quantity]) => !dec(open.stock.quantity(productId)).eq(dec(quantity)));
  const started = performance.now();
  await waitFor(() => wrong().length === 0, timeoutMs, 'shown stock did not match the server').catch(() => undefined);
  const mismatched = wrong();
  return {
    type: 'verified',
    mismatches: mismatched.length,
    examples: mismatched.slice(0, 5).map(([productId, quantity]) => `${productId}: till shows ${open.stock.quantity(productId)}, server ${quantity}`),
    waitedSeconds: (performance.now() - started) / 1000,
    push,
    eventLoopDelayMs: {
      p50: lateness(eventLoopDelay.percentile(50)),
      p99: lateness(eventLoopDelay.percentile(99)),
      max: lateness(eventLoopDelay.max),
    },
  };
}

async function handle(message: ToTill): Promise<void> {
  const open = till;
  if (!open) throw new Error(`${config.tillId}: "${message.type}" before the till was open`);
  switch (message.type) {
    case 'sell':
      selling = sell(open);
      selling.catch((error: unknown) => fail(error));
      return;
    case 'stop':
      stopRequested = true;
      await selling;
      report({
        type: 'stopped',
        made,
        lastNumber,
        sold: Object.fromEntries([...sold].map(([productId, units]) => [productId, toQuantityString(units)])),
        saleMs,
      });
      return;
    case 'verify':
      report(await verify(open, message.expected, message.timeoutMs));
      return;
    case 'close':
      till = undefined;
      await open.close();
      process.disconnect();
      process.exit(0);
  }
}

function fail(error: unknown): void {
  report({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
  setTimeout(() => process.exit(1), 200);
}

async function main(): Promise<void> {
  const opening = performance.now();
  const open = await openLoadTill({ serverUrl: config.serverUrl, tillId: config.tillId, tillCode: config.tillCode, credential: config.credential, fetch: measuringFetch });
  till = open;
  await waitFor(
    async () => open.catalog.store !== undefined && open.catalog.till !== undefined && open.catalog.size === config.products && (await open.db.stockLevels.count().exec()) === config.products,
    config.readyTimeoutMs,
    `the catalogue and stock levels did not arrive`,
  );
  productIds = (await open.db.products.find().exec()).map((product) => product.id).sort();
  process.on('message', (message: ToTill) => void handle(message).catch(fail));
  report({ type: 'ready', openSeconds: (performance.now() - opening) / 1000 });
}

main().catch(fail);
