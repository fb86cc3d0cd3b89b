/**
 * Each statement function reads the amounts, the order ID (and on the TTS Ledger tab the Key) and
 * the fields it works with; columns of fields it never uses are skipped. Through dist/Code.js: a
 * bad cell in a column a function reads is still an error naming its row and column; a bad cell
 * in a column none of its figures come from does not change its answer; ledger rows still carry
 * their Key and source row.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, type GasRuntime } from '../../emulator/sandbox';
import { ledgerHeader, amountIdsOf, ledgerRowToCells } from '../../src/core/ledger/ledger-format';
import { parseSheetRows } from '../../src/core/read/parse-export';
import { STATEMENT_HEADER_2024 } from '../../bench/synthetic-export';
import {
  codeFile,
  ensureBuilt,
  errorOf,
  exportRows,
  inSandbox,
  padded,
  sheetDate,
  typedCells,
  type SheetCell,
} from './custom-functions-sheet';

let rt: GasRuntime;
beforeAll(() => {
  ensureBuilt();
  rt = loadBundleInVm({ file: codeFile });
});

// Two orders: A settles 28.34 (gross 40.00, discount −4.00, shipping −3.50, fees −4.16), B 23.50.
const ROWS = exportRows(STATEMENT_HEADER_2024, [
  {
    'Statement date (UTC)': '2026/04/09',
    'Statement ID': '7496021845520155393',
    Type: 'Order',
    Currency: 'USD',
    'Order/adjustment ID': '577000000000000001',
    'SKU ID': '1732440158393635811',
    Quantity: '2',
    'Product name': 'Matcha 100g',
    'Order created date': '2026/03/30',
    'Total settlement amount': '28.34',
    'Net sales': '36.00',
    'Gross sales': '40.00',
    'Seller discount': '-4.00',
    Shipping: '-3.50',
    'TikTok Shop shipping fee': '-3.50',
    Fees: '-4.16',
    'Referral fee': '-2.16',
    'Affiliate commission': '-2.00',
    'Related order ID': '/',
  },
  {
    'Statement date (UTC)': '2026/04/09',
    'Statement ID': '7496021845520155393',
    Type: 'Order',
    Currency: 'USD',
    'Order/adjustment ID': '577000000000000002',
    'SKU ID': '1732440158393635812',
    Quantity: '1',
    'Product name': 'Desk lamp',
    'Order created date': '2026/04/02',
    'Total settlement amount': '23.50',
    'Net sales': '25.00',
    'Gross sales': '25.00',
    Fees: '-1.50',
    'Referral fee': '-1.50',
    'Related order ID': '/',
  },
]);
const at = (name: string) => STATEMENT_HEADER_2024.indexOf(name as (typeof STATEMENT_HEADER_2024)[number]);

const COGS: SheetCell[][] = [
  ['SKU', 'Unit cost'],
  ['1732440158393635811', 5],
  ['1732440158393635812', 7],
];

/** The nine statement functions, called as a seller would on `range`. */
function callAll(range: unknown): Record<string, unknown> {
  const cogs = inSandbox(rt, COGS);
  return {
    TTS_SETTLEMENT: rt.call('TTS_SETTLEMENT', range),
    TTS_SALES: rt.call('TTS_SALES', range, '2026-03'),
    TTS_FEES: rt.call('TTS_FEES', range),
    TTS_FEE: rt.call('TTS_FEE', range, 'Referral fee'),
    TTS_NET_PROFIT: rt.call('TTS_NET_PROFIT', range, cogs),
    TTS_PNL: rt.call('TTS_PNL', range, cogs, 'sku'),
    TTS_COST_DETAIL: rt.call('TTS_COST_DETAIL', range, cogs, '2026-03'),
    TTS_RECONCILE: rt.call('TTS_RECONCILE', range),
    TTS_THRESHOLD: rt.call('TTS_THRESHOLD', range, 65000, 1000000, '2026-04-30'),
  };
}

/** Each function's error on `range` (each of `names`, default all nine, must fail). */
function errorsOf(range: unknown, names?: readonly string[]): Record<string, string> {
  const cogs = inSandbox(rt, COGS);
  const calls: Record<string, unknown[]> = {
    TTS_SETTLEMENT: [range],
    TTS_SALES: [range],
    TTS_FEES: [range],
    TTS_FEE: [range, 'Referral fee'],
    TTS_NET_PROFIT: [range, cogs],
    TTS_PNL: [range, cogs],
    TTS_COST_DETAIL: [range, cogs, '2026-03'],
    TTS_RECONCILE: [range],
    TTS_THRESHOLD: [range],
  };
  return Object.fromEntries(
    Object.entries(calls)
      .filter(([name]) => names === undefined || names.includes(name))
      .map(([name, args]) => [name, errorOf(() => rt.call(name, ...args))]),
  );
}

const withCell = (row: number, column: string, value: SheetCell) => {
  const cells = typedCells(ROWS, { timeZone: rt.workbook.timeZone });
  cells[row][at(column)] = value;
  return inSandbox(rt, padded(cells));
};

