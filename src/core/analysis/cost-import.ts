/**
 * Unit costs imported from a file (a cost table such as samples/cogs.csv: SKU, Unit cost and an
 * optional Effective from, found by header) merged into the TTS COGS tab without losing the
 * seller's edits: a SKU's cost still blank is filled, a new SKU or a new effective date is a new
 * row, and a cost that differs from the one the tab already has for the same date is replaced
 * only when the seller says so. The plan is worked out here; the server only writes it.
 */
import { buildCogsTable, type CogsEntry } from './cogs';
import type { CellValue } from '../types';

/** One unit cost read from a cost table. */
export interface CostTableEntry {
  sku: string;
  /** Ten-thousandths of a dollar. */
  unitCost: number;
  /** `YYYY-MM-DD` or ''. */
  effectiveFrom: string;
  /** Row in the file, for the preview. */
  row: number;
}

/** A cost table's header must name a SKU column and a cost column: anything else is an export. */
const SKU = /^(sku ?id|seller ?sku|sku)$/i;
const COST = /^(unit ?cost|cost|unit ?cogs|cogs|product ?cost)$/i;

/** True when a sheet's first non-blank row is a cost table's header. */
export function isCostTable(rows: readonly (readonly CellValue[])[]): boolean {
  const header = rows.find((row) => row.some((cell) => String(cell ?? '').trim() !== ''));
  if (!header) return false;
  const labels = header.map((cell) => String(cell ?? '').trim());
  return labels.some((l) => SKU.test(l)) && labels.some((l) => COST.test(l));
}

/** The entries of a cost table, in file order (throws naming the row and column of a cell it cannot read). */
export function costTableEntries(
  rows: readonly (readonly CellValue[])[],
  fileName: string,
): CostTableEntry[] {
  const table = buildCogsTable(rows, fileName);
  const entries: CostTableEntry[] = [];
  // A row keyed by Seller SKU is in its SKU IDs' lists too (cogs.ts): each entry once.
  for (const e of new Set([...table.bySku.values()].flat())) entries.push(toEntry(e));
  return entries.sort((a, b) => a.row - b.row);
}

function toEntry(e: CogsEntry): CostTableEntry {
  const row = Number(/row (\d+)$/.exec(e.where)?.[1] ?? 0);
  return { sku: e.sku, unitCost: e.unitCost, effectiveFrom: e.effectiveFrom, row };
}

/** A row of the TTS COGS tab as the merge sees it. */
export interface CogsTabRow {
  /** Row number in the tab. */
  row: number;
  skuId: string;
  sellerSku: string;
  productName: string;
  skuName: string;
  /** The row's cost (parts' sum or Unit cost), ten-thousandths; null while blank. */
  unitCost: number | null;
  /** Parts typed: the row's cost is theirs and is never replaced from a file. */
  hasParts: boolean;
  effectiveFrom: string;
}

export interface CostChange {
  sku: string;
  effectiveFrom: string;
  /** Ten-thousandths. */
  from: number;
  to: number;
  tabRow: number;
  /** Its cost is made of parts: left for the seller to change by hand. */
  hasParts: boolean;
}

export interface CostMergePlan {
  /** Waiting rows (cost still blank) that get their cost: tab row → cost. */
  fills: { tabRow: number; sku: string; unitCost: number }[];
  /** New rows: a SKU the tab does not list, or a new effective date of one it does. */
  appends: { entry: CostTableEntry; like?: CogsTabRow }[];
  /** Costs that differ from the tab's for the same SKU and date. */
  changes: CostChange[];
  unchanged: number;
  /** SKUs of the file not found in any imported statement. */
  neverSold: string[];
  /** SKUs new to the tab. */
  newSkus: string[];
}

/** Works out what importing `entries` into the tab would do. `soldSkus`: SKU IDs and seller SKUs in the ledger. */
export function planCostMerge(
  tab: readonly CogsTabRow[],
  entries: readonly CostTableEntry[],
  soldSkus: ReadonlySet<string>,
): CostMergePlan {
  const plan: CostMergePlan = {
    fills: [],
    appends: [],
    changes: [],
    unchanged: 0,
    neverSold: [],
    newSkus: [],
  };
  const rowsOf = (sku: string) =>
    tab.filter(
      (r) =>
        r.skuId === sku ||
        (r.skuId === '' && r.sellerSku === sku) ||
        (r.sellerSku === sku && !tab.some((t) => t.skuId === sku)),
    );
  const filled = new Set<number>();
  const seen = new Set<string>();
  for (const entry of entries) {
    const rows = rowsOf(entry.sku);
    if (!soldSkus.has(entry.sku) && !seen.has(entry.sku)) plan.neverSold.push(entry.sku);
    seen.add(entry.sku);
    const sameDate = rows.find((r) => r.effectiveFrom === entry.effectiveFrom && r.unitCost !== null);
    if (sameDate) {
      if (sameDate.unitCost === entry.unitCost) plan.unchanged++;
      else
        plan.changes.push({
          sku: entry.sku,
          effectiveFrom: entry.effectiveFrom,
          from: sameDate.unitCost!,
          to: entry.unitCost,
          tabRow: sameDate.row,
          hasParts: sameDate.hasParts,
        });
      continue;
    }
    const waiting = rows.find(
      (r) =>
        r.unitCost === null &&
        (r.effectiveFrom === entry.effectiveFrom || r.effectiveFrom === '') &&
        !filled.has(r.row),
    );
    if (waiting && waiting.effectiveFrom === entry.effectiveFrom) {
      filled.add(waiting.row);
      plan.fills.push({ tabRow: waiting.row, sku: entry.sku, unitCost: entry.unitCost });
      continue;
    }
    if (rows.length === 0 && !plan.newSkus.includes(entry.sku)) plan.newSkus.push(entry.sku);
    plan.appends.push({ entry, like: rows[0] });
  }
  return plan;
}

/** A cost table read from a dropped file: its entries, or why they cannot be read. */
export interface CostTableFile {
  fileName: string;
  entries: CostTableEntry[];
  error?: string;
}

/**
 * The file's first sheet as a cost table, or null when it is not one (an export goes to the
 * export reader instead). `rows` are the sheet's cells as text.
 */
export function costTableOf(fileName: string, rows: readonly (readonly CellValue[])[]): CostTableFile | null {
  if (!isCostTable(rows)) return null;
  try {
    const entries = costTableEntries(rows, fileName);
    if (entries.length === 0)
      return {
        fileName,
        entries,
        error: `${fileName} lists no unit cost: fill the cost column and drop it again.`,
      };
    return { fileName, entries };
  } catch (error) {
    return { fileName, entries: [], error: error instanceof Error ? error.message : String(error) };
  }
}
