import fs from 'node:fs';
import { chromium, type BrowserContext } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.js';

/** A Chromium on a profile folder that outlives it, so a till's IndexedDB is there after a restart. */
export interface PersistentChromium {
  context: BrowserContext;
  /** The browser process; it leads its own process group (Playwright starts browsers detached). */
  pid: number;
  /**
   * Pulls the plug: SIGKILL to the browser's whole process group at once (browser, renderers,
   * utility processes), so nothing gets to flush or shut down. `gone()` waits until they have.
   */
  kill(): void;
  /** Waits, bounded, until the killed browser's processes have all gone. */
  gone(): Promise<void>;
  /** A normal shutdown, which writes out everything Chromium keeps in memory (local storage included). */
  close(): Promise<void>;
}

interface ProcessEntry {
  pid: number;
  parent: number;
  group: number;
  state: string;
  commandLine: string[];
}

function processes(): ProcessEntry[] {
  const found: ProcessEntry[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name in brackets may contain spaces; the fields after it are fixed.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const commandLine = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      found.push({ pid: Number(name), state: fields[0], parent: Number(fields[1]), group: Number(fields[2]), commandLine });
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/**
 * Launches Debian's Chromium (the options of `chromiumLaunchOptions`, headless) on `userDataDir` and
 * finds its process, so a test can kill it hard. Linux only: it reads /proc.
 */
export async function launchPersistentChromium(userDataDir: string, extraArgs: string[] = []): Promise<PersistentChromium> {
  const context = await chromium.launchPersistentContext(userDataDir, { ...chromiumLaunchOptions(extraArgs), headless: true });
  const flag = `--user-data-dir=${userDataDir}`;
  const browser = processes().find((entry) => entry.parent === process.pid && entry.commandLine.includes(flag));
  if (!browser) {
    await context.close();
    throw new Error(`could not find the Chromium process for ${userDataDir}`);
  }
  if (browser.group !== browser.pid) {
    await context.close();
    throw new Error(`Chromium ${browser.pid} does not lead its own process group (${browser.group}): killing the group would hit more`);
  }
  const pid = browser.pid;
  const closed = new Promise<void>((resolve) => context.once('close', () => resolve()));
  return {
    context,
    pid,
    kill() {
      process.kill(-pid, 'SIGKILL');
    },
    async gone() {
      const deadline = Date.now() + 10_000;
      // Zombies (state Z) are dead already; they only wait for their parent to collect them.
      while (processes().some((entry) => entry.group === pid && entry.state !== 'Z')) {
        if (Date.now() > deadline) throw new Error(`Chromium ${pid}'s processes did not end after SIGKILL`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    },
    close: () => context.close(),
  };
}
