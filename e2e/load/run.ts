/**
 * `npm run load`: N tills sell at once against one real sync server for a bounded time while
 * replicating live, then the run waits until everything has synced and checks that nothing was lost
 * or counted twice. Reports accepted sales per second at the server and push latency as the tills
 * see it. Not part of `npm test`; see e2e/load/README.md.
 *
 * Options: --tills 8  --seconds 20  --products 2000  --rate 0 (sales/s per till; 0: flat out)  --seed 1
 *          --drain-seconds 120
 *          --out test-results/load.json
 * Everything talks only to 127.0.0.1 and stops by itself.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Dec, dec, toQuantityString } from '../../shared/src/index.js';
import { distribution, type Distribution } from '../bench/stats.js';
import { projectRoot } from '../support/processes.js';
import { runChain, wantsChain } from './chain.js';
import { cpuShare, readCpu, type CpuShare } from './cpu.js';
import type { PushFigures } from './messages.js';
import { LOAD_STORE_ID, loadTill, startLoadServer, type LoadServer } from './setup.js';
import { TillProcess } from './tills.js';

/** The command line, checked; a wrong option ends the run as a failure like any other. */
function readSettings() {
  const { values } = parseArgs({
    options: {
      tills: { type: 'string', default: '8' },
      seconds: { type: 'string', default: '20' },
      products: { type: 'string', default: '2000' },
      rate: { type: 'string', default: '0' },
      'drain-seconds': { type: 'string', default: '120' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: path.join('test-results', 'load.json') },
    },
  });
  const number = (name: keyof typeof values, minimum: number, whole = true) => {
    const value = Number(values[name]);
    if (!Number.isFinite(value) || value < minimum || (whole && !Number.isInteger(value))) {
      throw new Error(`--${name} must be a ${whole ? 'whole ' : ''}number of at least ${minimum}, got "${values[name]}"`);
    }
    return value;
  };
  return {
    tills: number('tills', 1),
    seconds: number('seconds', 1),
    // Each sale picks up to 5 distinct products.
    products: number('products', 5),
    /** Sales per second per till; 0: each till sells again as soon as its last sale is stored. */
    rate: number('rate', 0, false),
    drainSeconds: number('drain-seconds', 1),
    seed: number('seed', 0),
    out: values.out,
  };
}

type Settings = ReturnType<typeof readSettings>;

/** How long each till may take to open and receive the whole catalogue (all tills start together). */
const READY_TIMEOUT_MS = 180_000;
/** How long each till may take, after the server holds every sale, to show the server's stock. */
const VIEW_TIMEOUT_MS = 60_000;
const SUMMARY_EVERY_MS = 500;
const DRAIN_POLL_MS = 250;

interface Sample {
  sentSeconds: number;
  answeredSeconds: number;
  /** Sales the server holds that it did not hold before selling started. */
  salesCount: number;
}

interface Summary {
  salesCount: number;
  tills: { id: string; lastNumber: number }[];
}

interface StockReport {
  salesCount: number;
  products: { productId: string; opening: string; sold: string; quantity: string }[];
}

interface TillResult {
  tillId: string;
  openSeconds: number;
  made: number;
  appliedAtServer: number;
  push: Omit<PushFigures, 'latenciesMs'> & { latencyMs: Distribution };
  saleMs: Distribution;
  viewMismatches: number;
  viewExamples: string[];
  viewWaitSeconds: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
}

const log = (message: string) => console.log(`[load ${new Date().toISOString().slice(11, 19)}] ${message}`);
const seconds = (from: number, to = performance.now()) => (to - from) / 1000;
const perSecond = (count: number, duration: number) => Math.round(count / duration);
const thousands = (value: number) => value.toLocaleString('en');
const round = (value: number) => Math.round(value * 10) / 10;

/** Everything this run started, so a failure or Ctrl-C stops it all. */
const started: { server?: LoadServer; tills: TillProcess[] } = { tills: [] };
let cleaning: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all(started.tills.map((till) => till.close().catch(() => till.kill())));
    await started.server?.stop();
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`load: ${signal}, stopping the tills and the server`);
    for (const till of started.tills) till.kill();
    void cleanUp().finally(() => process.exit(130));
  });
}

