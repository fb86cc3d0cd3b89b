/**
 * Unit costs from a cost table, merged into the TTS COGS tab (the plan is core's planCostMerge):
 * costs still blank are filled, new SKUs and new effective dates become rows, and a cost that
 * differs from the tab's is replaced only when the seller ticked "replace" after seeing it.
 */
import { planCostMerge, type CogsTabRow, type CostMergePlan } from '../../core/analysis/cost-import';
import { costEntryOn, COST_PARTS, skuText } from '../../core/analysis/cogs';
import { rowDate, unitsCosted } from '../../core/analysis/pnl';
import { parseUnitCost, unitCostToDollars } from '../../core/analysis/unit-cost';
import { parseDateOrNull } from '../../core/dates';
import type {
  MissingUnitCosts,
  UnitCostsPreview,
  UnitCostsRequest,
  UnitCostsResult,
} from '../../core/contract';
import type { CellValue } from '../../core/types';
import { appendCogsRows, cogsSheet, UNIT_COST_FORMAT, type CogsLayout } from './cogs-sheet';
import { withDocumentLock } from './document-lock';
import { readCogs, readLedger } from './ledger-reader';
import { dateCell } from './sheet-writing';
import { dateTextConverter, spreadsheetTimeZone } from './sheet-dates';
import { isDateCell } from '../../core/date-cell';
import { plural } from '../../core/words';
import { checkRequest } from '../import/request-check';
import { boolean, list, number, object, optional, text, type Shape } from '../import/request-shapes';

function tabRows(layout: CogsLayout): CogsTabRow[] {
  const first = layout.headerRow + 1;
  if (layout.lastRow < first) return [];
  const width = layout.sheet.getLastColumn();
  const values = layout.sheet
    .getRange(first, 1, layout.lastRow - first + 1, width)
    .getValues() as CellValue[][];
  const toText = dateTextConverter();
  const at = (row: CellValue[], name: keyof CogsLayout['columns']): CellValue => {
    const column = layout.columns[name];
    return column === undefined ? '' : row[column - 1];
  };
  return values.map((row, i) => {
    const parts = COST_PARTS.map((name) => at(row, name)).filter((v) => skuText(v) !== '');
    const partsSum = parts.reduce<number>((sum, v) => sum + (parseUnitCost(v) || 0), 0);
    const total = at(row, 'Unit cost');
    const date = at(row, 'Effective from');
    const iso = isDateCell(date) ? toText(date as Date) : parseDateOrNull(date) || '';
    return {
      row: i + 2,
      skuId: skuText(at(row, 'SKU ID')),
      sellerSku: skuText(at(row, 'Seller SKU')),
      productName: skuText(at(row, 'Product name')),
      skuName: skuText(at(row, 'SKU name')),
      unitCost: parts.length > 0 ? partsSum : skuText(total) === '' ? null : parseUnitCost(total),
      hasParts: parts.length > 0,
      effectiveFrom: iso.slice(0, 10),
    };
  });
}

function soldSkus(): Set<string> {
  const skus = new Set<string>();
  for (const row of readLedger()?.rows || []) {
    if (row.skuId) skus.add(row.skuId);
    if (row.sellerSku) skus.add(row.sellerSku);
  }
  return skus;
}

function previewOf(request: UnitCostsRequest, plan: CostMergePlan): UnitCostsPreview {
  return {
    ...plan,
    fileName: request.fileName,
    entries: request.entries.length,
    fills: plan.fills.length,
    appends: plan.appends.length,
  };
}

function plan(request: UnitCostsRequest): { layout: CogsLayout; plan: CostMergePlan } {
  const layout = cogsSheet();
  return { layout, plan: planCostMerge(tabRows(layout), request.entries, soldSkus()) };
}

/** What adding the unit costs would do, before anything is written. */
export function previewUnitCosts(arg: UnitCostsRequest): UnitCostsPreview {
  const request = checkUnitCostsRequest(arg);
  return withDocumentLock(() => previewOf(request, plan(request).plan));
}

