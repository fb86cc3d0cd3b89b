import { NEEDS } from '../../core/read/needed-columns';
import {
  ancestorsOf,
  closestColumns,
  columnById,
  COLUMNS,
  findColumnById,
  lookupColumn,
  type ColumnDef,
} from '../../core/read/catalog';
import { unrecognisedLabel } from '../../core/read/unrecognised-money';
import { FeeTally } from '../../core/analysis/pnl';
import { centsToCell, describe, scalarOf } from './arguments';
import { readStatement, ROW_KIND, tableOf } from './statement-input';
import type { RowView } from '../../core/read/row-view';

type Arg = unknown;

/** A column TTS_FEE sums: a fee, or a shipping charge (TikTok's own "… shipping fee" headers). */
const isFeeColumn = (column: ColumnDef | undefined): column is ColumnDef =>
  !!column && (column.pnl === 'fees' || column.pnl === 'shipping');

/** Suggested when a name is nothing like any fee: the fee columns every statement carries. */
const COMMON_FEES = [
  'Referral fee',
  'Transaction fee',
  'Affiliate commission',
  'Refund administration fee',
  'Fees',
];

/**
 * Every fee in a Seller Center finance export with its total, most negative first, then Total fees.
 * Not with NOW(), TODAY() or RAND().
 *
 * @param {Array<Array<string|number|Date>>} statement The export or the TTS Ledger tab, header included (e.g. Statement!A:BL).
 * @return {Array<Array<string|number>>} Fee, Amount: one row per fee column with a non-zero total, then
 * Total fees.
 * @customfunction
 */
export function TTS_FEES(statement: Arg): (string | number)[][] {
  const tally = new FeeTally();
  const parsed = readStatement(statement, {
    keepRows: false,
    fields: ROW_KIND,
    onView: (view) => tally.addView(view),
    settlementFor: 'TTS_FEES',
    needs: NEEDS.fees,
  });
  // A fee column the catalog does not know is listed by its own header, never dropped.
  const unrecognised = parsed.unrecognisedMoney?.find((u) => u.line === 'unrecognised_fees');
  const otherLabel = columnById('unrecognised_fees').label;
  const label = (text: string) =>
    unrecognised && text === otherLabel ? unrecognisedLabel(unrecognised) : text;
  const table = tally.table();
  const lines = table.map((entry) => [label(entry.label), centsToCell(entry.cents)]);
  return tableOf(parsed, [['Fee', 'Amount'], ...lines]);
}

/**
 * Total of one fee column of a Seller Center finance export.
 * Not with NOW(), TODAY() or RAND().
 *
 * @param {Array<Array<string|number|Date>>} statement The export or the TTS Ledger tab, header included (e.g. Statement!A:BL).
 * @param {string} name The fee column's header, e.g. "Referral fee".
 * @return {number} Sum of that column over all rows, in dollars (fees are negative).
 * @customfunction
 */
export function TTS_FEE(statement: Arg, name: Arg): number {
  const text = String(scalarOf(name, 'name') ?? '').trim();
  const column = lookupColumn(text) ?? findColumnById(text);
  if (!isFeeColumn(column)) {
    const close = closestColumns(text, COLUMNS.length)
      .filter((label) => isFeeColumn(lookupColumn(label)))
      .slice(0, 5);
    const listed =
      close.length > 0
        ? `Closest fee columns: ${close.join(', ')}`
        : `Fee columns include ${COMMON_FEES.join(', ')}`;
    const what = column
      ? `${describe(text)} is a column TTS Profit knows, but not a fee`
      : `${describe(text)} is not a fee column TTS Profit knows`;
    throw new Error(
      `${what}. Pass a fee header as TikTok writes it, or a fee listed by TTS_FEES. ${listed}.`,
    );
  }
  let cents = 0;
  let amountIds: readonly string[] | undefined;
  let slot = -1;
  const onView = (view: RowView) => {
    if (view.amountIds !== amountIds) {
      amountIds = view.amountIds;
      slot = amountIds.indexOf(column.id);
    }
    if (slot < 0) return;
    for (let k = 0; k < view.filledCount; k++) {
      if (view.filled[k] === slot) {
        cents += view.cents[slot];
        break;
      }
    }
  };
  readStatement(statement, {
    keepRows: false,
    fields: ROW_KIND,
    onView,
    settlementFor: 'TTS_FEE',
    // The fee's column, and the subtotals over it: a range without them stops short of the fees.
    needs: [column.id, ...ancestorsOf(column.id)].join(' '),
  });
  return centsToCell(cents);
}
