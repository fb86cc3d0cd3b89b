/**
 * The streaming shape of a normalized row: one object per file, refilled for every row, with the
 * amounts as cents in a typed array indexed by amount slot (the position of the column's id in
 * `amountIds`). Consumers that only add rows up (P&L, reconciliation, totals) read it without a
 * LedgerRow, an `amounts` object or a key string being built for each row; the normalizer turns
 * it into a LedgerRow where rows are kept.
 *
 * A view is valid until the next row is read. Text kept past its row must be copied with
 * `detachedText`, or it pins the piece of the file it was cut from.
 */
import { LEDGER_TEXT_FIELDS, type LedgerField } from './row-fields';
import type { LayoutId, LedgerRow, SourceRef } from '../types';

/** The row's own fields, named as on LedgerRow (see row-fields.ts). */
export type RowFields = Pick<LedgerRow, LedgerField>;

export interface RowView extends RowFields {
  /** The ledger's own Key cell (ledger layout only; other layouts: see `Normalizer.keyOf`). */
  key: string;
  /** Catalog ids of the amount slots: the same array for every row of a file. */
  readonly amountIds: readonly string[];
  /** Cents by amount slot. Only the slots listed in `filled` hold this row's values. */
  readonly cents: Float64Array;
  /** Slots with a non-zero amount in this row, in column order (the first `filledCount`). */
  readonly filled: Int32Array;
  filledCount: number;
  /** 1-based row number in the file or sheet. */
  rowNumber: number;
  /** Counts the rows read into the view: what is worked out from one row is reused until it changes. */
  serial: number;
  /**
   * Where the row comes from (see {@link sourceOf}): the file and sheet being read and
   * `rowNumber`, or for a ledger row the file and row it was first imported from.
   */
  sourceFile: string;
  sourceSheet: string | undefined;
  sourceRow: number;
  /** A totals label (`Total`) found where a date belongs: `column\u0000label`, or ''. */
  totalsLabel: string;
}

export function createRowView(amountIds: readonly string[], layout: LayoutId): RowView {
  return {
    ...blankFields(layout),
    quantity: 0,
    importId: undefined,
    amountIds,
    cents: new Float64Array(amountIds.length),
    filled: new Int32Array(amountIds.length),
    filledCount: 0,
    rowNumber: 0,
    serial: 0,
    sourceFile: '',
    sourceSheet: undefined,
    sourceRow: 0,
    totalsLabel: '',
  };
}

/** Every text field of a row blank, but its layout. */
function blankFields(layout: LayoutId): Pick<LedgerRow, Exclude<LedgerField, 'quantity' | 'importId'>> {
  const fields = Object.fromEntries(LEDGER_TEXT_FIELDS.map((f) => [f, ''])) as Record<
    (typeof LEDGER_TEXT_FIELDS)[number],
    string
  >;
  return { ...fields, layout };
}

/** The row's amounts as LedgerRow holds them: catalog id → cents, zero cells omitted, column order. */
export function amountsOf(view: RowView): Record<string, number> {
  const amounts: Record<string, number> = {};
  for (let k = 0; k < view.filledCount; k++) {
    const slot = view.filled[k];
    amounts[view.amountIds[slot]] = view.cents[slot];
  }
  return amounts;
}

/** The row's source as LedgerRow holds it (a new object: the view's fields change with the next row). */
export function sourceOf(view: RowView): SourceRef {
  return view.sourceSheet === undefined
    ? { file: view.sourceFile, row: view.sourceRow }
    : { file: view.sourceFile, sheet: view.sourceSheet, row: view.sourceRow };
}
