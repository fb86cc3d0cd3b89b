import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateStatementCsv } from '../../bench/synthetic-export';
import {
  createPartReader,
  mergePartSummaries,
  planSummary,
  summarizeCsvText,
  type ExportSummary,
  type PartSummary,
  type SummaryPlan,
} from '../../src/core/read/export-summary';
import { parseCsv, toCsv } from '../../src/core/read/files/csv';
import { createSeenBits } from '../../src/core/ledger/key-log';
import { parseExportFile } from '../../src/core/read/parse-export';
import { PnlGroupings, type PnlGroupBy } from '../../src/core/analysis/pnl';
import type { ParsedExport } from '../../src/core/types';

const root = new URL('../../', import.meta.url).pathname;
const GROUP_BYS: PnlGroupBy[] = ['month', 'sku'];

/** A file written record by record, with where each record ends in the text (to split it there). */
interface RecordFile {
  text: string;
  /** `ends[k]`: offset just after record k (1-based); `ends[0]` = 0. */
  ends: number[];
}

function recordFile(records: readonly (readonly string[])[]): RecordFile {
  const ends = [0];
  let text = '';
  for (const record of records) {
    // toCsv writes a blank line for an empty record and quotes cells with commas, quotes or line breaks.
    text += toCsv([record]);
    ends.push(text.length);
  }
  return { text, ends };
}

// ---------------------------------------------------------------------------------------------
// A 3,000-row statement made as untidy as real downloads get.

const STATEMENT = 'statement.csv';
const [generatedHeader, ...generated] = parseCsv(generateStatementCsv({ rows: 3000, seed: 29, months: 4 }).csv);
// Two columns the catalog does not know: one of amounts, one of notes that start out looking like amounts.
const header = [...generatedHeader, 'Creator bonus', 'Warehouse note'];
const at = (name: string): number => {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`no column ${name}`);
  return i;
};
const data = generated.map((cells, i) => [...cells, i % 3 === 0 ? `${i % 7}.25` : '', i < 50 ? '12.50' : i % 5 === 0 ? `Shelf B${i % 11}` : '']);

// Record numbers (header = record 1) of the rows changed below, as a spreadsheet shows them.
const MULTILINE = 11;
const BAD_AMOUNT = 101;
const ROUNDED_ID = 501;
const OFF_BY_A_CENT = 1201;
const dataAt = (record: number) => data[record - 2];
dataAt(MULTILINE)[at('Product name')] = 'Gift set, red\r\nwith card, "large" box';
dataAt(BAD_AMOUNT)[at('Net sales')] = 'abc';
dataAt(ROUNDED_ID)[at('Order/adjustment ID')] = '5.77E+17';
{
  const settlement = dataAt(OFF_BY_A_CENT)[at('Total settlement amount')];
  dataAt(OFF_BY_A_CENT)[at('Total settlement amount')] = ((Math.round(Number(settlement) * 100) + 1) / 100).toFixed(2);
}
// A blank line halfway (a spreadsheet shows it as an empty row: the rows below keep their numbers).
const BLANK = 1602;
data.splice(BLANK - 2, 0, []);
// The tail: the first 15 rows downloaded again (exact copies), and row 22 again with another customer payment.
const changedCopy = [...dataAt(22)];
changedCopy[at('Customer payment')] = '99.99';
const TAIL_START = data.length + 2;
const records = [header, ...data, ...data.slice(0, 15), changedCopy];
const file = recordFile(records);
const RECORDS = records.length;
const bytes = new TextEncoder().encode(file.text);

/** `parseExportFile`'s answers for the file: the reference every summary must match. */
function reference(text: Uint8Array, fileName: string) {
  const groupings = new PnlGroupings(GROUP_BYS);
  const streamed = parseExportFile(text, fileName, { keepRows: false, groupings });
  const kept = parseExportFile(text, fileName);
  expect(streamed.errors).toEqual([]);
  const parsed: ParsedExport = streamed.files[0];
  // Kept rows carry `#n` on the n-th row of a key: the count of each key, first repeated first.
  const repeated = new Map<string, number>();
  // Each row's key without its `#n`, by file row.
  const keyAtRow = new Map<number, string>();
  for (const row of kept.files[0].rows) {
    const suffix = /^(.*)#(\d+)$/.exec(row.key);
    if (suffix) repeated.set(suffix[1], Number(suffix[2]));
    keyAtRow.set(row.source.row, suffix ? suffix[1] : row.key);
  }
  return { parsed, groupings, rowsAccepted: kept.files[0].rows.length, repeated, keyAtRow };
}

