/**
 * Layout detection: which export a sheet is and on which row its header sits, from the header
 * text alone (never the file name or column positions). Each layout is one row of LAYOUTS.
 */
import { cellText } from '../cell-text';
import { isDateCell } from '../date-cell';
import { parseDateOrNull } from '../dates';
import { ADS_LAYOUTS } from './ads-layouts';
import { COLUMNS, headerKey, lookupColumn } from './catalog';
import { foreignHeaderMessage } from './header-language';
import { otherExportMessage } from './other-exports';
import type { CellValue, LayoutId } from '../types';

export type { LayoutSpec } from './layout-spec';
import type { LayoutSpec } from './layout-spec';

/** Checked in this order; the first layout whose signature a row matches wins. One row per LAYOUT_IDS entry. */
export const LAYOUTS = [
  {
    id: 'ledger',
    name: 'TTS Ledger tab',
    signature: [['Key'], ['Import ID'], ['Layout']],
    required: ['type'],
    keyPrefix: '',
    keyFields: ['key'],
  },
  {
    id: 'statement',
    name: 'US Statement export',
    signature: [['Statement ID'], ['Order/adjustment ID'], ['Total settlement amount']],
    required: ['type'],
    keyPrefix: '',
    keyFields: ['statementId', 'orderId', 'skuId', 'type'],
  },
  {
    id: 'onhold',
    name: 'US On hold / unsettled export',
    signature: [['Total estimated settlement amount'], ['Order/adjustment ID']],
    required: ['type'],
    keyPrefix: 'onhold',
    keyFields: ['orderId', 'skuId', 'type'],
  },
  {
    id: 'pnl-orders',
    name: 'Profit & loss report (Orders)',
    signature: [['Order ID'], ['linked statement id'], ['Order Income']],
    required: [],
    keyPrefix: 'pnl',
    keyFields: ['statementId', 'orderId', 'skuId'],
    defaultType: 'Order',
  },
  {
    id: 'pnl-adjustments',
    name: 'Profit & loss report (Adjustment)',
    signature: [['Adjustment ID'], ['Adjustment Type']],
    required: ['adjustment_amount'],
    keyPrefix: 'pnl-adj',
    keyFields: ['orderId'],
  },
  {
    id: 'income',
    name: 'Legacy Income export',
    signature: [
      ['Order created time(UTC)', 'Order created time'],
      ['Total settlement amount', 'Total revenue'],
    ],
    required: ['order_adjustment_id', 'type'],
    keyPrefix: 'income',
    keyFields: ['orderId', 'type', 'statementDate'],
  },
  {
    id: 'order-export',
    name: 'Seller Center order export',
    signature: [['Order ID'], ['Order Status'], ['SKU ID']],
    required: [],
    keyPrefix: 'order',
    keyFields: ['orderId', 'skuId'],
    descriptionRow: true,
    defaultType: 'Order',
  },
  ...ADS_LAYOUTS,
] satisfies readonly LayoutSpec[];

/** A layout id without a row above fails to compile here: every recognised layout is described. */
type Undescribed = Exclude<LayoutId, (typeof LAYOUTS)[number]['id']>;
const everyLayoutDescribed: [Undescribed] extends [never] ? true : Undescribed = true;
void everyLayoutDescribed;

export const HEADER_SCAN_ROWS = 30;

const SIGNATURE_KEYS = LAYOUTS.map((layout) => layout.signature.map((alts) => alts.map(headerKey)));

export function layoutSpec(id: LayoutId): LayoutSpec {
  const spec = LAYOUTS.find((l) => l.id === id);
  if (!spec) throw new Error(`Unknown layout ${id}`);
  return spec;
}

/** "US Statement export (2024 CSV)" or "(2025–26)" by which columns exist; other layouts by name. */
export function layoutLabel(id: LayoutId, header: readonly string[]): string {
  const spec = layoutSpec(id);
  if (id !== 'statement') return spec.name;
  const newer = header.some((h) => (lookupColumn(h)?.since || 0) >= 2025);
  return `${spec.name} (${newer ? '2025–26' : '2024 CSV'})`;
}

export type DetectResult =
  | { ok: true; layout: LayoutId; label: string; headerRow: number; header: string[] }
  | { ok: false; message: string };

