/**
 * Unit costs (COGS) the seller keeps: read from a range with or without a header row, and the cost
 * in force on a sale's date. One reader for the `cogs` argument of the custom functions and for
 * the TTS COGS tab, whose unit cost may be split into parts (product cost, inbound freight,
 * duty / tariff, packaging, other per unit): the parts' sum is the unit cost.
 */
import { parseDateOrNull, type DayOrder } from '../dates';
import { DateOrderWatch } from '../read/date-order';
import { excelRounded, lostDigitsText } from '../read/rounded-ids';
import { cellText, idText } from '../cell-text';
import { formatUnitCost, parseUnitCost } from './unit-cost';
import { rowDate, type GroupedFields } from './row-dates';
import { columnLetters } from '../formula-builder';
import type { CellValue } from '../types';

export interface CogsEntry {
  sku: string;
  /** Ten-thousandths of a dollar (see unit-cost.ts). */
  unitCost: number;
  /** `YYYY-MM-DD`, or '' for "always". */
  effectiveFrom: string;
  /** Where the cost was read, for messages and cost details: `TTS COGS row 4`. */
  where: string;
}

export interface CogsTable {
  /**
   * SKU (SKU ID or seller SKU) → entries, oldest first. A row keyed by Seller SKU (its SKU ID left
   * blank) is in the lists of the SKU IDs the table pairs with that Seller SKU too.
   */
  bySku: Map<string, CogsEntry[]>;
}

type Rows = readonly (readonly CellValue[])[];

/** The parts a unit cost is made of in the TTS COGS tab, in column order. */
export const COST_PARTS = [
  'Product cost',
  'Inbound freight',
  'Duty / tariff',
  'Packaging',
  'Other per unit',
] as const;

interface CogsColumns {
  skuIds: number[];
  /** The SKU ID and Seller SKU columns, or −1: a row with both pairs them. */
  id: number;
  seller: number;
  /** The unit cost (the parts' total), or −1. */
  cost: number;
  parts: number[];
  from: number;
  /** Header labels by column, for messages; empty without a header row (then a blank cost is an error, not a SKU waiting for it). */
  labels: string[];
}

function isBlank(value: CellValue): boolean {
  return cellText(value) === '';
}

/** A SKU cell's text, without what keeps an ID as text (`'`, `="…"`). */
export function skuText(value: CellValue): string {
  return idText(cellText(value));
}

