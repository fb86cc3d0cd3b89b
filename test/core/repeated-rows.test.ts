/**
 * One rule for a row read twice, the import's: the same key and the same content fingerprint. A
 * file's repeat is written once (its key numbered `#2`); a range a function or the dashboard reads
 * is refused naming both rows. Rows sharing a key with other amounts are two rows.
 */
import { describe, expect, it } from 'vitest';
import { parseSheetRows } from '../../src/core/read/parse-export';
import { fixtureHeader, rowOf } from './helpers';

const STATEMENT = fixtureHeader('us_statement_export_header_2024.csv');
const line = (sku: string, settlement: string) =>
  rowOf(STATEMENT, {
    'Statement date (UTC)': '2026/05/05',
    'Statement ID': '7496021845520155393',
    Type: 'Order',
    'Order/adjustment ID': '577389150020120001',
    'SKU ID': sku,
    'Order created date': '2026/04/28',
    'Total settlement amount': settlement,
    'Net sales': settlement,
    'Gross sales': settlement,
  });
const KEY = '7496021845520155393|577389150020120001|1732440158393635811|Order';
const range = (rows: string[][]) => parseSheetRows([STATEMENT, ...rows], { fileName: 'the statement range' });

describe('a range with a row read twice', () => {
  it('is refused naming the copy, the row it repeats and their key', () => {
    const a = line('1732440158393635811', '10.00');
    expect(() => range([a, line('1732440158393635812', '4.00'), a])).toThrow(
      `the statement range: row 4 repeats row 2 (key \`${KEY}\`, the same amounts): is an export pasted twice? Delete the copy.`,
    );
  });

  it('counts rows that share a key with other amounts (a line split in two)', () => {
    const parsed = range([line('1732440158393635811', '10.00'), line('1732440158393635811', '5.00')]);
    expect(parsed.totals.settlement).toBe(1500);
  });

  it('finds a copy of the second of two rows sharing a key, not only of the first', () => {
    const [a, b] = [line('1732440158393635811', '10.00'), line('1732440158393635811', '5.00')];
    expect(() => range([a, b, b])).toThrow(/^the statement range: row 4 repeats row 3 /);
  });

  it('finds a copy pasted with its IDs rounded by the spreadsheet (numbers), and says it cannot be sure', () => {
    const a = line('1732440158393635811', '10.00');
    const copy = a.map((cell, c) => (/ID$/.test(STATEMENT[c]) && cell !== '' ? Number(cell) : cell));
    expect(() => parseSheetRows([STATEMENT, a, copy], { fileName: 'the statement range' })).toThrow(
      /^the statement range: row 3 repeats row 2 as far as the IDs the spreadsheet rounded show: a copy, or another line of one order\? Import the file again keeping IDs as text/,
    );
  });

  it('reads two different orders whose IDs round to the same number as two rows when the IDs are exact', () => {
    const a = line('1732440158393635811', '10.00');
    const b = line('1732440158393635812', '10.00');
    expect(Number('1732440158393635811')).toBe(Number('1732440158393635812'));
    expect(range([a, b]).totals.settlement).toBe(2000);
  });
});
