import { describe, expect, it } from 'vitest';
import { foreignCurrencyCode, foreignUnits, formatForeign } from '../../src/core/read/currency';
import { parseSheetRows } from '../../src/core/read/parse-export';

describe('foreign currencies', () => {
  it('a Currency cell names another currency only with an ISO code other than USD', () => {
    expect(['GBP', ' idr ', 'USD', '', '/', 'Pounds', 'UUUUUU'].map(foreignCurrencyCode)).toEqual([
      'GBP',
      'IDR',
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('rupiah have no minor unit: `.` groups thousands; pounds have pence', () => {
    expect(foreignUnits('IDR 389.000', 'IDR')).toBe(389_000);
    expect(foreignUnits('IDR 21.144', 'IDR')).toBe(21_144);
    expect(foreignUnits('-IDR 1.000.000', 'IDR')).toBe(-1_000_000);
    expect(foreignUnits('IDR 0', 'IDR')).toBe(0);
    expect(foreignUnits(129775, 'IDR')).toBe(129_775);
    expect(foreignUnits('GBP 7.28', 'GBP')).toBe(728);
    expect(foreignUnits('7.28', 'GBP')).toBe(728);
    expect(Number.isNaN(foreignUnits('IDR 21.14', 'IDR'))).toBe(true);
    expect(formatForeign(32_670_368, 'IDR')).toBe('IDR 32,670,368');
    expect(formatForeign(-728, 'GBP')).toBe('-GBP 7.28');
  });

  it('a US file whose later row switches currency is refused from that row, never summed', () => {
    const rows = [
      ['Type', 'Order/adjustment ID', 'Currency', 'Total estimated settlement amount', 'Net sales'],
      ['Order', '576955651451099542', 'USD', '7.28', '7.28'],
      ['Order', '576955651451099543', 'CAD', '5.00', '5.00'],
    ];
    expect(() => parseSheetRows(rows, { fileName: 'mixed.csv' })).toThrow(
      'mixed.csv: the amounts are in CAD, not US dollars (row 3, column ' +
        '*Currency* reads `CAD`). Read as a US On hold / unsettled export: 1 ' +
        'row from row 3, Total estimated settlement amount CAD 5.00.',
    );
  });
});
