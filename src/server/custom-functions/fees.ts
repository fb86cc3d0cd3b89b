import { closestColumns, findColumnById, lookupColumn } from '../../core/catalog';
import { feeTable } from '../../core/pnl';
import { centsToCell, describe, scalarOf } from './arguments';
import { readStatement } from './statement-input';

type Arg = unknown;

/**
 * Every fee in a Seller Center finance export with its total, most negative first, then Total fees.
 *
 * @param {Array<Array<string|number|Date>>} statement The export as it sits in a sheet, header included (e.g. Statement!A:CZ).
 * @return {Array<Array<string|number>>} Table with header Fee, Amount; one row per fee column with a non-zero total, labelled with TikTok's column name; last row Total fees.
 * @customfunction
 */
export function TTS_FEES(statement: Arg): (string | number)[][] {
  const table = feeTable(readStatement(statement).rows);
  return [['Fee', 'Amount'], ...table.map((entry) => [entry.label, centsToCell(entry.cents)])];
}

/**
 * Total of one fee column of a Seller Center finance export.
 *
 * @param {Array<Array<string|number|Date>>} statement The export as it sits in a sheet, header included (e.g. Statement!A:CZ).
 * @param {string} name The fee's column header as TikTok writes it (e.g. "Referral fee", any case and spacing) or its catalog id.
 * @return {number} Sum of that column over all rows, in dollars (fees are negative).
 * @customfunction
 */
export function TTS_FEE(statement: Arg, name: Arg): number {
  const text = String(scalarOf(name, 'name') ?? '').trim();
  const column = lookupColumn(text) ?? findColumnById(text);
  if (!column || column.pnl !== 'fees') {
    const hint = closestColumns(text, 200).filter((label) => lookupColumn(label)?.pnl === 'fees').slice(0, 5);
    const suggestion = hint.length > 0 ? ` Closest fee columns: ${hint.join(', ')}.` : '';
    throw new Error(`${describe(text)} is not a fee column TTS Profit knows.${suggestion}`);
  }
  let cents = 0;
  for (const row of readStatement(statement).rows) cents += row.amounts[column.id] ?? 0;
  return centsToCell(cents);
}