/** Writes the unit costs into TTS COGS; changed costs only with `replaceChanged`, never over parts. */
export function saveUnitCosts(arg: UnitCostsRequest): UnitCostsResult {
  const request = checkUnitCostsRequest(arg);
  return withDocumentLock(() => {
    const { layout, plan: p } = plan(request);
    const costColumn = layout.columns['Unit cost'];
    if (costColumn === undefined)
      throw new Error(
        'TTS COGS has no Unit cost column: add a column headed Unit cost, then import the costs again.',
      );
    const setCost = (row: number, unitCost: number) => {
      const cell = layout.sheet.getRange(row, costColumn);
      cell.setNumberFormat(UNIT_COST_FORMAT);
      cell.setValue(unitCostToDollars(unitCost));
    };
    for (const fill of p.fills) setCost(fill.tabRow, fill.unitCost);
    const replaced = request.replaceChanged ? p.changes.filter((c) => !c.hasParts) : [];
    for (const change of replaced) setCost(change.tabRow, change.to);
    const timeZone = spreadsheetTimeZone();
    appendCogsRows(
      layout,
      p.appends.map(({ entry, like }) => {
        // A SKU the tab does not list: a long number is a SKU ID, anything else a seller SKU.
        const id = /^\d{10,}$/.test(entry.sku);
        const {
          skuId = id ? entry.sku : '',
          sellerSku = id ? '' : entry.sku,
          productName = '',
          skuName = '',
        } = like ?? {};
        return {
          'SKU ID': skuId,
          'Seller SKU': sellerSku,
          'Product name': productName,
          'SKU name': skuName,
          'Unit cost': unitCostToDollars(entry.unitCost),
          ...(entry.effectiveFrom
            ? { 'Effective from': dateCell(entry.effectiveFrom, timeZone) as Date }
            : {}),
        };
      }),
    );
    const written = p.fills.length + p.appends.length + replaced.length;
    const kept = p.changes.length - replaced.length;
    const message =
      `${plural(written, 'unit cost')} written to TTS COGS` +
      (kept > 0 ? `; ${plural(kept, 'changed cost')} left as ${kept === 1 ? 'it was' : 'they were'}` : '') +
      (p.unchanged > 0 ? `; ${p.unchanged} already there` : '') +
      '.';
    return { ...previewOf(request, p), written, replaced: replaced.length, message };
  });
}

const MAX_ENTRIES = 20_000;
const WHOLE = { whole: true, min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };

const UnitCostsSchema = object({
  fileName: text(),
  entries: list(
    object({
      sku: text({ max: 100, pattern: /\S/ }),
      unitCost: number({ ...WHOLE, min: 0 }),
      effectiveFrom: text({ pattern: /^(\d{4}-\d\d-\d\d)?$/ }),
      row: number(WHOLE),
    }),
    MAX_ENTRIES,
  ),
  replaceChanged: optional(boolean()),
}) satisfies Shape<UnitCostsRequest>;

/** The request as it crossed from the sidebar: checked, since anything can arrive through google.script.run. */
export function checkUnitCostsRequest(value: unknown): UnitCostsRequest {
  return checkRequest(UnitCostsSchema, value, 'Unit costs');
}

/** Sold SKUs (sales and samples) that have no unit cost in TTS COGS yet, in the order first sold. */
export function getMissingUnitCosts(_arg: null): MissingUnitCosts {
  const ledger = readLedger();
  if (!ledger) return { skus: [] };
  const cogs = readCogs();
  const seen = new Map<string, MissingUnitCosts['skus'][number]>();
  for (const row of ledger.rows) {
    const sku = row.skuId || row.sellerSku;
    if (!sku || seen.has(sku) || row.quantity <= 0 || unitsCosted(row) === 0) continue;
    if (costEntryOn(cogs, row, rowDate(row)) === undefined)
      seen.set(sku, { sku, sellerSku: row.sellerSku, productName: row.productName, skuName: row.skuName });
  }
  return { skus: [...seen.values()] };
}
