import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './support/chromium.js';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // Scenarios start and stop real servers; one at a time keeps them clear of each other on 2 cores.
  workers: 1,
  fullyParallel: false,
  timeout: 180_000,
  expect: { timeout: 30_000 },
  // The HTML report keeps each test's screenshots (testInfo.attach): open it with
  // `npx playwright show-report test-results/playwright-report`.
  reporter: [['list'], ['html', { open: 'never', outputFolder: '../test-results/playwright-report' }]],
  // Failures' screenshots and traces, a folder per lane: npm test runs the scenarios again on
  // PostgreSQL, which would otherwise wipe the first run's before anyone saw them.
  outputDir: process.env.KASSA_TEST_STORAGE === 'postgres' ? '../test-results/playwright-postgres' : '../test-results/playwright',
  use: {
    headless: true,
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
