/**
 * `npm run bench`: the add-on's own code on the files and ranges a seller gives it, as ratios
 * measured in one run, printed as one table with pass / miss per target (and written to
 * bench/.data/latest.md for bench/README.md). What is timed is what the add-on runs:
 *  1. a file → rows ready to send, in the sidebar worker's code (CSV here, XLSX in Chromium),
 *     against the raw reader that code reads with, a naive papaparse + decimal.js baseline and
 *     DuckDB (a reference line);
 *  2. import into the workbook through the real import handlers of dist/Code.js;
 *  3. every custom function on a statement range and on a year's TTS Ledger tab, against a plain
 *     loop over the same range;
 *  4. the size of dist/Code.js, which Apps Script evaluates on every custom-function call.
 *
 * BENCH_ROWS=100000,1000000 (default) chooses the CSV sizes (`none`: no CSV file); BENCH_SKIP=duckdb,browser,imports,
 * functions skips sections; BENCH_ROUNDS sets how many interleaved rounds each CSV task runs
 * (default 5 under 100 MB, 3 above; the naive baseline at most 3). A shared machine slows down
 * for seconds at a time: tasks run in interleaved rounds, each keeps its median, and a ratio of
 * two tasks is the median of their ratios within a round.
 */
import { execFileSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { bundleEvaluation } from './bundle-evaluation';
import { medianRatio } from './rounds';
import { generateStatementRows } from './synthetic-export';

const root = join(import.meta.dirname, '..');
const dataDir = join(root, 'bench/.data');
const sizes = (process.env.BENCH_ROWS ?? '100000,1000000')
  .split(',')
  .filter((n) => /^\d+$/.test(n))
  .map(Number);
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const roundsOf = (mb: number) => Math.max(1, Number(process.env.BENCH_ROUNDS ?? (mb < 100 ? 5 : 3)));
const NAIVE_ROUNDS = 3;
/** A $1M seller's year: about 60,000 ledger rows. */
const YEAR_ROWS = 60_000;

interface Measurement {
  task: string;
  seconds: number;
  peakRssMB: number;
  result: Record<string, unknown>;
  rounds?: number[];
}

/** One row of the table: what was measured, its figure, the target and whether it is met. */
interface Row {
  measure: string;
  result: string;
  target: string;
  pass?: boolean;
}
const table: Row[] = [];
const notes: string[] = [];
const row = (measure: string, result: string, target = '—', pass?: boolean): void => {
  table.push({ measure, result, target, pass });
  // As it goes, on stderr: a full run takes many minutes.
  console.error(
    `| ${measure} | ${result} | ${target} | ${pass === undefined ? '' : pass ? 'pass' : 'MISS'} |`,
  );
};
const x = (n: number): string => `${n.toFixed(2)}×`;

async function syntheticFile(rows: number): Promise<string> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, `statement-${rows}.csv`);
  if (existsSync(file)) return file;
  const out = createWriteStream(file);
  let buffer: string[] = [];
  const flush = () => {
    out.write(buffer.join('\r\n') + '\r\n');
    buffer = [];
  };
  generateStatementRows({ rows, months: 12 }, (line) => {
    buffer.push(line);
    if (buffer.length >= 10_000) flush();
  });
  flush();
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return file;
}

/** The measuring script, bundled before any clock starts: tasks run as plain JavaScript, as the add-on ships. */
const measureScript = join(dataDir, 'measure.mjs');
mkdirSync(dataDir, { recursive: true });
buildSync({
  bundle: true,
  platform: 'node',
  format: 'esm',
  logLevel: 'error',
  entryPoints: [join(root, 'bench/measure.ts')],
  outfile: measureScript,
  external: ['@duckdb/node-api'],
});

function measure(task: string, file: string): Measurement {
  const output = execFileSync(process.execPath, [measureScript, task, file], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=8192' },
  });
  return JSON.parse(output.trim().split('\n').pop()!);
}