/** Every field of a summary as plain data (groups with their fee column order, Maps as entry lists). */
function comparable(summary: ExportSummary) {
  return {
    ...summary,
    groupings: GROUP_BYS.map((by) => groupsOf(summary.groupings, by)),
    repeatedKeys: [...summary.repeatedKeys],
  };
}

function groupsOf(groupings: PnlGroupings, by: PnlGroupBy) {
  return groupings.result(by).map((group) => ({ ...group, feeColumnOrder: Object.keys(group.feesByColumn) }));
}

/**
 * The file read in consecutive parts ending after the records `cuts` (the last part ends at the
 * end of the text), all sharing one shared bit array, fed piece by piece in turn starting with
 * the last part (as threads may run), each summary crossing structuredClone as from a worker.
 */
function readInParts(plan: SummaryPlan, source: RecordFile, cuts: readonly number[], asBytes = false): { summary: ExportSummary; parts: PartSummary[] } {
  const seenBits = createSeenBits(true);
  const bounds = [0, ...cuts.map((k) => source.ends[k]), source.text.length];
  // As text: pieces of the part's text. As bytes: pieces of its UTF-8 bytes (they cut characters too).
  const parts = bounds.slice(1).map((end, p) => {
    const reader = createPartReader(plan, { first: p === 0, seenBits });
    const text = source.text.slice(bounds[p], end);
    const bytes = new TextEncoder().encode(text);
    return { reader, from: 0, end: asBytes ? bytes.length : text.length, push: (from: number, to: number) => (asBytes ? reader.pushBytes(bytes.slice(from, to)) : reader.push(text.slice(from, to))) };
  });
  const PIECE = 7001; // odd: pieces end mid-record and mid-field
  for (let pending = true; pending; ) {
    pending = false;
    for (let p = parts.length - 1; p >= 0; p--) {
      const part = parts[p];
      if (part.from >= part.end) continue;
      const to = Math.min(part.end, part.from + PIECE);
      part.push(part.from, to);
      part.from = to;
      pending ||= to < part.end;
    }
  }
  parts.forEach((part, p) => {
    if (bounds[p + 1] > bounds[p]) expect(part.reader.atRecordBoundary(), `part ${p + 1} ends at a record boundary`).toBe(true);
    const expected = p < cuts.length ? cuts[p] - (p === 0 ? 0 : cuts[p - 1]) : undefined;
    if (expected !== undefined) expect(part.reader.records, `records in part ${p + 1}`).toBe(expected);
  });
  const summaries = parts.map((part) => structuredClone(part.reader.end()));
  return { summary: mergePartSummaries(plan, summaries), parts: summaries };
}