async function run(settings: Settings) {
  const { tills: tillCount, products } = settings;
  log(`starting the sync server: ${thousands(products)} products, ${tillCount} tills`);
  const server = await startLoadServer({ products, tills: tillCount });
  started.server = server;
  const summary = () => server.office<Summary>(`/api/office/summary?store=${LOAD_STORE_ID}`);
  const opening = new Map((await server.office<StockReport>(`/api/office/stock?store=${LOAD_STORE_ID}`)).products.map((row) => [row.productId, dec(row.quantity)]));

  log(`pairing ${tillCount} tills and opening each in its own process`);
  const tills: TillProcess[] = [];
  for (let number = 1; number <= tillCount; number++) {
    const { tillId, tillCode } = loadTill(number);
    const credential = await server.pair(tillId);
    const till = new TillProcess({ serverUrl: server.url, tillId, tillCode, credential, products, seed: settings.seed * 1000 + number, rate: settings.rate, readyTimeoutMs: READY_TIMEOUT_MS });
    started.tills.push(till);
    tills.push(till);
  }
  const ready = await Promise.all(tills.map((till) => till.next('ready', READY_TIMEOUT_MS + 10_000)));
  log(`tills ready (slowest opened in ${Math.max(...ready.map((report) => report.openSeconds)).toFixed(1)} s); selling for ${settings.seconds} s`);

  // Selling ends on a timer, not between two polls: an answer slowed by the load cannot stretch it.
  const samples: Sample[] = [];
  const before = (await summary()).salesCount;
  const cpuAtStart = readCpu();
  const windowStart = performance.now();
  for (const till of tills) till.send({ type: 'sell' });
  let selling = true;
  const sampling = (async () => {
    while (selling) {
      const sent = performance.now();
      const { salesCount } = await summary();
      samples.push({ sentSeconds: seconds(windowStart, sent), answeredSeconds: seconds(windowStart), salesCount: salesCount - before });
      await sleep(SUMMARY_EVERY_MS);
    }
  })();
  await sleep(settings.seconds * 1000);
  for (const till of tills) till.send({ type: 'stop' });
  const windowEnd = performance.now();
  const cpuAtWindowEnd = readCpu();
  const windowSeconds = seconds(windowStart, windowEnd);
  selling = false;
  await sampling;
  // The server counts when it handles the request and answers at once, so a count is dated by its answer.
  const inWindow = samples.filter((sample) => sample.answeredSeconds <= windowSeconds);
  const lastInWindow = inWindow.at(-1);
  const halfway = inWindow.find((sample) => sample.answeredSeconds >= windowSeconds / 2);

  const stopped = await Promise.all(tills.map((till) => till.next('stopped', 30_000)));
  const made = stopped.reduce((total, report) => total + report.made, 0);
  log(`selling stopped: ${thousands(made)} sales made; waiting for the server to hold them all (at most ${settings.drainSeconds} s)`);

  let drained: boolean;
  let last: Summary = await summary();
  const lastNumbers = () => new Map(last.tills.map((till) => [till.id, till.lastNumber]));
  for (;;) {
    const applied = lastNumbers();
    drained = last.salesCount - before === made && tills.every((till, index) => applied.get(till.config.tillId) === stopped[index].made);
    if (drained || seconds(windowEnd) >= settings.drainSeconds) break;
    await sleep(DRAIN_POLL_MS);
    last = await summary();
  }
  const drainSeconds = seconds(windowEnd);
  const cpuAtDrainEnd = readCpu();
  const stored = last.salesCount - before;
  log(drained ? `every sale held by the server ${drainSeconds.toFixed(1)} s after selling stopped` : `NOT synced after ${drainSeconds.toFixed(1)} s`);

  // Central stock: opening minus every unit sold by any till, as the tills' own sales say.
  const soldByProduct = new Map<string, Dec>();
  for (const report of stopped) {
    for (const [productId, units] of Object.entries(report.sold)) soldByProduct.set(productId, (soldByProduct.get(productId) ?? new Dec(0)).plus(dec(units)));
  }
  const report = await server.office<StockReport>(`/api/office/stock?store=${LOAD_STORE_ID}`);
  const stockProblems: string[] = [];
  if (report.products.length !== opening.size) stockProblems.push(`the stock report has ${report.products.length} products, the opening had ${opening.size}`);
  for (const row of report.products) {
    const start = opening.get(row.productId);
    const sold = soldByProduct.get(row.productId) ?? new Dec(0);
    if (!start) stockProblems.push(`${row.productId}: not in the opening stock`);
    else if (!dec(row.quantity).eq(start.minus(sold)) || !dec(row.sold).eq(sold)) {
      stockProblems.push(`${row.productId}: server ${row.quantity} (sold ${row.sold}), expected ${toQuantityString(start.minus(sold))} (sold ${toQuantityString(sold)})`);
    }
  }
  const belowZero = report.products.filter((row) => dec(row.quantity).isNegative()).length;

  log(`checking that every till shows the server's stock`);
  const expected = Object.fromEntries(report.products.map((row) => [row.productId, row.quantity]));
  for (const till of tills) till.send({ type: 'verify', expected, timeoutMs: VIEW_TIMEOUT_MS });
  const verified = await Promise.all(tills.map((till) => till.next('verified', VIEW_TIMEOUT_MS + 30_000)));
  await cleanUp();

  const applied = lastNumbers();
  const perTill: TillResult[] = tills.map((till, index) => {
    const { latenciesMs, ...push } = verified[index].push;
    return {
      tillId: till.config.tillId,
      openSeconds: ready[index].openSeconds,
      made: stopped[index].made,
      appliedAtServer: applied.get(till.config.tillId) ?? 0,
      push: { ...push, latencyMs: distribution(latenciesMs) },
      saleMs: distribution(stopped[index].saleMs),
      viewMismatches: verified[index].mismatches,
      viewExamples: verified[index].examples,
      viewWaitSeconds: verified[index].waitedSeconds,
      eventLoopDelayMs: verified[index].eventLoopDelayMs,
    };
  });
  const sumOf = (key: Exclude<keyof PushFigures, 'latenciesMs'>) => perTill.reduce((total, till) => total + till.push[key], 0);

  const failures: string[] = [];
  if (made === 0) failures.push('no sale was made');
  if (!drained) failures.push(`not synced within ${settings.drainSeconds} s: server holds ${stored} of ${made} sales`);
  if (stored !== made) failures.push(`server holds ${stored} sales, tills made ${made}`);
  for (const [index, till] of perTill.entries()) {
    if (till.appliedAtServer !== till.made) failures.push(`${till.tillId}: made ${till.made} sales, the server applied up to number ${till.appliedAtServer}`);
    if (stopped[index].lastNumber !== till.made) failures.push(`${till.tillId}: made ${till.made} sales but its last number is ${stopped[index].lastNumber}`);
    if (till.viewMismatches > 0) failures.push(`${till.tillId}: shows ${till.viewMismatches} products unlike the server (${till.viewExamples.join('; ')})`);
  }
  if (stockProblems.length > 0) failures.push(`central stock wrong for ${stockProblems.length} products (${stockProblems.slice(0, 5).join('; ')})`);
  if (sumOf('failed') > 0) failures.push(`${sumOf('failed')} pushes failed`);
  if (sumOf('rateLimited') > 0) failures.push(`the server turned away ${sumOf('rateLimited')} requests with 429 (its per-device limit)`);
  if (sumOf('conflicts') + sumOf('refused') > 0) failures.push(`the server answered ${sumOf('conflicts')} conflicts and ${sumOf('refused')} refusals`);

  return {
    settings,
    windowSeconds,
    drainSeconds,
    made,
    stored,
    storedInWindow: lastInWindow?.salesCount ?? null,
    storedInWindowAt: lastInWindow?.answeredSeconds ?? null,
    sustainedPerSecond: lastInWindow ? perSecond(lastInWindow.salesCount, lastInWindow.answeredSeconds) : null,
    secondHalfPerSecond:
      lastInWindow && halfway && lastInWindow !== halfway
        ? perSecond(lastInWindow.salesCount - halfway.salesCount, lastInWindow.answeredSeconds - halfway.answeredSeconds)
        : null,
    cpuWhileSelling: cpuShare(cpuAtStart, cpuAtWindowEnd, windowSeconds, os.cpus().length),
    cpuWhileDraining: cpuShare(cpuAtWindowEnd, cpuAtDrainEnd, drainSeconds, os.cpus().length),
    serverCpuMsPerSale: cpuAtStart && cpuAtDrainEnd && stored > 0 ? round(((cpuAtDrainEnd.server - cpuAtStart.server) * 1000) / stored) : null,
    summaryLatencyMs: distribution(inWindow.map((sample) => (sample.answeredSeconds - sample.sentSeconds) * 1000)),
    overallPerSecond: perSecond(stored, windowSeconds + drainSeconds),
    madePerSecond: perSecond(made, windowSeconds),
    pushes: sumOf('pushes'),
    rowsPushed: sumOf('rowsPushed'),
    pushesFailed: sumOf('failed'),
    rateLimited: sumOf('rateLimited'),
    conflicts: sumOf('conflicts'),
    refused: sumOf('refused'),
    pulls: sumOf('pulls'),
    pushLatencyMs: distribution(verified.flatMap((answer) => answer.push.latenciesMs)),
    saleMs: distribution(stopped.flatMap((answer) => answer.saleMs)),
    stockExact: stockProblems.length === 0,
    productsBelowZero: belowZero,
    tillsShowingServerStock: perTill.filter((till) => till.viewMismatches === 0).length,
    slowestViewSeconds: Math.max(...perTill.map((till) => till.viewWaitSeconds)),
    worstEventLoopDelayMs: { p99: Math.max(...perTill.map((till) => till.eventLoopDelayMs.p99)), max: Math.max(...perTill.map((till) => till.eventLoopDelayMs.max)) },
    samples,
    perTill,
    failures,
  };
}

