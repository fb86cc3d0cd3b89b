/**
 * Ads in the formulas, through the built dist/Code.js: TTS_ADS on a pasted report (Date cells,
 * numbers as Sheets passes them), TTS_PNL and TTS_NET_PROFIT with the ads argument on a statement
 * carrying a GMV Pay transfer and a per-order GMV Max ad fee, figures worked out by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, type GasRuntime } from '../../emulator/sandbox';
import { codeFile, ensureBuilt, errorOf, inSandbox, readCsv, sheetDate, sheetRange } from './custom-functions-sheet';

let rt: GasRuntime;
beforeAll(() => {
  ensureBuilt();
  rt = loadBundleInVm({ file: codeFile });
});

const statement = () => sheetRange(rt, readCsv('test/fixtures/ads/statement-with-gmv-pay.csv'));
const cogs = () => inSandbox(rt, readCsv('test/fixtures/ads/cogs.csv'));
/** A report as it lands when pasted into a sheet: days as Date cells, figures as numbers. */
function pasted(name: string): unknown {
  const rows = readCsv(`test/fixtures/ads/${name}`);
  return inSandbox(rt, rows.map((row, r) => row.map((cell, c) => {
    if (r === 0) return cell;
    if (c === 0 && /^\d{4}-\d\d-\d\d$/.test(cell)) return sheetDate(cell, rt.workbook.timeZone)!;
    return /^-?\d+(\.\d+)?$/.test(cell) && cell.length < 15 ? Number(cell) : cell;
  })));
}

describe('TTS_ADS', () => {
  it('by campaign, day and product from a pasted report, within a date range', () => {
    expect(rt.call('TTS_ADS', pasted('gmv-max-by-product.csv'), 'campaign')).toEqual([
      ['Campaign', 'Spend', 'Attributed revenue', 'ROAS', 'Orders', 'Cost per order'],
      ['GMV Max Leggings', 55, 85, 1.55, 3, 18.33],
      ['GMV Max Tanks', 20, 60, 3, 3, 6.67],
      ['Total', 75, 145, 1.93, 6, 12.5],
    ]);
    expect(rt.call('TTS_ADS', pasted('ads-manager-by-day.csv'), 'day', '2026-05-02', inSandbox(rt, sheetDate('2026-05-02', rt.workbook.timeZone)))).toEqual([
      ["Day (the ad account's clock)", 'Spend', 'Attributed revenue', 'ROAS', 'Orders', 'Cost per order'],
      ['2026-05-02', 55.25, 169.9, 3.08, 6, 9.21],
      ['Total', 55.25, 169.9, 3.08, 6, 9.21],
    ]);
    expect(rt.call('TTS_ADS', pasted('gmv-max-by-product.csv'), 'product')).toEqual([
      ['Product', 'Spend', 'Attributed revenue', 'ROAS', 'Orders', 'Cost per order'],
      ['High-Waist Leggings', 55, 85, 1.55, 3, 18.33],
      ['Ribbed Knit Tank', 20, 60, 3, 3, 6.67],
      ['Total', 75, 145, 1.93, 6, 12.5],
    ]);
  });

  it('says what to pass when the range is not an ad report, or the grouping is unknown', () => {
    expect(errorOf(() => rt.call('TTS_ADS', statement()))).toBe(
      'The ads range holds a US Statement export (2024 CSV), not an ad report: pass an Ads Manager or GMV Max report (By Day, Campaign name, Cost, Gross revenue), or the TTS Ads tab.',
    );
    expect(errorOf(() => rt.call('TTS_ADS', pasted('ads-manager-by-day.csv'), 'week'))).toBe('group_by must be "day", "month", "campaign" or "product", found "week".');
    expect(errorOf(() => rt.call('TTS_ADS', pasted('ads-manager-by-day.csv'), 'product'))).toMatch(/^The ad range has no rows by product/);
    expect(errorOf(() => rt.call('TTS_PNL', pasted('ads-manager-by-day.csv')))).toMatch(/^The statement range holds a TikTok Ads Manager report, not a statement export: pass it to TTS_ADS/);
  });
});

describe('TTS_PNL and TTS_NET_PROFIT with ads', () => {
  // Settlement 88.90 (after the 30.00 GMV Pay transfer and the 5.00 GMV Max ad fee); COGS 42.00 → 46.90.
  // Ad spend for the P&L: 75.00 − 5.00 already in the settlement − 30.00 transfer = 40.00 → net profit 6.90.
  // Without the ads argument the transfer stays a cost: 46.90.
  it('puts the ad spend once into the Ad spend column, and net profit after ads', () => {
    const table = rt.call('TTS_PNL', statement(), cogs(), 'month', '', pasted('gmv-max-by-product.csv')) as unknown[][];
    const at = (label: string) => table[0].indexOf(label);
    expect(table.map((row) => [row[0], row[at('Settlement')], row[at('COGS')], row[at('Ad spend')], row[at('Net profit')]])).toEqual([
      ['Month', 'Settlement', 'COGS', 'Ad spend', 'Net profit'],
      ['2026-05', 88.9, 42, 40, 6.9],
      ['Total', 88.9, 42, 40, 6.9],
    ]);
    expect(rt.call('TTS_NET_PROFIT', statement(), cogs(), '', '', pasted('gmv-max-by-product.csv'))).toBe(6.9);
    expect(rt.call('TTS_NET_PROFIT', statement(), cogs())).toBe(46.9);
  });
});
