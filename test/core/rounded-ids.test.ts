import { describe, expect, it } from 'vitest';
import { parseExportFile } from '../../src/core/read/parse-export-file';

const HEADER = 'Type,Order/adjustment ID,SKU ID,Total estimated settlement amount,Net sales';
const file = (...lines: string[]) => new TextEncoder().encode([HEADER, ...lines].join('\n'));

describe('IDs Excel rounded to 15 digits', () => {
  it('refuses a file whose long IDs all end in zeros after the 15th digit, naming them and the fix', () => {
    const result = parseExportFile(
      file(
        'Order,577389150020122000,1732440158393630000,5.00,5.00',
        'Order,577389150020124000,1732440158393640000,6.00,6.00',
      ),
      'onhold.csv',
    );
    expect(result.files).toEqual([]);
    expect(result.errors[0].message).toMatch(
      /^onhold\.csv: the IDs in \*Order\/adjustment ID\* \(e\.g\. `577389150020122000` on row 2\) and \*SKU ID\* \(e\.g\. `1732440158393630000` on row 2\) were rounded by a spreadsheet \(only 15 digits kept\), so rows cannot be told apart\. Import the file again keeping IDs as text/,
    );
  });

  it('reads a file where one real ID happens to end in 000', () => {
    const result = parseExportFile(
      file(
        'Order,577389150020122000,1732440158393635811,5.00,5.00',
        'Order,577389150020124037,1732440158393635811,6.00,6.00',
      ),
      'onhold.csv',
    );
    expect(result.errors).toEqual([]);
    expect(result.files[0].rows).toHaveLength(2);
  });

  it('reads a statement whose one Statement ID ends in 000 on every row (one ID, repeated, proves nothing)', () => {
    const statement = (...lines: string[]) =>
      new TextEncoder().encode(
        ['Type,Order/adjustment ID,Statement ID,Total settlement amount,Net sales', ...lines].join('\n'),
      );
    const result = parseExportFile(
      statement(
        'Order,577389150020122037,732026051400021000,5.00,5.00',
        'Order,577389150020124037,732026051400021000,6.00,6.00',
      ),
      'statement.csv',
    );
    expect(result.errors).toEqual([]);
    expect(result.files[0].rows).toHaveLength(2);
  });

  it('keeps refusing `5.77E+17` IDs row by row in an import', () => {
    const result = parseExportFile(
      file(
        'Order,5.77389E+17,1732440158393635811,5.00,5.00',
        'Order,577389150020124037,1732440158393635811,6.00,6.00',
      ),
      'onhold.csv',
    );
    expect(result.files[0].rows).toHaveLength(1);
    expect(result.files[0].rejects[0].message).toBe(
      'Row 2, column *Order/adjustment ID*: the ID 5.77389E+17 lost its last ' +
        'digits (the sheet turned it into a number). Format the column as Plain ' +
        'text and import the file again.',
    );
  });
});
