/**
 * The fields of a normalized row, in ONE table: the kind of column that fills each, the most
 * characters it may hold, and what it holds when no cell fills it. `LedgerRow` (types.ts) is the
 * row's shape; the `satisfies` below names each of its own fields (and the two a ledger row's
 * source is read back from), so a field added to one and not the other fails the build. The
 * catalog, the row view, the normalizer and the import checks derive their lists from here.
 */
import type { LedgerRow } from '../types';

/** LedgerRow's own fields, one value each (amounts, unknown columns, source and details are built apart). */
export type LedgerField = Exclude<
  keyof LedgerRow,
  'amounts' | 'unknown' | 'source' | 'details' | 'totalsLabel'
>;

/** The fields a TTS Ledger tab fills that land in the row's `source` instead. */
type SourceField = 'sourceFile' | 'sourceRow';

export interface FieldSpec {
  /** The kind of the catalog columns that fill the field (the catalog checks its columns against it). */
  kind: 'id' | 'text' | 'date' | 'quantity';
  /** Most characters the field's text may hold (the server refuses longer; Sheets caps a cell). */
  maxChars: number;
}

/** IDs: 18–19 digits in TikTok's exports, with room for other platforms' longer ones. */
export const MAX_ID_CHARS = 100;
/** Adjustment reasons, unknown columns and other kept text. */
export const MAX_DETAIL_CHARS = 5000;
/** Largest quantity a row may hold (an order line of a billion units is a broken cell). */
export const MAX_QUANTITY = 1_000_000_000;
/** Longest header of a kept unknown column, and longest file name, the ledger and the log hold. */
export const MAX_HEADER_CHARS = 500;
export const MAX_FILE_NAME_CHARS = 500;
/** Most unknown columns one file may bring into the ledger. */
export const MAX_UNKNOWN_COLUMNS = 500;

export const ROW_FIELDS = {
  key: { kind: 'id', maxChars: 500 },
  importId: { kind: 'id', maxChars: MAX_ID_CHARS },
  sourceFile: { kind: 'text', maxChars: 500 },
  sourceRow: { kind: 'quantity', maxChars: 20 },
  layout: { kind: 'text', maxChars: MAX_DETAIL_CHARS },
  type: { kind: 'text', maxChars: 200 },
  statementId: { kind: 'id', maxChars: MAX_ID_CHARS },
  orderId: { kind: 'id', maxChars: MAX_ID_CHARS },
  relatedOrderId: { kind: 'id', maxChars: MAX_ID_CHARS },
  skuId: { kind: 'id', maxChars: MAX_ID_CHARS },
  sellerSku: { kind: 'text', maxChars: 500 },
  productName: { kind: 'text', maxChars: 5000 },
  skuName: { kind: 'text', maxChars: 2000 },
  quantity: { kind: 'quantity', maxChars: 20 },
  orderDate: { kind: 'date', maxChars: 40 },
  statementDate: { kind: 'date', maxChars: 40 },
  currency: { kind: 'text', maxChars: 50 },
  sampleType: { kind: 'text', maxChars: 200 },
} as const satisfies Record<LedgerField | SourceField, FieldSpec>;

/** A field a column can fill. The first present column of a field wins (catalog order). */
export type RowField = keyof typeof ROW_FIELDS;

export const ROW_FIELD_NAMES = Object.keys(ROW_FIELDS) as RowField[];

/** The fields LedgerRow holds as text (everything but the quantity and the optional import id). */
export type LedgerTextField = Exclude<LedgerField, 'quantity' | 'importId' | 'sampleType'>;

/** LedgerRow's own text fields, in table order: what a row copies from its view. */
export const LEDGER_TEXT_FIELDS = ROW_FIELD_NAMES.filter(
  // sampleType is kept only when a file has the column (see LedgerRow): never '' on every row.
  (f): f is LedgerTextField =>
    f !== 'quantity' && f !== 'importId' && f !== 'sourceFile' && f !== 'sourceRow' && f !== 'sampleType',
);

/** Most characters a cell of a column filling `field` may hold (no field: kept text, or an ID). */
export function maxCharsOf(field: RowField | undefined, isId: boolean): number {
  if (field !== undefined) return ROW_FIELDS[field].maxChars;
  return isId ? MAX_ID_CHARS : MAX_DETAIL_CHARS;
}
