/**
 * What sellers do in their sheets, through the built bundle: two exports joined side by side, a
 * Key cleared in the TTS Ledger tab, a month typed with the wrong year, the unit costs passed
 * without their SKUs, a month written as a day. Each gives the figure worked by hand, or a refusal
 * that names what to fix — never a 0 or a total that silently left rows out.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, parseCsv, type GasRuntime } from '../../emulator/index';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { privateBundleCopy } from '../helpers/built-bundle';
import { countInLedgerRows } from '../../src/sidebar/import/already-imported';
import { alreadyImportedText } from '../../src/sidebar/import/file-preview';
import { COGS, ensureBuilt, harness, LEDGER, sampleStatement, type Harness } from './import-harness';

beforeAll(ensureBuilt);

const SAMPLE = parseCsv(
  readFileSync('samples/statement-2026-05.csv', 'utf8').replace(/^\uFEFF/, ''),
) as string[][];
const HEADER = SAMPLE[0];
const ORDER_DATE = HEADER.indexOf('Order created date');
const SETTLEMENT = HEADER.indexOf('Total settlement amount');
const cents = (rows: string[][]) =>
  rows.reduce((sum, r) => sum + Math.round(Number(r[SETTLEMENT] || 0) * 100), 0);
const APRIL = SAMPLE.slice(1).filter((r) => r[ORDER_DATE].startsWith('2026/04'));
const MAY = SAMPLE.slice(1).filter((r) => !r[ORDER_DATE].startsWith('2026/04'));

function runtime(h?: Harness): GasRuntime {
  return loadBundleInVm({ file: privateBundleCopy(), workbook: h?.workbook });
}

/** A custom function's answer, or its error's message. */
function answer(rt: GasRuntime, fn: string, ...args: unknown[]): unknown {
  try {
    return rt.call(fn, ...args);
  } catch (error) {
    return (error as Error).message;
  }
}

/** A tab's values as a whole-column range: every row as wide as the widest. */
function range(h: Harness, tab: string): unknown[][] {
  const values = h.values(tab);
  const width = Math.max(...values.map((r) => r.length));
  return values.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ''));
}

async function imported(): Promise<Harness> {
  const h = harness();
  const [outcome] = await h.importFiles([sampleStatement()]);
  expect(outcome.status).toBe('complete');
  return h;
}

describe('two exports side by side in one range (={Apr!A:BL, May!A:BL}, a comma for a semicolon)', () => {
  const width = HEADER.length;
  const pad = (rows: string[][], n: number) => [
    ...rows,
    ...Array.from({ length: n - rows.length }, () => Array(width).fill('')),
  ];
  const n = Math.max(APRIL.length, MAY.length) + 1;
  const left = pad([HEADER, ...APRIL], n);
  const right = pad([HEADER, ...MAY], n);
  const sideBySide = left.map((row, i) => [...row, ...right[i]]);
  const refusal = (where: string, column: string, row: number) =>
    `${where}: *Order/adjustment ID* heads column G on row 1 and column ${column} on row ${row}: two exports side ` +
    'by side, and only the left one would be read. Give each its own range.';

  it('is refused by every function, never summed as April alone (3,254.39 of the 4,613.85 the two hold)', () => {
    expect(cents(APRIL)).toBe(325_439);
    expect(cents([...APRIL, ...MAY])).toBe(461_385);
    const rt = runtime();
    const sideBySideRefusal = refusal('the statement range', 'BS', 1);
    for (const fn of ['TTS_SETTLEMENT', 'TTS_FEES', 'TTS_PNL', 'TTS_RECONCILE', 'TTS_THRESHOLD'])
      expect(answer(rt, fn, sideBySide)).toBe(sideBySideRefusal);
    expect(answer(rt, 'TTS_SALES', sideBySide, '2026-05')).toBe(sideBySideRefusal);
    // Each export on its own range adds up to the hand figure.
    const total =
      (answer(rt, 'TTS_SETTLEMENT', left) as number) + (answer(rt, 'TTS_SETTLEMENT', right) as number);
    expect(Math.round(total * 100)).toBe(461_385);
  });

  it('a file holding them is refused by the sidebar’s reader, naming the file; nothing is imported', () => {
    const csv = sideBySide
      .map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
      .join('\n');
    const parsed = parseExportFile(new TextEncoder().encode(csv), 'apr-may.csv');
    expect(parsed.files).toEqual([]);
    expect(parsed.errors.map((e) => e.message)).toEqual([refusal('apr-may.csv', 'BS', 1)]);
  });

  it('with a title above the right one (its header a row lower) is refused too', () => {
    const titled = [...left, Array(width).fill('')].map((row, i) => [
      ...row,
      ...(i === 0 ? ['May statement', ...Array(width - 1).fill('')] : right[i - 1]),
    ]);
    expect(answer(runtime(), 'TTS_SETTLEMENT', titled)).toBe(refusal('the statement range', 'BS', 2));
  });

  it('a column of the seller’s own headed like one of the export’s (Order ID) is no second export', async () => {
    const h = await imported();
    const withHelper = range(h, LEDGER).map((row, r) => [...row, r === 0 ? 'Order ID' : `note ${r}`]);
    expect(answer(runtime(h), 'TTS_SETTLEMENT', withHelper)).toBe(4613.85);
    const statement = [HEADER, ...APRIL, ...MAY].map((row, r) => [...row, r === 0 ? 'Order ID' : '']);
    expect(answer(runtime(), 'TTS_SETTLEMENT', statement)).toBe(4613.85);
  });
});