/** A header as compared: case, spaces and punctuation ignored (`Duty/Tariff` = `duty / tariff`). */
export function headerKey(label: CellValue): string {
  return cellText(label)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

const SKU_HEADERS = ['skuid', 'sellersku', 'sku'];
const COST_HEADERS = ['unitcost', 'cost', 'unitcogs', 'cogs', 'totalunitcost'];
const FROM_HEADERS = ['effectivefrom', 'effectivedate', 'from'];
const PART_HEADERS: readonly (readonly string[])[] = [
  ['productcost'],
  ['inboundfreight', 'freight'],
  ['dutytariff', 'duty', 'tariff'],
  ['packaging'],
  ['otherperunit', 'other'],
];

/** Columns by header label when the first non-blank row is a header naming a unit cost or its parts. */
function headerColumns(row: readonly CellValue[]): CogsColumns | null {
  const labels = row.map((v) => cellText(v));
  const keys = row.map(headerKey);
  const cost = keys.findIndex((k) => COST_HEADERS.includes(k));
  const parts = PART_HEADERS.map((names) => keys.findIndex((k) => names.includes(k))).filter((i) => i >= 0);
  const [id, seller, sku] = SKU_HEADERS.map((h) => keys.indexOf(h));
  const skuIds = [id, seller, sku].filter((i) => i >= 0);
  if ((cost < 0 && parts.length === 0) || skuIds.length === 0) return null;
  return {
    skuIds,
    id,
    seller,
    cost,
    parts,
    from: keys.findIndex((k) => FROM_HEADERS.includes(k)),
    labels,
  };
}

/** A COGS range's columns when no header row names them. */
export const COGS_COLUMNS = 'SKU, unit cost and an optional effective-from date';
const NO_HEADER = ` With no header row, the columns are ${COGS_COLUMNS}: include the header row (e.g. 'TTS COGS'!A:K).`;

const POSITIONAL: CogsColumns = {
  skuIds: [0],
  id: -1,
  seller: -1,
  cost: 1,
  parts: [],
  from: 2,
  labels: [],
};

/**
 * Builds the COGS table. With a header row naming Unit cost (or its parts) and SKU ID, Seller SKU
 * or SKU, columns are found by name (the TTS COGS tab, wherever its columns are); otherwise the
 * columns are SKU, unit cost and an optional effective-from date, and a first row that holds no
 * amount is taken as a header. Throws an Error naming the row and column when a cost, SKU or date
 * cannot be read, or when one SKU has two different costs from the same date.
 */
export function buildCogsTable(rows: Rows, where = 'COGS'): CogsTable {
  const bySku = new Map<string, CogsEntry[]>();
  /** SKU ID → Seller SKU, from the rows that hold both. */
  const pairs = new Map<string, string>();
  // A header naming its columns may sit under a title the seller typed: rows above it are skipped.
  const headerAt = rows.slice(0, 30).findIndex((row) => headerColumns(row) !== null);
  let columns: CogsColumns | null = headerAt < 0 ? null : headerColumns(rows[headerAt]);
  // Read by position, a range starting at the Unit cost column (its SKUs left out) takes costs for SKUs.
  const costFirst = headerAt < 0 ? rows.findIndex((row) => COST_HEADERS.includes(headerKey(row[0]))) : -1;
  if (costFirst >= 0 && costFirst < 30)
    throw new Error(
      `${where} row ${costFirst + 1}: the range starts at *${cellText(rows[costFirst][0])}*, without the SKUs.${NO_HEADER}`,
    );
  let order: DayOrder | undefined;
  for (let r = headerAt + 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.every(isBlank)) continue;
    if (columns === null) {
      columns = headerColumns(row);
      if (columns) continue;
      columns = POSITIONAL;
      if (Number.isNaN(parseUnitCost(row[1]))) continue; // a header such as "SKU, Cost, From"
    }
    if (order === undefined) order = effectiveDateOrder(rows, r, columns, where);
    const [id, seller] = [skuText(row[columns.id]), skuText(row[columns.seller])];
    if (id && seller) pairs.set(id, seller);
    const entry = readEntry(row, r + 1, columns, where, order);
    if (!entry) continue;
    const list = bySku.get(entry.sku) || [];
    list.push(entry);
    bySku.set(entry.sku, list);
  }
  const skus = [...bySku.values()];
  if (excelRounded(skus.map(([e]) => e.sku))) {
    const [{ sku, where: at }] = skus.find(([e]) => e.sku.length > 15)!;
    throw new Error(
      `${at}: ${lostDigitsText('SKU', sku, 'paste the SKU IDs again as text: all end in zeros after the 15th digit, so none matches a sale.')}`,
    );
  }
  // A cost typed by Seller SKU applies to the SKU IDs listed with it: of the entries in force on a
  // date, the latest Effective from wins, whichever list it came from.
  for (const [id, seller] of pairs) {
    const bySeller = bySku.get(seller);
    if (bySeller && id !== seller) bySku.set(id, [...(bySku.get(id) || []), ...bySeller]);
  }
  for (const [sku, list] of bySku) {
    list.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1], list[i]];
      if (a.effectiveFrom === b.effectiveFrom && a.unitCost !== b.unitCost) {
        const from = a.effectiveFrom ? `from ${a.effectiveFrom}` : 'with no effective date';
        throw new Error(
          `${a.where} and ${b.where.replace(`${where} `, '')}: SKU ` +
            `${sku} has two unit costs ${from} (${formatUnitCost(a.unitCost)} and ` +
            `${formatUnitCost(b.unitCost)}). Keep one, or give the newer one its Effective from ` +
            `date.`,
        );
      }
    }
  }
  return { bySku };
}

/**
 * How the Effective from column writes slash dates, decided over the whole column as the exports'
 * dates are (a cost sheet saved by Excel writes `5/1/2026`): refused when it writes both ways.
 */
function effectiveDateOrder(rows: Rows, first: number, columns: CogsColumns, where: string): DayOrder {
  if (columns.from < 0) return 'mdy';
  const watch = new DateOrderWatch(columns.labels[columns.from] || 'Effective from');
  let order: DayOrder = 'mdy';
  for (let r = first; r < rows.length; r++) {
    const cell = rows[r][columns.from];
    if (typeof cell === 'string') {
      const read = watch.orderFor(cell, r + 1);
      if (read === 'dmy') order = 'dmy';
    }
  }
  const refusal = watch.refusal(where, true);
  if (refusal !== '') throw new Error(refusal);
  return order;
}

