/**
 * The hostile and broken input corpus: each input and the outcome it must get. `imported` inputs
 * give exactly `rows` ledger rows adding up to `settlementCents`; rows the file breaks are rejected
 * one by one (`rejectedRows`, each message matching `rejectPattern` and naming row and column).
 * `rejected` inputs give one file-level message matching `message`. See README.md for why.
 */
import { readFileSync } from 'node:fs';
import {
  BASE_ROWS,
  FORMULA_INJECTIONS,
  baseSettlement,
  baseWith,
  baseXlsx,
  centsOfText,
  columnIndex,
  corruptMiddle,
  csv,
  decimalCommaQuotedCsv,
  formulaInjectionRows,
  semicolonCsv,
  truncate,
  utf16le,
  utf8,
  windows1252,
  zipWithoutWorkbook,
} from './generate';
import { orderExportCsv } from './order-export';
import {
  SMALL_SALE_CENTS,
  excelDoublesXlsx,
  idsAsFormulaText,
  ordersAmPm,
  rowCutInTwo,
  rowsEndingEarly,
} from './excel-cells';
import { OTHER_EXPORT_FILES, refusal } from './other-exports';
import { baseLines, estimateCents, onHoldCsv } from './same-orders';

export type Expected =
  | {
      outcome: 'imported';
      rows: number;
      settlementCents: number;
      rejectedRows?: number;
      rejectPattern?: RegExp;
      /** A text the ledger must hold exactly (decoding checks, formula-looking text). */
      texts?: string[];
      /** What the preview says before Import: repeats written once, rows sharing a key, totals rows. */
      prepared?: { repeatsWrittenOnce: number; sameKeyDiffering: number; totalsRows: RegExp[] };
      /** What the preview says the reader decided (rows read as Windows-1252, the order of dates), in order. */
      readNotes?: RegExp[];
    }
  | { outcome: 'rejected'; message: RegExp };

export interface CorpusEntry {
  name: string;
  what: string;
  bytes: () => Uint8Array;
  expected: Expected;
}

const corpusFile = (name: string) => () =>
  new Uint8Array(readFileSync(new URL(`files/${name}`, import.meta.url)));

/** Row settlements of the base file, data rows 1–8: 88.86, 8.53, 114.89, 49.03, 36.44, 22.17, 52.14, 117.19. */
export const BASE_SETTLEMENT_CENTS = 48925;

const MILLION = 1_000_000;
const UNICODE_NAME = 'Crème brûlée – 日本の抹茶 🍵';
const LATIN1_NAME = 'Crème brûlée, café au lait';

const amountProblem = /^Row \d+, column \*[^*]+\*: expected an amount/;

/** Small text inputs kept as files in test/corpus/files (written by make-files.ts). */
export const SMALL_FILES: Record<string, () => Uint8Array> = {
  'statement-valid.csv': () => utf8(csv(BASE_ROWS)),
  'statement-utf8-bom.csv': () => utf8('\uFEFF' + csv(BASE_ROWS)),
  'statement-utf16le-tabs.txt': () => utf16le(csv(baseWith({ 1: { 'Product name': UNICODE_NAME } }), '\t')),
  'statement-utf16le-comma.csv': () => utf16le(csv(baseWith({ 1: { 'Product name': UNICODE_NAME } }))),
  'statement-windows1252.csv': () => windows1252(csv(baseWith({ 1: { 'Product name': LATIN1_NAME } }))),
  'semicolon-delimited.csv': () => utf8(semicolonCsv(false)),
  'semicolon-decimal-comma.csv': () => utf8(semicolonCsv(true)),
  'decimal-comma-quoted.csv': () => utf8(decimalCommaQuotedCsv()),
  'unbalanced-quote-at-end.csv': () => utf8(csv(BASE_ROWS) + '"Note from the seller, never closed\r\n'),
  'truncated-mid-row.csv': () => utf8(csv(BASE_ROWS).slice(0, -120)),
  'header-only.csv': () => utf8(csv(BASE_ROWS.slice(0, 1))),
  // Two exports pasted side by side: every column twice on one header row.
  'two-exports-side-by-side.csv': () => utf8(csv(BASE_ROWS.map((row) => [...row, ...row]))),
  'bom-only.csv': () => new Uint8Array([0xef, 0xbb, 0xbf]),
  'empty.csv': () => new Uint8Array(0),
  'blank-lines.csv': () => utf8('\r\n   \r\n\r\n'),
  'not-an-export.csv': () =>
    utf8('SKU ID,Unit cost,Effective from\r\n1732440158393635811,4.50,2026-01-01\r\n'),
  'mangled-ids.csv': () =>
    utf8(csv(baseWith({ 2: { 'Order/adjustment ID': '5.77E+17' }, 4: { 'SKU ID': '1.73244E+18' } }))),
  'formula-injection.csv': () => utf8(csv(formulaInjectionRows())),
  'nan-infinity-amounts.csv': () =>
    utf8(
      csv(
        baseWith({
          1: { 'Net sales': 'NaN' },
          2: { 'Net sales': 'Infinity' },
          3: { 'Net sales': '-Infinity' },
          4: { 'Total settlement amount': '1e400' },
          5: { Fees: '#NUM!' },
          6: { 'Referral fee': '1.#INF' },
        }),
      ),
    ),
  ...Object.fromEntries(OTHER_EXPORT_FILES.map((f) => [f.corpusName, () => utf8(f.text)])),
  'impossible-dates.csv': () =>
    utf8(
      csv(
        baseWith({
          1: { 'Order created date': '2026/02/30' },
          2: { 'Order created date': '2026/13/01' },
          3: { 'Order created date': '0000/01/01' },
          4: { 'Order created date': '9999/12/31' },
          5: { 'Statement date (UTC)': '1899/12/31' },
        }),
      ),
    ),
};