function measureInRounds(tasks: readonly string[], file: string, rounds: number): Measurement[] {
  const runs: Measurement[][] = tasks.map(() => []);
  for (let round = 0; round < rounds; round++) {
    tasks.forEach((task, t) => {
      if (task !== 'naive' || round < NAIVE_ROUNDS) runs[t].push(measure(task, file));
    });
  }
  return runs.map((all) => {
    const sorted = [...all].sort((a, b) => a.seconds - b.seconds);
    const middle = sorted[(sorted.length - 1) >> 1];
    return {
      ...middle,
      peakRssMB: Math.max(...all.map((m) => m.peakRssMB)),
      rounds: all.map((m) => m.seconds),
    };
  });
}

const paired = (a: Measurement, b: Measurement): number => medianRatio(a.rounds!, b.rounds!);

// ── 1. CSV: file → rows ready to send ─────────────────────────────────────────────────────────
for (const rows of sizes) {
  const file = await syntheticFile(rows);
  const mb = statSync(file).size / 1e6;
  const rounds = roundsOf(mb);
  const tasks = ['raw-parse', 'pipeline', ...(skip.has('duckdb') ? [] : ['duckdb']), 'naive'];
  const measured = measureInRounds(tasks, file, rounds);
  const [raw, pipeline] = measured;
  const naive = measured[measured.length - 1];
  const duck = skip.has('duckdb') ? null : measured[2];
  const label = `CSV ${rows.toLocaleString('en-US')} rows (${mb.toFixed(0)} MB)`;
  const vsRaw = paired(raw, pipeline);
  const vsNaive = paired(naive, pipeline);
  // What reading the file adds to the heap: the peak over the heap before it was opened (the code's own).
  const peakHeap = (pipeline.result.peakHeapMB as number) - (pipeline.result.baseHeapMB as number);
  row(
    `${label}: worker's code, file → rows ready to send`,
    `${pipeline.seconds.toFixed(2)} s (${(mb / pipeline.seconds).toFixed(0)} MB/s)`,
  );
  row(
    `${label}: throughput / raw reader's (${(mb / raw.seconds).toFixed(0)} MB/s)`,
    x(vsRaw),
    '≥ 0.4×',
    vsRaw >= 0.4,
  );
  row(
    `${label}: throughput / naive papaparse + decimal.js (${naive.seconds.toFixed(1)} s)`,
    x(vsNaive),
    '≥ 5×',
    vsNaive >= 5,
  );
  row(
    `${label}: peak heap the worker holds for the file / file size`,
    `${x(peakHeap / mb)} (${peakHeap.toFixed(0)} MB)`,
    '≤ 3×',
    peakHeap / mb <= 3,
  );
  if (duck)
    row(
      `${label}: time / DuckDB's (2 threads, ${duck.seconds.toFixed(2)} s), reference`,
      x(paired(pipeline, duck)),
    );
  notes.push(
    `${label}: rounds of raw ${raw.rounds!.map((s) => s.toFixed(2)).join(', ')} s; worker's code ` +
      `${pipeline.rounds!.map((s) => s.toFixed(2)).join(', ')} s; naive ${naive.rounds!.map((s) => s.toFixed(1)).join(', ')} s.`,
  );
}

// ── XLSX in Chromium ──────────────────────────────────────────────────────────────────────────
if (!skip.has('browser')) {
  const { benchXlsxInBrowser } = await import('./xlsx-in-browser');
  const size = { rows: 100_000, cols: 64 };
  const xlsx = await benchXlsxInBrowser(size);
  const mb = xlsx.bytes / 1e6;
  const label = `XLSX ${size.rows.toLocaleString('en-US')} × ${size.cols} (${mb.toFixed(0)} MB) in Chromium`;
  const vsRaw = medianRatio(xlsx.read.runs, xlsx.parse.runs);
  const held = xlsx.parse.heapMB - xlsx.parse.baselineHeapMB + mb;
  row(`${label}: worker's code, file → rows ready to send`, `${xlsx.parse.seconds.toFixed(2)} s`);
  row(
    `${label}: throughput / raw reader's (${xlsx.read.seconds.toFixed(2)} s)`,
    x(vsRaw),
    '≥ 0.4×',
    vsRaw >= 0.4,
  );
  row(
    `${label}: peak heap the worker's code holds (file included) / file size`,
    `${x(held / mb)} (${held.toFixed(0)} MB)`,
    '≤ 3×',
    held / mb <= 3,
  );
  row(
    `${label}: the sidebar end to end, File → worker → rows in the page`,
    `${xlsx.worker.seconds.toFixed(2)} s`,
  );
  notes.push(
    `${label}: heap before reading ` +
      `${xlsx.parse.baselineHeapMB.toFixed(0)} MB (page, bundle, the file's bytes); no naive XLSX baseline exists ` +
      `(the naive baseline reads CSV).`,
  );
}

