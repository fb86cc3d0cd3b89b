/**
 * Day-first dates in a range passed to the functions (an order export pasted as text from a file
 * re-saved in a UK locale), through dist/Code.js: the column's order is decided from the value
 * that settles it, rows above it included; a column of dates that read either way is read month
 * first; a column written both ways is an error naming the rows and the column.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm, type GasRuntime } from '../../emulator/sandbox';
import { parseCsv } from '../../src/core/read/files/csv';
import { codeFile, ensureBuilt, errorOf, sheetRange } from './custom-functions-sheet';
import { orderExportCsv } from '../corpus/order-export';

let rt: GasRuntime;
beforeAll(() => {
  ensureBuilt();
  rt = loadBundleInVm({ file: codeFile });
});

const range = (dates: string[]) => sheetRange(rt, parseCsv(orderExportCsv((_l, i) => dates[i])));

describe('slash dates in a range, by column', () => {
  it('TTS_SALES puts day-first dates in their month, the ambiguous first row included', () => {
    // All five lines fall in May read day first; read month first, 04/05 would be April 5 and 02/05 February 5.
    const r = range([
      '04/05/2026 10:00:00',
      '14/05/2026 11:30:00',
      '02/05/2026 09:05:00',
      '20/05/2026 18:45:00',
      '28/05/2026 08:00:00',
    ]);
    // Gross kept by hand: 40.00 + 0 (refunded) + 20.00 + 0 (cancelled) + 12.50.
    expect(rt.call('TTS_SALES', r, '2026-05')).toBe(72.5);
    // No row falls in April or February: those months are outside the rows' dates, and refused so.
    for (const month of ['2026-04', '2026-02'])
      expect(errorOf(() => rt.call('TTS_SALES', r, month))).toBe(
        `the statement range has no rows in ${month}: its rows run from 2026-05-02 to 2026-05-28.`,
      );
  });

  it('reads a column whose every date reads either way month first', () => {
    const r = range(['04/05/2026', '04/06/2026', '04/07/2026', '04/08/2026', '04/09/2026']);
    expect(rt.call('TTS_SALES', r, '2026-04')).toBe(72.5);
  });

  it('refuses a column written both ways, naming the rows and the column', () => {
    const r = range(['04/05/2026', '14/05/2026', '04/20/2026', '04/21/2026', '04/22/2026']);
    expect(errorOf(() => rt.call('TTS_SALES', r))).toBe(
      'the statement range: column *Created Time* has dates written both ways: row 3 has `14/05/2026` (day first) and row 4 has ' +
        '`04/20/2026` (month first), so no date in it can be trusted. Give every date of the column one form (2026-05-14 is read ' +
        'the same everywhere), or import the file with the TTS Profit sidebar.',
    );
  });
});