/** Issue #15's file cases: totals rows, non-ID cells, repeats, cut-short files, limits, counts, encoding. */
const ID = 'Order/adjustment ID';
const money = (cents: number) => (cents < 0 ? '-' : '') + (Math.abs(cents) / 100).toFixed(2);

/** A totals row under the base rows: `label` in the ID column, each amount column summed (as a seller's SUM would). */
function totalsRow(label: string, rows: string[][] = BASE_ROWS): string[] {
  const header = rows[0];
  const out = header.map(() => '');
  header.forEach((_, c) => {
    const cells = rows.slice(1).map((r) => r[c]);
    if (
      cells.some((v) => /^-?\d+\.\d\d$/.test(v)) &&
      cells.every((v) => v === '' || /^-?\d+(\.\d\d)?$/.test(v))
    ) {
      out[c] = money(Number(cells.reduce((n, v) => n + centsOfText(v), 0n)));
    }
  });
  out[columnIndex(ID)] = label;
  return out;
}

/** The base rows with `name` moved to the last column (so a cut-short download ends inside it). */
function withColumnLast(rows: string[][], name: string): string[][] {
  const c = columnIndex(name);
  return rows.map((r) => [...r.slice(0, c), ...r.slice(c + 1), r[c]]);
}

const REPEATED = [
  ...BASE_ROWS,
  BASE_ROWS[2],
  BASE_ROWS[5],
  BASE_ROWS[7],
  BASE_ROWS[2],
  baseWith({ 4: { 'Product name': 'Same key, new name' } })[4],
];
const NO_FINAL_BREAK = csv(withColumnLast(BASE_ROWS, 'Referral fee')).replace(/\r\n$/, '');
const ACCENTED = 'Crème brûlée – café';

