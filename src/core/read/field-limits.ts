/**
 * The longest text each ledger field may hold. The server refuses longer text in an import chunk
 * and Sheets refuses more than 50,000 characters in a cell, so the parser rejects such a row with
 * its row and column instead of letting one cell fail a whole chunk.
 */
import type { RowField } from './catalog';

export const MAX_ID_CHARS = 100;
/** Largest quantity a row may hold (an order line of a billion units is a broken cell). */
export const MAX_QUANTITY = 1_000_000_000;
/** Longest header of a kept unknown column, and longest file name, the ledger and log hold. */
export const MAX_HEADER_CHARS = 500;
export const MAX_FILE_NAME_CHARS = 500;
/** Most unknown columns one file may bring into the ledger. */
export const MAX_UNKNOWN_COLUMNS = 500;
/** Adjustment reasons, unknown columns and other kept text. */
export const MAX_DETAIL_CHARS = 5000;

const FIELD_MAX_CHARS: Partial<Record<RowField, number>> = {
  type: 200,
  sellerSku: 500,
  productName: 5000,
  skuName: 2000,
  currency: 50,
  key: 500,
  sourceFile: 500,
};

/** Most characters `field` may hold (ID fields {@link MAX_ID_CHARS}, kept text {@link MAX_DETAIL_CHARS}). */
export function maxCharsOf(field: RowField | undefined, isId: boolean): number {
  if (field !== undefined && FIELD_MAX_CHARS[field] !== undefined) return FIELD_MAX_CHARS[field]!;
  return isId ? MAX_ID_CHARS : MAX_DETAIL_CHARS;
}
