/**
 * The last step between a parsed file and the ledger, run by the sidebar before its preview:
 * - a **totals row** ("Total", "Grand total" in an ID column) is never imported: it is checked
 *   against the rows above it and reported;
 * - an ID cell holding a sheet error (`#N/A`) or text with no digit is a row error;
 * - a row identical in every cell to an earlier row of the file is written once; rows that share
 *   a key but differ are both kept, and the preview says how many of each;
 * - a row of the profit-and-loss report's Adjustment sheet settles its *Adjustment amount* (the
 *   sheet has no settlement column): written as its Total settlement amount too, as a Statement's
 *   adjustment row holds it, so the preview, the log and every reader count it.
 * The file's totals are those of the rows that will be written.
 */
import { rowPnl } from '../analysis/pnl';
import { formatCents } from '../money';
import { MAX_FILE_NAME_CHARS, MAX_HEADER_CHARS, MAX_UNKNOWN_COLUMNS } from '../read/row-fields';
import type { FileError, LayoutId, LedgerRow, ParsedExport, Problem, RepeatedRow } from '../types';

import { TOTALS_LABEL } from '../read/row-reader';
const SHEET_ERROR = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!)$/i;
const ID_FIELDS = ['statementId', 'orderId', 'skuId', 'relatedOrderId'] as const;
type IdField = (typeof ID_FIELDS)[number];

/** The ID column's header as the layout writes it. */
function idHeader(field: IdField, layout: LayoutId): string {
  if (field === 'statementId') return layout === 'pnl-orders' ? 'linked statement id' : 'Statement ID';
  if (field === 'skuId') return 'SKU ID';
  if (field === 'relatedOrderId') return 'Related order ID';
  if (layout === 'pnl-orders' || layout === 'order-export') return 'Order ID';
  return layout === 'pnl-adjustments' ? 'Adjustment ID' : 'Order/adjustment ID';
}

/** The first ID field of the row holding something that is not an ID, or undefined. */
function notAnId(row: LedgerRow): { field: IdField; text: string } | undefined {
  for (const field of ID_FIELDS) {
    const text = row[field].trim();
    if (text !== '' && (SHEET_ERROR.test(text) || TOTALS_LABEL.test(text) || !/\d/.test(text)))
      return { field, text };
  }
  return undefined;
}

/** The row's content without its key and place in the file: equal content = the same row written twice. */
function content(row: LedgerRow): string {
  const { key: _key, source: _source, importId: _importId, ...rest } = row;
  return (
    JSON.stringify(rest, Object.keys(rest).sort()) +
    JSON.stringify(rest.amounts) +
    JSON.stringify(rest.unknown) +
    JSON.stringify(rest.details ?? {})
  );
}

const baseKey = (key: string) => key.replace(/#\d+$/, '');

function subtract(parsed: ParsedExport, row: LedgerRow): void {
  const lines = rowPnl(row);
  parsed.totals.settlement -= lines.settlement;
  parsed.totals.netSales -= lines.netSales;
  parsed.totals.fees -= lines.fees;
  parsed.totals.grossSales -= lines.grossSales;
}

/** A P&L report adjustment with its amount as its settlement, added to the file's settlement total. */
function settledAdjustment(row: LedgerRow, file: ParsedExport): LedgerRow {
  const amount = row.amounts.adjustment_amount;
  if (!amount || row.amounts.total_settlement_amount !== undefined) return row;
  file.totals.settlement += amount;
  return { ...row, amounts: { ...row.amounts, total_settlement_amount: amount } };
}

/** A parsed file the ledger cannot take as a whole; the message names the file, and row and column when there is one. */
export class NotImportableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotImportableError';
  }
}

const shortText = (text: string) => (text.length > 40 ? `${text.slice(0, 37)}…` : text);

/** The file-wide limits the server holds the import to, checked here so the preview says so first. */
function checkFileLimits(parsed: ParsedExport): void {
  const name = parsed.fileName;
  if (name.length > MAX_FILE_NAME_CHARS) {
    throw new NotImportableError(
      `${shortText(name)}: the file name has ${name.length} characters; the longest TTS Profit records is ` +
        `${MAX_FILE_NAME_CHARS}. Rename the file and import it again.`,
    );
  }
  const long = parsed.unknownColumns.find((h) => h.length > MAX_HEADER_CHARS);
  if (long !== undefined) {
    throw new NotImportableError(
      `${name}: row ${parsed.headerRow}, the column headed ` +
        `\`${shortText(long)}\`: a header of ${long.length} characters; the longest TTS Profit keeps is ` +
        `${MAX_HEADER_CHARS}. Shorten or delete that column and import the file ` +
        `again.`,
    );
  }
  if (parsed.unknownColumns.length > MAX_UNKNOWN_COLUMNS) {
    throw new NotImportableError(
      `${name}: ${parsed.unknownColumns.length} columns TTS Profit does not know; it keeps at most ` +
        `${MAX_UNKNOWN_COLUMNS}. Delete the columns you added and import the file ` +
        `again.`,
    );
  }
}

/**
 * A file that ends without a line break may have been cut short inside its last row's last
 * amount (`-123.45` cut to `-123.4` still reads). That row is kept only if it reconciles.
 */