export const ISSUE_15_FILES: CorpusEntry[] = [
  {
    name: 'totals-row-in-file.csv',
    what: 'A "Total" row under the data, summing every amount column (issue #15, item 4)',
    bytes: () => utf8(csv([...BASE_ROWS, totalsRow('Total')])),
    expected: {
      outcome: 'imported',
      rows: 8,
      settlementCents: BASE_SETTLEMENT_CENTS,
      prepared: {
        repeatsWrittenOnce: 0,
        sameKeyDiffering: 1,
        totalsRows: [
          /^Row 10 is a totals row \(\*Order\/adjustment ID\* says `Total`\): its settlement \$489\.25 equals the sum of the 8 rows above\. It is not imported\.$/,
        ],
      },
    },
  },
  {
    name: 'grand-total-and-na-id.csv',
    what: 'An ID cell holding #N/A, and a "Grand total" row that counts it (issue #15, item 4)',
    bytes: () => utf8(csv([...baseWith({ 3: { [ID]: '#N/A' } }), totalsRow('Grand total')])),
    expected: {
      outcome: 'imported',
      rows: 7,
      settlementCents: baseSettlement([3]),
      rejectedRows: 1,
      rejectPattern: /^Row 4, column \*Order\/adjustment ID\*: expected an ID \(digits\), found `#N\/A`\.$/,
      prepared: {
        repeatsWrittenOnce: 0,
        sameKeyDiffering: 1,
        totalsRows: [
          /^Row 10 is a totals row \(\*Order\/adjustment ID\* says `Grand total`\): its settlement \$489\.25 differs from the 7 rows above \(\$374\.36\) by \$114\.89\./,
        ],
      },
    },
  },
  {
    name: 'rows-repeated-in-file.csv',
    what: 'Three rows repeated word for word, one twice, and a row sharing a key but not its product name (issue #15, item 7)',
    bytes: () => utf8(csv(REPEATED)),
    expected: {
      outcome: 'imported',
      rows: 9,
      settlementCents: BASE_SETTLEMENT_CENTS + baseSettlement([1, 2, 3, 5, 6, 7, 8]),
      prepared: { repeatsWrittenOnce: 4, sameKeyDiffering: 2, totalsRows: [] },
    },
  },
  {
    name: 'cut-short-in-last-amount.csv',
    what: 'A download cut inside its last amount (`-1.17` → `-1.1`), no final line break (issue #15, item 8)',
    bytes: () => utf8(NO_FINAL_BREAK.slice(0, -1)),
    expected: {
      outcome: 'rejected',
      message:
        /^cut-short-in-last-amount\.csv ends without a line break, and its last row \(row 9\) does not add up: .*The download was probably cut short: download the file again from Seller Center\. Nothing was imported\.$/,
    },
  },
  {
    name: 'no-final-line-break.csv',
    what: 'A complete file without a final line break (issue #15, item 8)',
    bytes: () => utf8(NO_FINAL_BREAK),
    expected: { outcome: 'imported', rows: 8, settlementCents: BASE_SETTLEMENT_CENTS },
  },
  {
    name: 'quantity-1e10.csv',
    what: 'A quantity of 1E+10 (issue #15, item 10)',
    bytes: () => utf8(csv(baseWith({ 2: { Quantity: '1E+10' } }))),
    expected: {
      outcome: 'imported',
      rows: 7,
      settlementCents: baseSettlement([2]),
      rejectedRows: 1,
      rejectPattern:
        /^Row 3, column \*Quantity\*: expected a whole number of at most 1,000,000,000, found `1E\+10`$/,
    },
  },
  {
    name: 'header-600-characters.csv',
    what: 'An extra column with a 600-character header (issue #15, item 10)',
    bytes: () => utf8(csv(BASE_ROWS.map((r, i) => [...r, i === 0 ? 'N'.repeat(600) : 'note']))),
    expected: {
      outcome: 'rejected',
      message:
        /^header-600-characters\.csv: row 1, the column headed `N{37}…`: a header of 600 characters; the longest TTS Profit keeps is 500\./,
    },
  },
  {
    name: 'one-row-three-bad-cells.csv',
    what: 'One row with three bad amounts: one row rejected, three problems listed (issue #15, item 11)',
    bytes: () => utf8(csv(baseWith({ 2: { 'Referral fee': 'abc', 'Net sales': 'n/a', Fees: '1..2' } }))),
    expected: {
      outcome: 'imported',
      rows: 7,
      settlementCents: baseSettlement([2]),
      rejectedRows: 1,
      rejectPattern: amountProblem,
    },
  },
  {
    name: 'utf8-with-one-windows1252-line.csv',
    what: 'UTF-8 names, and one row saved by an older Windows program (issue #15, item 12)',
    bytes: () => {
      const text = csv(baseWith({ 1: { 'Product name': UNICODE_NAME }, 6: { 'Product name': ACCENTED } }));
      const lines = text.split('\r\n');
      return new Uint8Array([
        ...lines.slice(0, 6).flatMap((l) => [...utf8(l + '\r\n')]),
        ...windows1252(lines[6] + '\r\n'),
        ...utf8(lines.slice(7).join('\r\n')),
      ]);
    },
    expected: {
      outcome: 'imported',
      rows: 8,
      settlementCents: BASE_SETTLEMENT_CENTS,
      texts: [UNICODE_NAME, ACCENTED],
      readNotes: [
        /^utf8-with-one-windows1252-line\.csv: row 7 was not UTF-8 like the rest of the file and was read as Windows-1252: check its product and SKU names/,
      ],
    },
  },
];

