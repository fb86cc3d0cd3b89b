import { closestColumns, columnById, COLUMNS, findColumnById, lookupColumn } from '../../core/read/catalog';
import { unrecognisedLabel } from '../../core/read/unrecognised-money';
import { feeTable } from '../../core/analysis/pnl';
import { centsToCell, describe, scalarOf } from './arguments';
import { readStatement, tableOf } from './statement-input';

type Arg = unknown;

/** Suggested when a name is nothing like any fee: the fee columns every statement carries. */
const COMMON_FEES = ['Referral fee', 'Transaction fee', 'Affiliate commission', 'Refund administration fee', 'Fees'];

/**
 * Every fee in a Seller Center finance export with its total, most negative first, then Total fees.
 * Not with NOW(), TODAY() or RAND() in an argument: Sheets leaves such a cell Loading… forever.
 *
 * @param {Array<Array<string|number|Date>>} statement The export as it sits in a sheet, header included, to its last column (e.g. Statement!A:BL).
 * @return {Array<Array<string|number>>} Table with header Fee, Amount; one row per fee column with a non-zero total, labelled with TikTok's column name; then Total fees (and a line counting TTS Ledger rows without a Key, when any were skipped).
 * @customfunction
 */
export function TTS_FEES(statement: Arg): (string | number)[][] {
  const parsed = readStatement(statement, { settlementFor: 'TTS_FEES' });
  // A fee column the catalog does not know is listed by its own header, never dropped.
  const unrecognised = parsed.unrecognisedMoney?.find((u) => u.line === 'unrecognised_fees');
  const otherLabel = columnById('unrecognised_fees').label;
  const label = (text: string) => (unrecognised && text === otherLabel ? unrecognisedLabel(unrecognised) : text);
  const table = feeTable(parsed.rows);
  const lines = table.map((entry) => [label(entry.label), centsToCell(entry.cents)]);
  return tableOf(parsed, [['Fee', 'Amount'], ...lines]);
}

/**
 * Total of one fee column of a Seller Center finance export.
 * Not with NOW(), TODAY() or RAND() in an argument: Sheets leaves such a cell Loading… forever.
 *
 * @param {Array<Array<string|number|Date>>} statement The export as it sits in a sheet, header included, to its last column (e.g. Statement!A:BL).
 * @param {string} name The fee's column header as TikTok writes it (e.g. "Referral fee", any case and spacing) or its catalog id.
 * @return {number} Sum of that column over all rows, in dollars (fees are negative). TTS Ledger rows without a Key are skipped: TTS_RECONCILE lists them.
 * @customfunction
 */
export function TTS_FEE(statement: Arg, name: Arg): number {
  const text = String(scalarOf(name, 'name') ?? '').trim();
  const column = lookupColumn(text) ?? findColumnById(text);
  if (!column || column.pnl !== 'fees') {
    const close = closestColumns(text, COLUMNS.length).filter((label) => lookupColumn(label)?.pnl === 'fees').slice(0, 5);
    const listed = close.length > 0 ? `Closest fee columns: ${close.join(', ')}` : `Fee columns include ${COMMON_FEES.join(', ')}`;
    const what = column ? `${describe(text)} is a column TTS Profit knows, but not a fee` : `${describe(text)} is not a fee column TTS Profit knows`;
    throw new Error(`${what}. Pass a fee header as TikTok writes it, or a fee listed by TTS_FEES. ${listed}.`);
  }
  let cents = 0;
  for (const row of readStatement(statement, { settlementFor: 'TTS_FEE' }).rows) cents += row.amounts[column.id] ?? 0;
  return centsToCell(cents);
}
