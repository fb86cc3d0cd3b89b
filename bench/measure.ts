/**
 * Runs one benchmark task in its own process, so its peak memory (max RSS) is its own, and prints
 * one JSON line: { task, seconds, cpuSeconds, peakRssMB, result }. `npm run bench` runs it bundled
 * (see run.ts). Usage: node bench/.data/measure.mjs TASK FILE
 */
import { readFileSync } from 'node:fs';
import { duckdbPnl } from './tasks/duckdb';
import { naivePnl } from './tasks/naive';
import { rawParseText, workerPath } from './tasks/worker-path';

const [task, file] = process.argv.slice(2);

// DuckDB's native library, loaded before the clock starts (as every task's code is) and only in
// its own task's process: the others' peak memory does not carry it.
const duckdb = task === 'duckdb' ? await import('@duckdb/node-api') : undefined;

/**
 * This process's peak resident memory. Linux's VmHWM is this program's own; getrusage's maxRSS
 * also counts the parent's memory copied at fork, before exec (the benchmark's parent holds
 * ~200 MB once its other sections have run).
 */
function peakResidentMB(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // Not Linux: getrusage's figure.
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** The naive baseline's whole-file read (our own tasks read the file in pieces). */
function readText(path: string): string {
  // Decode, then drop the bytes: the text is all the baseline keeps.
  return new TextDecoder('utf-8').decode(readFileSync(path));
}

async function run(): Promise<unknown> {
  switch (task) {
    case 'baseline':
      // The process with every task loaded and nothing read: what any task's peak RSS starts from.
      return null;
    case 'raw-parse':
      return rawParseText(file);
    case 'pipeline':
      return workerPath(file);
    case 'naive':
      return naivePnl(readText(file));
    case 'duckdb':
      return duckdbPnl(file, duckdb!.DuckDBInstance);
    default:
      throw new Error(`unknown task ${task}`);
  }
}

const started = performance.now();
const cpuBefore = process.cpuUsage();
const result = await run();
const seconds = (performance.now() - started) / 1000;
// CPU time of all the process's threads: on a busy machine it moves less than the wall time.
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const peakRssMB = peakResidentMB();
console.log(JSON.stringify({ task, seconds, cpuSeconds, peakRssMB, result }));