const CREATED = columnIndex('Order created date');
/** The base statement re-saved day first (`16/03/2026`), its first date one that reads either way. */
function dayFirstStatement(): string[][] {
  const rows = BASE_ROWS.map((r) => [...r]);
  for (const r of rows.slice(1)) r[CREATED] = r[CREATED].replace(/^(\d{4})\/(\d{2})\/(\d{2})$/, '$3/$2/$1');
  rows[1][CREATED] = '11/03/2026';
  return rows;
}
const createdAt = (dates: string[]) => () => utf8(orderExportCsv((_l, i) => dates[i]));

/** The sample statement as a seller's Excel re-saved it (test/fixtures/excel-resaved, from the findings of attacking the add-on). */
const resaved = (name: string) => () =>
  new Uint8Array(readFileSync(new URL(`../fixtures/excel-resaved/${name}`, import.meta.url)));
const SAMPLE_CENTS = 461385;

export const FINDINGS_FILES: CorpusEntry[] = [
  {
    name: 'excel-resaved-ids-text-utf8bom.csv',
    what: 'The sample statement re-saved by Excel (US) as CSV UTF-8, IDs kept as text: dates `4/5/2026`, amounts `12.5` (finding F1)',
    bytes: resaved('excel-resaved-ids-text-utf8bom.csv'),
    expected: { outcome: 'imported', rows: 195, settlementCents: SAMPLE_CENTS },
  },
  {
    name: 'excel-resaved-ids-text-cp1252.csv',
    what: 'The same, saved as CSV (Comma delimited): Windows-1252, `（` written `?` (finding F2)',
    bytes: resaved('excel-resaved-ids-text-cp1252.csv'),
    expected: { outcome: 'imported', rows: 195, settlementCents: SAMPLE_CENTS },
  },
  {
    name: 'accounting-format.csv',
    what: "The sample statement with its amounts in Excel's Accounting format: ` $8.18 `, ` $(0.81)`, ` $-   ` for zero (found by attacking the import)",
    bytes: resaved('accounting-format.csv'),
    expected: { outcome: 'imported', rows: 195, settlementCents: SAMPLE_CENTS },
  },
  {
    name: 'with-totals-row.csv',
    what: 'The sample statement with a totals row: `Total` in column A (a date column), sums under the amounts (finding F3)',
    bytes: resaved('with-totals-row.csv'),
    expected: {
      outcome: 'imported',
      rows: 195,
      settlementCents: SAMPLE_CENTS,
      prepared: {
        repeatsWrittenOnce: 0,
        sameKeyDiffering: 0,
        totalsRows: [
          /^Row 197 is a totals row \(\*Statement date \(UTC\)\* says `Total`\): its settlement \$4,613\.85 equals the sum of the 195 rows above\. It is not imported\.$/,
        ],
      },
    },
  },
  {
    name: 'total-in-an-order-date.csv',
    what: '`Total` typed in the Order created date of a real order row: a bad date on that row, never a totals row (found by reader)',
    bytes: () => utf8(csv(baseWith({ 3: { 'Order created date': 'Total' } }))),
    expected: {
      outcome: 'imported',
      rows: 7,
      settlementCents: baseSettlement([3]),
      rejectedRows: 1,
      rejectPattern:
        /^Row 4, column \*Order created date\*: expected a date such as 2026-06-12 or 2026\/06\/12, found `Total`$/,
    },
  },
  {
    name: 'excel-resaved-ids-rounded.csv',
    what: 'The sample statement saved by Excel without keeping IDs as text: `7.49602E+18` (finding F4)',
    bytes: resaved('excel-resaved-ids-rounded.csv'),
    expected: {
      outcome: 'rejected',
      message:
        /^excel-resaved-ids-rounded\.csv: none of its 195 rows can be imported: a spreadsheet rounded its IDs when the file was saved \(row 2, column \*Statement ID\*: `7\.49602E\+18`\).*Download the export again from Seller Center/,
    },
  },
];

