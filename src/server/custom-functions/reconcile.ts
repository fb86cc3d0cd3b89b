import { centsToCell } from './arguments';
import { readStatement, refuseRoundedIds } from './statement-input';

/**
 * Rows whose Total settlement amount differs from the signed sum of their parts by a cent or more.
 * Not with NOW(), TODAY() or RAND() in an argument: Sheets leaves such a cell Loading… forever.
 *
 * @param {Array<Array<string|number|Date>>} statement The export as it sits in a sheet, header included, to its last column (e.g. Statement!A:BL).
 * @return {Array<Array<string|number>>} Table: Row (row within the range), Order/adjustment ID, Settlement, Sum of parts, Difference; or one cell "All N rows reconcile".
 * @customfunction
 */
export function TTS_RECONCILE(statement: unknown): (string | number)[][] | string {
  const parsed = readStatement(statement, { keepRows: false, reconcile: true, settlementFor: 'TTS_RECONCILE' });
  const { reconciliation } = parsed;
  if (reconciliation.mismatches.length === 0) return `All ${reconciliation.rowsChecked} rows reconcile`;
  // The rows that differ are named by their order IDs: rounded ones would name the wrong orders.
  refuseRoundedIds(parsed, ['orderId'], "TTS_RECONCILE's list of rows that differ");
  return [
    ['Row', 'Order/adjustment ID', 'Settlement', 'Sum of parts', 'Difference'],
    ...reconciliation.mismatches.map((m) => [m.source.row, m.orderId, centsToCell(m.settlement), centsToCell(m.sumOfParts), centsToCell(m.difference)]),
  ];
}
