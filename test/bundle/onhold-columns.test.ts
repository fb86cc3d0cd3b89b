/**
 * The real On-hold export's 69 columns (the UK file, made a US one: Currency USD) with an
 * affiliate sale, through dist/Code.js and the sidebar's reader: every column is known, the
 * estimated commission and VAT count under Fees, the row reconciles.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, type GasRuntime } from '../../emulator/sandbox';
import { parsedBySidebar } from '../helpers/sidebar-reader';
import { codeFile, ensureBuilt, sheetRange } from './custom-functions-sheet';
import { REAL, realCsvRows } from '../helpers/real-fixtures';

let rt: GasRuntime;
beforeAll(() => {
  ensureBuilt();
  rt = loadBundleInVm({ file: codeFile });
});

const [HEADER, ROW] = realCsvRows(REAL.ukOnHold);

/** The real row in dollars, with an affiliate commission of 1.20 and VAT of 0.10 taken from Fees. */
function usRows(): string[][] {
  const row = [...ROW];
  const set = (name: string, value: string) => {
    const i = HEADER.indexOf(name);
    if (i < 0) throw new Error(name);
    row[i] = value;
  };
  set('Currency', 'USD');
  set('Est. affiliate commission', '-1.20');
  set('VAT', '-0.10');
  // Fees −0.72 − 1.20 − 0.10 = −2.02; settlement 8.00 − 2.02 = 5.98.
  set('Fees', '-2.02');
  set('Total estimated settlement amount', '5.98');
  return [HEADER, row];
}

describe('every column of the real On-hold export', () => {
  it('has 69 columns, all known to the sidebar reader; the affiliate row reconciles', async () => {
    expect(HEADER).toHaveLength(69);
    const csv = usRows()
      .map((r) => r.join(','))
      .join('\n');
    const outcome = await parsedBySidebar(
      new TextEncoder().encode(csv),
      'Onhold-unsettled-orders-2026_09_23.csv',
    );
    expect(outcome.errors).toEqual([]);
    const [file] = outcome.files;
    expect(file.unknownColumns).toEqual([]);
    expect(file.reconciliation.ok).toBe(true);
    expect(file.totals).toEqual({ settlement: 598, netSales: 800, fees: -202, grossSales: 800 });
    expect(file.rows[0].orderDate).toBe('2026-09-23');
  });

  it("TTS_FEES lists the estimated commission and VAT and totals to the file's Fees; TTS_RECONCILE agrees", () => {
    const range = sheetRange(rt, usRows());
    expect(rt.call('TTS_FEES', range)).toEqual([
      ['Fee', 'Amount'],
      ['Est. affiliate commission', -1.2],
      ['TikTok Shop commission fee', -0.72],
      ['VAT', -0.1],
      ['Total fees', -2.02],
    ]);
    expect(rt.call('TTS_RECONCILE', range)).toBe('All 1 rows reconcile');
    expect(rt.call('TTS_SETTLEMENT', range)).toBe(5.98);
  });

  it('a fee column TTS Profit does not know, under Fees, is listed by name and keeps the row reconciled', async () => {
    // A new column TikTok might add after GMV Max ad fee, with 0.50 of the Fees in it.
    const [header, row] = usRows();
    const at = header.indexOf('GMV Max ad fee') + 1;
    const withNew = (cells: string[], value: string) => [...cells.slice(0, at), value, ...cells.slice(at)];
    const rows = [withNew(header, 'Creator bonus fee'), withNew(row, '-0.50')];
    rows[1][rows[0].indexOf('Fees')] = '-2.52';
    rows[1][rows[0].indexOf('Total estimated settlement amount')] = '5.48';
    const range = sheetRange(rt, rows);
    expect(rt.call('TTS_FEES', range)).toEqual([
      ['Fee', 'Amount'],
      ['Est. affiliate commission', -1.2],
      ['TikTok Shop commission fee', -0.72],
      ['Other (unrecognised): Creator bonus fee', -0.5],
      ['VAT', -0.1],
      ['Total fees', -2.52],
    ]);
    expect(rt.call('TTS_RECONCILE', range)).toBe('All 1 rows reconcile');
    expect((rt.call('TTS_PNL', range) as unknown[][])[1][6]).toBe(-2.52);

    const csv = rows.map((r) => r.join(',')).join('\n');
    const outcome = await parsedBySidebar(new TextEncoder().encode(csv), 'onhold.csv');
    const [file] = outcome.files;
    expect(file.reconciliation.ok).toBe(true);
    expect(file.totals.fees).toBe(-252);
    expect(file.unrecognisedMoney).toEqual([
      { parent: 'fees', line: 'unrecognised_fees', columns: ['Creator bonus fee'] },
    ]);
  });
});
