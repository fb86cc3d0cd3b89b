/** The ledger's rules as pure functions: keys of older ledgers, which row of an order line counts, columns by header, cells left. */
import { describe, expect, it } from 'vitest';
import { cellLimitMessage, growthOf } from '../../src/core/ledger/cell-budget';
import { columnIndex, findHeaderRow, missingColumns } from '../../src/core/ledger/ledger-columns';
import { baseKeyOf, currentLedgerKeys } from '../../src/core/ledger/ledger-keys';
import {
  countedRows,
  DOWNLOAD_TIME,
  rowsAboveHeader,
  supersededFlags,
  withoutSupersededRows,
} from '../../src/core/ledger/settled-estimates';
import { downloadTimeOf } from '../../src/core/read/download-time';
import { endsWithoutLineBreak } from '../../src/core/read/files/final-line-break';
import { decodeText } from '../../src/core/read/files/decode';

describe('keys of an older ledger', () => {
  it('reads an Income key ending in a date-time as its calendar-date key, numbering two that now coincide', () => {
    expect(baseKeyOf('income|577|Order|2026-06-12T16:55:33-07:00')).toEqual({
      base: 'income|577|Order|2026-06-12',
      changed: true,
    });
    expect(baseKeyOf('732|577|173|Order#2')).toEqual({ base: '732|577|173|Order', changed: false });
    const keys = currentLedgerKeys([
      'income|5|Fee|2026-06-12T08:01:02Z',
      'income|5|Fee|2026-06-12T19:30:45Z',
      '732|577|173|Order',
    ]);
    expect([...keys].sort()).toEqual([
      '732|577|173|Order',
      'income|5|Fee|2026-06-12',
      'income|5|Fee|2026-06-12#2',
      'income|5|Fee|2026-06-12T08:01:02Z',
      'income|5|Fee|2026-06-12T19:30:45Z',
    ]);
  });
});

