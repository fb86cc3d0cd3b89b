/**
 * The `statement` argument through the built dist/Code.js: every export layout as it lands in a
 * sheet (Date cells, number cells, '' padding to column CZ, blank rows below, banner rows above
 * the header), the TTS Ledger tab, and the errors a seller sees for a range that cannot be read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, type GasRuntime } from '../../emulator/sandbox';
import { ledgerHeader, amountIdsOf, ledgerRowToCells } from '../../src/core/ledger/ledger-format';
import { parseSheetRows } from '../../src/core/read/parse-export';
import { STATEMENT_HEADER_2024 } from '../../bench/synthetic-export';
import {
  codeFile,
  ensureBuilt,
  exportRows,
  fixtureHeader,
  FULL_WIDTH,
  inSandbox,
  padded,
  readCsv,
  sheetDate,
  sheetRange,
  typedCells,
  errorOf,
  type SheetCell,
} from './custom-functions-sheet';

let rt: GasRuntime;
beforeAll(() => {
  ensureBuilt();
  rt = loadBundleInVm({ file: codeFile });
});

// Two orders of the 2024 CSV layout:
//   A: Gross 40.00, Seller discount −4.00 → Net 36.00; Shipping −3.50; Fees −4.16 (Referral −2.16,
//      Affiliate −2.00) → settlement 36.00 − 3.50 − 4.16 = 28.34
//   B: Gross 25.00 → Net 25.00; Fees −1.50 (Referral) → settlement 23.50
// Total settlement 51.84; gross sales 65.00; fees −5.66.
const STATEMENT_2024 = exportRows(STATEMENT_HEADER_2024, [
  {
    'Statement date (UTC)': '2026/04/09',
    'Statement ID': '7496021845520155393',
    Type: 'Order',
    Currency: 'USD',
    'Order/adjustment ID': '577000000000000001',
    'SKU ID': '1732440158393635811',
    Quantity: '2',
    'Order created date': '2026/03/30',
    'Total settlement amount': '28.34',
    'Net sales': '36.00',
    'Gross sales': '40.00',
    'Gross sales refund': '0.00',
    'Seller discount': '-4.00',
    Shipping: '-3.50',
    'TikTok Shop shipping fee': '-3.50',
    Fees: '-4.16',
    'Referral fee': '-2.16',
    'Affiliate commission': '-2.00',
    'Transaction fee': '0',
    'Adjustment amount': '0',
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
    'Order created date': '2026/04/02',
    'Total settlement amount': '23.50',
    'Net sales': '25.00',
    'Gross sales': '25.00',
    Fees: '-1.50',
    'Referral fee': '-1.50',
    'Adjustment amount': '0',
    'Related order ID': '/',
  },
]);

describe('US Statement export, 2024 CSV layout', () => {
  it('reads the A:CZ range with Date and number cells, blank columns and blank rows', () => {
    const range = sheetRange(rt, STATEMENT_2024);
    expect(range).toHaveLength(3 + 25);
    expect(range[0]).toHaveLength(FULL_WIDTH);
    expect(Object.prototype.toString.call(range[1][0])).toBe('[object Date]');
    expect(rt.call('TTS_SETTLEMENT', range)).toBe(51.84);
    expect(rt.call('TTS_SALES', range)).toBe(65);
    expect(rt.call('TTS_FEES', range)).toEqual([
      ['Fee', 'Amount'],
      ['Referral fee', -3.66],
      ['Affiliate commission', -2],
      ['Total fees', -5.66],
    ]);
  });

  it('reads the same export typed as text: numeric strings, "$3.00", "1,234.50", "/" and date text', () => {
    // Row B as text amounts with a dollar sign and a thousands comma: settlement $1,234.50 instead of 23.50.
    const rows = STATEMENT_2024.map((row) => [...row]);
    const at = (name: string) =>
      STATEMENT_HEADER_2024.indexOf(name as (typeof STATEMENT_HEADER_2024)[number]);
    rows[2][at('Total settlement amount')] = '1,234.50';
    rows[2][at('Net sales')] = '$1,236.00';
    rows[2][at('Gross sales')] = '1,236.00';
    rows[2][at('Shipping')] = '/';
    const range = inSandbox(rt, padded(rows));
    // 28.34 + 1,234.50 = 1,262.84
    expect(rt.call('TTS_SETTLEMENT', range)).toBe(1262.84);
    expect(rt.call('TTS_SALES', range)).toBe(1276);
  });

  it('answers the same whether the range is exactly the data or A:CZ with 2,000 blank rows', () => {
    const tight = inSandbox(rt, typedCells(STATEMENT_2024, { timeZone: rt.workbook.timeZone }));
    const wide = sheetRange(rt, STATEMENT_2024, { blankRowsBelow: 2000 });
    expect(rt.call('TTS_SETTLEMENT', tight)).toBe(51.84);
    expect(rt.call('TTS_SETTLEMENT', wide)).toBe(51.84);
  });
});

describe('US Statement export, 2025–26 layout with the newer columns', () => {
  it('adds the newer fee and fee-tax columns under their TikTok names', () => {
    // One order: Net 30.00; Fees −3.35 = Referral −1.80 + Sales tax on referral fees −0.15 +
    // Affiliate Shop Ads commission −1.40 → settlement 26.65.
    const header = [
      ...STATEMENT_HEADER_2024,
      'Affiliate Shop Ads commission',
      'Sales tax on referral fees',
      'Smart Promotion fee',
      'FBT fulfillment fee reimbursement',
    ];
    const rows = exportRows(header, [
      {
        'Statement date (UTC)': '2026/06/16',
        'Statement ID': '7501000000000000001',
        Type: 'Order',
        'Order/adjustment ID': '577500000000000001',
        'SKU ID': '1732440158393635811',
        Quantity: '1',
        'Order created date': '2026/06/02',
        'Total settlement amount': '26.65',
        'Net sales': '30.00',
        'Gross sales': '30.00',
        Fees: '-3.35',
        'Referral fee': '-1.80',
        'Sales tax on referral fees': '-0.15',
        'Affiliate Shop Ads commission': '-1.40',
        'Smart Promotion fee': '0',
        'FBT fulfillment fee reimbursement': '0',
      },
    ]);
    const range = sheetRange(rt, rows);
    expect(rt.call('TTS_SETTLEMENT', range)).toBe(26.65);
    expect(rt.call('TTS_FEES', range)).toEqual([
      ['Fee', 'Amount'],
      ['Referral fee', -1.8],
      ['Affiliate Shop Ads commission', -1.4],
      ['Sales tax on referral fees', -0.15],
      ['Total fees', -3.35],
    ]);
    expect(rt.call('TTS_RECONCILE', range)).toBe('All 1 rows reconcile');
  });
});

describe('legacy Income export', () => {
  it('reads trailing-space headers, `Ajustment amount` and keeps the TikTok Shop commission fee name', () => {
    const header = fixtureHeader('legacy_income_export_header.csv').map((h) =>
      h === 'Type' || h === 'Affiliate commission' || h === 'Actual shipping fee' ? `${h} ` : h,
    );
    expect(header).toContain('Type ');
    expect(header).toContain('Ajustment amount');
    // Order: revenue 20.00; Total fees −3.65 = Transaction −0.60 + Commission −1.05 + Affiliate −2.00 →
    // settlement 16.35. Adjustment: −5.00. Total 11.35.
    const rows = exportRows(header, [
      {
        'Order/adjustment ID': '576786105183930101',
        'Type ': 'Order',
        'Order created time': '2024/04/12',
        'Order settled time': '2024/04/23',
        Currency: 'USD',
        'Total settlement amount': '16.35',
        'Total revenue': '20.00',
        'Subtotal after seller discounts': '20.00',
        'Subtotal before discounts': '20.00',
        'Total fees': '-3.65',
        'Transaction fee': '-0.60',
        'TikTok Shop commission fee': '-1.05',
        'Affiliate commission ': '-2.00',
      },
      {
        'Order/adjustment ID': '776786105183930102',
        'Type ': 'Adjustment',
        'Order settled time': '2024/04/23',
        Currency: 'USD',
        'Total settlement amount': '-5.00',
        'Ajustment amount': '-5.00',
        'Related order ID': '576786105183930101',
      },
    ]);
    const range = sheetRange(rt, rows);
    expect(rt.call('TTS_SETTLEMENT', range)).toBe(11.35);
    expect(rt.call('TTS_SALES', range)).toBe(20);
    expect(rt.call('TTS_FEES', range)).toEqual([
      ['Fee', 'Amount'],
      ['Affiliate commission', -2],
      ['TikTok Shop commission fee', -1.05],
      ['Transaction fee', -0.6],
      ['Total fees', -3.65],
    ]);
    expect(rt.call('TTS_FEE', range, 'tiktok shop COMMISSION fee')).toBe(-1.05);
    expect(rt.call('TTS_RECONCILE', range)).toBe('All 2 rows reconcile');
  });
});

describe('On hold / unsettled export (306 rows, 4 banner rows)', () => {
  it('gives the totals Seller Center shows: settlement 9,556.71, net sales 10,292.00, fees −735.29', () => {
    const cells = typedCells(readCsv('test/fixtures/onhold-306-rows.csv'), {
      timeZone: rt.workbook.timeZone,
    });
    // Sheets turns the banner's download time into a date-time cell.
    cells[1][1] = sheetDate('2026-06-12 16:55:33', rt.workbook.timeZone)!;
    expect(cells[4][0]).toBe('Type');
    const range = inSandbox(rt, padded(cells));
    expect(rt.call('TTS_SETTLEMENT', range)).toBe(9556.71);
    expect(rt.call('TTS_SALES', range, '', 'net')).toBe(10292);
    const fees = rt.call('TTS_FEES', range) as unknown[][];
    expect(fees[fees.length - 1]).toEqual(['Total fees', -735.29]);
    expect(rt.call('TTS_RECONCILE', range)).toBe('All 306 rows reconcile');
  });
});

describe('profit & loss report, Orders sheet (header on row 6, YYYYMMDD dates)', () => {
  it('reads integer dates like 20260421 and Order Income as the settlement', () => {
    const header = fixtureHeader('us_merchant_pnl_orders_header.csv');
    // Order 1: Gross 25.00, Seller discount −1.00, Referral −1.44, Transaction −0.70, Affiliate −0.76 → income 21.10.
    // Order 2: Gross 12.00, Referral −0.72 → income 11.28. Total 32.38, gross sales 37.00.
    const data = exportRows(header, [
      {
        'Order ID': '577600000000000001',
        'SKU ID': '1732440158393635811',
        'Order Income': '21.10',
        'Sold Quantity': '1',
        'Order paid date': '20260421',
        'Order settled date': '20260430',
        'linked statement id': '7502000000000000001',
        'Gross sales': '25.00',
        'Seller discount': '-1.00',
        'Referral fee': '-1.44',
        'Transaction fee': '-0.70',
        'Affiliate Commission': '-0.76',
      },
      {
        'Order ID': '577600000000000002',
        'SKU ID': '1732440158393635812',
        'Order Income': '11.28',
        'Sold Quantity': '1',
        'Order paid date': '20260502',
        'Order settled date': '20260512',
        'linked statement id': '7502000000000000002',
        'Gross sales': '12.00',
        'Referral fee': '-0.72',
      },
    ]);
    const banner = [
      ['Profit and loss report'],
      ['Shop: Example Shop'],
      ['Period: 2026/04/01 - 2026/05/31'],
      ['Currency: USD'],
      [''],
    ];
    const rows = [...banner, ...data];
    const cells = typedCells(rows, { headerIndex: 5, dates: 'number', timeZone: rt.workbook.timeZone });
    expect(cells[6][header.indexOf('Order paid date')]).toBe(20260421);
    const range = inSandbox(rt, padded(cells));
    expect(rt.call('TTS_SETTLEMENT', range)).toBe(32.38);
    expect(rt.call('TTS_SALES', range)).toBe(37);
    expect(rt.call('TTS_SALES', range, '2026-04')).toBe(25);
    expect(rt.call('TTS_SALES', range, '2026-05')).toBe(12);
  });
});

describe('the TTS Ledger tab', () => {
  it("reads the add-on's own ledger (dates as Date cells, dollars as numbers) to the same totals as the export", () => {
    const parsed = parseSheetRows(STATEMENT_2024, { fileName: 'statement.csv' });
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
    const range = inSandbox(rt, padded(cells));
    expect(rt.call('TTS_SETTLEMENT', range)).toBe(51.84);
    expect(rt.call('TTS_SALES', range, '2026-03')).toBe(40);
    expect(rt.call('TTS_PNL', range)).toEqual(rt.call('TTS_PNL', sheetRange(rt, STATEMENT_2024)));
  });
});

describe('a range that cannot be read is an error naming what to fix', () => {
  it('no header: says which headers were expected and what the range starts with', () => {
    const message = errorOf(() =>
      rt.call(
        'TTS_SETTLEMENT',
        inSandbox(
          rt,
          padded([
            ['Date', 'Amount'],
            ['2026-04-01', 5],
          ]),
        ),
      ),
    );
    expect(message).toContain('no TikTok Shop export header found in the first 30 rows');
    expect(message).toContain('Statement ID, Order/adjustment ID and Total settlement amount');
    expect(message).toContain('the first non-empty row starts `Date`, `Amount`');
  });

  it('an empty range or a missing argument', () => {
    expect(errorOf(() => rt.call('TTS_SETTLEMENT', inSandbox(rt, padded([]))))).toContain(
      'the sheet is empty',
    );
    expect(errorOf(() => rt.call('TTS_SETTLEMENT'))).toBe(
      'statement is missing: pass the range that holds your export, to its last column, e.g. Statement!A:BL.',
    );
  });

  it('an order ID the sheet turned into a number: sums still answer; the row list of TTS_RECONCILE names it and the fix', () => {
    const cells = typedCells(STATEMENT_2024);
    const column = STATEMENT_HEADER_2024.indexOf('Order/adjustment ID');
    cells[2][column] = 577000000000000002; // what Sheets keeps of the 18 digits: 5.77E+17
    expect(rt.call('TTS_SETTLEMENT', inSandbox(rt, padded(cells)))).toBe(51.84);
    cells[2][column] = '5.77E+17';
    expect(rt.call('TTS_SETTLEMENT', inSandbox(rt, padded(cells)))).toBe(51.84);
    // A row that differs from its parts is listed by its order ID, which the sheet rounded.
    cells[2][STATEMENT_HEADER_2024.indexOf('Total settlement amount')] = 23.6;
    const message = errorOf(() => rt.call('TTS_RECONCILE', inSandbox(rt, padded(cells))));
    expect(message).toContain(
      "TTS_RECONCILE's list of rows that differ needs exact IDs, but the IDs in *Order/adjustment ID* (e.g. `5.77E+17` on row 3)",
    );
    expect(message).toContain('Import the file again keeping IDs as text');
  });

  it('text or a boolean in a money column is an error naming row and column, never a silent 0', () => {
    const cells = typedCells(STATEMENT_2024);
    cells[1][STATEMENT_HEADER_2024.indexOf('Net sales')] = 'thirty-six';
    expect(errorOf(() => rt.call('TTS_SETTLEMENT', inSandbox(rt, padded(cells))))).toBe(
      'Row 2, column *Net sales*: expected an amount, found `thirty-six`',
    );
    cells[1][STATEMENT_HEADER_2024.indexOf('Net sales')] = 36;
    cells[2][STATEMENT_HEADER_2024.indexOf('Fees')] = true;
    expect(errorOf(() => rt.call('TTS_SETTLEMENT', inSandbox(rt, padded(cells))))).toBe(
      'Row 3, column *Fees*: expected an amount, found `true`',
    );
  });

  it('a header that lacks a required column says which one', () => {
    const rows = STATEMENT_2024.map((row) => row.filter((_, c) => STATEMENT_HEADER_2024[c] !== 'Type'));
    expect(errorOf(() => rt.call('TTS_SETTLEMENT', inSandbox(rt, padded(rows))))).toContain(
      'looks like a US Statement export but has no *Type* column',
    );
  });
});
