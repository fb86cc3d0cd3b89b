/**
 * An order export downloaded again after a cancellation, a return and a refund, and a Statement
 * that posts only a refund on a line whose sale the ledger knows from an order export: through the
 * sidebar's reader, the import handlers of dist/Code.js and the functions on TTS Ledger. The order
 * lines are those of test/corpus/order-export.ts, where every figure is worked by hand.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm } from '../../emulator/index';
import { parseCsv, toCsv } from '../../src/core/read/files/csv';
import { countInLedgerRows } from '../../src/sidebar/import/already-imported';
import { alreadyImportedText, outcomeText } from '../../src/sidebar/import/file-preview';
import { ORDER, ORDER_EXPORT_EXPECTED, SKU, UNIT_COSTS, orderExportCsv } from '../corpus/order-export';
import { privateBundleCopy } from '../helpers/built-bundle';
import { ensureBuilt, harness, LEDGER, type Harness } from '../server/import-harness';
import { sidebarRead } from '../sidebar/sidebar-read';

let bundle = '';
beforeAll(() => {
  ensureBuilt();
  bundle = privateBundleCopy();
});

const COGS_RANGE = [['SKU', 'Unit cost'], ...UNIT_COSTS];

/** What a seller reads off the ledger: gross sales kept, net sales, settlement, units sold, COGS. */
function figures(h: Harness) {
  const rt = loadBundleInVm({ file: bundle, workbook: h.workbook });
  const ledger = h.values(LEDGER);
  const pnl = rt.call('TTS_PNL', ledger, COGS_RANGE, 'sku') as (string | number)[][];
  const total = pnl.find((r) => r[0] === 'Total')!;
  return {
    gross: rt.call('TTS_SALES', ledger) as number,
    net: rt.call('TTS_SALES', ledger, '', 'net') as number,
    settlement: rt.call('TTS_SETTLEMENT', ledger) as number,
    units: total[pnl[0].indexOf('Units sold')],
    cogs: total[pnl[0].indexOf('COGS')],
  };
}

/** The corpus order export as downloaded before anything happened to it: every line shipped, nothing returned or refunded. */
function firstDownload(): string {
  const [header, ...rows] = parseCsv(orderExportCsv());
  const set = (row: string[], name: string, value: string) => (row[header.indexOf(name)] = value);
  for (const row of rows) {
    set(row, 'Order Status', 'Shipped');
    set(row, 'Cancelation/Return Type', '');
    set(row, 'Sku Quantity of return', '0');
    set(row, 'Order Refund Amount', '');
  }
  return toCsv([header, ...rows]);
}

