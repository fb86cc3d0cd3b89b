/**
 * A CSV export summed without keeping its rows: reconciliation, P&L groups, duplicate keys and
 * rejected rows, in bounded memory. A large file can be read in consecutive parts at the same
 * time (one per core), each by its own part reader; `mergePartSummaries` then gives exactly what
 * one reader over the whole file gives.
 *
 * Each part numbers its records from 1; the merge shifts them by the records of the parts before
 * (which a part cannot know until they are read), so every row number names the file's row.
 */
import { timeZoneFromFileName } from '../dates';
import { createCsvChunkReader, detectDelimiter, forEachCsvRow, type CsvChunkReader, type CsvDelimiter } from './files/csv';
import { createCsvByteReader, type CsvByteReader, type ParsedCells } from './files/csv-bytes';
import { createSeenBits, findKeyRepeats, KeyLog, type KeyLogSnapshot } from '../ledger/key-log';
import { detectLayout, HEADER_SCAN_ROWS } from './layouts';
import { createNormalizer, MAX_PROBLEMS, unclassifiedOf, type UnknownColumnCounts } from './normalize';
import { PnlGroupings, type PnlGroupBy, type PnlGroupingsSnapshot } from '../analysis/pnl';
import { createReconciler, mergeReconcileResults } from '../analysis/reconcile';
import type { LayoutId, Problem, ReconcileResult } from '../types';

/** What every part of a file is read with: found once, from the start of the file. */
export interface SummaryPlan {
  fileName: string;
  layout: LayoutId;
  header: string[];
  /** 1-based row of the header: rows up to it (banners, the header) are not data. */
  headerRow: number;
  delimiter: CsvDelimiter;
  timeZone?: string;
  groupBys: PnlGroupBy[];
}

/**
 * The plan for a file from the text of its start (the first piece read is plenty: the header is
 * within its first {@link HEADER_SCAN_ROWS} rows). Throws the seller-facing message when no
 * export header is found.
 */
export function planSummary(start: string, fileName: string, groupBys: PnlGroupBy[]): SummaryPlan {
  const rows: string[][] = [];
  forEachCsvRow(start, (cells) => {
    rows.push(cells);
    if (rows.length >= HEADER_SCAN_ROWS) return false;
  });
  // The last row may be cut off by the end of the piece; a header row is never the last one read.
  if (rows.length > 1 && !start.endsWith('\n')) rows.pop();
  const detected = detectLayout(rows, fileName);
  if (!detected.ok) throw new Error(detected.message);
  const timeZone = timeZoneFromFileName(fileName);
  const plan: SummaryPlan = {
    fileName,
    layout: detected.layout,
    header: detected.header,
    headerRow: detected.headerRow,
    delimiter: detectDelimiter(start),
    groupBys,
  };
  if (timeZone !== undefined) plan.timeZone = timeZone;
  return plan;
}

/** One part's sums, as plain data (it may cross from a worker thread). Rows are the part's own. */
export interface PartSummary {
  /** Records in the part, as the CSV reader counts them (blank lines included). */
  records: number;
  rowsAccepted: number;
  rejectedRows: number;
  problems: Problem[];
  reconciliation: ReconcileResult;
  groupings: PnlGroupingsSnapshot;
  keys: KeyLogSnapshot;
  unknownColumns: UnknownColumnCounts[];
}

export interface PartReader {
  /** The part's next piece of text. */
  push(text: string): void;
  /**
   * The part's next bytes, for a UTF-8 file read as bytes (a part is read either as text or as
   * bytes): amounts, plain IDs and days are read where they lie and only the cells the summary reads become text.
   */
  pushBytes(bytes: Uint8Array): void;
  /** Records read so far in the part. */
  readonly records: number;
  /** Whether the text pushed so far ends at the end of a record (a part may stop there). */
  atRecordBoundary(): boolean;
  /** The part is complete. */
  end(): PartSummary;
}

export interface PartOptions {
  /** The part starts the file (it holds the header); later parts hold only data rows. */
  first: boolean;
  /** The "maybe seen" bits of the file's key logs, shared by parts read at the same time. */
  seenBits?: Int32Array;
  /** Rows the part probably holds (from its size, say): the key log is sized once for them. */
  expectedRows?: number;
}

