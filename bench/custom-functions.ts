/**
 * Custom functions on a big sheet range: `=TTS_PNL(Statement!A:CZ)` and `=TTS_NET_PROFIT(…)` over
 * a 50,000-row, 64-column statement as Sheets passes it (numbers, Dates, '' padding to column CZ,
 * blank rows below), run through the built dist/Code.js in a vm. The floor is a plain loop in the
 * same realm that only sums every numeric cell of the same array: the least any function reading
 * the range must do. Reported as a ratio (target: within 5× of the floor) with the bundle size.
 */
import { statSync } from 'node:fs';
import { loadBundleInVm } from '../emulator/sandbox';
import { codeFile, ensureBuilt, FULL_WIDTH, inSandbox, padded, typedCells } from '../test/bundle/custom-functions-sheet';
import { parseCsv } from '../src/core/read/files/csv';
import { median, medianRatio } from './rounds';
import { generateStatementCsv } from './synthetic-export';
import type { BenchSection } from './bench-section';

const ROWS = 50_000;
const BLANK_ROWS = 1_000;
const RUNS = 7;

/**
 * Times the tasks interleaved (one call of each per round, after one untimed warm-up round for
 * the JIT), so a busy machine slows floor and functions alike; reports each task's median and
 * its time in every round (a ratio of two tasks: the median of their ratios within a round).
 */
function timeInterleaved<T extends Record<string, () => unknown>>(tasks: T): { [K in keyof T]: { seconds: number; runs: number[]; result: ReturnType<T[K]> } } {
  const names = Object.keys(tasks) as (keyof T)[];
  const times = new Map(names.map((name) => [name, [] as number[]]));
  const results = new Map<keyof T, unknown>();
  for (const name of names) results.set(name, tasks[name]());
  for (let round = 0; round < RUNS; round++) {
    for (const name of names) {
      const started = performance.now();
      results.set(name, tasks[name]());
      times.get(name)!.push((performance.now() - started) / 1000);
    }
  }
  return Object.fromEntries(names.map((name) => [name, { seconds: median(times.get(name)!), runs: times.get(name)!, result: results.get(name) }])) as never;
}

/** `a`'s time / `b`'s time, as the median of their rounds' (see rounds.ts). */
function pairedRatio(a: { runs: number[] }, b: { runs: number[] }): number {
  return medianRatio(a.runs, b.runs);
}

export async function benchCustomFunctions(): Promise<BenchSection> {
  ensureBuilt();
  const rt = loadBundleInVm({ file: codeFile });
  const { csv, totals } = generateStatementCsv({ rows: ROWS, months: 12 });
  const cells = padded(typedCells(parseCsv(csv), { timeZone: rt.workbook.timeZone }), { width: FULL_WIDTH, blankRowsBelow: BLANK_ROWS });
  const range = inSandbox(rt, cells);
  const cogs = inSandbox(rt, [['SKU', 'Unit cost'], ...Array.from({ length: 8 }, (_, p) => [`17324401583936${String(35_811 + p).padStart(5, '0')}`, 4 + p])]);
  const sumNumbers = rt.inRealm<(grid: unknown[][]) => number>(`function sumNumbers(grid) {
    let total = 0;
    for (let r = 0; r < grid.length; r++) {
      const row = grid[r];
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (typeof cell === 'number') total += cell;
      }
    }
    return total;
  }`);

  const { floor, pnl, profit } = timeInterleaved({
    floor: () => sumNumbers(range),
    pnl: () => rt.call('TTS_PNL', range) as unknown[][],
    profit: () => rt.call('TTS_NET_PROFIT', range, cogs) as number,
  });
  const settlement = (pnl.result[pnl.result.length - 1] as number[])[8];
  if (Math.round(settlement * 100) !== totals.settlement) {
    throw new Error(`TTS_PNL settlement ${settlement} differs from the generator's ${totals.settlement / 100}`);
  }
  const bundleKB = statSync(codeFile).size / 1024;
  const ratios = { pnlVsFloor: pairedRatio(pnl, floor), netProfitVsFloor: pairedRatio(profit, floor) };
  const verdict = (ratio: number) => (ratio <= 5 ? 'meets target' : 'MISSES target');
  const shape = `${ROWS.toLocaleString('en-US')} rows × 64 columns, range ${(ROWS + 1 + BLANK_ROWS).toLocaleString('en-US')} × ${FULL_WIDTH}`;
  return {
    name: 'customFunctions',
    data: {
      rows: ROWS,
      rangeRows: ROWS + 1 + BLANK_ROWS,
      rangeColumns: FULL_WIDTH,
      floorSeconds: floor.seconds,
      pnlSeconds: pnl.seconds,
      netProfitSeconds: profit.seconds,
      ratios,
      bundleKB,
      settlement,
      netProfit: profit.result,
    },
    lines: [
      `Custom functions through dist/Code.js (${shape}; median of ${RUNS})`,
      `  floor: sum every numeric cell   ${floor.seconds.toFixed(3).padStart(7)} s`,
      `  TTS_PNL(statement)              ${pnl.seconds.toFixed(3).padStart(7)} s  ${ratios.pnlVsFloor.toFixed(2)}× floor (target ≤ 5×, ${verdict(ratios.pnlVsFloor)})`,
      `  TTS_NET_PROFIT(statement, cogs) ${profit.seconds.toFixed(3).padStart(7)} s  ${ratios.netProfitVsFloor.toFixed(2)}× floor (target ≤ 5×, ${verdict(ratios.netProfitVsFloor)})`,
      `  dist/Code.js size               ${bundleKB.toFixed(1)} KB`,
    ],
  };
}
