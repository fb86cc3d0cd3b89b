/**
 * Reconciliation: every row's settlement column against the signed sum of its leaf components,
 * every subtotal against its component columns, and (XLSX statements) the Reports sheet totals
 * against the column sums. Differences are reported, never fixed.
 *
 * Leaves are decided from the columns a file has: a component is a leaf unless another present
 * component rolls up into it (through the catalog's parent chain). So `Fees` is the leaf when a
 * file has no fee columns, and is checked against them when it has.
 */
import { ancestorsOf, findColumnById, isComponent } from '../read/catalog';
import { readSummarySheet } from '../read/reports-sheet';
import { detachedText } from '../read/detached-text';
import { sourceOf as viewSource, type RowView } from '../read/row-view';
import type { CellValue, LedgerRow, ReconcileMismatch, ReconcileResult, SubtotalMismatch } from '../types';

export interface ReconcilePlan {
  /** Columns holding the row's own settlement (Total settlement amount, …). */
  settlementIds: string[];
  leaves: string[];
  subtotals: { id: string; label: string; children: string[] }[];
}

/** Which columns add up to what, for a file with these amount columns present. */
export function reconcilePlan(presentIds: readonly string[]): ReconcilePlan {
  const present = new Set(presentIds);
  const components = presentIds.filter((id) => {
    const def = findColumnById(id);
    return def !== undefined && isComponent(def);
  });
  const componentSet = new Set(components);
  const nearestPresentAncestor = (id: string) => ancestorsOf(id).find((a) => componentSet.has(a));
  const hasChild = new Set<string>();
  const children = new Map<string, string[]>();
  for (const id of components) {
    const parent = nearestPresentAncestor(id);
    if (parent === undefined) continue;
    hasChild.add(parent);
    const list = children.get(parent) || [];
    list.push(id);
    children.set(parent, list);
  }
  return {
    settlementIds: presentIds.filter((id) => present.has(id) && findColumnById(id)?.pnl === 'settlement'),
    leaves: components.filter((id) => !hasChild.has(id)),
    subtotals: [...children].map(([id, kids]) => ({ id, label: findColumnById(id)!.label, children: kids })),
  };
}

export const MAX_LISTED = 1000;

export interface Reconciler {
  check(row: LedgerRow): void;
  /** {@link check} for a row view: the same checks and mismatches, with no LedgerRow built. */
  checkView(view: RowView): void;
  result(unclassifiedColumns?: string[]): ReconcileResult;
}

/** Streaming reconciliation for rows of one file. */
export function createReconciler(presentIds: readonly string[]): Reconciler {
  const plan = reconcilePlan(presentIds);
  const { settlementIds, leaves, subtotals } = plan;
  const mismatches: ReconcileMismatch[] = [];
  const subtotalMismatches: SubtotalMismatch[] = [];
  let mismatchCount = 0;
  let subtotalCount = 0;
  let rowsChecked = 0;

  // One pass over the row's own amounts: role of each column id, and which subtotal it feeds.
  const SETTLEMENT = -1;
  const LEAF = -2;
  const roleOf = new Map<string, number>();
  for (const id of settlementIds) roleOf.set(id, SETTLEMENT);
  for (const id of leaves) roleOf.set(id, LEAF);
  const childOf = new Map<string, number>();
  const subtotalIndex = new Map<string, number>();
  subtotals.forEach((sub, index) => {
    subtotalIndex.set(sub.id, index);
    for (const child of sub.children) childOf.set(child, index);
  });
  const subValue = new Array<number>(subtotals.length).fill(0);
  const subSum = new Array<number>(subtotals.length).fill(0);

  // The same roles by amount slot, for row views (worked out once per amountIds list).
  let slotIds: readonly string[] | undefined;
  let slotRole = new Int32Array(0);
  let slotParent = new Int32Array(0);
  let slotOwn = new Int32Array(0);
  function slotsFor(amountIds: readonly string[]): void {
    if (amountIds === slotIds) return;
    slotIds = amountIds;
    slotRole = Int32Array.from(amountIds, (id) => roleOf.get(id) || 0);
    slotParent = Int32Array.from(amountIds, (id) => childOf.get(id) ?? -1);
    slotOwn = Int32Array.from(amountIds, (id) => subtotalIndex.get(id) ?? -1);
  }

  function checkView(view: RowView): void {
    slotsFor(view.amountIds);
    const cents = view.cents;
    const filled = view.filled;
    let settlement = 0;
    let sum = 0;
    for (let s = 0; s < subtotals.length; s++) {
      subValue[s] = 0;
      subSum[s] = 0;
    }
    for (let k = 0; k < view.filledCount; k++) {
      const slot = filled[k];
      const amount = cents[slot];
      const role = slotRole[slot];
      if (role === SETTLEMENT) settlement += amount;
      else if (role === LEAF) sum += amount;
      if (subtotals.length === 0) continue;
      const parent = slotParent[slot];
      if (parent >= 0) subSum[parent] += amount;
      const own = slotOwn[slot];
      if (own >= 0) subValue[own] += amount;
    }
    finishRow(view, settlement, sum);
  }

  function check(row: LedgerRow): void {
    const a = row.amounts;
    let settlement = 0;
    let sum = 0;
    for (let s = 0; s < subtotals.length; s++) {
      subValue[s] = 0;
      subSum[s] = 0;
    }
    for (const id in a) {
      const cents = a[id];
      const role = roleOf.get(id);
      if (role === SETTLEMENT) settlement += cents;
      else if (role === LEAF) sum += cents;
      if (subtotals.length === 0) continue;
      const parent = childOf.get(id);
      if (parent !== undefined) subSum[parent] += cents;
      const own = subtotalIndex.get(id);
      if (own !== undefined) subValue[own] += cents;
    }
    finishRow(row, settlement, sum);
  }

  /** Compares the row's sums gathered in `settlement`, `sum`, `subValue` and `subSum`; lists mismatches. */
  function finishRow(row: LedgerRow | RowView, settlement: number, sum: number): void {
    if (settlementIds.length > 0) {
      rowsChecked++;
      if (sum !== settlement) {
        mismatchCount++;
        if (mismatches.length < MAX_LISTED) {
          // Detached: a listed mismatch outlives its row and must not pin the file text it came from.
          mismatches.push({
            source: sourceOf(row),
            row: 'rowNumber' in row ? row.rowNumber : row.source.row,
            orderId: detachedText(row.orderId),
            type: detachedText(row.type),
            settlement,
            sumOfParts: sum,
            difference: settlement - sum,
          });
        }
      }
    }
    for (let s = 0; s < subtotals.length; s++) {
      if (subValue[s] === subSum[s]) continue;
      subtotalCount++;
      if (subtotalMismatches.length < MAX_LISTED) {
        subtotalMismatches.push({
          source: sourceOf(row),
          orderId: detachedText(row.orderId),
          type: detachedText(row.type),
          column: subtotals[s].label,
          subtotal: subValue[s],
          sumOfParts: subSum[s],
          difference: subValue[s] - subSum[s],
        });
      }
    }
  }

  function result(unclassifiedColumns: string[] = []): ReconcileResult {
    return {
      rowsChecked,
      mismatches,
      totalChecks: [],
      unclassifiedColumns,
      ok: mismatchCount === 0 && subtotalCount === 0,
      subtotalMismatches,
    };
  }
  return { check, checkView, result };
}

