/**
 * Customer push benchmark: how long POST /api/sync/customers/push takes as a store's customers grow.
 * Every push works out which customers look alike (same phone or e-mail); that must cost the
 * customers concerned, not the whole store, so the latency at 15,000 customers should be about the
 * latency at 100.
 *
 * Run with `npx tsx e2e/bench/customers/customer-push.ts [--sizes=100,15000] [--pushes=200]`.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { editCustomer, findLikelyDuplicates, newCustomer, type Customer } from '../../../shared/src/index.js';
import { DEMO_STORE_ID } from '../../../sync-server/src/demo.js';
import { pairTill, startServer, type RunningServer } from '../../../sync-server/src/testing.js';
import { distribution, type Distribution } from '../stats.js';

export interface CustomerPushOptions {
  /** How many customers the store holds before the measured pushes, one run each. */
  sizes?: number[];
  /** Measured pushes per size, after a few that are not measured. */
  pushes?: number;
}

export interface CustomerPushSize {
  customers: number;
  pushes: number;
  /** One customer per push, over HTTP, as a till sends one it recorded or changed. */
  latencyMs: Distribution;
  /** After the run, every customer's flags are what the shared rule gives for the whole store. */
  flagsExact: boolean;
}

export interface CustomerPushResult {
  sizes: CustomerPushSize[];
  /** Median latency at the largest size over the median at the smallest: 1 when size does not matter. */
  growth: number;
}

const WARM_UP_PUSHES = 10;
/** The most documents a push may carry (see README, How sync works). */
const PUSH_LIMIT = 1000;
/** One customer in this many is a look-alike of the one before it, so the store has flags to keep. */
const LOOK_ALIKE_EVERY = 50;

const at = (minute: number) => new Date(Date.UTC(2025, 2, 14, 8, 0) + minute * 60_000).toISOString();

function phoneOf(number: number): string {
  return `+49 170 ${String(number).padStart(7, '0')}`;
}

/** The n-th customer of the store: its own phone and e-mail, or every LOOK_ALIKE_EVERY-th the phone before it, written another way. */
function storeCustomer(n: number, prefix: string): Customer {
  const lookAlike = n % LOOK_ALIKE_EVERY === 0 && n > 1;
  const phone = lookAlike ? phoneOf(n - 1).replace('+', '00').replace(/ /g, '-') : phoneOf(n);
  return newCustomer({ name: `Customer ${n}`, phone, email: `${prefix}${n}@example.com` }, { id: `${prefix}${n}`, storeId: DEMO_STORE_ID, createdBy: 'till-1', at: at(0) });
}

