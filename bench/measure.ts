/**
 * Runs one benchmark task in its own process, so its peak memory (max RSS) is its own, and prints
 * one JSON line: { task, seconds, peakRssMB, result }. Usage: tsx bench/measure.ts TASK FILE
 */
import { readFileSync } from 'node:fs';
import { duckdbPnl } from './tasks/duckdb';
import { naivePnl } from './tasks/naive';
import { pipelinePnl, rawParse } from './tasks/pipeline';

const [task, file] = process.argv.slice(2);

/** The naive baseline's whole-file read (our own tasks read the file in pieces). */
function readText(path: string): string {
  // Decode, then drop the bytes: the text is all the baseline keeps.
  return new TextDecoder('utf-8').decode(readFileSync(path));
}

async function run(): Promise<unknown> {
  switch (task) {
    case 'raw-parse':
      return rawParse(file);
    case 'pipeline':
      return pipelinePnl(file);
    case 'naive':
      return naivePnl(readText(file));
    case 'duckdb':
      return duckdbPnl(file);
    default:
      throw new Error(`unknown task ${task}`);
  }
}

const started = performance.now();
const result = await run();
const seconds = (performance.now() - started) / 1000;
const peakRssMB = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ task, seconds, peakRssMB, result }));
