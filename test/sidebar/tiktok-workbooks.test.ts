// @vitest-environment happy-dom
/**
 * How TikTok writes its workbooks, through the sidebar's reader (parseStreamingRows): one `<row>`
 * element per cell (the real 202411 order export does this), a `Reports` sheet with each label in
 * the column of its depth and the value in F, a `Fees explanation` glossary, and cached numbers
 * with binary noise. The statement is the bundled sample (191 orders, 4 adjustments) as a workbook.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsedBySidebar } from '../helpers/sidebar-reader';
import { parseExportFileAsync } from '../../src/core/read/parse-export-file';
import { renderPreview } from '../../src/sidebar/import/file-preview';
import { forEachSheetRow } from '../../src/core/read/files/read-file';
import { parseCsv } from '../../src/core/read/files/csv';
import { writeXlsx, type XlsxCell } from '../helpers/xlsx-writer';
import { REAL, realBytes, realSheetRows } from '../helpers/real-fixtures';

const SAMPLE = parseCsv(readFileSync('samples/statement-2026-05.csv', 'utf8'));
const HEADER = SAMPLE[0];
const DATA = SAMPLE.slice(1);
const col = (name: string) => HEADER.indexOf(name);

/** Cents of a column over the rows (`Type = Order` only when asked), from the CSV text. */
function columnCents(name: string, ordersOnly = false): number {
  const c = col(name);
  return DATA.filter((row) => !ordersOnly || row[col('Type')] === 'Order').reduce(
    (sum, row) => sum + Math.round(Number(row[c] || 0) * 100),
    0,
  );
}

/** The sample as Excel stores it: amounts as numbers, IDs and dates as text. */
const NUMERIC = new Set([
  'Total settlement amount',
  'Net sales',
  'Gross sales',
  'Shipping',
  'Fees',
  'Referral fee',
  'Adjustment amount',
]);
function sampleSheet(): XlsxCell[][] {
  return [
    HEADER,
    ...DATA.map((row) =>
      row.map((cell, c): XlsxCell => (NUMERIC.has(HEADER[c]) && cell !== '' ? Number(cell) : cell)),
    ),
  ];
}

/** A Reports sheet laid out like TikTok's: label in B–E by depth, value in F. */
function reportsSheet(overrides: Record<string, number> = {}): XlsxCell[][] {
  const line = (depth: number, label: string, cents: number): XlsxCell[] => {
    const row: XlsxCell[] = ['', '', '', '', '', ''];
    row[1 + depth] = label;
    row[5] = (overrides[label] ?? cents) / 100;
    return row;
  };
  return [
    [],
    ['', 'Time period:', '', '', '', '2026/05/01-2026/05/31'],
    ['', 'Currency', '', '', '', 'USD'],
    [],
    line(0, 'Total settlement amount', columnCents('Total settlement amount', true)),
    line(1, 'Net sales', columnCents('Net sales', true)),
    line(2, 'Gross sales', columnCents('Gross sales', true)),
    line(1, 'Shipping', columnCents('Shipping', true)),
    line(1, 'Fees', columnCents('Fees', true)),
    line(2, 'Referral fee', columnCents('Referral fee', true)),
    // A label the catalog does not know: shown in the sheet, not checked.
    line(1, 'Total adjustments', 0),
  ];
}

/** TikTok's real glossary sheet, taken from the Income workbook. */
const GLOSSARY = realSheetRows(REAL.idIncomeHeader, 'Fees explanation');

function workbook(reports: XlsxCell[][], options: { rowPerCell?: boolean } = {}): Uint8Array {
  return writeXlsx(
    [
      { name: 'Order details', rows: sampleSheet() },
      { name: 'Reports', rows: reports },
      { name: 'Fees explanation', rows: GLOSSARY },
    ],
    options,
  );
}

describe("TikTok's XLSX writer", () => {
  it('a workbook written one <row> element per cell reads as whole rows, totals to the cent', async () => {
    const outcome = await parsedBySidebar(
      workbook(reportsSheet(), { rowPerCell: true }),
      'statement-2026-05.xlsx',
    );
    expect(outcome.errors).toEqual([]);
    const [file] = outcome.files;
    expect(file.layout).toBe('statement');
    expect(file.rows).toHaveLength(DATA.length);
    expect(file.totals.settlement).toBe(columnCents('Total settlement amount'));
    expect(file.totals.fees).toBe(columnCents('Fees'));
    expect(file.rows[0].orderId).toBe(DATA[0][col('Order/adjustment ID')]);
  });

  it('the real 202411 order export: its header row, written one cell per <row>, is read whole', () => {
    const rows: string[][] = [];
    forEachSheetRow(realBytes(REAL.idOrders202411), REAL.idOrders202411, (_sheet, cells, rowNumber) => {
      if (rowNumber <= 3) rows.push(cells);
    });
    const independent = realSheetRows(REAL.idOrders202411, 'OrderSKUList');
    expect(rows[0].slice(0, 3)).toEqual(['Order ID', 'Order Status', 'Order Substatus']);
    expect(rows).toEqual(independent.slice(0, 3).map((row) => trimEnd(row)));
  });

  it('cells of a repeated row land by their own reference, whatever order they come in', () => {
    const bytes = writeXlsx(
      [
        {
          name: 'S',
          rows: [
            ['a', '', 'c'],
            ['d', 'e'],
          ],
        },
      ],
      { rowPerCell: true },
    );
    const rows: string[][] = [];
    forEachSheetRow(bytes, 's.xlsx', (_sheet, cells) => void rows.push(cells));
    expect(rows).toEqual([
      ['a', '', 'c'],
      ['d', 'e'],
    ]);
  });
});

