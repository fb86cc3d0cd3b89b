/**
 * One card per file: what the add-on understood (layout, period, rows, totals), whether the
 * money adds up, and which rows or columns it could not use — before anything is written.
 */
import type {
  FileError,
  LayoutId,
  OrderExportSummary,
  ParsedExport,
  ReconcileResult,
} from '../../core/types';
import { MAX_PROBLEMS } from '../../core/read/row-reader';
import { layoutSpec } from '../../core/read/layouts';
import { repeatsNote } from '../../core/ledger/ready-to-import';
import { h } from '../dom';
import { count, money, monthLabel, period, plural, problem } from '../format';
import type { ImportOutcome } from './import-runner';

/** How many rejected rows and differences are listed before "and N more". */
export const LIST_LIMIT = 5;

function fact(label: string, value: string, className?: string): HTMLElement {
  return h(
    'div',
    { className: className ? `fact ${className}` : 'fact' },
    h('dt', {}, label),
    h('dd', {}, value),
  );
}

function moreNote(total: number, shown: number): HTMLElement | null {
  return total > shown ? h('li', { className: 'more' }, `and ${count(total - shown)} more`) : null;
}

function reconciliationSection(r: ReconcileResult): HTMLElement {
  // The workbook's own totals are mentioned only when some were checked.
  const totals =
    r.totalChecks.length > 0
      ? ` ${plural(r.totalChecks.length, 'total')} of the Reports sheet agree with them.`
      : '';
  if (r.ok)
    return h(
      'p',
      { className: 'check ok' },
      `Reconciled: ${plural(r.rowsChecked, 'row')} add up to the cent.${totals}`,
    );
  const items: HTMLElement[] = r.mismatches
    .slice(0, LIST_LIMIT)
    .map((m) =>
      h(
        'li',
        {},
        `Row ${m.source.row}${m.orderId ? ` (${m.orderId})` : ''}: settlement ${money(m.settlement)}, parts add to ` +
          `${money(m.sumOfParts)}, difference ${money(m.difference)}`,
      ),
    );
  for (const t of r.totalChecks.filter((c) => c.difference !== 0)) {
    items.push(
      h(
        'li',
        {},
        `${t.label}: expected ${money(t.expected)}, rows add to ${money(t.actual)}, difference ${money(t.difference)}`,
      ),
    );
  }
  const headline =
    r.mismatches.length > 0
      ? `${plural(r.mismatches.length, 'row')} ${r.mismatches.length === 1 ? 'differs' : 'differ'} from the sum of ` +
        `${r.mismatches.length === 1 ? 'its' : 'their'} parts.`
      : 'Statement totals differ from the sum of rows.';
  return h(
    'div',
    { className: 'check warn' },
    h('p', {}, headline),
    h('ul', {}, ...items, moreNote(r.mismatches.length, Math.min(r.mismatches.length, LIST_LIMIT))),
    r.unclassifiedColumns.length > 0
      ? h('p', {}, `Unclassified money columns: ${r.unclassifiedColumns.join(', ')}`)
      : null,
  );
}

/**
 * `1 row cannot be imported (3 problems):` — rows counted once however many of their cells are bad;
 * the reader keeps the first 1,000 problems, but counts every rejected row.
 */
export function rejectsHeadline(parsed: Pick<ParsedExport, 'rejects' | 'rejectedRows'>): string {
  const { rejects, rejectedRows } = parsed;
  const problems =
    rejects.length >= MAX_PROBLEMS
      ? ` (the first ${plural(rejects.length, 'problem')})`
      : rejects.length > rejectedRows
        ? ` (${plural(rejects.length, 'problem')})`
        : '';
  return `${plural(rejectedRows, 'row')} cannot be imported${problems}:`;
}

/** Repeats inside the file and totals rows, each said before anything is written. */
function repeatNotes(parsed: ParsedExport): (HTMLElement | null)[] {
  const prepared = parsed.prepared;
  if (!prepared) return [];
  const once = repeatsNote(parsed);
  const differing = prepared.sameKeyDiffering;
  return [
    once ? h('p', { className: 'note' }, once) : null,
    differing > 0
      ? h(
          'p',
          { className: 'note' },
          `${plural(differing, 'row')} ${differing === 1 ? 'shares' : 'share'} IDs, type and date with an earlier row of this file but ` +
            `${differing === 1 ? 'differs' : 'differ'}: both are kept.`,
        )
      : null,
    ...prepared.totalsRows.map((line) => h('p', { className: 'note' }, line)),
  ];
}