// ── 2. Import through the real handlers; 3. custom functions ──────────────────────────────────
// Only the year's TTS Ledger values are kept for the functions: the workbook itself is Sheets' side
// of a call, not in the script's heap, and holding it here would make every collection a function
// triggers mark it too.
let yearLedger: unknown[][] | null = null;
if (!skip.has('imports')) {
  const { measureImport, parsedAsInThePage } = await import('./imports');
  const { generateStatementCsv } = await import('./synthetic-export');
  const year = generateStatementCsv({ rows: YEAR_ROWS, months: 12, seed: 7 });
  const inputs: [string, Uint8Array, string][] = [
    [
      'statement-100000.csv',
      new Uint8Array(readFileSync(await syntheticFile(100_000))),
      'the 100,000-row file',
    ],
    [
      'statement-year.csv',
      new TextEncoder().encode(year.csv),
      `a $1M seller's year (${YEAR_ROWS.toLocaleString('en-US')} rows)`,
    ],
  ];
  for (const [name, bytes, label] of inputs) {
    const parsed = await parsedAsInThePage(bytes, name);
    const result = await measureImport(parsed);
    row(
      `Import of ${label} through the import handlers`,
      `${result.rowsPerSecond.toFixed(0)} rows/s (${result.seconds.toFixed(1)} s)`,
    );
    row(
      `  setValues calls / cells written, per 1,000 rows`,
      `${result.setValuesPer1000Rows.toFixed(2)} / ${result.cellsPer1000Rows.toFixed(0)}`,
    );
    if (name === 'statement-year.csv') yearLedger = result.workbook.valuesOf('TTS Ledger');
  }
}
if (!skip.has('functions')) {
  const { ANSWER_ROWS_ALONE, benchCustomFunctions } = await import('./custom-functions');
  for (const t of benchCustomFunctions(yearLedger)) {
    const vsFloor = `${(t.seconds * 1000).toFixed(0)} ms, ${x(t.vsFloor)} the plain loop (${(t.floorSeconds * 1000).toFixed(1)} ms)`;
    // The forecast's input is a monthly series, not a range of rows: its time is shown, no ratio.
    if (t.name === 'TTS_FORECAST') row(`${t.name} on ${t.on}`, `${(t.seconds * 1000).toFixed(0)} ms`);
    else if (t.name === ANSWER_ROWS_ALONE) row(`  ${t.name}`, vsFloor);
    else row(`${t.name} on ${t.on}`, vsFloor, '≤ 5×', t.vsFloor <= 5);
  }
}

// ── 4. Bundle size ────────────────────────────────────────────────────────────────────────────
const codeKB = statSync(join(root, 'dist/Code.js')).size / 1024;
row('dist/Code.js', `${codeKB.toFixed(1)} KB`, '≤ 150 KB', codeKB <= 150);
const evaluation = bundleEvaluation(join(root, 'dist/Code.js'));
row(
  '  dist/Code.js evaluated in a fresh context, as each call starts (compiled / compiled and run), reference',
  `${(evaluation.compile * 1000).toFixed(1)} / ${(evaluation.total * 1000).toFixed(1)} ms`,
);

const cell = (r: Row): string[] => [
  r.measure,
  r.result,
  r.target,
  r.pass === undefined ? '' : r.pass ? 'pass' : 'MISS',
];
const markdown = [
  `Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus()[0]?.model.trim() ?? 'an unknown CPU'} (${cpus().length} cores), Node ` +
    `${process.version}.`,
  '',
  '| Measure | Result | Target | |',
  '|---|---|---|---|',
  ...table.map((r) => `| ${cell(r).join(' | ')} |`),
  '',
  ...notes.map((n) => `- ${n}`),
].join('\n');
console.log(markdown);
writeFileSync(join(dataDir, 'latest.md'), markdown + '\n');
console.log(
  `\nThe table is in bench/.data/latest.md. ${table.filter((r) => r.pass === false).length} target(s) missed.`,
);