type LoadResult = Awaited<ReturnType<typeof run>>;

function cpuText(share: CpuShare | undefined): string {
  if (!share) return '-';
  return `machine ${share.machine} of ${share.cores}: server ${share.server}, tills ${share.tills}, runner ${share.runner}, other work on the machine ${share.others}`;
}

function print(result: LoadResult, machine: { cpus: number; cpuModel: string; node: string; loadAverageBefore: number }): void {
  const ms = (value: number) => `${value} ms`;
  const pace = result.settings.rate > 0 ? `${result.settings.rate} sales/s per till` : 'flat out';
  console.log(`\nKassa load: ${result.settings.tills} tills x ${result.settings.seconds} s, ${thousands(result.settings.products)} products, ${pace}, seed ${result.settings.seed}`);
  console.log(`machine: ${machine.cpus} x ${machine.cpuModel}, Node ${machine.node}, load average ${machine.loadAverageBefore.toFixed(1)} before the run; server, tills and this runner share it`);
  console.table(
    result.perTill.map((till) => ({
      till: till.tillId,
      'sales made': till.made,
      'applied at server': till.appliedAtServer,
      pushes: till.push.pushes,
      'sales/push': till.push.pushes ? +(till.push.rowsPushed / till.push.pushes).toFixed(1) : 0,
      'push p50': ms(till.push.latencyMs.median),
      'push p95': ms(till.push.latencyMs.p95),
      'push p99': ms(till.push.latencyMs.p99),
      'push max': ms(till.push.latencyMs.max),
      'sale p95': ms(till.saleMs.p95),
      'loop delay p99': ms(round(till.eventLoopDelayMs.p99)),
      'shows server stock': till.viewMismatches === 0 ? 'yes' : `NO (${till.viewMismatches})`,
    })),
  );
  const rows: [string, string][] = [
    ['sales made by the tills', `${thousands(result.made)} in ${result.windowSeconds.toFixed(1)} s = ${thousands(result.madePerSecond)}/s`],
    ['sales held by the server', thousands(result.stored)],
    [
      'sustained, during selling',
      result.storedInWindow === null || result.storedInWindowAt === null
        ? 'no head-office summary answered while selling'
        : `${thousands(result.storedInWindow)} held after ${result.storedInWindowAt.toFixed(1)} s = ${thousands(result.sustainedPerSecond ?? 0)} sales/s (second half: ${result.secondHalfPerSecond === null ? '-' : `${thousands(result.secondHalfPerSecond)}/s`})`,
    ],
    ['office summary while selling', `answered in p50 ${ms(result.summaryLatencyMs.median)}, p95 ${ms(result.summaryLatencyMs.p95)}, max ${ms(result.summaryLatencyMs.max)} (${result.summaryLatencyMs.count} polls)`],
    ['drain after selling stopped', `${result.drainSeconds.toFixed(1)} s`],
    ['accepted sales/s, overall', `${thousands(result.stored)} / ${(result.windowSeconds + result.drainSeconds).toFixed(1)} s (selling + drain) = ${thousands(result.overallPerSecond)} sales/s`],
    ['pushes', `${thousands(result.pushes)} carrying ${thousands(result.rowsPushed)} sales (${result.pushes ? (result.rowsPushed / result.pushes).toFixed(1) : 0} per push); failed ${result.pushesFailed}, conflicts ${result.conflicts}, refused ${result.refused}; pulls ${thousands(result.pulls)}; 429s ${result.rateLimited}`],
    ['push latency (as tills see it)', `p50 ${ms(result.pushLatencyMs.median)}, p95 ${ms(result.pushLatencyMs.p95)}, p99 ${ms(result.pushLatencyMs.p99)}, max ${ms(result.pushLatencyMs.max)}`],
    ['sale completion at the till', `p50 ${ms(result.saleMs.median)}, p95 ${ms(result.saleMs.p95)}, p99 ${ms(result.saleMs.p99)}`],
    ['CPU while selling (cores)', cpuText(result.cpuWhileSelling)],
    ['CPU while draining (cores)', cpuText(result.cpuWhileDraining)],
    ['server CPU per accepted sale', result.serverCpuMsPerSale === null ? '-' : `${ms(result.serverCpuMsPerSale)} (selling and drain; waiting on the disk is not CPU)`],
    ['till event loop lateness', `worst till p99 ${ms(round(result.worstEventLoopDelayMs.p99))}, max ${ms(round(result.worstEventLoopDelayMs.max))} (part of every push latency above)`],
    ['central stock exact', `${result.stockExact ? 'yes' : 'NO'} (${thousands(result.settings.products)} products; ${result.productsBelowZero} below zero, oversold)`],
    ['tills showing server stock', `${result.tillsShowingServerStock} of ${result.settings.tills} (the slowest after ${result.slowestViewSeconds.toFixed(1)} s)`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  for (const failure of result.failures) console.log(`  problem: ${failure}`);
}

async function main(): Promise<void> {
  // --light / --stores: a chain of light HTTP tills on PostgreSQL (chain.ts) instead of RxDB tills.
  if (wantsChain(process.argv.slice(2))) return runChain(process.argv.slice(2));
  // The load average says how busy the (shared) machine already was before this run.
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version, loadAverageBefore: os.loadavg()[0] };
  const settings = readSettings();
  let result: LoadResult;
  try {
    result = await run(settings);
  } finally {
    await cleanUp();
  }
  print(result, machine);
  const out = path.resolve(projectRoot, settings.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ finishedAt: new Date().toISOString(), machine, ...result }, null, 2)}\n`);
  console.log(`  results in ${path.relative(projectRoot, out)}`);
  const sustained = result.sustainedPerSecond === null ? '' : ` (${thousands(result.sustainedPerSecond)}/s while selling)`;
  const headline = `${result.settings.tills} tills, ${thousands(result.stored)} sales, ${thousands(result.overallPerSecond)} sales/s overall${sustained}, push p95 ${result.pushLatencyMs.p95} ms`;
  if (result.failures.length === 0) console.log(`load: PASS ${headline}`);
  else {
    console.log(`load: FAIL ${result.failures.length} problems; ${headline}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  console.log(`load: FAIL ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  process.exit(1);
});