/**
 * `1,453 of 1,453 rows already imported` (shown once the ledger has been asked). `layout`: an On-hold
 * or order export's rows replace those of an earlier download of the export.
 */
export function alreadyImportedText(present: number, total: number, another = 0, layout?: LayoutId): string {
  if (total === 0) return '';
  const line =
    present === 0
      ? `None of its ${plural(total, 'row')} ${total === 1 ? 'is' : 'are'} in TTS Ledger yet.`
      : `${count(present)} of ${plural(total, 'row')} already imported${present === total ? ': importing it again adds nothing.' : '.'}`;
  if (another === 0) return line;
  const downloaded = layout === 'onhold' || layout === 'order-export';
  return `${line} ${downloaded ? changedRowsText(another, layout === 'onhold') : revisedRowsText(another)}`;
}

/**
 * An On-hold or order export's rows whose line TTS Ledger holds with other figures (a changed
 * estimate, a cancellation, a return): of the two downloads' rows, one counts.
 */
function changedRowsText(changed: number, onhold: boolean): string {
  const one = changed === 1;
  return (
    `${one ? 'One row differs' : `${count(changed)} rows differ`} from the row of ${one ? 'its' : 'their'} order line ` +
    `in TTS Ledger (a changed estimate, a cancellation, a return): ${one ? 'it is written as a new row' : 'they are written as new rows'}, ` +
    'and one row of a line counts: ' +
    (onhold
      ? 'the later download\u2019s, by its Download time.'
      : 'the last imported, so import order exports in the order you downloaded them.')
  );
}

/**
 * Rows whose key TTS Ledger holds with another settlement are written as another line of that key:
 * right for a line a statement split in two, a double count for a row TikTok revised in a later
 * download, which only the seller can tell.
 */
function revisedRowsText(another: number): string {
  const one = another === 1;
  return (
    `${one ? 'One row has' : `${count(another)} rows have`} the key of a row in TTS Ledger with another settlement: ` +
    `${one ? 'it is' : 'they are'} written as another line of that key. If TikTok revised ${one ? 'that row' : 'those rows'}, ` +
    `delete the older ${one ? 'one' : 'ones'} after importing, or ${one ? 'it counts' : 'they count'} twice.`
  );
}

/** What an order export says a seller sold; it settles nothing, so there is no settlement or fee to show. */
export const ORDER_EXPORT_NOTE =
  'An order export has no settlement or fees: it says what was sold. Its sales count by order date ' +
  'until a Statement settles the same order line; then the Statement\u2019s figures count instead, never both.';

function orderExportFacts(o: OrderExportSummary): HTMLElement[] {
  const returned = o.unitsReturned > 0 ? ` (${count(o.unitsReturned)} returned)` : '';
  const refunded = count(o.refundedOrders);
  return [
    fact(
      'Orders',
      `${count(o.orders)} (${count(o.cancelledOrders)} cancelled or unpaid, ${refunded} refunded)`,
    ),
    fact('Units', `${count(o.units)}${returned}`),
    fact('Gross sales', money(o.grossSales), 'num'),
    fact('Seller discounts', money(o.sellerDiscounts), 'num'),
    fact('Net sales', money(o.netSales), 'num'),
  ];
}

function settlementFacts(parsed: ParsedExport): HTMLElement[] {
  return [
    fact('Settlement', money(parsed.totals.settlement), 'num'),
    fact('Net sales', money(parsed.totals.netSales), 'num'),
    fact('Fees', money(parsed.totals.fees), 'num'),
  ];
}

/** `Net sales by order date: Sep 2026 $21.50; Oct 2026 $40.50` (after cancellations and refunds). */
export function netSalesByMonthText(o: OrderExportSummary): string {
  const months = o.netSalesByMonth.map((m) => `${monthLabel(m.month)} ${money(m.cents)}`);
  return `Net sales by order date, after cancellations and refunds: ${months.join('; ')}.`;
}

