/**
 * `npm test`: every kind of test, in order: the static checks (`npm run lint`, with the layers'
 * import rules, and `npm run typecheck`, each layer under its own tsconfig), each counted as one
 * test; unit and integration (Vitest: shared domain, sync server
 * over real SQLite and HTTP, the till's data layer with RxDB's replication client, Electron shell
 * logic), the sync server's suites and the sync tests again with every test server on PostgreSQL
 * (KASSA_TEST_STORAGE=postgres), then whole-product scenarios in Chromium and Electron (Playwright),
 * on SQLite and then with the sync server on PostgreSQL. Prints one closing line:
 * "tests: N passed, N failed, N skipped", followed by "(PostgreSQL lane skipped: not reachable at …)"
 * when the tests that need PostgreSQL (KASSA_TEST_PG_URL) could not reach it and were skipped.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import crypto from 'node:crypto';
import pg from 'pg';
import { dropRunDatabases } from '../sync-server/src/storage/postgres/test-databases.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function vitestCounts(file: string): Counts {
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

function playwrightCounts(file: string): Counts {
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, skipped: report.stats.skipped };
}

/** Whether the PostgreSQL test lane's server answers (KASSA_TEST_PG_URL, as the lane reads it). */
async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: process.env.KASSA_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test', connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function inCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}

async function main(): Promise<void> {
  const npx = 'npx';
  const vitestReport = path.join(results, 'vitest.json');
  const postgresReport = path.join(results, 'vitest-postgres.json');
  const playwrightReport = path.join(results, 'playwright.json');
  const playwrightPostgresReport = path.join(results, 'playwright-postgres.json');
  // Written by the PostgreSQL test lane (sync-server/src/storage/postgres/testing.ts) when it skips.
  const postgresLaneReport = path.join(results, 'postgres-lane-skipped.txt');
  fs.rmSync(vitestReport, { force: true });
  fs.rmSync(postgresReport, { force: true });
  fs.rmSync(playwrightReport, { force: true });
  fs.rmSync(playwrightPostgresReport, { force: true });
  fs.rmSync(postgresLaneReport, { force: true });

  // A layer importing another, or a server file using the DOM, fails the run before any test runs
  // long; the tests still run, so one run tells everything that is wrong.
  const checks: Counts = { passed: 0, failed: 0, skipped: 0 };
  for (const check of ['lint', 'typecheck']) {
    if ((await run('npm', ['run', '--silent', check])) === 0) checks.passed += 1;
    else {
      checks.failed += 1;
      console.error(`npm run ${check} failed (above)`);
    }
  }

  const unit = await run(npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`], {
    KASSA_TEST_PG_LANE_REPORT: postgresLaneReport,
  });
  // The server's suites and the sync tests once more, every test server on PostgreSQL: the same
  // behaviour on both databases (the storage lane and the several-processes tests ran on PostgreSQL
  // already). In CI PostgreSQL must be there; elsewhere the pass is skipped, and
  // the summary line says so.
  const onPostgres = inCi() || (await postgresReachable());
  const postgres = onPostgres
    ? await run(npx, ['vitest', 'run', 'sync-server/src', 'e2e/sync', '--exclude', 'sync-server/src/storage/**', '--exclude', 'e2e/sync/postgres-processes.test.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${postgresReport}`], {
        KASSA_TEST_STORAGE: 'postgres',
        KASSA_TEST_PG_LANE_REPORT: postgresLaneReport,
      })
    : 0;
  if (!onPostgres) fs.writeFileSync(postgresLaneReport, `not reachable at ${process.env.KASSA_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test'}`);
  const build = await run(npx, ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
  const e2e =
    build === 0
      ? await run(npx, ['playwright', 'test', '--config', 'e2e/playwright.config.ts', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport })
      : 1;

  // The scenarios again with the sync server on PostgreSQL: pairing, the office page, the event
  // stream and every till feature the same in either mode. Each server gets a database of its own,
  // named after this run and dropped at its end.
  let e2ePostgres = 0;
  if (onPostgres && build === 0) {
    const runId = crypto.randomBytes(4).toString('hex');
    e2ePostgres = await run(npx, ['playwright', 'test', '--config', 'e2e/playwright.config.ts', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightPostgresReport,
      KASSA_TEST_STORAGE: 'postgres',
      KASSA_TEST_PG_RUN: runId,
    });
    await dropRunDatabases(runId).catch((error: unknown) => console.error(`could not drop the run's PostgreSQL databases: ${(error as Error).message}`));
  }

  const totals: Counts = { ...checks };
  for (const [file, read] of [
    [vitestReport, vitestCounts],
    ...(onPostgres ? ([[postgresReport, vitestCounts]] as const) : []),
    [playwrightReport, playwrightCounts],
    ...(onPostgres && build === 0 ? ([[playwrightPostgresReport, playwrightCounts]] as const) : []),
  ] as const) {
    if (!fs.existsSync(file)) {
      totals.failed += 1;
      console.error(`no report at ${path.relative(root, file)}: that test run did not finish`);
      continue;
    }
    const counts = read(file);
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
  }
  if (build !== 0) console.error('the till did not build, so the end-to-end scenarios did not run');
  const ok = unit === 0 && postgres === 0 && build === 0 && e2ePostgres === 0 && e2e === 0 && totals.failed === 0;
  const postgresLane = fs.existsSync(postgresLaneReport) ? ` (PostgreSQL lane skipped: ${fs.readFileSync(postgresLaneReport, 'utf8').trim()})` : '';
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped${postgresLane}`);
  process.exit(ok ? 0 : 1);
}

void main();
