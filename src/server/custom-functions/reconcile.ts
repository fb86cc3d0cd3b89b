import { centsToCell } from './arguments';
import { NEEDS } from '../../core/read/needed-columns';
import { keylessRowNumbers } from '../../core/ledger/keyless-rows';
import { readStatement, refuseRoundedIds, ROW_KIND } from './statement-input';

/** What TTS_RECONCILE says of a row of the TTS Ledger tab without a Key. */
export const KEYLESS_ROW_NOTE = 'No Key: skipped, not an imported row (a total or note typed in the tab)';
/** What it says of a row of an export without an order ID (or with `Total` in it). */
export const NO_ORDER_ROW_NOTE = 'No order ID: skipped, not an order (a total or note typed in the range)';

/**
 * Rows whose Total settlement amount differs from the sum of their parts by a cent or more, and
 * rows of the TTS Ledger tab without a Key.
 * Not with NOW(), TODAY() or RAND().
 *
 * @param {Array<Array<string|number|Date>>} statement The export or the TTS Ledger tab, header included (e.g. Statement!A:BL).
 * @return {Array<Array<string|number>>} Table: Row (row within the range), Order/adjustment ID, Settlement,
 * Sum of parts, Difference, then each TTS Ledger row without a Key; or one cell "All N rows reconcile".
 * @customfunction
 */
export function TTS_RECONCILE(statement: unknown): (string | number)[][] | string {
  const parsed = readStatement(statement, {
    keepRows: false,
    // A row that differs is listed by its row (on the TTS Ledger tab, the tab's, not its file's) and its order ID.
    fields: [...ROW_KIND, 'orderId'],
    reconcile: true,
    settlementFor: 'TTS_RECONCILE',
    // Without a part's column every row would differ by it.
    needs: NEEDS.pnl,
  });
  const { reconciliation } = parsed;
  const keyless = keylessRowNumbers(parsed);
  const ledger = parsed.layout === 'ledger';
  const allReconcile = `All ${reconciliation.rowsChecked} rows reconcile`;
  if (reconciliation.mismatches.length === 0 && keyless.length === 0) return allReconcile;
  // The rows that differ are named by their order IDs: rounded ones would name the wrong orders.
  const differ = reconciliation.mismatches;
  if (differ.length > 0) refuseRoundedIds(parsed, ['orderId'], "TTS_RECONCILE's list of rows that differ");
  const table: (string | number)[][] = [
    ['Row', 'Order/adjustment ID', 'Settlement', 'Sum of parts', 'Difference'],
    ...differ.map((m) => [
      m.row ?? m.source.row,
      m.orderId,
      centsToCell(m.settlement),
      centsToCell(m.sumOfParts),
      centsToCell(m.difference),
    ]),
    ...keyless.map((row) => [row, ledger ? KEYLESS_ROW_NOTE : NO_ORDER_ROW_NOTE, '', '', '']),
  ];
  if (differ.length === 0) {
    const without = ledger ? 'a Key' : 'an order ID';
    table.push([`${allReconcile}; the rows above without ${without} were not counted`, '', '', '', '']);
  }
  return table;
}