async function push(server: RunningServer, credential: string, customers: Customer[]): Promise<void> {
  const response = await fetch(`${server.url}/api/sync/customers/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' },
    body: JSON.stringify(customers.map((customer) => ({ newDocumentState: { ...customer, _deleted: false } }))),
  });
  const answer = (await response.json()) as { refused?: unknown[] };
  if (!response.ok || answer.refused?.length) throw new Error(`customer push answered ${response.status}: ${JSON.stringify(answer).slice(0, 500)}`);
}

/**
 * The pushes a till makes in a day: mostly a new customer, every third an edit of the note of one
 * already held (its phone and e-mail stay), every tenth a new look-alike of one held.
 */
function tillPush(index: number, held: number): Customer {
  const heldOne = 1 + ((index * 7919) % held);
  if (index % 10 === 9) {
    return newCustomer({ name: `Look-alike ${index}`, phone: phoneOf(heldOne).replace('+', '00') }, { id: `new-${index}`, storeId: DEMO_STORE_ID, createdBy: 'till-1', at: at(index + 1) });
  }
  if (index % 3 === 2) return editCustomer(storeCustomer(heldOne, 'cust-'), { note: `Visit ${index}` }, at(index + 1));
  return newCustomer({ name: `New ${index}`, phone: phoneOf(9_000_000 + index), email: `new-${index}@example.com` }, { id: `new-${index}`, storeId: DEMO_STORE_ID, createdBy: 'till-1', at: at(index + 1) });
}

/** A server whose store holds `customers` customers, and the credential of a till of it. */
async function storeWith(customers: number): Promise<{ server: RunningServer; credential: string }> {
  const server = await startServer({ products: 10 });
  const credential = await pairTill(server.url, 'till-1');
  for (let first = 1; first <= customers; first += PUSH_LIMIT) {
    const batch: Customer[] = [];
    for (let n = first; n < Math.min(first + PUSH_LIMIT, customers + 1); n++) batch.push(storeCustomer(n, 'cust-'));
    await push(server, credential, batch);
  }
  return { server, credential };
}

async function flagsExact(server: RunningServer): Promise<boolean> {
  const held = await server.repository.listDocuments<Customer>('customers', DEMO_STORE_ID);
  const expected = findLikelyDuplicates(held);
  return held.every((customer) => (customer.possibleDuplicates ?? []).join() === (expected.get(customer.id) ?? []).join());
}

/**
 * Every size gets its own server, all running at once, and the measured pushes go to them in turn:
 * a noisy moment on a shared machine then slows every size alike instead of skewing the ratio.
 */
export async function runCustomerPush(options: CustomerPushOptions = {}): Promise<CustomerPushResult> {
  const sizes = options.sizes ?? [100, 15_000];
  const pushes = options.pushes ?? 200;
  if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error('sizes: whole numbers of customers, at least 1');
  if (!Number.isInteger(pushes) || pushes < 1) throw new Error('pushes: a whole number, at least 1');
  const stores: { server: RunningServer; credential: string }[] = [];
  try {
    for (const size of sizes) stores.push(await storeWith(size));
    const latencies = sizes.map((): number[] => []);
    for (let index = 0; index < WARM_UP_PUSHES + pushes; index++) {
      for (const [at, { server, credential }] of stores.entries()) {
        const customer = tillPush(index, sizes[at]);
        const sent = performance.now();
        await push(server, credential, [customer]);
        if (index >= WARM_UP_PUSHES) latencies[at].push(performance.now() - sent);
      }
    }
    const results = await Promise.all(
      sizes.map(async (customers, at): Promise<CustomerPushSize> => ({ customers, pushes, latencyMs: distribution(latencies[at]), flagsExact: await flagsExact(stores[at].server) })),
    );
    const bySize = [...results].sort((a, b) => a.customers - b.customers);
    return { sizes: results, growth: bySize.at(-1)!.latencyMs.median / bySize[0].latencyMs.median };
  } finally {
    for (const { server } of stores) await server.stop();
  }
}

export function formatCustomerPushResult(result: CustomerPushResult): string {
  return [
    'customer push, one customer per push over HTTP:',
    ...result.sizes.map(
      (size) =>
        `  ${size.customers.toLocaleString('en').padStart(7)} customers: median ${size.latencyMs.median} ms, p95 ${size.latencyMs.p95} ms, max ${size.latencyMs.max} ms (${size.pushes} pushes); flags exact: ${size.flagsExact ? 'yes' : 'NO'}`,
    ),
    `  largest over smallest (median): ${result.growth.toFixed(2)}x`,
  ].join('\n');
}

function optionsFromArguments(argv: readonly string[]): CustomerPushOptions {
  const options: CustomerPushOptions = {};
  for (const argument of argv) {
    const match = /^--(sizes|pushes)=([\d,]+)$/.exec(argument);
    if (!match) throw new Error(`unknown argument "${argument}"; use --sizes=100,15000 and --pushes=200`);
    if (match[1] === 'sizes') options.sizes = match[2].split(',').map(Number);
    else options.pushes = Number(match[2]);
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  console.log(formatCustomerPushResult(await runCustomerPush(optionsFromArguments(process.argv.slice(2)))));
}
