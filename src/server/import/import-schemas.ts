/**
 * What the import handlers accept. Every top-level function is a public endpoint (any sidebar or
 * the script editor's Run can call it), so sizes and types are checked before anything is written.
 */
import {
  list,
  nullable,
  number,
  object,
  oneOf,
  optional,
  record,
  text as anyText,
  type Output,
  type Shape,
} from './request-shapes';
import {
  MAX_DETAIL_CHARS,
  MAX_FILE_NAME_CHARS,
  MAX_HEADER_CHARS,
  MAX_ID_CHARS,
  MAX_QUANTITY,
  MAX_UNKNOWN_COLUMNS,
  ROW_FIELD_NAMES,
  ROW_FIELDS,
  type LedgerField,
  type RowField,
} from '../../core/read/row-fields';
import { LAYOUT_IDS, type LedgerRow } from '../../core/types';

export const MAX_CHUNK_ROWS = 5000;
/** JSON size of one chunk request; the sidebar sends ≤ 1 MB. */
export const MAX_CHUNK_CHARS = 2_000_000;

const AD_REPORTS = ['ads-manager', 'gmv-max'] as const;
const ISO_OR_EMPTY = /^$|^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

// Field limits are the parser's own (core/read/row-fields), so a row the sidebar accepts is never refused here.
const text = (max: number) => anyText({ max });
const isoDate = anyText({ pattern: ISO_OR_EMPTY });
/** The largest whole number a JS number holds exactly: cents and counts stay below it. */
const EXACT = Number.MAX_SAFE_INTEGER;
export const cents = number({ whole: true, min: -EXACT, max: EXACT });
const importId = anyText({ pattern: /^[0-9A-Za-z-]{8,40}$/ });
const count = (max = 10_000_000) => number({ whole: true, min: 0, max });

/** The row's own fields checked by their kind and length in the table of row fields; key and layout apart. */
type CheckedField = Exclude<LedgerField, 'key' | 'layout' | 'importId' | 'sampleType'>;
type FieldSchema<K extends CheckedField> = Shape<LedgerRow[K] extends number ? number : string>;

function fieldSchema(field: RowField): Shape<number> | Shape<string> {
  const spec = ROW_FIELDS[field];
  if (spec.kind === 'quantity') return number({ min: -MAX_QUANTITY, max: MAX_QUANTITY });
  if (spec.kind === 'date') return isoDate;
  return text(spec.maxChars);
}

const isChecked = (field: RowField): field is CheckedField =>
  !['key', 'layout', 'importId', 'sourceFile', 'sourceRow', 'sampleType'].includes(field);
const fieldSchemas = Object.fromEntries(
  ROW_FIELD_NAMES.filter(isChecked).map((f) => [f, fieldSchema(f)]),
) as {
  [K in CheckedField]: FieldSchema<K>;
};

const sourceShape = object({
  file: text(ROW_FIELDS.sourceFile.maxChars),
  sheet: optional(text(200)),
  row: count(EXACT),
});

export const LedgerRowSchema = object({
  key: anyText({ min: 1, max: ROW_FIELDS.key.maxChars }),
  layout: oneOf(LAYOUT_IDS),
  ...fieldSchemas,
  // Only rows of a file with a Sample order type column carry one.
  sampleType: optional(text(ROW_FIELDS.sampleType.maxChars)),
  amounts: record(text(100), cents),
  unknown: record(text(MAX_HEADER_CHARS), text(MAX_DETAIL_CHARS)),
  source: sourceShape,
  details: optional(record(text(100), text(MAX_DETAIL_CHARS))),
}) satisfies Shape<LedgerRow>;

/**
 * The row's own fields, all checked: one added to LedgerRow and not above fails to compile here.
 * `totalsLabel` marks a file's totals row, which the sidebar drops before import (ready-to-import.ts).
 */
type UncheckedField = Exclude<
  keyof LedgerRow,
  keyof Output<typeof LedgerRowSchema> | 'importId' | 'totalsLabel'
>;
const everyFieldChecked: [UncheckedField] extends [never] ? true : UncheckedField = true;
void everyFieldChecked;

export const BeginImportSchema = object({
  fileName: anyText({ min: 1, max: MAX_FILE_NAME_CHARS + 40 }),
  layout: oneOf(LAYOUT_IDS),
  layoutLabel: text(200),
  period: object({ first: isoDate, last: isoDate }),
  rowsTotal: count(),
  repeats: optional(text(2000)),
  rowsNew: optional(count()),
  rejected: count(),
  settlementCents: cents,
  netSalesCents: cents,
  feesCents: cents,
  reconciliation: text(200),
  amountIds: list(text(100), 500),
  unknownColumns: list(text(MAX_HEADER_CHARS), MAX_UNKNOWN_COLUMNS),
  skuIds: optional(list(text(100), 1_000_000)),
});

export const ImportChunkSchema = object({
  importId,
  chunkIndex: count(100_000),
  rows: list(LedgerRowSchema, MAX_CHUNK_ROWS),
});

export const FinishImportSchema = object({
  importId,
  status: oneOf(['complete', 'cancelled', 'failed'] as const),
  message: optional(text(2000)),
});

const adText = text(500);
const figure = nullable(count(EXACT));
const spend = nullable(cents);

/** One ad row; its key and level are recomputed on the server. */
export const AdRowSchema = object({
  key: text(2000),
  report: oneOf(AD_REPORTS),
  level: text(20),
  day: anyText({ pattern: /^\d{4}-\d{2}-\d{2}$/ }),
  clock: text(20),
  account: adText,
  campaign: adText,
  campaignId: text(MAX_ID_CHARS),
  adGroup: adText,
  adGroupId: text(MAX_ID_CHARS),
  ad: adText,
  adId: text(MAX_ID_CHARS),
  productId: text(MAX_ID_CHARS),
  productName: adText,
  skuId: text(MAX_ID_CHARS),
  cost: spend,
  netCost: spend,
  revenue: spend,
  orders: figure,
  impressions: figure,
  clicks: figure,
  extra: record(text(MAX_HEADER_CHARS), adText),
  source: sourceShape,
});

export const AdsImportSchema = object({
  fileName: anyText({ min: 1, max: 500 }),
  clock: text(20),
  rows: list(AdRowSchema, MAX_CHUNK_ROWS),
  replace: list(text(2000), MAX_CHUNK_ROWS),
  add: list(text(2000), MAX_CHUNK_ROWS),
  // '' for a report's first chunk.
  importId: anyText({ pattern: /^$|^[0-9A-Za-z-]{8,40}$/ }),
  file: object({
    layoutLabel: text(200),
    period: object({ first: isoDate, last: isoDate }),
    rowsTotal: count(),
    rejected: count(),
  }),
  end: oneOf(['more', 'last', 'cancelled'] as const),
});