/** Dates as a file re-saved in a UK or EU locale writes them (issue #14: day first, per file and column). */
export const ISSUE_14_FILES: CorpusEntry[] = [
  {
    name: 'statement-day-first.csv',
    what: 'A statement re-saved day first, its first date reading either way (`11/03/2026`)',
    bytes: () => utf8(csv(dayFirstStatement())),
    expected: {
      outcome: 'imported',
      rows: 8,
      settlementCents: BASE_SETTLEMENT_CENTS,
      readNotes: [
        /^statement-day-first\.csv: column \*Order created date\* writes dates day first \(row 3 has `26\/03\/2026`\): every date in it was read as day\/month\/year\.$/,
      ],
    },
  },
  {
    name: 'orders-day-first.csv',
    what: 'An order export whose Created Time is day first, settled on its second row',
    bytes: createdAt([
      '04/05/2026 10:00:00',
      '14/05/2026 11:30:00',
      '02/05/2026 09:05:00',
      '20/05/2026 18:45:00',
      '28/05/2026 08:00:00',
    ]),
    expected: {
      outcome: 'imported',
      rows: 5,
      settlementCents: 0,
      readNotes: [/column \*Created Time\* writes dates day first \(row 3 has `14\/05\/2026 11:30:00`\)/],
    },
  },
  {
    name: 'orders-dates-either-way.csv',
    what: 'An order export whose every Created Time reads either way',
    bytes: createdAt(['04/05/2026', '04/06/2026', '04/07/2026', '04/08/2026', '04/09/2026']),
    expected: {
      outcome: 'imported',
      rows: 5,
      settlementCents: 0,
      readNotes: [
        /every date in column \*Created Time\* reads either way \(row 2 has `04\/05\/2026`\): read month first \(MM\/DD\/YYYY\)/,
      ],
    },
  },
  {
    name: 'orders-dates-both-ways.csv',
    what: 'An order export whose Created Time has day-first and month-first dates',
    bytes: createdAt(['04/05/2026', '14/05/2026', '04/20/2026', '04/21/2026', '04/22/2026']),
    expected: {
      outcome: 'rejected',
      message:
        /^orders-dates-both-ways\.csv: column \*Created Time\* has dates written both ways: row 3 has `14\/05\/2026` \(day first\) and row 4 has `04\/20\/2026` \(month first\)/,
    },
  },
];