/** A header row with part of a layout's signature (two names or more), for a message naming what is missing. */
interface Near {
  row: number;
  spec: LayoutSpec;
  present: string[];
  missing: string[];
}

const AGAIN = 'Export the file again from Seller Center without removing columns.';

/**
 * Finds the header row among the first rows of a sheet and names the layout.
 * `headerRow` is 1-based, counted from the first row given.
 */
export function detectLayout(rows: readonly (readonly CellValue[])[], where: string): DetectResult {
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  let near: Near | null = null;
  for (let r = 0; r < limit; r++) {
    const row = rows[r];
    if (!row || row.length < 2) continue;
    const keys = new Set<string>();
    for (const cell of row) {
      const text = cellText(cell);
      if (text) keys.add(headerKey(text));
    }
    if (keys.size < 2) continue;
    const l = SIGNATURE_KEYS.findIndex((sig) => sig.every((alts) => alts.some((k) => keys.has(k))));
    const other = otherExportMessage(keys, LAYOUTS[l]?.id, where, r + 1);
    if (other) return { ok: false, message: other };
    if (l < 0) {
      near = nearer(near, keys, r + 1);
      continue;
    }
    const spec = LAYOUTS[l];
    const header = row.map(cellText);
    const present = new Set(header.map((h) => lookupColumn(h)?.id).filter(Boolean));
    const missing = spec.required.filter((id) => !present.has(id));
    if (missing.length > 0) {
      const names = missing.map((id) => '*' + COLUMNS.find((c) => c.id === id)!.label + '*').join(', ');
      return {
        ok: false,
        message: `${where}: the header on row ${r + 1} looks like a ${spec.name} but has no ${names} column. ${AGAIN}`,
      };
    }
    return { ok: true, layout: spec.id, label: layoutLabel(spec.id, header), headerRow: r + 1, header };
  }
  return {
    ok: false,
    message: foreignHeaderMessage(rows.slice(0, limit), where) || noHeaderMessage(rows, where, near),
  };
}

/** `near`, or this row when it has more of some layout's signature (so the message quotes what it lacks, not the header it wanted). */
function nearer(near: Near | null, keys: ReadonlySet<string>, row: number): Near | null {
  LAYOUTS.forEach((spec, l) => {
    const present: string[] = [];
    const missing: string[] = [];
    SIGNATURE_KEYS[l].forEach((alts, i) =>
      (alts.some((k) => keys.has(k)) ? present : missing).push(spec.signature[i][0]),
    );
    if (present.length > (near ? near.present.length : 1)) near = { row, spec, present, missing };
  });
  return near;
}

function noHeaderMessage(rows: readonly (readonly CellValue[])[], where: string, near: Near | null): string {
  if (near !== null) {
    const names = (list: string[]) => list.map((n) => `*${n}*`).join(', ');
    return (
      `${where}: row ${near.row} has ${names(near.present)} but no ${names(near.missing)} column, so it is not a complete ` +
      `${near.spec.name} header. ${AGAIN}`
    );
  }
  let found = 'the sheet is empty';
  for (const row of rows) {
    // A date cell as the day it shows, not a JavaScript date string.
    const cells = row
      .map((c) => (isDateCell(c) ? parseDateOrNull(c)!.slice(0, 10) : cellText(c)))
      .filter((t) => t !== '');
    if (cells.length > 0) {
      found =
        'the first non-empty row starts ' +
        cells
          .slice(0, 4)
          .map((c) => `\`${c.length > 40 ? c.slice(0, 37) + '…' : c}\``)
          .join(', ') +
        // Data where the header belongs: the range starts below its header row (A2:BL).
        (/^\d/.test(cells[0]) ? ': start the range at the header row' : '');
      break;
    }
  }
  // One example header is enough to act on; listing every layout's columns buries what was found.
  const [id, order, total] = layoutSpec('statement').signature.map((alts) => alts[0]);
  return (
    `${where}: no TikTok Shop export header found in the first ${HEADER_SCAN_ROWS} rows. ` +
    `Expected a Seller Center export's header row, such as ${id}, ${order} and ${total} (Statement export; ` +
    `On hold, Income, P&L and order exports and ad reports are read too). Found: ${found}.`
  );
}