describe('an order export downloaded again after a cancellation, a return and a refund', () => {
  it('counts the later download: 72.50 of sales kept, not the first download’s 122.50', async () => {
    const h = harness();
    const [first] = await h.importFiles([await sidebarRead(firstDownload(), 'OrderSKUList-0424.csv')]);
    expect(first.written).toBe(5);
    // 40.00 + 25.00 + 30.00 + 15.00 + 12.50; units 2 + 1 + 3 + 1 + 1 = 8; COGS 5 × 5 + 2 × 4 + 1 × 3 = 36.
    expect(figures(h)).toEqual({ gross: 122.5, net: 115.5, settlement: 0, units: 8, cogs: 36 });

    // The 30 April download: B refunded (25.00), C one unit returned (9.00), D cancelled; A and E unchanged.
    const later = await sidebarRead(orderExportCsv(), 'OrderSKUList-0430.csv');
    const counted = await countInLedgerRows(later, h.call);
    expect(counted).toEqual({ present: 2, another: 3 });
    expect(alreadyImportedText(counted.present, later.rows.length, counted.another, later.layout)).toBe(
      '2 of 5 rows already imported. 3 rows differ from the row of their order line in TTS Ledger ' +
        '(a changed estimate, a cancellation, a return): they are written as new rows, and one row of a line ' +
        'counts: the last imported, so import order exports in the order you downloaded them.',
    );
    const [outcome] = await h.importFiles([later]);
    expect(outcome.status, outcome.message).toBe('complete');
    expect([outcome.written, outcome.duplicates, outcome.settledEstimates]).toEqual([3, 2, 3]);
    expect(outcomeText(outcome)).toBe(
      'Imported: 3 new rows, 2 duplicates skipped, 0 rejected; 3 rows of an earlier download replaced.',
    );
    // As the 30 April download alone: gross kept 72.50, net 66.50, units sold 5, COGS 28 (B's goods kept, D never left).
    const expected = {
      gross: ORDER_EXPORT_EXPECTED.grossKept / 100,
      net: ORDER_EXPORT_EXPECTED.netSales / 100,
      settlement: 0,
      units: ORDER_EXPORT_EXPECTED.unitsSold,
      cogs: 28,
    };
    expect(figures(h)).toEqual(expected);
    // The earlier rows stay, marked; the log says what they are.
    const ledger = h.values(LEDGER);
    const marks = ledger.slice(1).map((r) => r[ledger[0].indexOf('Superseded by')]);
    expect(marks.filter((m) => m !== '')).toHaveLength(3);
    const log = h.values('TTS Imports');
    expect(log[log.length - 1].join('|')).toContain(
      '3 rows superseded by a settled row or a later download of the same order line are not counted.',
    );

    // Importing either download again changes nothing.
    for (const text of [firstDownload(), orderExportCsv()]) {
      const [again] = await h.importFiles([await sidebarRead(text, 'OrderSKUList-again.csv')]);
      expect(again.written).toBe(0);
      expect(figures(h)).toEqual(expected);
    }
  });
});

describe('a Statement that posts only a refund on a line the ledger knows from an order export', () => {
  it('keeps the sale: 40.00 − 10.00 of sales, both units’ cost (10.00), and no "now settled"', async () => {
    const h = harness();
    // Line A alone: order …001, SKU S1, 2 units, 40.00 before a 4.00 seller discount.
    const [header, lineA] = parseCsv(firstDownload());
    await h.importFiles([await sidebarRead(toCsv([header, lineA]), 'OrderSKUList-0424.csv')]);
    expect(figures(h)).toEqual({ gross: 40, net: 36, settlement: 0, units: 2, cogs: 10 });

    // A later payout posts a 10.00 refund on line A, with 0.60 of referral fee given back: −9.40.
    const statementHeader = parseCsv(
      readFileSync('test/fixtures/headers/us_statement_export_header_2024.csv', 'utf8'),
    )[0];
    const values: Record<string, string> = {
      'Statement date (UTC)': '2026/05/12',
      'Statement ID': '7312000000000000502',
      'Payment ID': '7312000000000000902',
      Status: 'Paid',
      Currency: 'USD',
      Type: 'Order',
      'Order/adjustment ID': ORDER(1),
      'SKU ID': SKU.s1,
      Quantity: '2',
      'Order created date': '2026/04/14',
      'Total settlement amount': '-9.40',
      'Net sales': '-10.00',
      'Gross sales refund': '-10.00',
      Fees: '0.60',
      'Referral fee': '0.60',
    };
    const refund = toCsv([statementHeader, statementHeader.map((c) => values[c] ?? '0')]);
    const [outcome] = await h.importFiles([await sidebarRead(refund, 'statement-2026-05-12.csv')]);
    expect(outcome.status, outcome.message).toBe('complete');
    expect(outcome.settledEstimates).toBe(0);
    expect(outcomeText(outcome)).toBe('Imported: 1 new row, 0 duplicates skipped, 0 rejected.');
    // Sales kept 40.00 − 10.00; net 36.00 − 10.00; a 10.00 refund of a 20.00 unit gives no unit back: 2 × $5.
    expect(figures(h)).toEqual({ gross: 30, net: 26, settlement: -9.4, units: 2, cogs: 10 });
  });
});