/** Reads one part of a file (the whole file is one part) into its {@link PartSummary}. */
export function createPartReader(plan: SummaryPlan, options: PartOptions): PartReader {
  const keyLog = new KeyLog(options.seenBits ?? createSeenBits(false, options.expectedRows), options.expectedRows);
  const normalizer = createNormalizer({
    fileName: plan.fileName,
    layout: plan.layout,
    header: plan.header,
    headerRow: plan.headerRow,
    timeZone: plan.timeZone,
    keyLog,
    continuesFile: !options.first,
  });
  const reconciler = createReconciler(normalizer.amountIds);
  const groupings = new PnlGroupings(plan.groupBys);
  const firstDataRow = options.first ? plan.headerRow + 1 : 1;
  const visit = (cells: string[], rowNumber: number, inPlace?: ParsedCells): void => {
    if (rowNumber < firstDataRow) return;
    const view = normalizer.read(cells, rowNumber, inPlace);
    if (view === null) return;
    reconciler.checkView(view);
    groupings.addView(view);
  };
  let textReader: CsvChunkReader | undefined;
  let byteReader: CsvByteReader | undefined;
  const textReaderOf = (): CsvChunkReader => (textReader ??= createCsvChunkReader(visit, { delimiter: plan.delimiter }));
  const reader = (): CsvChunkReader | CsvByteReader => byteReader ?? textReaderOf();
  return {
    push(text) {
      if (byteReader) throw new Error('Export summary: a part read as bytes cannot take text');
      textReaderOf().push(text);
    },
    pushBytes(bytes) {
      if (textReader) throw new Error('Export summary: a part read as text cannot take bytes');
      (byteReader ??= createCsvByteReader(visit, plan.delimiter.charCodeAt(0), normalizer.columnNeeds)).push(bytes);
    },
    get records() {
      return reader().records;
    },
    atRecordBoundary: () => reader().atRecordBoundary(),
    end(): PartSummary {
      const used = reader();
      used.end();
      return {
        records: used.records,
        rowsAccepted: normalizer.rowsAccepted,
        rejectedRows: normalizer.rejectedRows,
        problems: normalizer.problems,
        reconciliation: reconciler.result(),
        groupings: groupings.snapshot(),
        keys: keyLog.finish(),
        unknownColumns: normalizer.unknownColumnCounts(),
      };
    },
  };
}

/** A whole file's sums. */
export interface ExportSummary {
  fileName: string;
  layout: LayoutId;
  rowsAccepted: number;
  rejectedRows: number;
  /** Rejected rows' messages, in file order (the first {@link MAX_PROBLEMS}). */
  problems: Problem[];
  reconciliation: ReconcileResult;
  groupings: PnlGroupings;
  /** Keys more than one row has, with their row count. */
  repeatedKeys: Map<string, number>;
  /** Repeated keys whose later rows are exact copies of the first. */
  duplicateKeys: string[];
  /** Headers not in the catalog, as written. */
  unknownColumns: string[];
}

/** The summaries of a file's consecutive parts (in file order) as the file's summary. */
export function mergePartSummaries(plan: SummaryPlan, parts: readonly PartSummary[]): ExportSummary {
  const offsets: number[] = [];
  let records = 0;
  for (const part of parts) {
    offsets.push(records);
    records += part.records;
  }
  const problems: Problem[] = [];
  parts.forEach((part, p) => {
    for (const problem of part.problems) if (problems.length < MAX_PROBLEMS) problems.push(shiftedProblem(problem, offsets[p]));
  });
  const unknown = addedCounts(parts.map((part) => part.unknownColumns));
  const reconciliation = mergeReconcileResults(
    parts.map((part, p) => shiftedReconciliation(part.reconciliation, offsets[p])),
    unclassifiedOf(unknown),
  );
  const groupings = new PnlGroupings(plan.groupBys);
  for (const part of parts) groupings.merge(part.groupings);
  const keys = findKeyRepeats(
    parts.map((part) => part.keys),
    offsets,
  );
  return {
    fileName: plan.fileName,
    layout: plan.layout,
    rowsAccepted: parts.reduce((n, part) => n + part.rowsAccepted, 0),
    rejectedRows: parts.reduce((n, part) => n + part.rejectedRows, 0),
    problems,
    reconciliation,
    groupings,
    repeatedKeys: keys.repeated,
    duplicateKeys: keys.exactDuplicates,
    unknownColumns: unknown.map((c) => c.name),
  };
}

/** A whole file read as one part. */
export function summarizeCsvText(text: string, fileName: string, groupBys: PnlGroupBy[]): ExportSummary {
  const plan = planSummary(text.slice(0, 1 << 16), fileName, groupBys);
  const reader = createPartReader(plan, { first: true });
  reader.push(text);
  return mergePartSummaries(plan, [reader.end()]);
}

/** A part's problem with the file's row number (every normalizer message starts `Row N`). */
function shiftedProblem(problem: Problem, offset: number): Problem {
  if (offset === 0) return problem;
  const row = problem.row + offset;
  return { ...problem, row, message: problem.message.replace(/^Row \d+/, `Row ${row}`) };
}

function shiftedReconciliation(result: ReconcileResult, offset: number): ReconcileResult {
  if (offset === 0) return result;
  return {
    ...result,
    mismatches: result.mismatches.map((m) => ({ ...m, source: { ...m.source, row: m.source.row + offset } })),
    subtotalMismatches: result.subtotalMismatches?.map((m) => ({ ...m, source: { ...m.source, row: m.source.row + offset } })),
  };
}

/** The parts' unknown-column counts added up (every part has the same header). */
function addedCounts(parts: readonly UnknownColumnCounts[][]): UnknownColumnCounts[] {
  if (parts.length === 0) return [];
  return parts[0].map((column, c) => ({
    name: column.name,
    moneyLike: parts.reduce((n, part) => n + part[c].moneyLike, 0),
    notMoney: parts.reduce((n, part) => n + part[c].notMoney, 0),
  }));
}