describe('a Key of the TTS Ledger tab cleared or typed over', () => {
  const keyRefusal = (says: string) =>
    `Row 6: the *Key* of a row TTS Profit wrote was cleared or typed over${says}; ` +
    'type it back, or delete the row and import its file again.';

  it.each([
    ['cleared', '', ''],
    ['typed over', 'x', ' (it says `x`)'],
  ])(
    '%s: the row is refused by name, not dropped from the 4,613.85 settlement; typed back, it counts',
    async (_how, typed, says) => {
      const h = await imported();
      const key = h.values(LEDGER)[5][0];
      const settlement = () => answer(runtime(h), 'TTS_SETTLEMENT', range(h, LEDGER));
      expect(settlement()).toBe(4613.85);
      h.workbook.seed(LEDGER, [[typed]], 6, 1);
      expect(settlement()).toBe(keyRefusal(says));
      expect(answer(runtime(h), 'TTS_NET_PROFIT', range(h, LEDGER))).toBe(keyRefusal(says));
      // The dashboard names the row instead of calling it a row the add-on did not write.
      h.run('refreshDashboard', null);
      const facts = h
        .values('TTS Dashboard')
        .map((r) => r.join(' | '))
        .join('\n');
      expect(facts).toContain(`Unread rows | 1 ledger rows could not be read: ${keyRefusal(says)}`);
      expect(facts).not.toContain('not written by TTS Profit');
      h.workbook.seed(LEDGER, [[key]], 6, 1);
      expect(settlement()).toBe(4613.85);
    },
  );

  it('a totals row with the Layout dragged down into it (no Import ID) is the seller’s: skipped and said', async () => {
    const h = await imported();
    const values = h.values(LEDGER);
    const layout = (values[0] as unknown[]).indexOf('Layout') + 1;
    const settlement = (values[0] as unknown[]).indexOf('Total settlement amount') + 1;
    h.workbook.seed(LEDGER, [['statement']], values.length + 1, layout);
    h.workbook.seed(LEDGER, [[4613.85]], values.length + 1, settlement);
    expect(answer(runtime(h), 'TTS_SETTLEMENT', range(h, LEDGER))).toBe(4613.85);
  });

  it('a note typed under the ledger (no Layout) is still skipped and said, not refused', async () => {
    const h = await imported();
    const rows = h.values(LEDGER).length;
    h.workbook.seed(LEDGER, [['Checked by Sam, June 2']], rows + 1, 1);
    const fees = answer(runtime(h), 'TTS_FEES', range(h, LEDGER)) as unknown[][];
    expect(fees[fees.length - 1][0]).toBe('1 row without a Key was skipped — it is not an imported row');
    expect(answer(runtime(h), 'TTS_SETTLEMENT', range(h, LEDGER))).toBe(4613.85);
  });
});

