/**
 * Unit costs (COGS) the seller keeps: read from a range with or without a header row, and the cost
 * in force on a sale's date. One reader for the `cogs` argument of the custom functions and for
 * the TTS COGS tab (`SKU ID | Seller SKU | Product name | SKU name | Unit cost | Effective from`).
 */
import { parseDateOrNull } from '../dates';
import { moneyProblem, parseCentsOrNaN } from '../money';
import { rowDate, type GroupedFields } from './pnl';
import type { CellValue } from '../types';

export interface CogsEntry {
  sku: string;
  unitCostCents: number;
  /** `YYYY-MM-DD`, or '' for "always". */
  effectiveFrom: string;
}

export interface CogsTable {
  /** SKU (SKU ID or seller SKU) → entries, oldest first. */
  bySku: Map<string, CogsEntry[]>;
}

type Rows = readonly (readonly CellValue[])[];

interface CogsColumns {
  skuIds: number[];
  cost: number;
  from: number;
  /** Header labels by column, for messages; empty without a header row. */
  labels: string[];
  /** Header mode: a blank unit cost is a SKU still waiting for its cost, not an error. */
  blankCostWaits: boolean;
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return String(value).trim();
}

function isBlank(value: CellValue): boolean {
  return cellText(value) === '';
}

function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const SKU_HEADERS = ['sku id', 'seller sku', 'sku'];
const COST_HEADERS = ['unit cost', 'cost', 'unit cogs', 'cogs'];
const FROM_HEADERS = ['effective from', 'effective date', 'from'];

/** Columns by header label when the first non-blank row is a header naming a unit cost. */
function headerColumns(row: readonly CellValue[]): CogsColumns | null {
  const labels = row.map((v) => cellText(v));
  const keys = labels.map((l) => l.toLowerCase().replace(/\s+/g, ' '));
  const cost = keys.findIndex((k) => COST_HEADERS.includes(k));
  const skuIds = SKU_HEADERS.map((h) => keys.indexOf(h)).filter((i) => i >= 0);
  if (cost < 0 || skuIds.length === 0) return null;
  return { skuIds, cost, from: keys.findIndex((k) => FROM_HEADERS.includes(k)), labels, blankCostWaits: true };
}

const POSITIONAL: CogsColumns = { skuIds: [0], cost: 1, from: 2, labels: [], blankCostWaits: false };

/**
 * Builds the COGS table. With a header row naming Unit cost and SKU ID, Seller SKU or SKU,
 * columns are found by name (the TTS COGS tab); otherwise the columns are SKU, unit cost and an
 * optional effective-from date, and a first row that holds no amount is taken as a header.
 * Throws an Error naming the row and column when a cost, SKU or date cannot be read.
 */
export function buildCogsTable(rows: Rows, where = 'COGS'): CogsTable {
  const bySku = new Map<string, CogsEntry[]>();
  let columns: CogsColumns | null = null;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row.every(isBlank)) continue;
    if (columns === null) {
      columns = headerColumns(row);
      if (columns) continue;
      columns = POSITIONAL;
      if (Number.isNaN(parseCentsOrNaN(row[1]))) continue; // a header such as "SKU, Cost, From"
    }
    addEntry(bySku, row, r + 1, columns, where);
  }
  for (const list of bySku.values()) list.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
  return { bySku };
}

function addEntry(bySku: Map<string, CogsEntry[]>, row: readonly CellValue[], rowNumber: number, columns: CogsColumns, where: string): void {
  const at = (c: number) => `${where} row ${rowNumber}, column ${columnLetter(c)}${columns.labels[c] ? ` (${columns.labels[c]})` : ''}`;
  const costCell = row[columns.cost];
  if (isBlank(costCell) && columns.blankCostWaits) return;
  // The first SKU column with a value names the row (SKU ID before seller SKU): a seller SKU
  // shared by several variants must not lend one variant's cost to the others.
  let sku = '';
  for (const c of columns.skuIds) {
    const value = row[c];
    if (typeof value === 'number' && !Number.isSafeInteger(value)) {
      throw new Error(`${at(c)}: the SKU ${value.toExponential().toUpperCase()} lost its last digits (the sheet turned it into a number). Format the column as Plain text and type it again.`);
    }
    sku = cellText(value).replace(/^'/, '');
    if (sku !== '') break;
  }
  if (sku === '') throw new Error(`${where} row ${rowNumber}: a unit cost without a SKU.`);
  const cents = parseCentsOrNaN(costCell);
  if (Number.isNaN(cents)) throw new Error(`${at(columns.cost)}: ${moneyProblem(costCell)}.`);
  if (cents < 0) throw new Error(`${at(columns.cost)}: expected a unit cost of 0 or more, found \`${cellText(costCell)}\`.`);
  const dateCell = columns.from >= 0 ? row[columns.from] ?? '' : '';
  const date = parseDateOrNull(dateCell);
  if (date === null) throw new Error(`${at(columns.from)}: expected an effective date such as 2026-01-31, found \`${cellText(dateCell)}\`.`);
  const list = bySku.get(sku) ?? [];
  list.push({ sku, unitCostCents: cents, effectiveFrom: date.slice(0, 10) });
  bySku.set(sku, list);
}

/**
 * The unit cost in force on the row's date: the latest entry effective on or before it. A sale
 * dated before every entry uses the earliest known cost (a cost entered late still applies to old sales).
 */
export function unitCostOn(table: CogsTable, row: GroupedFields): number | undefined {
  const list = (row.skuId && table.bySku.get(row.skuId)) || (row.sellerSku && table.bySku.get(row.sellerSku)) || undefined;
  if (!list || list.length === 0) return undefined;
  const date = rowDate(row);
  let chosen = list[0];
  for (const entry of list) if (entry.effectiveFrom === '' || date === '' || entry.effectiveFrom <= date) chosen = entry;
  return chosen.unitCostCents;
}
