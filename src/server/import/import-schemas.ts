/**
 * What the import handlers accept. Every top-level function is a public endpoint (any sidebar or
 * the script editor's Run can call it), so sizes and types are checked before anything is written.
 */
import * as z from 'zod/mini';

export const MAX_CHUNK_ROWS = 5000;
/** JSON size of one chunk request; the sidebar sends ≤ 1 MB. */
export const MAX_CHUNK_CHARS = 2_000_000;

const LAYOUTS = ['statement', 'income', 'onhold', 'pnl-orders', 'pnl-adjustments', 'order-export', 'ledger'] as const;
const ISO_OR_EMPTY = /^$|^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const text = (max: number) => z.string().check(z.maxLength(max));
const isoDate = z.string().check(z.regex(ISO_OR_EMPTY));
const cents = z.int().check(z.gte(-Number.MAX_SAFE_INTEGER), z.lte(Number.MAX_SAFE_INTEGER));
const importId = z.string().check(z.regex(/^[0-9A-Za-z-]{8,40}$/));

export const LedgerRowSchema = z.object({
  key: z.string().check(z.minLength(1), z.maxLength(500)),
  layout: z.enum(LAYOUTS),
  type: text(200),
  statementId: text(100),
  orderId: text(100),
  relatedOrderId: text(100),
  skuId: text(100),
  sellerSku: text(500),
  productName: text(5000),
  skuName: text(2000),
  quantity: z.number().check(z.gte(-1e9), z.lte(1e9)),
  orderDate: isoDate,
  statementDate: isoDate,
  currency: text(50),
  amounts: z.record(text(100), cents),
  unknown: z.record(text(500), text(5000)),
  source: z.object({ file: text(500), sheet: z.optional(text(200)), row: z.int().check(z.gte(0)) }),
  details: z.optional(z.record(text(100), text(5000))),
});

export const BeginImportSchema = z.object({
  fileName: z.string().check(z.minLength(1), z.maxLength(500)),
  layout: z.enum(LAYOUTS),
  layoutLabel: text(200),
  period: z.object({ first: isoDate, last: isoDate }),
  rowsTotal: z.int().check(z.gte(0), z.lte(10_000_000)),
  rejected: z.int().check(z.gte(0), z.lte(10_000_000)),
  settlementCents: cents,
  netSalesCents: cents,
  feesCents: cents,
  reconciliation: text(200),
  amountIds: z.array(text(100)).check(z.maxLength(500)),
  unknownColumns: z.array(text(500)).check(z.maxLength(500)),
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