describe('a month argument', () => {
  const statement = () => SAMPLE.map((r) => [...r]);
  // Gross sales + gross sales refund of the rows ordered in May, by hand.
  const GROSS = HEADER.indexOf('Gross sales');
  const REFUND = HEADER.indexOf('Gross sales refund');
  const mayGross = MAY.reduce(
    (sum, r) => sum + Math.round(Number(r[GROSS] || 0) * 100) + Math.round(Number(r[REFUND] || 0) * 100),
    0,
  );

  it('that the rows do not reach (2025-05 typed for 2026-05) is refused, not answered with 0', () => {
    const rt = runtime();
    const refusal = 'the statement range has no rows in 2025-05: its rows run from 2026-04-01 to 2026-05-28.';
    expect(answer(rt, 'TTS_SALES', statement(), '2025-05')).toBe(refusal);
    expect(answer(rt, 'TTS_SALES', statement(), '2026-06')).toBe(refusal.replace(/2025-05/, '2026-06'));
    const skus = [...new Set(SAMPLE.slice(1).map((r) => r[HEADER.indexOf('SKU ID')]))].filter(Boolean);
    const cogs = [['SKU ID', 'Unit cost'], ...skus.map((sku) => [sku, 5])];
    expect(answer(rt, 'TTS_COST_DETAIL', statement(), cogs, '2025-05')).toBe(refusal);
    expect((answer(rt, 'TTS_COST_DETAIL', statement(), cogs, '2026-05') as unknown[][]).at(-1)?.[0]).toBe(
      'Total',
    );
    expect(Math.round((answer(rt, 'TTS_SALES', statement(), '2026-05') as number) * 100)).toBe(mayGross);
  });

  it('inside the rows’ months but without a sale is a true 0', () => {
    // April's orders and one ordered 2 June: May, between them, sold nothing.
    const june = [...MAY[0]];
    june[ORDER_DATE] = '2026/06/02';
    expect(answer(runtime(), 'TTS_SALES', [HEADER, ...APRIL, june], '2026-05')).toBe(0);
  });

  it('written as any day in the month reads as that month, as the refusal says; a day that does not exist is refused', () => {
    const rt = runtime();
    for (const day of ['2026-05-15', '5/15/2026', 'May 15, 2026', '20260515'])
      expect(Math.round((answer(rt, 'TTS_SALES', statement(), day) as number) * 100)).toBe(mayGross);
    expect(answer(rt, 'TTS_SALES', statement(), '2026-05-40')).toBe(
      'month must be a month such as "2026-05", "May 2026" or a date in it, found "2026-05-40".',
    );
    // A slash date that reads either way says which two days it could be, as a day argument does.
    expect(answer(rt, 'TTS_SALES', statement(), '5/1/2026')).toBe(
      'month must be a month such as "2026-05", "May 2026" or a date in it, found "5/1/2026" (2026-05-01 or 2026-01-05?).',
    );
  });
});

describe('the unit costs passed without their SKUs', () => {
  it("'TTS COGS'!J:K (Unit cost, Effective from) is refused for what it is, not as a rounded SKU", async () => {
    const h = await imported();
    const cogs = range(h, COGS);
    const cost = cogs[0].indexOf('Unit cost');
    for (let r = 1; r < cogs.length; r++) cogs[r][cost] = 2.1;
    const costsOnly = cogs.map((row) => row.slice(cost, cost + 2));
    expect(answer(runtime(h), 'TTS_NET_PROFIT', range(h, LEDGER), costsOnly)).toBe(
      'cogs row 1: the range starts at *Unit cost*, without the SKUs. With no header row, the columns are SKU, unit cost ' +
        "and an optional effective-from date: include the header row (e.g. 'TTS COGS'!A:K).",
    );
  });
});

describe('TTS_COST_DETAIL for one month', () => {
  it('needs the unit costs of that month’s sales only: a cost from 1 May leaves April refused, May answered', async () => {
    const h = await imported();
    const cogs = range(h, COGS);
    const [cost, from, sku] = ['Unit cost', 'Effective from', 'SKU ID'].map((label) =>
      cogs[0].indexOf(label),
    );
    for (let r = 1; r < cogs.length; r++) cogs[r][cost] = 5;
    cogs[1][from] = '2026-05-01';
    const detail = (month: string) => answer(runtime(h), 'TTS_COST_DETAIL', range(h, LEDGER), cogs, month);
    expect((detail('2026-05') as unknown[][]).at(-1)?.slice(0, 2)).toEqual(['Total', '2026-05']);
    expect(detail('2026-04')).toBe(
      `No unit cost for 1 sold SKU: ${cogs[1][sku]}. Add each SKU ID (or seller SKU) with its unit cost to the ` +
        'COGS table, effective by the day it sold.',
    );
    // With no unit cost typed at all, a month the rows never reach says so, not "no unit cost".
    const none = range(h, COGS);
    expect(answer(runtime(h), 'TTS_COST_DETAIL', range(h, LEDGER), none, '2026-03')).toBe(
      'the statement range has no rows in 2026-03: its rows run from 2026-04-01 to 2026-05-28.',
    );
  });
});

describe('a later download of the same statement with a row TikTok revised', () => {
  it('the preview says the revised row is written as another line of its key, and counts twice unless the older goes', async () => {
    const h = await imported();
    const again = sampleStatement();
    const revised = again.rows[4];
    revised.amounts.total_settlement_amount -= 300;
    const counted = await countInLedgerRows(again, h.call);
    expect(counted).toEqual({ present: again.rows.length - 1, another: 1 });
    expect(alreadyImportedText(counted.present, again.rows.length, counted.another)).toBe(
      `${again.rows.length - 1} of ${again.rows.length} rows already imported. One row has the key of a row in TTS ` +
        'Ledger with another settlement: it is written as another line of that key. If TikTok revised that row, ' +
        'delete the older one after importing, or it counts twice.',
    );
  });
});