/** Exports TTS Profit does not read, the affiliate orders export first: each refused by name, nothing imported. */
export const OTHER_EXPORTS_FILES: CorpusEntry[] = OTHER_EXPORT_FILES.map((f) => ({
  name: f.corpusName,
  what: `Not a finance export: ${f.name}`,
  bytes: corpusFile(f.corpusName),
  expected: {
    outcome: 'rejected',
    message: new RegExp('^' + refusal(f.corpusName, f.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '$'),
  },
}));

/** Cells as Excel and other tools save them (the outside test's findings 5, 7, 11 and 13; excel-cells.ts). */
/** An On-hold export whose banner's Download time Excel re-saved day-first (12 June as `12/06/2026`). */
const dayFirstBanner = () => utf8(onHoldCsv(baseLines().slice(0, 3), '12/06/2026 16:55'));

export const ONHOLD_BANNER_FILES: CorpusEntry[] = [
  {
    name: 'Onhold-unsettled-orders-2026_06_01-2026_06_12(UTC-7).csv',
    what: 'An On-hold export whose banner time Excel re-saved day-first (`12/06/2026 16:55`): the file name’s period says 12 June',
    bytes: dayFirstBanner,
    expected: {
      outcome: 'imported',
      rows: 3,
      settlementCents: estimateCents(baseLines().slice(0, 3)),
      texts: ['2026-06-12 16:55:00'],
    },
  },
  {
    name: 'onhold-export.csv',
    what: 'The same banner in a file whose name gives no period: 12 June and 6 December cannot be told apart',
    bytes: dayFirstBanner,
    expected: {
      outcome: 'rejected',
      message:
        /^onhold-export\.csv: the Download time on row 2, `12\/06\/2026 16:55`, reads either way \(2026-12-06 16:55:00 or 2026-06-12 16:55:00\?\)\. .*Nothing was imported\.$/,
    },
  },
];

export const EXCEL_CELL_FILES: CorpusEntry[] = [
  {
    name: 'statement-excel-doubles.xlsx',
    what: 'A statement workbook saved by Excel: amounts to 17 digits, a $1.33 sale’s fees as `-8.0000000000000002E-2`',
    bytes: excelDoublesXlsx,
    expected: { outcome: 'imported', rows: 9, settlementCents: BASE_SETTLEMENT_CENTS + SMALL_SALE_CENTS },
  },
  {
    name: 'statement-ids-formula-text.csv',
    what: 'A statement whose IDs are written `="577…"` (Excel’s way to keep a long number as text)',
    bytes: () => utf8(csv(idsAsFormulaText())),
    expected: {
      outcome: 'imported',
      rows: 8,
      settlementCents: BASE_SETTLEMENT_CENTS,
      texts: ['577000000000000001', '732026032600000011'],
    },
  },
  {
    name: 'statement-row-cut-in-two.csv',
    what: 'A statement whose first row is cut in two by a line break in its unquoted product name',
    bytes: () => utf8(rowCutInTwo(csv(BASE_ROWS))),
    expected: {
      outcome: 'rejected',
      message:
        /^statement-row-cut-in-two\.csv: row 2 has 10 of the header's 64 fields and row 3 the rest: one row cut by a line break inside a cell without quotes around it \(after `Phone`\)\. Nothing was imported\./,
    },
  },
  {
    name: 'statement-rows-ending-early.csv',
    what: 'A statement whose rows leave out their empty cells at the end, as Excel saves some CSV rows',
    bytes: () => utf8(csv(rowsEndingEarly())),
    expected: { outcome: 'imported', rows: 8, settlementCents: BASE_SETTLEMENT_CENTS },
  },
  {
    name: 'orders-12-hour-clock.csv',
    what: 'An order export whose Created Time is on a 12-hour clock (`04/14/2026 10:11:12 PM`)',
    bytes: () => utf8(ordersAmPm()),
    expected: { outcome: 'imported', rows: 5, settlementCents: 0 },
  },
];

export const CORPUS: CorpusEntry[] = [
  ...ISSUE_15_FILES,
  ...EXCEL_CELL_FILES,
  ...ONHOLD_BANNER_FILES,
  ...OTHER_EXPORTS_FILES,
  ...ISSUE_14_FILES,
  ...FINDINGS_FILES,
  {
    name: 'statement-valid.csv',
    what: 'A reconciling US Statement CSV',
    bytes: corpusFile('statement-valid.csv'),
    expected: { outcome: 'imported', rows: 8, settlementCents: BASE_SETTLEMENT_CENTS },
  },
  {
    name: 'statement-utf8-bom.csv',
    what: 'UTF-8 with a byte-order mark',
    bytes: corpusFile('statement-utf8-bom.csv'),
    expected: { outcome: 'imported', rows: 8, settlementCents: BASE_SETTLEMENT_CENTS },
  },
  {
    name: 'statement-utf16le-tabs.txt',
    what: 'Excel "Unicode text": UTF-16LE, tabs',
    bytes: corpusFile('statement-utf16le-tabs.txt'),
    expected: { outcome: 'imported', rows: 8, settlementCents: BASE_SETTLEMENT_CENTS, texts: [UNICODE_NAME] },
  },
  {
    name: 'statement-utf16le-comma.csv',
    what: 'UTF-16LE with commas',
    bytes: corpusFile('statement-utf16le-comma.csv'),
    expected: { outcome: 'imported', rows: 8, settlementCents: BASE_SETTLEMENT_CENTS, texts: [UNICODE_NAME] },
  },
  {
    name: 'statement-windows1252.csv',
    what: 'Latin-1 / Windows-1252 accents',
    bytes: corpusFile('statement-windows1252.csv'),
    expected: { outcome: 'imported', rows: 8, settlementCents: BASE_SETTLEMENT_CENTS, texts: [LATIN1_NAME] },
  },
  {
    name: 'semicolon-delimited.csv',
    what: 'Semicolons between fields',
    bytes: corpusFile('semicolon-delimited.csv'),
    expected: {
      outcome: 'rejected',
      message: /is not a TikTok Shop US export .*semicolons \(;\) between fields/,
    },
  },
  {
    name: 'semicolon-decimal-comma.csv',
    what: 'Semicolons and decimal commas (European Excel)',
    bytes: corpusFile('semicolon-decimal-comma.csv'),
    expected: {
      outcome: 'rejected',
      message: /is not a TikTok Shop US export .*semicolons \(;\) between fields/,
    },
  },
  {
    name: 'decimal-comma-quoted.csv',
    what: 'Commas between fields, amounts like "31,56"',
    bytes: corpusFile('decimal-comma-quoted.csv'),
    expected: {
      outcome: 'imported',
      rows: 0,
      settlementCents: 0,
      rejectedRows: 8,
      rejectPattern: /expected an amount, found `-?\d+,\d\d`/,
    },
  },
  {
    name: 'unbalanced-quote-at-end.csv',
    what: 'An opening quote never closed',
    bytes: corpusFile('unbalanced-quote-at-end.csv'),
    expected: { outcome: 'rejected', message: /quoted field that starts on line 10 has no closing quote/ },
  },
  {
    name: 'truncated-mid-row.csv',
    what: 'A download cut inside the last row',
    bytes: corpusFile('truncated-mid-row.csv'),
    expected: {
      outcome: 'rejected',
      message: /ends in the middle of row 9: expected 64 fields as in the rows above, found \d+ .*cut short/,
    },
  },
  {
    name: 'header-only.csv',
    what: 'Header row and no data',
    bytes: corpusFile('header-only.csv'),
    expected: {
      outcome: 'rejected',
      message: /the header of a US Statement export \(2024 CSV\) is on row 1, but no rows are under it/,
    },
  },
  {
    name: 'two-exports-side-by-side.csv',
    what: 'Two exports side by side (the right one would not be read)',
    bytes: corpusFile('two-exports-side-by-side.csv'),
    expected: {
      outcome: 'rejected',
      message:
        /\*Order\/adjustment ID\* heads column G on row 1 and column BS on row 1: two exports side by side, and only the left one would be read/,
    },
  },
  {
    name: 'bom-only.csv',
    what: 'Only a UTF-8 byte-order mark',
    bytes: corpusFile('bom-only.csv'),
    expected: { outcome: 'rejected', message: /holds only a byte-order mark and no rows/ },
  },
  {
    name: 'empty.csv',
    what: 'Zero bytes',
    bytes: corpusFile('empty.csv'),
    expected: { outcome: 'rejected', message: /is empty: .*found 0 bytes/ },
  },
  {
    name: 'blank-lines.csv',
    what: 'Only blank lines',
    bytes: corpusFile('blank-lines.csv'),
    expected: { outcome: 'rejected', message: /holds no rows, only blank space/ },
  },
  {
    name: 'not-an-export.csv',
    what: 'A CSV that is not an export (a cost list)',
    bytes: corpusFile('not-an-export.csv'),
    expected: { outcome: 'rejected', message: /no TikTok Shop export header found/ },
  },
  {
    name: 'mangled-ids.csv',
    what: 'IDs Sheets turned into 5.77E+17',
    bytes: corpusFile('mangled-ids.csv'),
    expected: {
      outcome: 'imported',
      rows: 6,
      settlementCents: baseSettlement([2, 4]),
      rejectedRows: 2,
      rejectPattern: /lost its last digits .*Format the column as Plain text/,
    },
  },
  {
    name: 'formula-injection.csv',
    what: 'Formula-looking text in every text column',
    bytes: corpusFile('formula-injection.csv'),
    expected: {
      outcome: 'imported',
      rows: 8,
      settlementCents: BASE_SETTLEMENT_CENTS,
      texts: FORMULA_INJECTIONS.map((t) => t.trim()),
    },
  },
  {
    name: 'nan-infinity-amounts.csv',
    what: 'NaN, Infinity, 1e400, #NUM!, 1.#INF as amounts',
    bytes: corpusFile('nan-infinity-amounts.csv'),
    expected: {
      outcome: 'imported',
      rows: 2,
      settlementCents: baseSettlement([1, 2, 3, 4, 5, 6]),
      rejectedRows: 6,
      rejectPattern: amountProblem,
    },
  },
  {
    name: 'impossible-dates.csv',
    what: 'Feb 30, month 13, year 0, 9999, 1899',
    bytes: corpusFile('impossible-dates.csv'),
    expected: {
      outcome: 'imported',
      rows: 3,
      settlementCents: baseSettlement([1, 2, 3, 4, 5]),
      rejectedRows: 5,
      rejectPattern: /expected a date such as 2026-06-12/,
    },
  },

  // Built at test time: large or binary.
  {
    name: 'million-char-product-name.csv',
    what: 'A 1,000,000-character product name',
    bytes: () => utf8(csv(baseWith({ 3: { 'Product name': 'x'.repeat(MILLION) } }))),
    expected: {
      outcome: 'imported',
      rows: 7,
      settlementCents: baseSettlement([3]),
      rejectedRows: 1,
      rejectPattern: /column \*Product name\*: expected at most 5000 characters, found 1000000/,
    },
  },
  {
    name: 'million-char-date.csv',
    what: 'A 1,000,000-character date cell',
    bytes: () => utf8(csv(baseWith({ 3: { 'Order created date': '7'.repeat(MILLION) } }))),
    expected: {
      outcome: 'imported',
      rows: 7,
      settlementCents: baseSettlement([3]),
      rejectedRows: 1,
      rejectPattern: /column \*Order created date\*: expected a date/,
    },
  },
  {
    name: 'million-char-quoted-unknown.csv',
    what: 'A 1,000,000-character quoted field with line breaks in an extra column',
    bytes: () =>
      utf8(
        csv(
          BASE_ROWS.map((r, i) => [
            ...r,
            i === 0 ? 'Warehouse memo' : i === 5 ? 'a,"b"\r\nc'.repeat(MILLION / 8) : 'ok',
          ]),
        ),
      ),
    expected: {
      outcome: 'imported',
      rows: 7,
      settlementCents: baseSettlement([5]),
      rejectedRows: 1,
      rejectPattern: /column \*Warehouse memo\*: expected at most 5000 characters, found 1000000/,
    },
  },
  {
    name: 'statement.xlsx',
    what: 'The base statement as XLSX',
    bytes: () => baseXlsx(),
    expected: { outcome: 'imported', rows: 8, settlementCents: BASE_SETTLEMENT_CENTS },
  },
  {
    name: 'stale-dimension.xlsx',
    what: 'XLSX whose <dimension> says A1:C2',
    bytes: () => baseXlsx({ dimension: 'A1:C2' }),
    expected: { outcome: 'imported', rows: 8, settlementCents: BASE_SETTLEMENT_CENTS },
  },
  {
    name: 'no-dimension.xlsx',
    what: 'XLSX with no <dimension>',
    bytes: () => baseXlsx({ dimension: null }),
    expected: { outcome: 'imported', rows: 8, settlementCents: BASE_SETTLEMENT_CENTS },
  },
  {
    name: 'mangled-ids.xlsx',
    what: 'XLSX with an order ID stored as the number 5.77E+17',
    bytes: () => baseXlsx({ ids: 'mangled' }),
    expected: {
      outcome: 'imported',
      rows: 7,
      settlementCents: baseSettlement([2]),
      rejectedRows: 1,
      rejectPattern: /lost its last digits/,
    },
  },
  {
    name: 'formula-injection.xlsx',
    what: 'XLSX with formula-looking text in every text column',
    bytes: () => baseXlsx({ rows: formulaInjectionRows() }),
    expected: {
      outcome: 'imported',
      rows: 8,
      settlementCents: BASE_SETTLEMENT_CENTS,
      texts: FORMULA_INJECTIONS.map((t) => t.trim()),
    },
  },
  ...[0.1, 0.5, 0.9, 0.99].map((fraction): CorpusEntry => ({
    name: `truncated-${Math.round(fraction * 100)}pct.xlsx`,
    what: `XLSX cut at ${fraction * 100}% of its bytes`,
    bytes: () => truncate(baseXlsx(), fraction),
    expected: {
      outcome: 'rejected',
      message: /could not be opened as an Excel file: it looks damaged or incomplete/,
    },
  })),
  {
    name: 'corrupt-deflate.xlsx',
    what: 'XLSX with damaged compressed data',
    bytes: () => corruptMiddle(baseXlsx()),
    expected: {
      outcome: 'rejected',
      message: /could not be opened as an Excel file: it looks damaged or incomplete/,
    },
  },
  {
    name: 'zip-not-xlsx.xlsx',
    what: 'A ZIP of text files named .xlsx',
    bytes: zipWithoutWorkbook,
    expected: { outcome: 'rejected', message: /is a ZIP archive but not an Excel workbook/ },
  },
  {
    name: 'zip-magic-then-garbage.xlsx',
    what: 'ZIP signature followed by garbage',
    bytes: () => utf8('PK\u0003\u0004' + 'garbage '.repeat(50)),
    expected: { outcome: 'rejected', message: /could not be opened as an Excel file/ },
  },
  {
    name: 'statement-2026-05.csv',
    what: 'The real-layout sample statement (195 rows)',
    bytes: () => new Uint8Array(readFileSync('samples/statement-2026-05.csv')),
    expected: { outcome: 'imported', rows: 195, settlementCents: 461385 },
  },
];

/**
 * Workbooks refused by size alone, from their first bytes (which say they are workbooks), before
 * they are read whole: only the size is real. A CSV file has no size limit (it is read a piece at
 * a time); its rows are what a spreadsheet may not hold.
 */
export const SIZE_CASES: { name: string; size: number; expected: Expected }[] = [
  {
    name: 'statement-200mb.xlsx',
    size: 200 * 1024 * 1024,
    expected: {
      outcome: 'rejected',
      message: /is 200 MB; the largest Excel workbook TTS Profit reads is 100 MB/,
    },
  },
  {
    name: 'statement-100mb-and-1-byte.xlsx',
    size: 100 * 1024 * 1024 + 1,
    expected: {
      outcome: 'rejected',
      message: /is 101 MB; the largest Excel workbook TTS Profit reads is 100 MB/,
    },
  },
];