describe('one order line, one count', () => {
  const row = (layout: 'statement' | 'onhold' | 'pnl-orders' | 'income', orderId: string, skuId = '') => ({
    layout,
    orderId,
    skuId,
  });
  it('sets aside an estimate once its line is settled, and a report row once the Statement has it', () => {
    const rows = [
      row('onhold', '1', 'a'),
      row('onhold', '2', 'a'),
      row('statement', '1', 'a'),
      row('pnl-orders', '1', 'a'),
      row('pnl-orders', '3', 'b'),
    ];
    expect(supersededFlags(rows)).toEqual([true, false, false, true, false]);
    expect(countedRows(rows).superseded).toBe(2);
  });
  it('keeps every row of the winning layout (an order and its refund in one Statement both count)', () => {
    expect(
      supersededFlags([row('statement', '1', 'a'), row('statement', '1', 'a'), row('income', '1', 'a')]),
    ).toEqual([false, false, true]);
  });
  it('an order-level row (legacy Income, no SKU ID) meets every line of its order, in either direction', () => {
    // The Statement's SKU lines supersede the Income row of their order; the Income row supersedes estimates.
    const rows = [
      row('income', '1'),
      row('statement', '1', 'a'),
      row('statement', '1', 'b'),
      row('onhold', '2', 'a'),
      row('onhold', '2', 'b'),
      row('income', '2'),
      row('income', '3'),
      row('onhold', '4', 'a'),
    ];
    expect(supersededFlags(rows)).toEqual([true, false, false, true, true, false, false, false]);
    // The same rows in any order.
    const reversed = [...rows].reverse();
    expect(supersededFlags(reversed)).toEqual(
      [true, false, false, true, true, false, false, false].reverse(),
    );
    expect(
      supersededFlags([row('statement', '5', 'a'), row('income', '5'), row('onhold', '5', 'b')]),
    ).toEqual([false, true, true]);
  });
  describe('of two settled rows of an order line, only one of the same payout gives way', () => {
    const paid = (
      layout: Parameters<typeof row>[0],
      statementId: string,
      statementDate: string,
      skuId = 'a',
    ) => ({
      ...row(layout, '1', skuId),
      statementId,
      statementDate,
    });
    it('a sale in one statement and its refund in the next both count, whichever export holds each', () => {
      // The P&L report holds the sale (S1) and the refund (S2); the Statement S1 only the sale.
      expect(
        supersededFlags([
          paid('pnl-orders', 'S1', '2026-03-20'),
          paid('pnl-orders', 'S2', '2026-04-20'),
          paid('statement', 'S1', '2026-03-20'),
        ]),
      ).toEqual([true, false, false]);
      // The P&L report's sale (S1) and the Statement S2's refund: two payouts.
      expect(supersededFlags([paid('pnl-orders', 'S1', ''), paid('statement', 'S2', '2026-05-08')])).toEqual([
        false,
        false,
      ]);
    });
    it('an Income row (no statement ID) gives way to a Statement line of its settled date only', () => {
      expect(
        supersededFlags([paid('income', '', '2026-05-05', ''), paid('statement', 'S1', '2026-05-05')]),
      ).toEqual([true, false]);
      expect(
        supersededFlags([paid('income', '', '2026-06-02', ''), paid('statement', 'S2', '2026-07-08')]),
      ).toEqual([false, false]);
      // A row whose payout is unknown (no ID, no date) is taken as the same payout: counted once, as before.
      expect(supersededFlags([paid('income', '', '', ''), paid('statement', 'S2', '2026-07-08')])).toEqual([
        true,
        false,
      ]);
    });
    it('an estimate gives way to a settled row of any payout', () => {
      expect(
        supersededFlags([
          { ...row('onhold', '1', 'a'), statementDate: '2026-03-02' },
          { ...row('onhold', '1', 'a'), layout: 'order-export' as const, statementDate: '' },
          paid('statement', 'S9', '2026-04-30'),
        ]),
      ).toEqual([true, true, false]);
    });
    it('the ledger tab tells payouts by its Statement ID and Statement date columns, a date cell by its day', () => {
      // Dates as a sheet hands them over: on the runtime's clock, some with a time of day.
      const day = (text: string) => {
        const [y, m, d, hh, mm, ss] = text.match(/\d+/g)!.map(Number);
        return new Date(y, m - 1, d, hh, mm, ss);
      };
      const grid = [
        ['Key', 'Import ID', 'Layout', 'Statement ID', 'Order/adjustment ID', 'SKU ID', 'Statement date'],
        ['p1', 'i', 'pnl-orders', 'S1', '1', 'a', day('2026-03-20 00:00:00')],
        ['p2', 'i', 'pnl-orders', 'S2', '1', 'a', day('2026-04-20 00:00:00')],
        ['s1', 'i', 'statement', 'S1', '1', 'a', day('2026-03-20 00:00:00')],
        ['in', 'i', 'income', '', '2', '', day('2026-05-05 16:55:33')],
        ['s2', 'i', 'statement', 'S3', '2', 'b', day('2026-05-05 00:00:00')],
        ['in2', 'i', 'income', '', '3', '', day('2026-06-02 00:00:00')],
        ['s3', 'i', 'statement', 'S4', '3', 'b', day('2026-07-08 00:00:00')],
      ];
      const { grid: out, superseded } = withoutSupersededRows(grid);
      expect(superseded).toBe(2);
      expect(out.map((r) => r[0])).toEqual(['Key', '', 'p2', 's1', '', 's2', 'in2', 's3']);
    });
  });
  it("tells a date cell's day in the sheet's zone: an Income row settled in the evening meets its payout's Statement", () => {
    // Los Angeles: the Statement's 2026-05-05 (07:00 UTC) and an Income row settled 20:00 that day (03:00 UTC, May 6).
    const inLosAngeles = (d: Date) =>
      new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'America/Los_Angeles',
        dateStyle: 'short',
        timeStyle: 'medium',
      })
        .format(d)
        .replace(' ', 'T');
    const grid = [
      ['Key', 'Import ID', 'Layout', 'Statement ID', 'Order/adjustment ID', 'SKU ID', 'Statement date'],
      ['in', 'i', 'income', '', '1', '', new Date(Date.UTC(2026, 4, 6, 3))],
      ['s', 'i', 'statement', 'S1', '1', 'a', new Date(Date.UTC(2026, 4, 5, 7))],
    ];
    expect(inLosAngeles(grid[1][6] as Date)).toBe('2026-05-05T20:00:00');
    expect(withoutSupersededRows(grid, inLosAngeles).superseded).toBe(1);
    expect(
      supersededFlags(
        grid.slice(1).map((r) => ({
          layout: r[2] as 'income' | 'statement',
          orderId: '1',
          skuId: r[5] as string,
          statementId: r[3] as string,
          statementDate: r[6],
        })),
        inLosAngeles,
      ),
    ).toEqual([true, false]);
  });
  it('the ledger tab reads an Income row under the Statement lines of its order as superseded', () => {
    const grid = [
      ['Key', 'Import ID', 'Layout', 'Order/adjustment ID', 'SKU ID'],
      ['s1', 'i', 'statement', '1', 'a'],
      ['in', 'i', 'income', '1', ''],
      ['s2', 'i', 'statement', '1', 'b'],
    ];
    const { grid: out, superseded } = withoutSupersededRows(grid);
    expect(superseded).toBe(1);
    expect(out[2]).toEqual(['', '', '', '', '']);
  });
  it('of two estimates of a line the later download counts, whichever was imported last; else the later import', () => {
    const estimate = (importId: string, downloaded?: string) => ({
      ...row('onhold', '1', 'a'),
      importId,
      unknown: (downloaded === undefined ? {} : { [DOWNLOAD_TIME]: downloaded }) as Record<string, string>,
    });
    // Imported newest first: the download of March 27 was imported before the one of March 20.
    const newestFirst = [
      estimate('20260328-101500000-aaaa', '2026-03-27 08:05:00'),
      estimate('20260329-090000000-bbbb', '2026-03-20 09:12:40'),
    ];
    expect(supersededFlags(newestFirst)).toEqual([false, true]);
    // Files without a download time: the later import counts, as before.
    expect(
      supersededFlags([estimate('20260328-101500000-aaaa'), estimate('20260329-090000000-bbbb')]),
    ).toEqual([true, false]);
    // The ledger tab reads the same from its Download time column, wherever it is.
    const grid = [
      ['Key', 'Import ID', 'Layout', 'Order/adjustment ID', 'SKU ID', 'Download time'],
      ['k', '20260328-101500000-aaaa', 'onhold', '1', 'a', '2026-03-27 08:05:00'],
      ['k#2', '20260329-090000000-bbbb', 'onhold', '1', 'a', '2026-03-20 09:12:40'],
    ];
    expect(withoutSupersededRows(grid).grid[2]).toEqual(['', '', '', '', '', '']);
    expect(withoutSupersededRows(grid).grid[1]).toBe(grid[1]);
  });
  it('of two order exports of a line, the later import counts; a ledger of order exports alone is read for it', () => {
    const download = (importId: string) => ({
      layout: 'order-export' as const,
      orderId: '1',
      skuId: 'a',
      importId,
    });
    expect(
      supersededFlags([download('20260430-090000000-bbbb'), download('20260424-101500000-aaaa')]),
    ).toEqual([false, true]);
    const grid = [
      ['Key', 'Import ID', 'Layout', 'Order/adjustment ID', 'SKU ID'],
      ['k', '20260424-101500000-aaaa', 'order-export', '1', 'a'],
      ['k#2', '20260430-090000000-bbbb', 'order-export', '1', 'a'],
    ];
    expect(withoutSupersededRows(grid).grid[1]).toEqual(['', '', '', '', '']);
  });
  it('an estimate of a sale gives way only to a row with the sale, not to a refund settled without it', () => {
    const line = (layout: 'onhold' | 'order-export' | 'statement', grossSales: number, skuId = 'a') => ({
      layout,
      orderId: '1',
      skuId,
      grossSales,
    });
    expect(supersededFlags([line('order-export', 49.98), line('statement', 0)])).toEqual([false, false]);
    expect(supersededFlags([line('onhold', 49.98), line('statement', 0), line('statement', 49.98)])).toEqual([
      true,
      false,
      false,
    ]);
    // An estimate without a sale (an adjustment) gives way to the settled adjustment, SKU or not.
    expect(supersededFlags([line('onhold', 0, ''), line('statement', 0, '')])).toEqual([true, false]);
  });
  it("reads the On-hold banner's download time as it is written, or re-saved by a US spreadsheet", () => {
    expect(downloadTimeOf(['Download time', '2026-06-12 16:55:33'])).toBe('2026-06-12 16:55:33');
    // A slash date either way: the reading on or after the end of the period the file name gives.
    const june3 = 'Onhold-unsettled-orders-2026_05_01-2026_06_03(UTC-7).xlsx';
    expect(downloadTimeOf([' download TIME ', '6/3/2026 8:05'], june3)).toBe('2026-06-03 08:05:00');
    expect(downloadTimeOf(['Download time', '03/06/2026 8:05'], june3)).toBe('2026-06-03 08:05:00');
    expect(downloadTimeOf(['Download time', '6/3/2026 4:55:33 PM'], june3)).toBe('2026-06-03 16:55:33');
    expect(downloadTimeOf(['Download time', '6/13/2026 12:05 AM'])).toBe('2026-06-13 00:05:00');
    expect(downloadTimeOf(['Download time', '2026/6/3'])).toBe('2026-06-03 00:00:00');
    for (const cells of [
      ['Download time', 'yesterday'],
      ['Download time', '2026-13-03 10:00'],
      ['Total Transactions', '1'],
      ['Download time'],
    ])
      expect(downloadTimeOf(cells)).toBeUndefined();
  });
  it('blanks superseded rows of a ledger range, row numbers kept; other ranges pass through', () => {
    const grid = [
      ['Key', 'Import ID', 'Layout', 'Order/adjustment ID', 'SKU ID'],
      ['k1', 'i', 'onhold', '1', 'a'],
      ['k2', 'i', 'statement', '1', 'a'],
    ];
    const { grid: out, superseded } = withoutSupersededRows(grid);
    expect(superseded).toBe(1);
    expect(out).toEqual([grid[0], ['', '', '', '', ''], grid[2]]);
    const statement = [
      ['Statement ID', 'Order/adjustment ID'],
      ['1', '2'],
    ];
    expect(withoutSupersededRows(statement).grid).toBe(statement);
  });

  it('looks for a header sorted down only in the rows above where it was found, or the first row when none was', () => {
    const ledger = [
      ['Key', 'Import ID', 'Layout'],
      ['k1', 'i1', 'statement'],
    ];
    expect(rowsAboveHeader(ledger, 1)).toBe(false);
    // Sorted without "Data has header row": a data row on top, the header further down.
    expect(rowsAboveHeader([ledger[1], ledger[0]], 0)).toBe(true);
    // Any other range: its first row, never every cell of it (a word like "statement" further down is data).
    const export_ = [
      ['Type', 'Note'],
      ['Order', 'statement'],
      ['Key', 'Import ID', 'Layout'],
    ];
    expect(rowsAboveHeader(export_, 0)).toBe(false);
  });
});

