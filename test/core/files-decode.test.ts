import { describe, expect, it } from 'vitest';
import { decodeText, isValidUtf8 } from '../../src/core/read/files/decode';
import { FileReadError, readExportFile } from '../../src/core/read/files/read-file';

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const units = (bom ? '\uFEFF' : '') + text;
  for (let i = 0; i < units.length; i++) {
    const unit = units.charCodeAt(i);
    bytes[2 * i + (littleEndian ? 0 : 1)] = unit & 0xff;
    bytes[2 * i + (littleEndian ? 1 : 0)] = unit >> 8;
  }
  return bytes;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeText(utf8('\uFEFFCafé,1'))).toEqual({ text: 'Café,1', encoding: 'utf-8', bom: true });
    expect(decodeText(utf8('Café,1'))).toEqual({ text: 'Café,1', encoding: 'utf-8', bom: false });
  });

  it('reads Excel "Unicode text" (UTF-16 LE and BE), with or without a byte-order mark', () => {
    const text = 'Type\tAmount\r\nOrder\t€3.00 保\r\n';
    expect(decodeText(utf16(text, true, true))).toEqual({ text, encoding: 'utf-16le', bom: true });
    expect(decodeText(utf16(text, false, true))).toEqual({ text, encoding: 'utf-16be', bom: true });
    expect(decodeText(utf16(text, true, false))).toEqual({ text, encoding: 'utf-16le', bom: false });
    expect(decodeText(utf16(text, false, false))).toEqual({ text, encoding: 'utf-16be', bom: false });
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8 (old Excel CSV saves)', () => {
    // "Café – €5" in Windows-1252: é = E9, en dash = 96, euro = 80
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x80, 0x35]);
    expect(decodeText(bytes)).toEqual({ text: 'Café – €5', encoding: 'windows-1252', bom: false });
  });

  it('validates UTF-8 strictly: overlongs, surrogates and cut-off sequences are not UTF-8', () => {
    expect(isValidUtf8(utf8('ok é 保 🎁'))).toBe(true);
    expect(isValidUtf8(new Uint8Array([0xc0, 0xaf]))).toBe(false); // overlong "/"
    expect(isValidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(false); // surrogate
    expect(isValidUtf8(new Uint8Array([0x61, 0xe4, 0xbf]))).toBe(false); // cut off
  });
});

describe('readExportFile on text files', () => {
  it('reads a UTF-16LE tab-delimited file as rows and reports its encoding', () => {
    const text =
      'Type\tOrder/adjustment ID\tTotal settlement amount\r\nOrder\t576786105183930101\t"1,234.50"\r\n';
    const file = readExportFile(utf16(text, true, true), 'statement.txt');
    expect(file.kind).toBe('csv');
    expect(file.encoding).toBe('utf-16le');
    expect(file.sheets).toEqual([
      {
        name: 'statement',
        rows: [
          ['Type', 'Order/adjustment ID', 'Total settlement amount'],
          ['Order', '576786105183930101', '1,234.50'],
        ],
      },
    ]);
  });

  it('reads a UTF-16BE file the same way', () => {
    const file = readExportFile(utf16('Type\tAmount\nOrder\t-1.17\n', false, true), 'x.csv');
    expect(file.encoding).toBe('utf-16be');
    expect(file.sheets[0].rows).toEqual([
      ['Type', 'Amount'],
      ['Order', '-1.17'],
    ]);
  });

  it('reads a Latin-1 CSV with accented product names', () => {
    const bytes = new Uint8Array([
      ...utf8('Product,Amount\n'),
      0x43,
      0x72,
      0xe8,
      0x6d,
      0x65,
      ...utf8(',4.00\n'),
    ]);
    const file = readExportFile(bytes, 'orders.csv');
    expect(file.encoding).toBe('windows-1252');
    expect(file.sheets[0].rows[1]).toEqual(['Crème', '4.00']);
  });

  it('says an empty file is empty', () => {
    expect(() => readExportFile(new Uint8Array(0), 'income.csv')).toThrow(
      new FileReadError('income.csv is empty: expected a CSV or Excel export, found 0 bytes.'),
    );
  });

  it('says a file with only a byte-order mark has no rows', () => {
    expect(() => readExportFile(new Uint8Array([0xef, 0xbb, 0xbf]), 'income.csv')).toThrow(
      'income.csv holds only a byte-order mark and no rows: expected a CSV or Excel export with a header row.',
    );
    expect(() => readExportFile(new Uint8Array([0xff, 0xfe]), 'income.txt')).toThrow(
      'income.txt holds only a byte-order mark',
    );
  });

  it('names the file and line of an unterminated quote', () => {
    expect(() => readExportFile(utf8('Type,Name\nOrder,"Mug\nOrder,Cup\n'), 'statement.csv')).toThrow(
      'statement.csv: a quoted field that starts on line 2 has no closing ' +
        'quote ("). Expected every opening quote to be closed; the file may be ' +
        'cut short. Download it again.',
    );
  });
});
