import fs from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/** Debian's Chromium (Playwright's own browser download is not used); KASSA_CHROMIUM overrides the path. */
/**
 * For benchmarks: frames are drawn as soon as something changed instead of at the display's next
 * refresh, so "to the next painted frame" measures the till's work and one render, not the 0 to
 * 16.7 ms a 60 Hz screen adds by waiting for its next refresh.
 */
export const UNTHROTTLED_FRAMES = ['--disable-frame-rate-limit', '--disable-gpu-vsync'];

export function chromiumLaunchOptions(extraArgs: string[] = []): LaunchOptions {
  const executablePath = process.env.KASSA_CHROMIUM ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium (apt-get install chromium) or set KASSA_CHROMIUM`);
  }
  return {
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', ...extraArgs],
  };
}