describe('columns by header', () => {
  it('finds the header under a title and columns whatever their case, spacing or place', () => {
    const rows = [['My ledger'], ['Notes', ' key ', 'Import  ID', 'LAYOUT'], ['x', 'k', 'i', 'statement']];
    expect(findHeaderRow(rows, ['Key', 'Import ID', 'Layout'])).toBe(2);
    expect(columnIndex(rows[1]).get('key')).toBe(1);
    expect(missingColumns(rows[1], ['Key', 'Type'])).toEqual(['Type']);
  });
});

describe('cells left', () => {
  it('counts the growth of a tab and refuses past 10,000,000 cells with the numbers', () => {
    expect(growthOf({ rows: 1000, columns: 30, lastRow: 900, lastColumn: 30 }, 300, 2)).toBe(
      32 * 1200 - 30 * 1000,
    );
    expect(growthOf(null, 10, 40)).toBe(1000 * 40);
    expect(cellLimitMessage('a.csv', 100, 9_999_900, 10)).toBe('');
    expect(cellLimitMessage('a.csv', 5_000, 9_999_000, 2_000)).toMatch(
      /^a\.csv: importing its 2,000 new rows needs about 5,000 more cells, and this spreadsheet has 1,000 left of Google Sheets' limit of 10,000,000 cells \(9,999,000 used/,
    );
  });
});

describe('file endings and encodings', () => {
  it('tells a last record without a line break, in UTF-8 and UTF-16', () => {
    expect(endsWithoutLineBreak(new TextEncoder().encode('a,b\r\n1,2'))).toBe(true);
    expect(endsWithoutLineBreak(new TextEncoder().encode('a,b\r\n1,2\r\n'))).toBe(false);
    expect(endsWithoutLineBreak(new Uint8Array([0x61, 0, 0x0a, 0]))).toBe(false);
    expect(endsWithoutLineBreak(new Uint8Array([0x61, 0, 0x62, 0]))).toBe(true);
  });
  it('reads a UTF-8 file with one Windows-1252 line as UTF-8, only that line as Windows-1252', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('name\nCrème 日本\n'),
      0x63,
      0x61,
      0x66,
      0xe9,
      0x0a,
    ]);
    const decoded = decodeText(bytes);
    expect(decoded.text).toBe('name\nCrème 日本\ncafé\n');
    expect(decoded.windows1252Lines).toEqual([3]);
    expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9])).encoding).toBe('windows-1252');
  });
});