describe('summarizeCsvText over an untidy 3,000-row statement', () => {
  const ref = reference(bytes, STATEMENT);
  const whole = summarizeCsvText(file.text, STATEMENT, GROUP_BYS);

  it('the file has what it was made to have: rejected rows, a mismatch, copies, repeats, unknown columns', () => {
    expect(ref.parsed.rejects.map((p) => p.row)).toEqual([BAD_AMOUNT, ROUNDED_ID]);
    expect(ref.parsed.reconciliation.mismatches.map((m) => [m.source.row, m.difference])).toEqual([[OFF_BY_A_CENT, 1]]);
    expect(ref.parsed.duplicateKeys.length).toBeGreaterThanOrEqual(14);
    expect(ref.repeated.size).toBeGreaterThan(ref.parsed.duplicateKeys.length);
    expect(ref.rowsAccepted).toBe(3000 - 2 + 16);
  });

  it('counts the rows and rejects what parseExportFile rejects, with the same messages and rows', () => {
    expect(whole).toMatchObject({ fileName: STATEMENT, layout: 'statement', rowsAccepted: ref.rowsAccepted, rejectedRows: 2 });
    expect(whole.problems).toEqual(ref.parsed.rejects);
    expect(whole.problems).toEqual([
      { file: STATEMENT, row: BAD_AMOUNT, column: 'Net sales', message: `Row ${BAD_AMOUNT}, column *Net sales*: expected an amount, found \`abc\`` },
      {
        file: STATEMENT,
        row: ROUNDED_ID,
        column: 'Order/adjustment ID',
        message: `Row ${ROUNDED_ID}, column *Order/adjustment ID*: the ID 5.77E+17 lost its last digits (the sheet turned it into a number). Format the column as Plain text and import the file again.`,
      },
    ]);
  });

  it('finds the same exact copies in the same order, and every repeated key with its row count', () => {
    expect(whole.duplicateKeys).toEqual(ref.parsed.duplicateKeys);
    expect([...whole.repeatedKeys]).toEqual([...ref.repeated]);
    // Row 22 came again with another customer payment: a repeat, not a copy.
    const changedKey = [...whole.repeatedKeys.keys()].find((k) => k.includes(changedCopy[at('Order/adjustment ID')]) && k.includes(changedCopy[at('SKU ID')]));
    expect(changedKey).toBeDefined();
    expect(whole.duplicateKeys).not.toContain(changedKey);
  });

  it('reconciles as parseExportFile does: the off-by-a-cent row, and only the amount-like unknown column', () => {
    expect(whole.reconciliation).toEqual(ref.parsed.reconciliation);
    expect(whole.reconciliation.ok).toBe(false);
    expect(whole.reconciliation.unclassifiedColumns).toEqual(['Creator bonus']);
    expect(whole.unknownColumns).toEqual(['Creator bonus', 'Warehouse note']);
    expect(whole.unknownColumns).toEqual(ref.parsed.unknownColumns);
  });

  it('groups P&L by month and SKU exactly as the groupings fed by parseExportFile', () => {
    for (const by of GROUP_BYS) expect(groupsOf(whole.groupings, by)).toEqual(groupsOf(ref.groupings, by));
    expect(whole.groupings.result('month').length).toBeGreaterThanOrEqual(4);
  });

  const splits: [string, number][] = [
    ['right after the header', 1],
    ['after the first data row', 2],
    ['right after the row with a line break inside a quoted field', MULTILINE],
    ['right after a rejected row', BAD_AMOUNT],
    ['right before a rejected row', ROUNDED_ID - 1],
    ['right after the mismatched row', OFF_BY_A_CENT],
    ['in the middle', Math.floor(RECORDS / 2)],
    ['right after the blank line', BLANK],
    ['right before the blank line', BLANK - 1],
    ['inside the copied tail', TAIL_START + 6],
    ['before the last row', RECORDS - 1],
    ['at the end (an empty second part)', RECORDS],
  ];
  const plan = planSummary(file.text.slice(0, 1 << 16), STATEMENT, GROUP_BYS);

  for (const [where, cut] of splits) {
    it(`two parts split ${where} (after row ${cut}) merge to the one-part summary in every field`, () => {
      const { summary } = readInParts(plan, file, [cut]);
      expect(comparable(summary)).toEqual(comparable(whole));
    });
  }

  it('three parts merge to the one-part summary, with file rows in problems, their messages and mismatches', () => {
    for (const cuts of [
      [BAD_AMOUNT, TAIL_START + 3],
      [2, RECORDS - 1],
      [ROUNDED_ID, OFF_BY_A_CENT],
    ]) {
      const { summary, parts } = readInParts(plan, file, cuts);
      expect(comparable(summary)).toEqual(comparable(whole));
      expect(summary.problems.map((p) => [p.row, p.message.slice(0, 9)])).toEqual([
        [BAD_AMOUNT, `Row ${BAD_AMOUNT}, `],
        [ROUNDED_ID, `Row ${ROUNDED_ID}, `],
      ]);
      expect(summary.reconciliation.mismatches.map((m) => m.source.row)).toEqual([OFF_BY_A_CENT]);
      expect(parts.reduce((n, part) => n + part.records, 0)).toBe(RECORDS);
    }
  });

  it('read as bytes, in one part or in parts split anywhere, the summary read as text in every field', () => {
    for (const cuts of [[], [BAD_AMOUNT], [MULTILINE - 1], [MULTILINE], [BLANK - 1], [BLANK], [Math.floor(RECORDS / 2)], [2, RECORDS - 1], [ROUNDED_ID, TAIL_START + 3]]) {
      const { summary, parts } = readInParts(plan, file, cuts, true);
      expect(comparable(summary), `cut after rows ${cuts.join(', ') || '(none)'}`).toEqual(comparable(whole));
      expect(parts.reduce((n, part) => n + part.records, 0)).toBe(RECORDS);
    }
  });

  it('parts read without a shared bit array still find every repeat; those no part named are named by their file rows', () => {
    const cut = Math.floor(RECORDS / 2);
    const parts = [
      [0, file.ends[cut]],
      [file.ends[cut], file.text.length],
    ].map(([from, to], p) => {
      const reader = createPartReader(plan, { first: p === 0 });
      reader.push(file.text.slice(from, to));
      return reader.end();
    });
    const summary = mergePartSummaries(plan, parts);
    const found = [...summary.repeatedKeys];
    const expected = [...whole.repeatedKeys];
    expect(found.map(([, count]) => count)).toEqual(expected.map(([, count]) => count));
    // The copied tail repeats rows of part 1 once each: no part saw those keys twice.
    const byRows = found.flatMap(([name], i) => {
      const rows = /^\(rows (\d+), (\d+)\)$/.exec(name);
      return rows ? [{ key: expected[i][0], rows: [Number(rows[1]), Number(rows[2])] }] : [];
    });
    expect(byRows.length).toBeGreaterThanOrEqual(14);
    for (const { key, rows } of byRows) {
      expect(rows[0]).toBeLessThanOrEqual(cut);
      expect(rows[1]).toBeGreaterThanOrEqual(TAIL_START);
      expect(rows.map((row) => ref.keyAtRow.get(row))).toEqual([key, key]);
    }
    expect(found.filter(([name]) => !name.startsWith('(rows ')).map(([name]) => name)).toEqual(
      expected.filter((_, i) => !found[i][0].startsWith('(rows ')).map(([name]) => name),
    );
    expect(summary.duplicateKeys.length).toBe(whole.duplicateKeys.length);
  });

  it('a part numbers its own rows from 1; only the merge turns them into file rows', () => {
    const { parts } = readInParts(plan, file, [ROUNDED_ID - 1]);
    // The rounded ID is the first row of part 2.
    expect(parts[1].problems.map((p) => [p.row, p.message.slice(0, 7)])).toEqual([[1, 'Row 1, ']]);
    expect(parts[1].reconciliation.mismatches.map((m) => m.source.row)).toEqual([OFF_BY_A_CENT - (ROUNDED_ID - 1)]);
  });

  it('the plan from the first piece of the file, cut mid-row, is the plan from the whole text', () => {
    expect(planSummary(file.text.slice(0, 5000), STATEMENT, GROUP_BYS)).toEqual(planSummary(file.text, STATEMENT, GROUP_BYS));
    expect(plan).toMatchObject({ fileName: STATEMENT, layout: 'statement', headerRow: 1, delimiter: ',', groupBys: GROUP_BYS });
    expect(plan.header).toEqual(header);
  });
});

