import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * CPU time from Linux's /proc, so a run on a shared machine can say how much of it the server, the
 * tills and everything else had. Elsewhere (no /proc) every reading is undefined and nothing is shown.
 */
export interface CpuReading {
  /** Seconds of CPU the whole machine spent busy (all cores), since boot. */
  machineBusy: number;
  /** Seconds of CPU per kind of process of this run, since each started. */
  server: number;
  tills: number;
  runner: number;
}

export interface CpuShare {
  seconds: number;
  cores: number;
  /** Average cores busy over the interval. */
  machine: number;
  server: number;
  tills: number;
  runner: number;
  /** Everything on the machine that is not this run (other users' work on a shared machine). */
  others: number;
}

function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

const ticksPerSecond = fs.existsSync('/proc/stat') ? clockTicks() : 0;

/** utime + stime of a process, in seconds, and its parent's id; undefined when it has gone. */
function processStat(pid: number): { parent: number; seconds: number } | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: the fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { parent: Number(fields[1]), seconds: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond };
  } catch {
    return undefined;
  }
}

function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** This process's and its children's CPU so far, sorted into server, tills and runner. */
export function readCpu(): CpuReading | undefined {
  if (!ticksPerSecond) return undefined;
  const [, ...times] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  // user nice system idle iowait irq softirq steal ...: idle and iowait are the only time not busy.
  const machineBusy = (times.slice(0, 8).reduce((total, value) => total + value, 0) - times[3] - times[4]) / ticksPerSecond;
  const reading: CpuReading = { machineBusy, server: 0, tills: 0, runner: processStat(process.pid)?.seconds ?? 0 };
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const stat = processStat(pid);
    if (!stat || stat.parent !== process.pid) continue;
    const command = commandLine(pid);
    if (command.includes('sync-server/src/main.ts')) reading.server += stat.seconds;
    else if (command.includes('till-process.ts')) reading.tills += stat.seconds;
  }
  return reading;
}

/** Average cores each kind used between two readings `seconds` apart. */
export function cpuShare(from: CpuReading | undefined, to: CpuReading | undefined, seconds: number, cores: number): CpuShare | undefined {
  if (!from || !to || seconds <= 0) return undefined;
  const per = (key: keyof CpuReading) => Math.round(((to[key] - from[key]) / seconds) * 100) / 100;
  const machine = per('machineBusy');
  const server = per('server');
  const tills = per('tills');
  const runner = per('runner');
  return { seconds, cores, machine, server, tills, runner, others: Math.max(0, Math.round((machine - server - tills - runner) * 100) / 100) };
}
