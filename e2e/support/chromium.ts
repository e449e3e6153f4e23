import fs from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/** Debian's Chromium (Playwright's own browser download is not used); KASSA_CHROMIUM overrides the path. */
export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath = process.env.KASSA_CHROMIUM ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium (apt-get install chromium) or set KASSA_CHROMIUM`);
  }
  return {
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  };
}