/** Amount columns present in any of the rows (for rows without their file header, e.g. the ledger). */
export function presentAmountIds(rows: readonly LedgerRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const id in row.amounts) seen.add(id);
  return [...seen];
}

/** Batch form of {@link createReconciler}. */
export function reconcile(
  rows: readonly LedgerRow[],
  presentIds: readonly string[] = presentAmountIds(rows),
  unclassifiedColumns: string[] = [],
): ReconcileResult {
  const reconciler = createReconciler(presentIds);
  for (const row of rows) reconciler.check(row);
  return reconciler.result(unclassifiedColumns);
}

/**
 * The statement workbook's `Reports` sheet holds totals (Gross sales, Shipping, Referral fee…)
 * equal to the column sums of the `Type = Order` rows. Each known amount label is read with its
 * value further along its row, or below it (see readSummarySheet). Only labels of columns the
 * data sheet has are checked (`presentIds`; for rows, the columns any row fills).
 */
export function reconcileReports(
  reportsSheet: readonly (readonly CellValue[])[],
  rows: readonly LedgerRow[] | ReadonlyMap<string, number>,
  presentIds?: readonly string[],
): ReconcileResult['totalChecks'] {
  const sums = rows instanceof Map ? rows : orderColumnSums(rows as readonly LedgerRow[]);
  const present = new Set(
    presentIds ?? (rows instanceof Map ? [...sums.keys()] : presentAmountIds(rows as readonly LedgerRow[])),
  );
  return readSummarySheet(reportsSheet)
    .totals.filter((total) => present.has(total.def.id))
    .map((total) => {
      const actual = sums.get(total.def.id) ?? 0;
      return { label: total.def.label, expected: total.cents, actual, difference: total.cents - actual };
    });
}

/** Column sums of the `Type = Order` rows, by catalog id. */
export function orderColumnSums(rows: readonly LedgerRow[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) {
    if (row.type !== 'Order') continue;
    for (const id in row.amounts) sums.set(id, (sums.get(id) || 0) + row.amounts[id]);
  }
  return sums;
}

/** Adds the Reports-sheet checks to a file's reconciliation result. */
export function withTotalChecks(
  result: ReconcileResult,
  checks: ReconcileResult['totalChecks'],
): ReconcileResult {
  const totalChecks = [...result.totalChecks, ...checks];
  return { ...result, totalChecks, ok: result.ok && totalChecks.every((t) => t.difference === 0) };
}

/** A mismatch's source: kept past its row, so a view's (ledger) source file text is detached. */
function sourceOf(row: LedgerRow | RowView): LedgerRow['source'] {
  if ('source' in row) return row.source;
  const source = viewSource(row);
  source.file = detachedText(source.file);
  return source;
}