describe('every function checks the cells it counts', () => {
  it('an amount no function can read is an error for all nine, naming its row and column', () => {
    const errors = errorsOf(withCell(2, 'Shipping', 'three fifty'));
    for (const message of Object.values(errors))
      expect(message).toBe('Row 3, column *Shipping*: expected an amount, found `three fifty`');
  });

  it('an order row whose ID was cleared is an error for all nine, never skipped with its money', () => {
    const errors = errorsOf(withCell(1, 'Order/adjustment ID', ''));
    for (const message of Object.values(errors))
      expect(message).toBe(
        "Row 2: no *Order/adjustment ID*. Type the row's ID back, or leave the row out of the range.",
      );
  });

  it('a quantity that is not a whole number is an error for all nine (units share out sales and costs)', () => {
    const errors = errorsOf(withCell(2, 'Quantity', 'two'));
    for (const message of Object.values(errors))
      expect(message).toBe('Row 3, column *Quantity*: expected a whole number, found `two`');
  });

  it('a date that is no date is an error for every function that dates rows', () => {
    const dating = ['TTS_SALES', 'TTS_NET_PROFIT', 'TTS_PNL', 'TTS_COST_DETAIL', 'TTS_THRESHOLD'];
    const errors = errorsOf(withCell(1, 'Order created date', 'soon'), dating);
    const message =
      'Row 2, column *Order created date*: expected a date such as 2026-06-12 or 2026/06/12, found `soon`';
    expect(Object.keys(errors)).toHaveLength(dating.length);
    for (const name of dating) expect(errors[name]).toBe(message);
  });

  it('a SKU ID the sheet turned negative is an error where unit costs are matched by SKU', () => {
    const costing = ['TTS_NET_PROFIT', 'TTS_PNL', 'TTS_COST_DETAIL'];
    const errors = errorsOf(withCell(1, 'SKU ID', -1732440158393635800), costing);
    expect(Object.keys(errors)).toHaveLength(costing.length);
    for (const name of costing)
      expect(errors[name]).toContain(
        'Row 2, column *SKU ID*: the ID -1.7324401583936358E+18 lost its last digits',
      );
  });
});

describe('a bad cell in a column a function takes nothing from leaves its answer as it was', () => {
  it('a broken date: the settlement, fees and reconciliation answer as before', () => {
    const good = callAll(withCell(1, 'Order created date', '2026/03/30'));
    const range = withCell(1, 'Order created date', 'soon');
    expect(rt.call('TTS_SETTLEMENT', range)).toBe(51.84);
    expect(rt.call('TTS_SETTLEMENT', range)).toBe(good.TTS_SETTLEMENT);
    expect(rt.call('TTS_FEES', range)).toEqual(good.TTS_FEES);
    expect(rt.call('TTS_FEE', range, 'Referral fee')).toBe(good.TTS_FEE);
    expect(rt.call('TTS_RECONCILE', range)).toBe('All 2 rows reconcile');
  });

  it('product names, related order IDs and SKU names are read by none of the nine', () => {
    const good = callAll(withCell(1, 'Product name', 'Matcha 100g'));
    expect(good.TTS_SETTLEMENT).toBe(51.84);
    expect(good.TTS_SALES).toBe(40);
    expect(callAll(withCell(1, 'Product name', 'x'.repeat(6000)))).toEqual(good);
    expect(callAll(withCell(2, 'Related order ID', -5))).toEqual(good);
  });
});

describe('the TTS Ledger tab, read by the columns each function needs', () => {
  /** The two orders as the import writes them to the tab, with the seller's rows under them. */
  function ledgerRange(edit?: (cells: SheetCell[][], header: string[]) => void): unknown {
    const parsed = parseSheetRows(ROWS, { fileName: 'statement.csv' });
    const header = ledgerHeader(amountIdsOf(parsed.rows));
    const dateColumns = new Set(['Order date', 'Statement date'].map((h) => header.indexOf(h)));
    const cells: SheetCell[][] = [
      header,
      ...parsed.rows.map((row) =>
        ledgerRowToCells(row, header, 'import-1').map((cell, c) =>
          dateColumns.has(c) && typeof cell === 'string' && cell
            ? sheetDate(cell, rt.workbook.timeZone)!
            : cell,
        ),
      ),
    ];
    edit?.(cells, header);
    return inSandbox(rt, padded(cells, { width: header.length + 2 }));
  }

  it('answers as the export does', () => {
    const ledger = callAll(ledgerRange());
    expect(ledger).toEqual(
      callAll(inSandbox(rt, padded(typedCells(ROWS, { timeZone: rt.workbook.timeZone })))),
    );
  });

  it('a row without a Key is skipped and counted; a differing row is listed by its row on the tab', () => {
    const range = ledgerRange((cells, header) => {
      // Order B no longer adds up: its settlement says 30.00 where its parts make 23.50.
      cells[2][header.indexOf('Total settlement amount')] = 30;
      const typed = header.map(() => '' as SheetCell);
      typed[header.indexOf('Product name')] = 'Total';
      typed[header.indexOf('Total settlement amount')] = 58.34;
      cells.push(typed);
    });
    expect(rt.call('TTS_SETTLEMENT', range)).toBe(58.34);
    expect(rt.call('TTS_RECONCILE', range)).toEqual([
      ['Row', 'Order/adjustment ID', 'Settlement', 'Sum of parts', 'Difference'],
      [3, '577000000000000002', 30, 23.5, 6.5],
      [4, 'No Key: skipped, not an imported row (a total or note typed in the tab)', '', '', ''],
    ]);
    expect((rt.call('TTS_FEES', range) as unknown[][]).at(-1)).toEqual([
      '1 row without a Key was skipped — it is not an imported row',
      '',
    ]);
  });

  it('a bad amount on the tab is an error naming the tab row and column', () => {
    const range = ledgerRange((cells, header) => {
      cells[1][header.indexOf('Referral fee')] = 'n/a';
    });
    for (const message of Object.values(errorsOf(range)))
      expect(message).toBe('Row 2, column *Referral fee*: expected an amount, found `n/a`');
  });
});