describe('cells read in place from the bytes mean what their text means', () => {
  // IDs of plain digits come hashed, plain days as day keys, names unread when short: every other
  // spelling of the same cells goes through their text, and both must agree with the import.
  const [head, ...rows] = parseCsv(generateStatementCsv({ rows: 300, seed: 7, months: 2 }).csv);
  const col = (name: string) => head.indexOf(name);
  const ORDER = col('Order/adjustment ID');
  const SKU = col('SKU ID');
  const rowAt = (record: number) => rows[record - 2];
  // Records (header = 1) changed below.
  const BAD_DAY = 20;
  const LONG_NAME = 30;
  const LONG_CURRENCY = 40;
  const NAME_300 = 50;
  const DATE_WITH_TIME = 60;
  const DASHED_DAY = 70;
  rowAt(BAD_DAY)[col('Statement date (UTC)')] = '2026/13/45';
  rowAt(LONG_NAME)[col('Product name')] = 'N'.repeat(5001);
  rowAt(LONG_CURRENCY)[col('Currency')] = 'U'.repeat(60);
  rowAt(NAME_300)[col('Product name')] = 'Tea, green "sencha" '.repeat(15);
  rowAt(DATE_WITH_TIME)[col('Order created date')] = '2026/08/05 10:11:12';
  rowAt(DASHED_DAY)[col('Order created date')] = rowAt(DASHED_DAY)[col('Order created date')].replace(/\//g, '-');
  // Copies of rows 3–8 whose IDs are spelled otherwise: the same keys, so repeats and exact copies.
  const respelled = [3, 4, 5, 6, 7, 8].map((record, k) => {
    const copy = [...rowAt(record)];
    if (k === 0) copy[ORDER] = `'${copy[ORDER]}`;
    if (k === 1) copy[SKU] = ` ${copy[SKU]} `;
    if (k === 2) copy[ORDER] = `${copy[ORDER]}\u00a0`;
    return copy;
  });
  const records = [head, ...rows, ...respelled];
  const source = recordFile(records);
  // Rows 6–8 come again with their IDs quoted (a quoted cell is always read as text).
  const quotedTail = [6, 7, 8].map((record) => rowAt(record).map((cell, c) => (c === ORDER || c === SKU ? `"${cell}"` : cell.includes(',') || cell.includes('"') ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n') + '\r\n';
  const text = source.text + quotedTail;
  const file: RecordFile = { text, ends: [...source.ends, ...[1, 2, 3].map((k) => source.text.length + quotedTail.split('\r\n').slice(0, k).join('\r\n').length + 2)] };
  const NAME = 'respelled.csv';
  const ref = reference(new TextEncoder().encode(text), NAME);
  const plan = planSummary(text.slice(0, 1 << 16), NAME, GROUP_BYS);
  const asText = summarizeCsvText(text, NAME, GROUP_BYS);

  it('rejects the bad day, the over-long name and currency with the import’s messages (the day quoted as written)', () => {
    expect(ref.parsed.rejects.map((p) => [p.row, p.column])).toEqual([
      [BAD_DAY, 'Statement date (UTC)'],
      [LONG_NAME, 'Product name'],
      [LONG_CURRENCY, 'Currency'],
    ]);
    expect(ref.parsed.rejects[0].message).toBe(`Row ${BAD_DAY}, column *Statement date (UTC)*: expected a date such as 2026-06-12 or 2026/06/12, found \`2026/13/45\``);
    expect(ref.parsed.rejects[2].message).toMatch(/expected at most 50 characters, found 60/);
    expect(asText.problems).toEqual(ref.parsed.rejects);
  });

  it('finds every respelled and quoted copy as a repeat and an exact copy, as the import does', () => {
    expect([...asText.repeatedKeys]).toEqual([...ref.repeated]);
    expect(asText.duplicateKeys).toEqual(ref.parsed.duplicateKeys);
    // Rows 4 and 5 of the generated file are already one row twice (order …003).
    const keyOf = (record: number) => [col('Statement ID'), ORDER, SKU, col('Type')].map((c) => rowAt(record)[c]).join('|');
    expect([...ref.parsed.duplicateKeys].sort()).toEqual([3, 4, 6, 7, 8].map(keyOf).sort());
    expect([3, 4, 6, 7, 8].map((record) => ref.repeated.get(keyOf(record)))).toEqual([2, 4, 3, 3, 3]);
  });

  it('read as bytes, in one part or in parts, gives the summary read as text in every field', () => {
    for (const cuts of [[], [BAD_DAY], [LONG_NAME - 1], [NAME_300], [records.length - 3], [records.length + 1]]) {
      const { summary } = readInParts(plan, file, cuts, true);
      expect(comparable(summary), `cut after rows ${cuts.join(', ') || '(none)'}`).toEqual(comparable(asText));
    }
    for (const by of GROUP_BYS) expect(groupsOf(asText.groupings, by)).toEqual(groupsOf(ref.groupings, by));
  });
});

describe('PartReader.atRecordBoundary', () => {
  const plan = planSummary(file.text.slice(0, 1 << 16), STATEMENT, GROUP_BYS);
  const multilineStart = file.ends[MULTILINE - 1];
  const insideQuotes = file.text.indexOf('\r\nwith card', multilineStart) + 2;

  /** Whether the part read as text up to `end` (and as bytes up to the same place) ends at a record boundary. */
  function boundaryAfter(end: number, piece = 3000): boolean {
    const reader = createPartReader(plan, { first: true });
    for (let from = 0; from < end; from += piece) reader.push(file.text.slice(from, Math.min(end, from + piece)));
    const byteReader = createPartReader(plan, { first: true });
    const bytes = new TextEncoder().encode(file.text.slice(0, end));
    for (let from = 0; from < bytes.length; from += piece) byteReader.pushBytes(bytes.slice(from, Math.min(bytes.length, from + piece)));
    expect(byteReader.atRecordBoundary(), `read as bytes up to character ${end}`).toBe(reader.atRecordBoundary());
    return reader.atRecordBoundary();
  }

  it('is true after each record’s line break', () => {
    for (const k of [1, 2, MULTILINE - 1, MULTILINE, BLANK - 1, BLANK, 40]) expect(boundaryAfter(file.ends[k]), `after row ${k}`).toBe(true);
  });

  it('is false inside a quoted field, even right after the line break it holds', () => {
    expect(boundaryAfter(insideQuotes)).toBe(false);
    expect(file.text.slice(insideQuotes - 2, insideQuotes)).toBe('\r\n');
    expect(boundaryAfter(insideQuotes - 5)).toBe(false);
  });

  it('is false mid-line and between the CR and LF of a line break', () => {
    expect(boundaryAfter(file.ends[30] + 17)).toBe(false);
    expect(boundaryAfter(file.ends[30] - 1)).toBe(false);
    expect(boundaryAfter(file.ends[30] - 1, 500)).toBe(false);
  });
});

describe('an export with banner rows above the header (on hold), read in parts', () => {
  const ONHOLD = 'Onhold-unsettled-orders-2026_06_01-2026_06_12(UTC-7).csv';
  const onholdRecords = parseCsv(readFileSync(root + 'test/fixtures/onhold-306-rows.csv', 'utf8'));
  const BROKEN = 200;
  onholdRecords[BROKEN - 1][11] = 'abc';
  const onhold = recordFile(onholdRecords);
  const ref = reference(new TextEncoder().encode(onhold.text), ONHOLD);
  const whole = summarizeCsvText(onhold.text, ONHOLD, GROUP_BYS);
  const plan = planSummary(onhold.text.slice(0, 1 << 16), ONHOLD, GROUP_BYS);

  it('finds the header on row 5 and reads as parseExportFile does', () => {
    expect(ref.parsed.headerRow).toBe(5);
    expect(plan).toMatchObject({ layout: 'onhold', headerRow: 5, timeZone: 'UTC-7' });
    expect(whole.rowsAccepted).toBe(ref.rowsAccepted);
    expect(whole.rowsAccepted).toBe(305);
    expect(whole.problems).toEqual(ref.parsed.rejects);
    expect(whole.reconciliation).toEqual(ref.parsed.reconciliation);
    expect(whole.duplicateKeys).toEqual(ref.parsed.duplicateKeys);
    for (const by of GROUP_BYS) expect(groupsOf(whole.groupings, by)).toEqual(groupsOf(ref.groupings, by));
  });

  for (const cut of [5, 6, 120, BROKEN - 1]) {
    it(`split after row ${cut}: rows numbered as the file shows them, read as text or as bytes`, () => {
      for (const asBytes of [false, true]) {
        const { summary } = readInParts(plan, onhold, [cut], asBytes);
        expect(summary.problems).toEqual([{ file: ONHOLD, row: BROKEN, column: 'Net sales', message: `Row ${BROKEN}, column *Net sales*: expected an amount, found \`abc\`` }]);
        expect(comparable(summary)).toEqual(comparable(whole));
      }
    });
  }
});

describe('planSummary on a file that is not an export', () => {
  it('throws the message parseExportFile gives for the same file', () => {
    const text = 'Name,Email\r\nAnn,a@b.c\r\nBob,b@c.d\r\n';
    const [error] = parseExportFile(new TextEncoder().encode(text), 'contacts.csv').errors;
    expect(error.message).toMatch(/^contacts\.csv: no TikTok Shop export header found/);
    expect(() => planSummary(text, 'contacts.csv', GROUP_BYS)).toThrow(new Error(error.message));
    expect(() => summarizeCsvText(text, 'contacts.csv', GROUP_BYS)).toThrow(new Error(error.message));
  });
});
