/**
 * TTS_ADS sums a report as it reads it and keeps no row (ads-tally.ts, the reader's stream): a
 * repeated row is then compared with the range's earlier row read again. Through the built
 * dist/Code.js, on small reports worked out by hand: repeats with the same and with other
 * figures, a totals row, names without IDs, two ad accounts running a campaign of the same name,
 * and a campaign row read after its ad group rows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, type GasRuntime } from '../../emulator/sandbox';
import { codeFile, ensureBuilt, errorOf, inSandbox, sheetDate } from './custom-functions-sheet';

let rt: GasRuntime;
beforeAll(() => {
  ensureBuilt();
  rt = loadBundleInVm({ file: codeFile });
});

const HEADER = [
  'By Day',
  'Campaign name',
  'Ad group name',
  'Cost',
  'Gross revenue (Shop)',
  'Purchases (Shop)',
];
const TITLE = [
  "Day (the ad account's clock)",
  'Spend',
  'Attributed revenue',
  'ROAS',
  'Orders',
  'Cost per order',
];
const report = (rows: (string | number | Date)[][], header = HEADER) => inSandbox(rt, [header, ...rows]);

describe('TTS_ADS on a report read as a stream', () => {
  it('counts a row repeated with the same figures once, as Sheets pastes it (days as Date cells)', () => {
    const day = sheetDate('2026-05-01', rt.workbook.timeZone)!;
    const rows = [
      [day, 'Spring', 'Tanks', 10, 40, 2],
      [day, 'Spring', 'Leggings', 5.5, 11, 1],
      [day, 'Spring', 'Tanks', 10, 40, 2],
    ];
    // 10 + 5.50 = 15.50 spent; 40 + 11 = 51 revenue; ROAS 51 ÷ 15.50 = 3.29; 3 orders, 5.17 each.
    expect(rt.call('TTS_ADS', report(rows), 'day')).toEqual([
      TITLE,
      ['2026-05-01', 15.5, 51, 3.29, 3, 5.17],
      ['Total', 15.5, 51, 3.29, 3, 5.17],
    ]);
  });

  it('keeps a campaign named "Total …" on a day given as a Date cell from another realm', () => {
    // The cells are the test's own Dates, not the bundle's: `instanceof Date` fails on them.
    const day = sheetDate('2026-05-01', rt.workbook.timeZone)!;
    const rows = [
      [day, 'Total Body Leggings', 'Tanks', 10, 40, 2],
      [day, 'Spring', 'Tanks', 5.5, 11, 1],
    ];
    // Both rows count: 15.50 spent, 51 revenue, ROAS 3.29, 3 orders at 5.17.
    expect(rt.call('TTS_ADS', [HEADER, ...rows], 'day')).toEqual([
      TITLE,
      ['2026-05-01', 15.5, 51, 3.29, 3, 5.17],
      ['Total', 15.5, 51, 3.29, 3, 5.17],
    ]);
  });

  it('names both rows of a repeat with other figures', () => {
    const rows = [
      ['2026-05-01', 'Spring', 'Tanks', 10, 40, 2],
      ['2026-05-02', 'Spring', 'Tanks', 7, 20, 1],
      ['2026-05-01', 'Spring', 'Tanks', 12, 40, 2],
    ];
    expect(errorOf(() => rt.call('TTS_ADS', report(rows)))).toBe(
      'Row 4 has the same day, campaign and ad group as row 2 but other figures; the row was ' +
        'skipped. Add the ID columns (Campaign ID, Ad group ID, Ad ID or Product ID) to the report, or remove extra ' +
        'breakdowns, and export it again.',
    );
  });

  it('leaves out a totals row and books a campaign row read after its ad group rows', () => {
    const rows = [
      ['2026-05-01', 'Spring', 'Tanks', 10, 40, 2],
      ['2026-05-01', 'Spring', 'Leggings', 5, 10, 1],
      ['2026-05-01', 'Spring', '', 15.25, 50, 3],
      ['2026-05-01', 'Always On', 'All', 4, 8, 1],
      ['', 'Total of 4 results', '', 34.25, 108, 7],
    ];
    // Spring's campaign row (15.25) replaces its ad groups; Always On has only its ad group: 19.25 spent.
    expect(rt.call('TTS_ADS', report(rows), 'campaign')).toEqual([
      ['Campaign', 'Spend', 'Attributed revenue', 'ROAS', 'Orders', 'Cost per order'],
      ['Spring', 15.25, 50, 3.28, 3, 5.08],
      ['Always On', 4, 8, 2, 1, 4],
      ['Total', 19.25, 58, 3.01, 4, 4.81],
    ]);
  });

  it('keeps two ad accounts apart when each runs a campaign of the same name on the same day', () => {
    const header = [
      'By Day',
      'Account name',
      'Campaign name',
      'Cost',
      'Gross revenue (Shop)',
      'Purchases (Shop)',
    ];
    const rows = [
      ['2026-05-01', 'Main shop', 'Always On', 10, 30, 3],
      ['2026-05-01', 'Second shop', 'Always On', 6, 12, 1],
    ];
    expect(rt.call('TTS_ADS', report(rows, header), 'month')).toEqual([
      ["Month (the ad account's clock)", 'Spend', 'Attributed revenue', 'ROAS', 'Orders', 'Cost per order'],
      ['2026-05', 16, 42, 2.63, 4, 4],
      ['Total', 16, 42, 2.63, 4, 4],
    ]);
  });

  describe('as a seller pastes it: padded cells, blank rows between, a totals row, IDs as numbers', () => {
    const header = [
      'By Day',
      'Campaign name',
      'Campaign ID',
      'Ad group name',
      'Cost',
      'Gross revenue (Shop)',
      'Purchases (Shop)',
    ];
    const pasted = () => {
      const day = sheetDate('2026-05-01', rt.workbook.timeZone)!;
      return [
        [day, '  Total Body Leggings ', 1800000000000001, ' Tanks', 10, 40, 2],
        ['', '', '', '', '', '', ''],
        [' 2026-05-01 ', 'Spring', '1800000000000002', 'Leggings ', ' 5.50 ', '11.00', '1'],
        [' ', '', '', '', '', '', ''],
        // The first row again, its ID as text and its names unpadded: the same figures, counted once.
        [day, 'Total Body Leggings', '1800000000000001', 'Tanks', 10, 40, 2],
        ['2026-05-02', 'Spring', 1800000000000002, 'Leggings', 4, 0, 0],
        ['', 'Total of 4 results', '', '', 29.5, 91, 5],
      ];
    };

    it('sums each row once and leaves out the totals row', () => {
      // Total Body Leggings (a campaign, on a dated row): 10 spent, 40 revenue, ROAS 4, 2 orders at 5.
      // Spring: 5.50 + 4 = 9.50 spent, 11 revenue, ROAS 1.16, 1 order at 9.50. Together 19.50, 51, ROAS 2.62, 3 at 6.50.
      expect(rt.call('TTS_ADS', report(pasted(), header), 'campaign')).toEqual([
        ['Campaign', 'Spend', 'Attributed revenue', 'ROAS', 'Orders', 'Cost per order'],
        ['Total Body Leggings', 10, 40, 4, 2, 5],
        ['Spring', 9.5, 11, 1.16, 1, 9.5],
        ['Total', 19.5, 51, 2.62, 3, 6.5],
      ]);
      expect(rt.call('TTS_ADS', report(pasted(), header), 'day')).toEqual([
        TITLE,
        ['2026-05-01', 15.5, 51, 3.29, 3, 5.17],
        ['2026-05-02', 4, 0, 0, 0, ''],
        ['Total', 19.5, 51, 2.62, 3, 6.5],
      ]);
    });

    it('names both rows of a repeat with other figures, and the cell of an ID the sheet rounded', () => {
      const day = sheetDate('2026-05-01', rt.workbook.timeZone)!;
      const again = [...pasted(), [day, ' Total Body Leggings', 1800000000000001, 'Tanks ', 12, 40, 2]];
      expect(errorOf(() => rt.call('TTS_ADS', report(again, header)))).toBe(
        'Row 9 has the same day, campaign and ad group as row 2 but other figures; the row was ' +
          'skipped. Add the ID columns (Campaign ID, Ad group ID, Ad ID or Product ID) to the report, or remove extra ' +
          'breakdowns, and export it again.',
      );
      const rounded = [...pasted(), ['2026-05-03', 'Spring', 1.8e18, 'Leggings', 1, 1, 1]];
      expect(errorOf(() => rt.call('TTS_ADS', report(rounded, header)))).toContain(
        'Row 9, column *Campaign ID*: the ID 1800000000000000000 lost its last digits',
      );
    });
  });
});
