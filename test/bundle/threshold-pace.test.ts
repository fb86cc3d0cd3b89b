/**
 * TTS_THRESHOLD's pace and projections where the data does not cover the whole month: as_of after
 * the last row, a shop that started mid-month, two days into a new year. The sample history
 * (samples/statement-history.csv, orders 1 January 2025 – 28 May 2026) re-dated or cut, with the
 * expected figures summed by hand from the CSV: gross sales + gross sales refund by order date.
 * Through dist/Code.js; the sidebar's Forecast card from the same rows imported into the ledger.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, parseCsv, Workbook, type GasRuntime } from '../../emulator/index';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import type { ForecastStatus } from '../../src/core/contract';
import { ensureBuilt, harness } from '../server/import-harness';
import { privateBundleCopy } from '../helpers/built-bundle';
import { sheetRange } from './custom-functions-sheet';

const HISTORY = (parseCsv(readFileSync('samples/statement-history.csv', 'utf8')) as string[][]).filter(
  (row) => row.length > 5,
);
const HEADER = HISTORY[0];
const ORDER_DATE = HEADER.indexOf('Order created date');
const DATES = ['Statement date (UTC)', 'Order created date', 'Order delivery date'].map((h) =>
  HEADER.indexOf(h),
);

/** `2026/05/28` moved by `days` (UTC calendar arithmetic). */
function shifted(text: string, days: number): string {
  const m = /^(\d{4})\/(\d{2})\/(\d{2})(.*)$/.exec(text);
  if (!m) return text;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + days));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}${m[4]}`;
}

/** The sample history with every date moved by `days`, keeping the orders `keep` accepts. */
function history(days: number, keep: (orderDate: string) => boolean = () => true): string[][] {
  const rows = HISTORY.slice(1).map((row) =>
    row.map((cell, i) => (DATES.includes(i) ? shifted(cell, days) : cell)),
  );
  return [HEADER, ...rows.filter((row) => keep(row[ORDER_DATE]))];
}

/** Sales for the threshold between two days (YYYY-MM-DD, both included), in cents, summed from the CSV. */
function handCents(rows: string[][], from: string, to: string): number {
  const cents = (text: string) => (text === '' || text === '/' ? 0 : Math.round(Number(text) * 100));
  let sum = 0;
  for (const row of rows.slice(1)) {
    const day = (row[ORDER_DATE] || row[0]).slice(0, 10).replace(/\//g, '-');
    if (day >= from && day <= to)
      sum += cents(row[HEADER.indexOf('Gross sales')]) + cents(row[HEADER.indexOf('Gross sales refund')]);
  }
  return sum;
}

const toCsv = (rows: string[][]) =>
  rows
    .map((row) => row.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
    .join('\n') + '\n';

let rt: GasRuntime;
beforeAll(() => {
  ensureBuilt();
  rt = loadBundleInVm({ file: privateBundleCopy(), workbook: new Workbook() });
});

function threshold(rows: string[][], ...args: unknown[]): Map<string, unknown> {
  const table = rt.call('TTS_THRESHOLD', sheetRange(rt, rows), ...args) as [string, unknown][];
  return new Map(table.map(([label, value]) => [label, value]));
}

/** The sidebar's Forecast card after importing the same rows into the ledger. */
async function forecastCard(rows: string[][]): Promise<ForecastStatus> {
  const h = harness();
  const parsed = parseExportFile(new TextEncoder().encode(toCsv(rows)), 'statement.csv');
  await h.importFiles(parsed.files);
  return h.run('getForecastStatus', null) as ForecastStatus;
}

describe('TTS_THRESHOLD with as_of after the last row (data to 28 May 2026, as_of 5 June)', () => {
  const rows = history(0);
  const table = () => threshold(rows, 65000, 1000000, '2026-06-05');

  it('makes no June figure out of days it has no rows for: no month to date, pace or projection', () => {
    const t = table();
    expect(t.get('Month')).toBe('2026-06');
    for (const label of [
      'Month to date',
      'Needed per day',
      'Projected month',
      'Pace method',
      'Expected month',
      'Projected year',
      'Annual gap',
    ])
      expect(t.get(label)).toBe('');
    expect(t.get('Status')).toBe(
      'The range has no rows after 2026-05-28: no pace for 2026-06 until its rows are added.',
    );
  });

  it('does not count May (28 of its 31 days in the data) as a full month: April is the last one', () => {
    const t = table();
    expect(t.get('Last full month')).toBe('2026-04');
    expect(t.get('Last full month sales')).toBe(handCents(rows, '2026-04-01', '2026-04-30') / 100); // 6,628.09
    expect(t.get('Last full month sales')).toBe(6628.09);
    // May 2025 – April 2026.
    expect(t.get('Sales, last 12 full months')).toBe(handCents(rows, '2025-05-01', '2026-04-30') / 100);
    expect(t.get('Full months at target (last 12 full months)')).toBe('0 of 12');
  });

  it('as_of later in the month than the rows: the days after them are forecast, not $0, and the month is not closed', () => {
    // Data to 28 May. The expected month and the year are the same whether as_of is the 28th or the 31st.
    const on28 = threshold(rows, 65000, 1000000, '2026-05-28');
    for (const day of ['2026-05-30', '2026-05-31']) {
      const t = threshold(rows, 65000, 1000000, day);
      expect(t.get('Expected month')).toBe(on28.get('Expected month'));
      expect(t.get('Projected year')).toBe(on28.get('Projected year'));
      // 5,984.19 to 28 May + 3/31 of May's forecast, 7,730.84 (249.38 a day × 31) = 6,732.34. It was
      // 6,713 from a forecast of monthly totals (7,530.55), which read month length as a change in sales.
      expect(t.get('Status')).toMatch(
        /^Behind: expected \$6,732 this month, \$58,268 short of the \$65,000 target[.;].* The range has no rows after 2026-05-28\.$/,
      );
    }
    // May, which the rows stop in, is no full month of the forecast's history.
    expect(threshold(rows, 65000, 1000000, '2026-05-31').get('Last full month')).toBe('2026-04');
  });

  it('as_of inside the data but after its last day in the month: the pace runs to the last day, and says the rows stop', () => {
    const t = threshold(rows, 65000, 1000000, '2026-05-30');
    const mayToDate = handCents(rows, '2026-05-01', '2026-05-28');
    expect(t.get('Month to date')).toBe(mayToDate / 100);
    expect(t.get('Pace method')).toBe('Weighted by your day-of-week pattern over 28 days from 2026-05-01');
    expect(t.get('Status')).toMatch(/ The range has no rows after 2026-05-28\.$/);
  });
});

describe('TTS_THRESHOLD for a shop whose first order is on 15 May 2026 (data to 28 May)', () => {
  const rows = history(0, (d) => d >= '2026/05/15');
  const sold = handCents(rows, '2026-05-01', '2026-05-31'); // 3,201.19 over 14 selling days

  it('measures the pace over the 14 days since the first order, not the 28 days of May', () => {
    expect(sold).toBe(320_119);
    const t = threshold(rows);
    // 3,201.19 × 17 selling days (15–31 May) / 14 = 3,887.16 (228.66 a day, not 114.33).
    expect(t.get('Projected month')).toBe(Math.round((sold * 17) / 14) / 100);
    expect(t.get('Projected month')).toBe(3887.16);
    expect(t.get('Pace method')).toBe('Flat daily pace over 14 days from 2026-05-15');
    expect(t.get('Full months at target (last 12 full months)')).toBe('0 of 0');
    expect(t.get('Last full month')).toBe('');
  });

  it('projects the rest of the year at that daily pace, the same figure as the sidebar', async () => {
    const may = Math.round((sold * 17) / 14);
    const later = [30, 31, 31, 30, 31, 30, 31].reduce((sum, days) => sum + Math.round((may / 17) * days), 0);
    const t = threshold(rows);
    expect(t.get('Projected year')).toBe((may + later) / 100); // about 52,820, not 28,010
    expect((await forecastCard(rows)).projectedYearCents).toBe(may + later);
  });

  it('a shop that started on 20 January has three full months by May (February – April), not four', () => {
    const t = threshold(history(0, (d) => d >= '2026/01/20'));
    expect(t.get('Full months at target (last 12 full months)')).toBe('0 of 3');
    expect(t.get('Last full month')).toBe('2026-04');
  });
});

describe('TTS_THRESHOLD two days into a new year (the history moved 219 days: data to 2 January 2027)', () => {
  const rows = history(219);

  it('projects the month from 2 days, judges it as the sidebar does, gives the sidebar’s projected year (not 2.5 times any year)', async () => {
    const t = threshold(rows);
    expect(t.get('As of')).toBe('2027-01-02');
    expect(t.get('Month to date')).toBe(handCents(rows, '2027-01-01', '2027-01-02') / 100); // 898.29
    expect(t.get('Pace method')).toMatch(/ over 2 days from 2027-01-01$/);
    const card = await forecastCard(rows);
    // Two days of sales and the forecast for the 29 left: the figure the status and the year judge by.
    expect(t.get('Expected month')).toBe(card.expectedMonthCents / 100);
    expect(t.get('Status')).toBe(card.paceLine);
    expect(t.get('Status')).toMatch(/^(On course|Behind): expected \$[\d,]+ this month, /);
    expect(t.get('Projected year')).toBe(card.projectedYearCents / 100);
    // Calendar 2026, the shop's last 12 full months: 65,729.77. The projection stays near it.
    const lastYear = handCents(rows, '2026-01-01', '2026-12-31');
    expect(t.get('Sales, last 12 full months')).toBe(lastYear / 100);
    expect(card.projectedYearCents).toBeLessThan(lastYear * 1.5);
    expect(card.projectedYearCents).toBeGreaterThan(lastYear * 0.75);
  });
});

describe('TTS_THRESHOLD and the sidebar on the same 17 months (data to 28 May 2026)', () => {
  const rows = history(0);

  it('print the same expected month and the same status line; the pace’s projection is shown beside it', async () => {
    const t = threshold(rows);
    const card = await forecastCard(rows);
    expect(t.get('Month to date')).toBe(card.monthToDateCents / 100);
    expect(t.get('Expected month')).toBe(card.expectedMonthCents / 100);
    expect(t.get('Status')).toBe(card.paceLine);
    // The month to date plus the forecast for the 3 days left is not the weekday pace over 28 days.
    expect(t.get('Projected month')).toBe(card.paceCents / 100);
    expect(card.expectedMonthCents).not.toBe(card.paceCents);
    const expected = card.expectedMonthCents;
    expect(card.paceLine).toContain(
      `expected $${Math.round(expected / 100).toLocaleString('en-US')} this month`,
    );
    // The year builds on the expected month, and the gap on the year.
    expect(t.get('Annual gap')).toBe(1_000_000 - card.projectedYearCents / 100);
  });
});