describe('Reports and glossary sheets', () => {
  it('checks each total found along its row (label in B–E, value in F) and says so only when it did', async () => {
    // The core's reader the parse worker runs, with the notes on the sheets that are not data.
    const outcome = await parseExportFileAsync(workbook(reportsSheet()), 'statement-2026-05.xlsx');
    const [file] = outcome.files;
    expect(file.reconciliation.totalChecks.map((c) => [c.label, c.expected, c.difference])).toEqual([
      ['Total settlement amount', columnCents('Total settlement amount', true), 0],
      ['Net sales', columnCents('Net sales', true), 0],
      ['Gross sales', columnCents('Gross sales', true), 0],
      ['Shipping', columnCents('Shipping', true), 0],
      ['Fees', columnCents('Fees', true), 0],
      ['Referral fee', columnCents('Referral fee', true), 0],
    ]);
    expect(outcome.notes).toEqual([
      'Sheet Reports: 6 totals checked against the rows: all agree.',
      "Sheet Fees explanation: TikTok's explanation of the columns; not data, nothing to import or check.",
    ]);
    expect(renderPreview(file).textContent).toContain(
      `Reconciled: ${DATA.length} rows add up to the cent. 6 totals of the Reports sheet agree with them.`,
    );
  });

  it('a Reports total that differs from the rows is reported with its difference', async () => {
    const wrong = columnCents('Fees', true) - 100;
    const outcome = await parseExportFileAsync(
      workbook(reportsSheet({ Fees: wrong })),
      'statement-2026-05.xlsx',
    );
    const [file] = outcome.files;
    expect(file.reconciliation.ok).toBe(false);
    expect(file.reconciliation.totalChecks.find((c) => c.label === 'Fees')).toEqual({
      label: 'Fees',
      expected: wrong,
      actual: wrong + 100,
      difference: -100,
    });
    expect(outcome.notes[0]).toBe(
      'Sheet Reports: 6 totals checked against the rows: 1 differ (listed under reconciliation).',
    );
  });

  it('a Reports sheet with no total of a column the rows have says nothing was checked', async () => {
    const reports: XlsxCell[][] = [
      ['', 'Smart Promotion fee', '', '', '', -1.5],
      ['', 'GMV Max ad fee', '', '', '', -2],
    ];
    const outcome = await parseExportFileAsync(workbook(reports), 'statement-2026-05.xlsx');
    expect(outcome.notes[0]).toBe(
      'Sheet Reports: 2 totals, none of them of a column the data sheet has; nothing was checked.',
    );
    expect(outcome.files[0].reconciliation.totalChecks).toEqual([]);
    expect(renderPreview(outcome.files[0]).textContent).not.toContain('Reports');
  });
});

describe('cached numbers with float noise', () => {
  it('a numeric cell 33.369999999999997 is 33.37; the same text in a text cell stays exact and is refused', async () => {
    const rows = sampleSheet();
    const settlement = col('Total settlement amount');
    const net = col('Net sales');
    const first = rows[1] as XlsxCell[];
    const noisy = { number: (Number(first[settlement]) - 0.000000000000003).toPrecision(17) };
    expect(noisy.number).not.toBe(String(first[settlement]));
    first[settlement] = noisy;
    first[net] = { number: (Number(first[net]) + 0.000000000000001).toPrecision(17) };
    const outcome = await parsedBySidebar(writeXlsx([{ name: 'Order details', rows }]), 'noisy.xlsx');
    expect(outcome.errors).toEqual([]);
    expect(outcome.files[0].totals.settlement).toBe(columnCents('Total settlement amount'));
    expect(outcome.files[0].reconciliation.mismatches).toEqual([]);

    const asText = sampleSheet();
    (asText[1] as XlsxCell[])[settlement] = { inline: '33.369999999999997' };
    const refused = await parsedBySidebar(writeXlsx([{ name: 'Order details', rows: asText }]), 'text.xlsx');
    expect(refused.files[0].rejects[0].message).toBe(
      'Row 2, column *Total settlement amount*: expected an amount, found `33.369999999999997` (too large)',
    );
  });

  it('18-digit IDs stored as numbers and rates with many decimals are left as written', () => {
    const bytes = writeXlsx([
      {
        name: 'S',
        rows: [[{ number: '577389150020122037' }, { number: '0.0625' }, { number: '-1.0049999999' }]],
      },
    ]);
    const rows: string[][] = [];
    forEachSheetRow(bytes, 's.xlsx', (_sheet, cells) => void rows.push(cells));
    expect(rows).toEqual([['577389150020122037', '0.0625', '-1.0049999999']]);
  });
});

function trimEnd(row: string[]): string[] {
  const out = [...row];
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}
