import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CsvSyntaxError,
  detectDelimiter,
  forEachCsvRow,
  parseCsv,
  toCsv,
} from '../../src/core/read/files/csv';

describe('parseCsv', () => {
  it('reads a Seller Center statement line with 18- and 19-digit IDs as exact text', () => {
    const text =
      'Type,Order/adjustment ID,SKU ID,Total settlement amount\nOrder,576786105183930101,1732123456789012345,-1.17\n';
    expect(parseCsv(text)).toEqual([
      ['Type', 'Order/adjustment ID', 'SKU ID', 'Total settlement amount'],
      ['Order', '576786105183930101', '1732123456789012345', '-1.17'],
    ]);
  });

  it('drops a leading byte-order mark left in the text', () => {
    expect(parseCsv('\uFEFFType,Amount\r\nOrder,3.00\r\n')).toEqual([
      ['Type', 'Amount'],
      ['Order', '3.00'],
    ]);
  });

  it('accepts CRLF, LF and CR line endings, even mixed', () => {
    expect(parseCsv('a,b\r\nc,d\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const text = 'Product name,Note\r\n"Mug, blue 12 oz","She said ""fine""\r\nthen left"\r\n';
    expect(parseCsv(text)).toEqual([
      ['Product name', 'Note'],
      ['Mug, blue 12 oz', 'She said "fine"\r\nthen left'],
    ]);
  });

  it('keeps unicode text (accents, CJK, emoji) unchanged', () => {
    expect(parseCsv('Nom,Produit\nCafé,保温杯 🎁\n')).toEqual([
      ['Nom', 'Produit'],
      ['Café', '保温杯 🎁'],
    ]);
  });

  it('keeps a leading = as plain text, never a formula', () => {
    expect(parseCsv('Note\n=SUM(A1:A3)\n"=1+1"\n')).toEqual([['Note'], ['=SUM(A1:A3)'], ['=1+1']]);
  });

  it('ignores blank lines at the end but keeps empty fields and blank lines in the middle', () => {
    expect(parseCsv('a,,c\n\n,,\nd\n\r\n\n')).toEqual([['a', '', 'c'], [], ['', '', ''], ['d']]);
  });

  it('reads an empty field after a final comma', () => {
    expect(parseCsv('a,b,\n')).toEqual([['a', 'b', '']]);
  });

  it('reads a 1,000,000-character quoted field with quotes inside', () => {
    const big = 'x'.repeat(500_000) + '""' + 'y'.repeat(499_999);
    const rows = parseCsv(`id,text\n1,"${big}"\n2,short\n`);
    expect(rows[1][1].length).toBe(1_000_000);
    expect(rows[1][1].indexOf('"')).toBe(500_000);
    expect(rows[2]).toEqual(['2', 'short']);
  });

  it('names the line where an unterminated quoted field starts', () => {
    const text = 'Type,Product name\nOrder,Mug\r\nOrder,"Lamp, brass\nOrder,Cup\n';
    expect(() => parseCsv(text)).toThrow(CsvSyntaxError);
    try {
      parseCsv(text);
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(3);
      expect((error as Error).message).toBe('a quoted field that starts on line 3 has no closing quote (")');
    }
  });

  it('reads tab-separated "Unicode text" when the header line has tabs', () => {
    expect(detectDelimiter('Type\tAmount, USD\tNote\n')).toBe('\t');
    expect(parseCsv('Type\tAmount\nOrder\t"1,234.50"\n')).toEqual([
      ['Type', 'Amount'],
      ['Order', '1,234.50'],
    ]);
  });

  it('keeps text after a closing quote in the same field, as Excel does', () => {
    expect(parseCsv('"12"34,x\n')).toEqual([['1234', 'x']]);
  });
});

describe('forEachCsvRow', () => {
  it('gives record numbers that count a multi-line quoted record once, and stops when asked', () => {
    const seen: [string, number][] = [];
    forEachCsvRow('h\n"a\nb"\nc\nd\n', (cells, rowNumber) => {
      seen.push([cells[0], rowNumber]);
      if (rowNumber === 3) return false;
    });
    expect(seen).toEqual([
      ['h', 1],
      ['a\nb', 2],
      ['c', 3],
    ]);
  });
});

describe('toCsv', () => {
  it('quotes only the fields that need it and ends every record with CRLF', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', '=1+1']])).toBe(
      'a,"b,c","say ""hi""","two\nlines",=1+1\r\n',
    );
  });

  it('round-trips generated rows exactly (quotes, commas, CR/LF, unicode, leading =)', () => {
    const cell = fc.oneof(
      fc.string({
        unit: fc.constantFrom('a', 'Z', '0', ',', '"', '\r', '\n', ' ', '=', 'é', '保', '🎁', '\t', '-'),
      }),
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('', '\uFEFFx', '=SUM(A1:A2)', '576786105183930101', '""'),
    );
    const row = fc.array(cell, { maxLength: 6 });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        // A reader cannot tell trailing empty rows from trailing blank lines, so they are not kept.
        const expected = rows.slice();
        while (expected.length > 0 && expected[expected.length - 1].length === 0) expected.pop();
        expect(parseCsv(toCsv(rows), { delimiter: ',' })).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