function readEntry(
  row: readonly CellValue[],
  rowNumber: number,
  columns: CogsColumns,
  where: string,
  order: DayOrder,
): CogsEntry | null {
  const at = (c: number) =>
    `${where} row ${rowNumber}, column ${columnLetters(c + 1)}${columns.labels[c] ? ` (${columns.labels[c]})` : ''}`;
  const filledParts = columns.parts.filter((c) => !isBlank(row[c]));
  const costCell = columns.cost >= 0 ? row[columns.cost] : '';
  // Without a header naming them, the columns are SKU, unit cost, effective date: a tab passed
  // without its header row ('TTS COGS'!A2:K) has other columns there.
  const headerless = columns.labels.length > 0 ? '' : NO_HEADER;
  if (filledParts.length === 0 && isBlank(costCell) && !headerless) return null;
  // The first SKU column with a value names the row (SKU ID before seller SKU): a seller SKU
  // shared by several variants must not lend one variant's cost to the others.
  let sku = '';
  for (const c of columns.skuIds) {
    const value = row[c];
    sku = skuText(value);
    // A number past 2^53, or its text (`1.73244E+18`): the SKU ID a spreadsheet rounded.
    if (typeof value === 'number' ? !Number.isSafeInteger(value) : /^\d(\.\d+)?E\+1\d$/i.test(sku)) {
      const shown = typeof value === 'number' ? value.toExponential().toUpperCase() : sku;
      throw new Error(`${at(c)}: ${lostDigitsText('SKU', shown, 'type it again.')}`);
    }
    if (sku !== '') break;
  }
  if (sku === '') throw new Error(`${where} row ${rowNumber}: a unit cost without a SKU.`);
  const amount = (c: number): number => {
    const cost = parseUnitCost(row[c]);
    if (Number.isNaN(cost))
      throw new Error(
        `${at(c)}: expected a unit cost such as 6.50 or 0.125, found \`${cellText(row[c])}\`.${headerless}`,
      );
    if (cost < 0)
      throw new Error(`${at(c)}: expected a unit cost of 0 or more, found \`${cellText(row[c])}\`.`);
    return cost;
  };
  let unitCost: number;
  if (filledParts.length > 0) {
    unitCost = filledParts.reduce((sum, c) => sum + amount(c), 0);
    // The total column holds the parts' sum (a formula): a different number typed over it is a
    // contradiction the seller must resolve, not something to guess.
    if (!isBlank(costCell) && amount(columns.cost) !== unitCost) {
      throw new Error(
        `${at(columns.cost)}: the unit cost ${cellText(costCell)} differs from the sum of its parts, ` +
          `${formatUnitCost(unitCost)}. Clear the parts or the unit cost.`,
      );
    }
  } else {
    unitCost = amount(columns.cost);
  }
  const dateCell = columns.from >= 0 ? (row[columns.from] ?? '') : '';
  const date = parseDateOrNull(dateCell, undefined, order);
  if (date === null)
    throw new Error(
      `${at(columns.from)}: expected an effective date such as 2026-01-31, found \`${cellText(dateCell)}\`.${headerless}`,
    );
  return { sku, unitCost, effectiveFrom: date.slice(0, 10), where: `${where} row ${rowNumber}` };
}

/**
 * The cost entry in force on the row's date: the latest effective on or before it (an entry without
 * a date is in force from the start). A sale dated before every entry has none: an Effective from
 * date says the cost did not apply before it. Nor has a sale whose cost in force is $0: a unit cost
 * is never 0 (the `=SUM` of parts not filled in yet gives it), so every figure names its SKU as
 * one without a unit cost rather than count its goods as free.
 */
export function costEntryOn(
  table: CogsTable,
  row: Pick<GroupedFields, 'skuId' | 'sellerSku'>,
  date: string,
): CogsEntry | undefined {
  // No SKU is '' (a cost row needs one): a blank SKU ID falls through to the seller SKU.
  let chosen: CogsEntry | undefined;
  for (const entry of table.bySku.get(row.skuId) || table.bySku.get(row.sellerSku) || [])
    if (entry.effectiveFrom === '' || date === '' || entry.effectiveFrom <= date) chosen = entry;
  return chosen && chosen.unitCost ? chosen : undefined;
}

/** The unit cost (ten-thousandths of a dollar) in force on the row's date; see {@link costEntryOn}. */
export function unitCostOn(table: CogsTable, row: GroupedFields): number | undefined {
  return costEntryOn(table, row, rowDate(row))?.unitCost;
}