/** The preview card of one parsed file (or one sheet of a workbook). */
export function renderPreview(parsed: ParsedExport): HTMLElement {
  const title = parsed.sheet ? `${parsed.fileName} — ${parsed.sheet}` : parsed.fileName;
  const rejects = parsed.rejects;
  const orders = parsed.orderExport;
  return h(
    'article',
    { className: 'file-card', 'data-file': parsed.fileName },
    h('h3', {}, title),
    h(
      'dl',
      { className: 'facts' },
      fact('Layout', parsed.layoutLabel),
      fact('Period', period(parsed.period)),
      fact('Rows', count(parsed.rows.length)),
      ...(orders ? orderExportFacts(orders) : settlementFacts(parsed)),
    ),
    orders ? h('p', { className: 'note order-export' }, netSalesByMonthText(orders)) : null,
    orders
      ? h('p', { className: 'check ok order-export' }, ORDER_EXPORT_NOTE)
      : parsed.rows.length === 0
        ? h(
            'p',
            { className: 'check warn' },
            'No row of this file can be imported, so nothing was reconciled.',
          )
        : reconciliationSection(parsed.reconciliation),
    ...(parsed.readNotes ?? []).map((line) => h('p', { className: 'note warn read-note' }, line)),
    ...repeatNotes(parsed),
    rejects.length > 0
      ? h(
          'div',
          { className: 'check warn rejects' },
          h('p', {}, rejectsHeadline(parsed)),
          h(
            'ul',
            {},
            ...rejects.slice(0, LIST_LIMIT).map((p) => h('li', {}, problem(p))),
            moreNote(rejects.length, Math.min(rejects.length, LIST_LIMIT)),
          ),
        )
      : null,
    ...(parsed.unrecognisedMoney ?? []).map((u) =>
      h(
        'p',
        { className: 'note' },
        `Counted in ${u.parent === 'fees' ? 'Fees' : 'Shipping'} though not recognised: ${u.columns.join(', ')}`,
      ),
    ),
    h('p', { className: 'note already', 'aria-live': 'polite' }),
    parsed.unknownColumns.length > 0
      ? h('p', { className: 'note' }, `Columns kept but not recognised: ${parsed.unknownColumns.join(', ')}`)
      : null,
    h('p', { className: 'result', 'aria-live': 'polite' }),
  );
}

/** The card of a file that could not be read at all; the other files stay importable. */
export function renderFileError(error: FileError): HTMLElement {
  return h(
    'article',
    { className: 'file-card error', 'data-file': error.fileName, role: 'alert' },
    h('h3', {}, error.fileName),
    h('p', { className: 'error-message' }, error.message),
  );
}

/** The card's result line after import: `120 new rows, 4 duplicates skipped, 2 rejected`. */
export function outcomeText(outcome: ImportOutcome): string {
  const counts = `${plural(outcome.written, 'new row')}, ${plural(outcome.duplicates, 'duplicate')} skipped, ${count(outcome.rejected)} rejected`;
  // An On-hold or order export supersedes only rows of earlier downloads; a settled file settles them.
  const n = outcome.settledEstimates;
  const settled = !(n > 0)
    ? ''
    : outcome.layoutLabel === layoutSpec('onhold').name
      ? `; ${plural(n, 'earlier estimate')} replaced`
      : outcome.layoutLabel === layoutSpec('order-export').name
        ? `; ${plural(n, 'row')} of an earlier download replaced`
        : `; ${plural(n, 'estimated row')} now settled`;
  const cogs = `${settled}${outcome.cogsAdded > 0 ? `; ${plural(outcome.cogsAdded, 'new SKU')} added to TTS COGS` : ''}`;
  // Rows repeated inside the file, written once: said with what they held, as the TTS Imports row says it.
  const repeats = outcome.repeats ? ` ${outcome.repeats}` : '';
  if (outcome.status === 'complete') return `Imported: ${counts}${cogs}.${repeats}`;
  if (outcome.status === 'cancelled')
    return `Cancelled: ${counts}${cogs}.${repeats} Import again to add the rest.`;
  return `Failed: ${outcome.message ?? 'unknown error'} (${counts} before the failure; import again to add the rest).`;
}
