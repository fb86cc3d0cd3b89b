/**
 * What the import handlers accept. Every top-level function is a public endpoint (any sidebar or
 * the script editor's Run can call it), so sizes and types are checked before anything is written.
 */
import * as z from 'zod/mini';
import {
  MAX_DETAIL_CHARS, MAX_FILE_NAME_CHARS, MAX_HEADER_CHARS, MAX_ID_CHARS, MAX_QUANTITY, MAX_UNKNOWN_COLUMNS, ROW_FIELD_NAMES, ROW_FIELDS, type LedgerField, type RowField,
} from '../../core/read/row-fields';
import { LAYOUT_IDS, type LedgerRow } from '../../core/types';

export const MAX_CHUNK_ROWS = 5000;
/** JSON size of one chunk request; the sidebar sends ≤ 1 MB. */
export const MAX_CHUNK_CHARS = 2_000_000;

const AD_REPORTS = ['ads-manager', 'gmv-max'] as const;
const ISO_OR_EMPTY = /^$|^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

// Field limits are the parser's own (core/read/row-fields), so a row the sidebar accepts is never refused here.
const text = (max: number) => z.string().check(z.maxLength(max));
const isoDate = z.string().check(z.regex(ISO_OR_EMPTY));
const cents = z.int().check(z.gte(-Number.MAX_SAFE_INTEGER), z.lte(Number.MAX_SAFE_INTEGER));
const importId = z.string().check(z.regex(/^[0-9A-Za-z-]{8,40}$/));

/** The row's own fields checked by their kind and length in the table of row fields; key and layout apart. */
type CheckedField = Exclude<LedgerField, 'key' | 'layout' | 'importId'>;
type FieldSchema<K extends CheckedField> = LedgerRow[K] extends number ? z.ZodMiniNumber : z.ZodMiniString;

function fieldSchema(field: RowField): z.ZodMiniNumber | z.ZodMiniString {
  const spec = ROW_FIELDS[field];
  if (spec.kind === 'quantity') return z.number().check(z.gte(-MAX_QUANTITY), z.lte(MAX_QUANTITY));
  if (spec.kind === 'date') return isoDate;
  return text(spec.maxChars);
}

const isChecked = (field: RowField): field is CheckedField =>
  field !== 'key' && field !== 'layout' && field !== 'importId' && field !== 'sourceFile' && field !== 'sourceRow';
const fieldSchemas = Object.fromEntries(ROW_FIELD_NAMES.filter(isChecked).map((f) => [f, fieldSchema(f)])) as {
  [K in CheckedField]: FieldSchema<K>;
};

export const LedgerRowSchema = z.object({
  key: z.string().check(z.minLength(1), z.maxLength(ROW_FIELDS.key.maxChars)),
  layout: z.enum(LAYOUT_IDS),
  ...fieldSchemas,
  amounts: z.record(text(100), cents),
  unknown: z.record(text(MAX_HEADER_CHARS), text(MAX_DETAIL_CHARS)),
  source: z.object({ file: text(ROW_FIELDS.sourceFile.maxChars), sheet: z.optional(text(200)), row: z.int().check(z.gte(0)) }),
  details: z.optional(z.record(text(100), text(MAX_DETAIL_CHARS))),
}) satisfies z.ZodMiniType<LedgerRow>;

/** The row's own fields, all checked: one added to LedgerRow and not above fails to compile here. */
type UncheckedField = Exclude<keyof LedgerRow, keyof z.output<typeof LedgerRowSchema> | 'importId'>;
const everyFieldChecked: [UncheckedField] extends [never] ? true : UncheckedField = true;
void everyFieldChecked;

export const BeginImportSchema = z.object({
  fileName: z.string().check(z.minLength(1), z.maxLength(MAX_FILE_NAME_CHARS + 40)),
  layout: z.enum(LAYOUT_IDS),
  layoutLabel: text(200),
  period: z.object({ first: isoDate, last: isoDate }),
  rowsTotal: z.int().check(z.gte(0), z.lte(10_000_000)),
  rowsNew: z.optional(z.int().check(z.gte(0), z.lte(10_000_000))),
  rejected: z.int().check(z.gte(0), z.lte(10_000_000)),
  settlementCents: cents,
  netSalesCents: cents,
  feesCents: cents,
  reconciliation: text(200),
  amountIds: z.array(text(100)).check(z.maxLength(500)),
  unknownColumns: z.array(text(MAX_HEADER_CHARS)).check(z.maxLength(MAX_UNKNOWN_COLUMNS)),
  skuIds: z.optional(z.array(text(100)).check(z.maxLength(1_000_000))),
});

export const ImportChunkSchema = z.object({
  importId,
  chunkIndex: z.int().check(z.gte(0), z.lte(100_000)),
  rows: z.array(LedgerRowSchema).check(z.maxLength(MAX_CHUNK_ROWS)),
});

export const FinishImportSchema = z.object({
  importId,
  status: z.enum(['complete', 'cancelled', 'failed']),
  message: z.optional(text(2000)),
});

const adText = text(500);
const figure = z.nullable(z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER)));
const spend = z.nullable(cents);

/** One ad row; its key and level are recomputed on the server. */
export const AdRowSchema = z.object({
  key: text(2000),
  report: z.enum(AD_REPORTS),
  level: text(20),
  day: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  clock: text(20),
  account: adText, campaign: adText, campaignId: text(MAX_ID_CHARS), adGroup: adText, adGroupId: text(MAX_ID_CHARS),
  ad: adText, adId: text(MAX_ID_CHARS), productId: text(MAX_ID_CHARS), productName: adText, skuId: text(MAX_ID_CHARS),
  cost: spend, netCost: spend, revenue: spend,
  orders: figure, impressions: figure, clicks: figure,
  source: z.object({ file: text(ROW_FIELDS.sourceFile.maxChars), sheet: z.optional(text(200)), row: z.int().check(z.gte(0)) }),
});

export const AdsImportSchema = z.object({
  fileName: z.string().check(z.minLength(1), z.maxLength(500)),
  clock: text(20),
  rows: z.array(AdRowSchema).check(z.maxLength(MAX_CHUNK_ROWS)),
  replace: z.array(text(2000)).check(z.maxLength(MAX_CHUNK_ROWS)),
});
