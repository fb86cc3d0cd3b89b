/**
 * The summary and glossary sheets of TikTok's finance workbooks. A `Reports` sheet lists totals
 * as a tree: each label sits in the column of its depth (B, C, D or E) and its value further
 * right on the same row (F), or, in a header-over-totals layout, in the row below. A glossary
 * (`Fees explanation`) names the columns too, but with words beside them: it is neither data nor
 * a check.
 */
import { lookupColumn, type ColumnDef } from './catalog';
import { foreignCurrencyCode } from './currency';
import { parseCentsOrNaN } from '../money';
import type { CellValue } from '../types';

export interface ReportsTotal {
  def: ColumnDef;
  /** 1-based row of the label in the sheet. */
  row: number;
  cents: number;
}

export type SheetKind = 'totals' | 'glossary' | 'reserve' | 'blank' | 'other';

export interface SummarySheet {
  kind: SheetKind;
  /** Known amount labels with the value found for them (first occurrence of each column). */
  totals: ReportsTotal[];
  /** A totals sheet's `Currency` value when it names a currency other than US dollars. */
  foreignCurrency?: { code: string; row: number };
}

function text(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value.trim() : String(value);
}

/** The value for the label at (r, c): the first filled cell to its right, else the cell below. */
function valueNear(sheet: readonly (readonly CellValue[])[], r: number, c: number): CellValue | undefined {
  const line = sheet[r];
  for (let k = c + 1; k < line.length; k++) {
    const cell = text(line[k]);
    if (cell === '') continue;
    // Another label before any value: this label has none on its row (a header row).
    if (typeof line[k] === 'string' && lookupColumn(cell)) break;
    return line[k];
  }
  const below = sheet[r + 1]?.[c];
  if (text(below) === '' || (typeof below === 'string' && lookupColumn(below))) return undefined;
  return below;
}

/** Reads a sheet that holds no export header: what it is, and the totals it states. */
export function readSummarySheet(sheet: readonly (readonly CellValue[])[]): SummarySheet {
  const totals: ReportsTotal[] = [];
  const seen = new Set<string>();
  let any = false;
  let knownLabels = 0;
  let foreignCurrency: SummarySheet['foreignCurrency'];
  for (let r = 0; r < sheet.length; r++) {
    const line = sheet[r];
    for (let c = 0; c < line.length; c++) {
      const cell = line[c];
      if (typeof cell !== 'string' || cell.trim() === '') continue;
      any = true;
      const def = lookupColumn(cell);
      if (!def) continue;
      knownLabels++;
      if (def.id === 'reserve_transaction_id' || def.id === 'reserve_amount')
        return { kind: 'reserve', totals: [] };
      const value = valueNear(sheet, r, c);
      if (def.id === 'currency' && foreignCurrency === undefined && value !== undefined) {
        const code = foreignCurrencyCode(value);
        if (code !== null) foreignCurrency = { code, row: r + 1 };
      }
      if ((def.kind !== 'money' && def.kind !== 'info-money') || seen.has(def.id) || value === undefined)
        continue;
      const cents = parseCentsOrNaN(value);
      if (Number.isNaN(cents)) continue;
      seen.add(def.id);
      totals.push({ def, row: r + 1, cents });
    }
  }
  const kind: SheetKind = !any
    ? 'blank'
    : totals.length >= 2
      ? 'totals'
      : knownLabels >= 3
        ? 'glossary'
        : 'other';
  // A glossary names the currency in words about a column; only a totals sheet states the file's.
  return foreignCurrency && kind === 'totals' ? { kind, totals, foreignCurrency } : { kind, totals };
}
