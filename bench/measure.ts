/**
 * Runs one benchmark task in its own process, so its peak memory (max RSS) is its own, and prints
 * one JSON line: { task, seconds, cpuSeconds, peakRssMB, result }. Usage: tsx bench/measure.ts TASK FILE
 */
import { readFileSync } from 'node:fs';
import { duckdbPnl } from './tasks/duckdb';
import { naivePnl } from './tasks/naive';
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import { pipelinePnl, pipelinePnlInTwoThreads, rawParse, rawParseText } from './tasks/pipeline';

const [task, file] = process.argv.slice(2);

/** The naive baseline's whole-file read (our own tasks read the file in pieces). */
function readText(path: string): string {
  // Decode, then drop the bytes: the text is all the baseline keeps.
  return new TextDecoder('utf-8').decode(readFileSync(path));
}

/**
 * The worker thread's script, compiled before the clock starts (as DuckDB's engine is compiled
 * before it runs): what is timed is reading the file, not compiling TypeScript.
 */
function workerScript(): string {
  const out = join(import.meta.dirname, '.data/pipeline-part.mjs');
  buildSync({ entryPoints: [join(import.meta.dirname, 'tasks/pipeline-part.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'error' });
  return out;
}

const script = task === 'pipeline-2-threads' ? workerScript() : '';

async function run(): Promise<unknown> {
  switch (task) {
    case 'baseline':
      // The process with every task loaded and nothing read: what any task's peak RSS starts from.
      return null;
    case 'raw-parse':
      return rawParse(file);
    case 'raw-parse-text':
      return rawParseText(file);
    case 'pipeline':
      return pipelinePnl(file);
    case 'pipeline-2-threads':
      return pipelinePnlInTwoThreads(file, script);
    case 'naive':
      return naivePnl(readText(file));
    case 'duckdb':
      return duckdbPnl(file);
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
const peakRssMB = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ task, seconds, cpuSeconds, peakRssMB, result }));