function checkLastRecord(parsed: ParsedExport): void {
  if (!parsed.endsWithoutLineBreak) return;
  let last = 0;
  for (const row of parsed.rows) last = Math.max(last, row.source.row);
  const r = parsed.reconciliation;
  const mismatch = r.mismatches.find((m) => m.source.row === last);
  const subtotal = (r.subtotalMismatches || []).find((m) => m.source.row === last);
  if (!mismatch && !subtotal) return;
  const detail = mismatch
    ? `its settlement ${formatCents(mismatch.settlement, { dollarSign: true })} differs from the sum of its parts ` +
      `${formatCents(mismatch.sumOfParts, { dollarSign: true })}`
    : `its *${subtotal!.column}* ${formatCents(subtotal!.subtotal, { dollarSign: true })} differs from the sum of its parts ` +
      `${formatCents(subtotal!.sumOfParts, { dollarSign: true })}`;
  throw new NotImportableError(
    `${parsed.fileName} ends without a line break, and its last row (row ` +
      `${last}) does not add up: ${detail}. The download was probably cut short: download the file again from ` +
      `Seller Center. Nothing was imported.`,
  );
}

/**
 * The parsed file as it will be written: totals rows and non-ID rows out, exact repeats once.
 * Throws NotImportableError for a file that breaks a file-wide limit or was cut short.
 */
export function readyToImport(parsed: ParsedExport): ParsedExport {
  checkFileLimits(parsed);
  checkLastRecord(parsed);
  const out: ParsedExport = { ...parsed, totals: { ...parsed.totals }, rejects: [...parsed.rejects] };
  const kept: LedgerRow[] = [];
  const totalsRows: string[] = [];
  const seen = new Map<string, string[]>();
  // The file row where each content was first met, for the note on its repeats.
  const firstRow = new Map<string, number>();
  const repeats: RepeatedRow[] = [];
  let sameKeyDiffering = 0;
  let sinceTotal = 0;
  let sectionStart = 0;

  for (const row of parsed.rows) {
    const bad = notAnId(row);
    const label =
      row.totalsLabel ??
      (bad && TOTALS_LABEL.test(bad.text)
        ? { column: idHeader(bad.field, parsed.layout), text: bad.text }
        : undefined);
    if (label) {
      const above = kept.slice(sectionStart).reduce((n, r) => n + rowPnl(r).settlement, 0);
      const own = rowPnl(row).settlement;
      const check =
        own === above
          ? `its settlement ${formatCents(own, { dollarSign: true })} equals the sum of the ${sinceTotal} rows above`
          : `its settlement ${formatCents(own, { dollarSign: true })} differs from the ` +
            `${sinceTotal} rows above (${formatCents(above, { dollarSign: true })}) by ${formatCents(own - above, { dollarSign: true })}`;
      totalsRows.push(
        `Row ${row.source.row} is a totals row (*${label.column}* says \`${label.text}\`): ${check}. It is not imported.`,
      );
      subtract(out, row);
      sectionStart = kept.length;
      sinceTotal = 0;
      continue;
    }
    if (bad) {
      const problem: Problem = {
        ...row.source,
        column: idHeader(bad.field, parsed.layout),
        message:
          `Row ${row.source.row}, column *${idHeader(bad.field, parsed.layout)}*: expected an ID (digits), found ` +
          `\`${bad.text.length > 60 ? bad.text.slice(0, 57) + '…' : bad.text}\`.`,
      };
      out.rejects.push(problem);
      out.rejectedRows++;
      subtract(out, row);
      continue;
    }
    const base = baseKey(row.key);
    const text = content(row);
    const earlier = seen.get(base);
    if (earlier === undefined) {
      seen.set(base, [text]);
    } else if (earlier.includes(text)) {
      repeats.push({ row: row.source.row, first: firstRow.get(text)!, cents: rowPnl(row).settlement });
      subtract(out, row);
      continue;
    } else {
      earlier.push(text);
      sameKeyDiffering++;
    }
    firstRow.set(text, row.source.row);
    kept.push(parsed.layout === 'pnl-adjustments' ? settledAdjustment(row, out) : row);
    sinceTotal++;
  }
  out.rows = kept;
  out.rejects.sort((a, b) => a.row - b.row);
  out.prepared = { repeatsWrittenOnce: repeats.length, repeats, sameKeyDiffering, totalsRows };
  return out;
}

/** Repeats listed by row in {@link repeatsNote}; the rest are counted. */
const LISTED_REPEATS = 5;

/**
 * The rows repeated in every cell that were written once, and the settlement they held (left out
 * of the file's totals), for the preview, the import's result and its TTS Imports row: a bookkeeper
 * comparing the import to the payout sees where the difference went. '' when there are none.
 */
export function repeatsNote(parsed: ParsedExport): string {
  const repeats = parsed.prepared?.repeats || [];
  if (repeats.length === 0) return '';
  const cents = formatCents(
    repeats.reduce((n, r) => n + r.cents, 0),
    { dollarSign: true },
  );
  if (repeats.length === 1)
    return `Row ${repeats[0].row} repeats row ${repeats[0].first} in every cell and is written once: the settlement leaves out its ${cents}.`;
  const listed = repeats
    .slice(0, LISTED_REPEATS)
    .map((r) => `row ${r.row} repeats ${r.first}`)
    .join('; ');
  const more = repeats.length > LISTED_REPEATS ? `; ${repeats.length - LISTED_REPEATS} more` : '';
  return (
    `${repeats.length} rows repeat an earlier row in every cell and are written once (${listed}${more}): ` +
    `the settlement leaves out their ${cents}.`
  );
}

/** The sidebar's reading of one file's parse: every data sheet ready to import, or its file error. */
export function readyFiles(files: readonly ParsedExport[]): { files: ParsedExport[]; errors: FileError[] } {
  const out: { files: ParsedExport[]; errors: FileError[] } = { files: [], errors: [] };
  for (const file of files) {
    try {
      out.files.push(readyToImport(file));
    } catch (error) {
      if (!(error instanceof NotImportableError)) throw error;
      out.errors.push({ fileName: file.fileName, message: error.message });
    }
  }
  return out;
}
