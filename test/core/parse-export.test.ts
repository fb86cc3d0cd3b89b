import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExportFormatError, parseSheetRows } from '../../src/core/read/parse-export';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import { csvOf, fixtureHeader, rowOf } from './helpers';

const root = new URL('../../', import.meta.url).pathname;

describe('parseExportFile', () => {
  it('reads the sample statement: 3 statements, 2 months, multi-SKU orders, a refund and adjustments', () => {
    const { files, errors } = parseExportFile(
      new Uint8Array(readFileSync(root + 'samples/statement-2026-05.csv')),
      'statement-2026-05.csv',
    );
    expect(errors).toEqual([]);
    const [parsed] = files;
    expect(parsed).toMatchObject({
      layout: 'statement',
      headerRow: 1,
      rejects: [],
      unknownColumns: [],
      period: { first: '2026-04-01', last: '2026-05-28' },
    });
    expect(new Set(parsed.rows.map((r) => r.statementId)).size).toBe(3);
    const orderSkuCounts = new Map<string, number>();
    for (const r of parsed.rows) orderSkuCounts.set(r.orderId, (orderSkuCounts.get(r.orderId) ?? 0) + 1);
    expect(Math.max(...orderSkuCounts.values())).toBeGreaterThan(1);
    expect(
      parsed.rows.some(
        (r) => (r.amounts.gross_sales_refund ?? 0) === -(r.amounts.gross_sales ?? 0) && r.amounts.gross_sales,
      ),
    ).toBe(true);
    expect(parsed.rows.filter((r) => r.type !== 'Order').map((r) => r.type)).toEqual([
      'Chargeback',
      'Logistics reimbursement',
      'Violation fee (settlement fee)',
      'Logistics reimbursement',
    ]);
    expect(parsed.reconciliation.ok).toBe(true);
    expect(new Set(parsed.rows.map((r) => r.key)).size).toBe(parsed.rows.length);
  });

  it('reads the on-hold export under its banner rows with the file-name time zone', () => {
    const { files } = parseExportFile(
      new Uint8Array(readFileSync(root + 'test/fixtures/onhold-306-rows.csv')),
      'Onhold-unsettled-orders-2026_06_01-2026_06_12(UTC-7).csv',
    );
    expect(files[0]).toMatchObject({
      layout: 'onhold',
      headerRow: 5,
      timeZone: 'UTC-7',
      totals: { settlement: 955671, netSales: 1029200, fees: -73529, grossSales: 1029200 },
    });
  });

  it('gives one clear error for a file that is not an export', () => {
    const result = parseExportFile(
      csvOf([
        ['Name', 'Email'],
        ['Ann', 'a@b.c'],
      ]),
      'contacts.csv',
    );
    expect(result.files).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].message).toMatch(
      /^contacts\.csv: no TikTok Shop export header found in the first 30 rows\. Expected a Seller Center export's header row, such as Statement ID, Order\/adjustment ID and Total settlement amount.*the first non-empty row starts `Name`, `Email`\.$/,
    );
    expect(parseExportFile(new Uint8Array(0), 'empty.csv').errors).toEqual([
      {
        fileName: 'empty.csv',
        message: 'empty.csv is empty: expected a CSV or Excel export, found 0 bytes.',
      },
    ]);
  });

  it('rejects bad rows with row and column and keeps the rest', () => {
    const header = fixtureHeader('us_statement_export_header_2024.csv');
    const good = {
      'Statement ID': '7496021845520155393',
      Type: 'Order',
      'Order/adjustment ID': '577389150020120001',
      'SKU ID': '1732440158393635811',
      'Total settlement amount': '10.00',
      'Net sales': '10.00',
      'Gross sales': '10.00',
    };
    const bytes = csvOf([
      header,
      rowOf(header, good),
      rowOf(header, { ...good, 'SKU ID': '1732440158393635812', 'Gross sales': '1O.00' }),
    ]);
    const [parsed] = parseExportFile(bytes, 'statement.csv').files;
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rejects).toEqual([
      {
        file: 'statement.csv',
        row: 3,
        column: 'Gross sales',
        message: 'Row 3, column *Gross sales*: expected an amount, found `1O.00`',
      },
    ]);
  });
});

describe('parseSheetRows (custom functions)', () => {
  it('reads sheet values: numbers, Dates, padding columns and blank trailing rows', () => {
    const header = [
      'Type',
      'Order/adjustment ID',
      'Related order ID',
      'creation date',
      'Total estimated settlement amount',
      'SKU ID',
      'Quantity',
      'Net sales',
      'Gross sales',
      'Fees',
      'Referral fee',
      'Sales tax on referral fees',
      'TikTok Shop shipping fee',
      'Customer-paid shipping fee',
    ];
    const pad = (cells: unknown[]) => [...cells, ...new Array(104 - cells.length).fill('')];
    const rows = [
      pad(['Disclaimer']),
      pad(['Download time', new Date(2026, 5, 12, 16, 55, 33)]),
      pad(['Total Transactions', 1]),
      pad([]),
      pad(header),
      pad([
        'Order',
        '577431091617435979',
        '577431091617435979',
        new Date(2026, 5, 12),
        13.76,
        '1732440158393635811',
        1,
        15,
        15,
        -1.24,
        -1.17,
        -0.07,
        -4.58,
        4.58,
      ]),
      ...Array.from({ length: 50_000 }, () => pad([])),
    ];
    const parsed = parseSheetRows(rows as never, { fileName: 'Onhold(UTC-7)', sheet: 'On hold' });
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]).toMatchObject({
      orderDate: '2026-06-12',
      amounts: { total_estimated_settlement_amount: 1376, fees: -124 },
    });
    expect(parsed.reconciliation.ok).toBe(true);
  });

  it('throws the seller-facing message when the range holds no export', () => {
    expect(() => parseSheetRows([['x', 'y']], { fileName: 'Sheet1' })).toThrow(ExportFormatError);
    expect(() => parseSheetRows([['x', 'y']], { fileName: 'Sheet1' })).toThrow(
      /^Sheet1: no TikTok Shop export header found/,
    );
  });
});
