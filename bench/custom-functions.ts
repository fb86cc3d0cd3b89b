/**
 * Every custom function through the built dist/Code.js in a vm, on the ranges a seller passes:
 * a 50,000-row, 64-column statement as Sheets hands it over (numbers, Dates, '' padding to column
 * CZ, blank rows below) and the `TTS Ledger` tab a year of imports wrote. The floor is a plain loop
 * in the same realm that only sums every numeric cell of the same arguments: the least any
 * function reading them must do. Each function's time is a ratio to that floor (target ≤ 5×),
 * timed interleaved with it, one call of each per round, after an untimed warm-up round.
 */
import { readFileSync } from 'node:fs';
import { loadBundleInVm } from '../emulator/sandbox';
import {
  codeFile,
  ensureBuilt,
  FULL_WIDTH,
  inSandbox,
  padded,
  typedCells,
} from '../test/bundle/custom-functions-sheet';
import { parseCsv } from '../src/core/read/files/csv';
import { median, medianRatio } from './rounds';
import { generateStatementCsv } from './synthetic-export';

export const STATEMENT_ROWS = 50_000;
const BLANK_ROWS = 1_000;
const RUNS = 5;

export interface FunctionTiming {
  name: string;
  /** Which range: the statement export or the TTS Ledger tab. */
  on: string;
  seconds: number;
  floorSeconds: number;
  /** Time / the floor's time, the median of the rounds' ratios. */
  vsFloor: number;
}

/** The functions, each called as a seller would on a statement-shaped range. */
const CALLS: Record<string, (statement: unknown, cogs: unknown) => unknown[]> = {
  TTS_SETTLEMENT: (s) => [s],
  TTS_SALES: (s) => [s],
  TTS_FEES: (s) => [s],
  TTS_FEE: (s) => [s, 'Referral fee'],
  TTS_NET_PROFIT: (s, cogs) => [s, cogs],
  TTS_PNL: (s, cogs) => [s, cogs],
  TTS_COST_DETAIL: (s, cogs) => [s, cogs, '2026-03'],
  TTS_RECONCILE: (s) => [s],
  TTS_THRESHOLD: (s) => [s, 65000, 1000000, '2026-12-31'],
};

/** The names the bundle exports (every `TTS_` function in src/server/index.ts). */
export function customFunctionNames(): string[] {
  const index = readFileSync(new URL('../src/server/index.ts', import.meta.url), 'utf8');
  return [...index.matchAll(/\bTTS_[A-Z_]+/g)].map((m) => m[0]);
}

/**
 * Times every function on `statement` (the synthetic export) and, when given, on `ledger`: the
 * values of the TTS Ledger tab a year of imports wrote. Functions whose arguments are not a statement
 * (the forecast and break-even ROAS) run on ranges of their own, as their rows say.
 */
export function benchCustomFunctions(ledger: unknown[][] | null): FunctionTiming[] {
  ensureBuilt();
  const rt = loadBundleInVm({ file: codeFile });
  const { csv } = generateStatementCsv({ rows: STATEMENT_ROWS, months: 12 });
  const rows = parseCsv(csv);
  const statement = inSandbox(
    rt,
    padded(typedCells(rows, { timeZone: rt.workbook.timeZone }), {
      width: FULL_WIDTH,
      blankRowsBelow: BLANK_ROWS,
    }),
  );
  const cogs = inSandbox(rt, [
    ['SKU', 'Unit cost'],
    ...Array.from({ length: 8 }, (_, p) => [`17324401583936${String(35_811 + p).padStart(5, '0')}`, 4 + p]),
  ]);
  const sumNumbers = rt.inRealm<(...grids: unknown[]) => number>(`function sumNumbers() {
    let total = 0;
    for (let a = 0; a < arguments.length; a++) {
      const grid = arguments[a];
      if (!Array.isArray(grid)) continue;
      for (let r = 0; r < grid.length; r++) {
        const row = grid[r];
        for (let c = 0; c < row.length; c++) {
          const cell = row[c];
          if (typeof cell === 'number') total += cell;
        }
      }
    }
    return total;
  }`);
  const names = customFunctionNames();
  const ownRanges = new Set(['TTS_FORECAST', 'TTS_BREAKEVEN_ROAS', 'TTS_ADS']);
  const missing = names.filter((n) => !(n in CALLS) && !ownRanges.has(n));
  if (missing.length > 0) throw new Error(`bench/custom-functions.ts: no call for ${missing.join(', ')}`);
  const ranges: [string, unknown][] = [
    [`statement ${STATEMENT_ROWS.toLocaleString('en-US')} × 64`, statement],
  ];
  if (ledger) {
    const values = ledger;
    ranges.push([
      `TTS Ledger ${(values.length - 1).toLocaleString('en-US')} × ${values[0].length}`,
      inSandbox(rt, values),
    ]);
  }
  const timings: FunctionTiming[] = [];
  for (const [on, range] of ranges) {
    const tasks: FloorTask[] = names.filter((n) => n in CALLS).map((n) => [n, CALLS[n](range, cogs)]);
    timings.push(...timeAgainstFloor(rt, sumNumbers, tasks, on));
  }
  // Break-even ROAS is vectorised over ranges: one row per product, 50,000 of them.
  const price = inSandbox(
    rt,
    Array.from({ length: STATEMENT_ROWS }, (_, i) => [19.99 + (i % 40)]),
  );
  const unitCost = inSandbox(
    rt,
    Array.from({ length: STATEMENT_ROWS }, (_, i) => [4 + (i % 9)]),
  );
  // What any answer of 50,000 one-cell rows costs before a figure is worked out: the rows alone,
  // made in the bundle's realm from the same cells. A reference, so the ratio above can be read.
  const answerRowsAlone = rt.inRealm<(prices: unknown[][]) => unknown[][]>(`function answerRows(prices) {
    const rows = [];
    for (let r = 0; r < prices.length; r++) rows.push([prices[r][0]]);
    return rows;
  }`);
  timings.push(
    ...timeAgainstFloor(
      rt,
      sumNumbers,
      [
        ['TTS_BREAKEVEN_ROAS', [price, unitCost, 0.08, 0.15]],
        [ANSWER_ROWS_ALONE, [price, unitCost], () => answerRowsAlone(price as unknown[][])],
      ],
      `${STATEMENT_ROWS.toLocaleString('en-US')} prices and costs`,
    ),
  );
  // TTS_ADS reads an ad report: an Ads Manager export by day, 50,000 rows (days × campaigns × ad groups).
  const adHeader = [
    'By Day',
    'Campaign name',
    'Ad group name',
    'Cost',
    'Impressions',
    'Clicks (destination)',
    'Purchases (Shop)',
    'Gross revenue (Shop)',
  ];
  const adRows = Array.from({ length: STATEMENT_ROWS }, (_, i) => [
    new Date(Date.UTC(2026, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10),
    `Campaign ${i % 50}`,
    `Ad group ${Math.floor(i / 50) % 20}`,
    ((i * 37) % 5000) / 100,
    1000 + (i % 9000),
    i % 300,
    i % 7,
    ((i * 53) % 20_000) / 100,
  ]);
  const ads = inSandbox(rt, [adHeader, ...adRows]);
  timings.push(
    ...timeAgainstFloor(
      rt,
      sumNumbers,
      [['TTS_ADS', [ads]]],
      `an Ads Manager report of ${STATEMENT_ROWS.toLocaleString('en-US')} rows`,
    ),
  );
  // The forecast reads a monthly series (three years): its floor is the same loop over it.
  const months = inSandbox(
    rt,
    Array.from({ length: 36 }, (_, i) => [
      `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    ]),
  );
  const sales = inSandbox(
    rt,
    Array.from({ length: 36 }, (_, i) => [40_000 + 800 * i + 6_000 * Math.sin((i / 12) * 2 * Math.PI)]),
  );
  timings.push(
    ...timeAgainstFloor(rt, sumNumbers, [['TTS_FORECAST', [months, sales, 6, 65000]]], '36 months'),
  );
  return timings;
}

/** A reference task, not a function of the add-on: its row in the table has no target. */
export const ANSWER_ROWS_ALONE = 'Making 50,000 one-cell answer rows alone (reference)';

/** A function by name and its arguments (the floor's are the first task's); `run` times something else on them. */
type FloorTask = [name: string, args: unknown[], run?: () => unknown];

function timeAgainstFloor(
  rt: ReturnType<typeof loadBundleInVm>,
  floor: (...grids: unknown[]) => number,
  tasks: FloorTask[],
  on: string,
): FunctionTiming[] {
  const floorArgs = tasks[0][1];
  const floorTimes: number[] = [];
  const times = tasks.map(() => [] as number[]);
  const time = (run: () => unknown): number => {
    const started = performance.now();
    run();
    return (performance.now() - started) / 1000;
  };
  for (let round = -1; round < RUNS; round++) {
    const f = time(() => floor(...floorArgs));
    if (round >= 0) floorTimes.push(f);
    tasks.forEach(([name, args, run], t) => {
      const seconds = time(run ?? (() => rt.call(name, ...args)));
      if (round >= 0) times[t].push(seconds);
    });
  }
  return tasks.map(([name], t) => ({
    name,
    on,
    seconds: median(times[t]),
    floorSeconds: median(floorTimes),
    vsFloor: medianRatio(times[t], floorTimes),
  }));
}
