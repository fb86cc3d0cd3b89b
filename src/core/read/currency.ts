/**
 * US dollars only: a sheet whose `Currency` column or amounts name another currency (`GBP`,
 * `IDR 21.144`) is refused with that currency named, never summed as dollars. The refusal still
 * reports what was read (rows, and the file's own total in its currency), so a seller can see the
 * file was understood and only its currency is the problem.
 */
import { cellText } from '../cell-text';
import { lookupColumn } from './catalog';
import { moneyFailure, parseCentsOrNaN } from '../money';
import type { CellValue } from '../types';

/** Currencies written without a minor unit: `IDR 389.000` is 389,000 rupiah, `.` groups thousands. */
const WHOLE_UNIT_CURRENCIES: ReadonlySet<string> = new Set(['IDR', 'VND', 'JPY', 'KRW', 'CLP', 'HUF']);

/** The file's own total shown in a refusal: the first of these columns the sheet has. */
const TOTAL_COLUMN_IDS = [
  'total_settlement_amount',
  'total_estimated_settlement_amount',
  'order_income',
  'sku_subtotal_after_discount',
];

/** A `Currency` cell's code when it is not US dollars (`GBP`), else null (`USD`, blank, `/`). */
export function foreignCurrencyCode(value: CellValue): string | null {
  // Nearly every row says USD: answered before the text is trimmed, upper-cased and matched.
  if (value === 'USD' || value === '') return null;
  const text = cellText(value).toUpperCase();
  // Only an ISO 4217 code names a currency; other text in the column is not this check's business.
  if (!/^[A-Z]{3}$/.test(text) || text === 'USD') return null;
  return text;
}

/**
 * An amount in a foreign currency as an integer count of its smallest written unit (cents for
 * GBP, whole rupiah for IDR), or NaN when the cell is not such an amount.
 */
export function foreignUnits(value: CellValue, code: string): number {
  const whole = WHOLE_UNIT_CURRENCIES.has(code);
  if (typeof value === 'number') return whole ? Math.round(value) : parseCentsOrNaN(value);
  let text = cellText(value);
  if (text === '' || text === '/') return 0;
  let negative = false;
  if (text.startsWith('-')) {
    negative = true;
    text = text.slice(1).trim();
  }
  if (text.toUpperCase().startsWith(code)) text = text.slice(code.length).trim();
  else if (text.toUpperCase().endsWith(code)) text = text.slice(0, -code.length).trim();
  if (text.startsWith('-')) {
    negative = !negative;
    text = text.slice(1);
  }
  let units: number;
  if (whole) {
    if (!/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(text)) return NaN;
    units = Number(text.replace(/[.,]/g, ''));
  } else units = parseCentsOrNaN(text);
  return negative ? -units : units;
}

/** `units` of `code` as a seller reads them: `IDR 32,670,368`, `GBP 7.28`. */
export function formatForeign(units: number, code: string): string {
  const negative = units < 0;
  const abs = Math.abs(units);
  const whole = WHOLE_UNIT_CURRENCIES.has(code);
  const integer = String(whole ? abs : Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = whole ? '' : '.' + String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${code} ${integer}${fraction}`;
}

/** Where the currency was seen, for the message. */
interface Sighting {
  code: string;
  row: number;
  column: string;
  value: string;
}

/**
 * Watches a sheet's rows for another currency. Until one is seen it looks at the `Currency`
 * cell of each row and, for rows the normalizer rejected, at their amount cells; from then on it
 * counts the rows and adds up the file's own total column in that currency.
 */
export class CurrencyCheck {
  private readonly currencyIndex: number;
  private readonly amountIndexes: number[] = [];
  private readonly totalIndex: number;
  private readonly header: readonly string[];
  private sighting: Sighting | null = null;
  /** The last Currency cell that named no other currency (see `find`). */
  private dollarCell: CellValue = null;
  private rows = 0;
  private total = 0;
  private totalReadable = true;

  constructor(header: readonly string[]) {
    this.header = header;
    let currencyIndex = -1;
    let totalIndex = -1;
    let totalRank = TOTAL_COLUMN_IDS.length;
    header.forEach((name, index) => {
      const def = lookupColumn(name || '');
      if (!def) return;
      if (def.id === 'currency' && currencyIndex < 0) currencyIndex = index;
      if (def.kind === 'money' || def.kind === 'info-money') this.amountIndexes.push(index);
      const rank = TOTAL_COLUMN_IDS.indexOf(def.id);
      if (rank >= 0 && rank < totalRank) {
        totalRank = rank;
        totalIndex = index;
      }
    });
    this.currencyIndex = currencyIndex;
    this.totalIndex = totalIndex;
  }

  get refused(): boolean {
    return this.sighting !== null;
  }

  /**
   * One data row after the normalizer read it (`rejected`: it refused the row). True once the
   * sheet is known to be in another currency; the row is then counted here.
   */
  check(cells: readonly CellValue[], rowNumber: number, rejected: boolean): boolean {
    if (this.sighting === null) {
      this.sighting = this.find(cells, rowNumber, rejected);
      if (this.sighting === null) return false;
    }
    this.count(cells);
    return true;
  }

  private find(cells: readonly CellValue[], rowNumber: number, rejected: boolean): Sighting | null {
    if (this.currencyIndex >= 0 && this.currencyIndex < cells.length) {
      const cell = cells[this.currencyIndex];
      // Every row of an export repeats one currency: a cell already found to be US dollars needs no second look.
      const code = cell === this.dollarCell ? null : foreignCurrencyCode(cell);
      if (code === null) this.dollarCell = cell;
      if (code !== null)
        return {
          code,
          row: rowNumber,
          column: this.header[this.currencyIndex].trim(),
          value: cellText(cells[this.currencyIndex]),
        };
    }
    if (!rejected) return null;
    for (const index of this.amountIndexes) {
      if (index >= cells.length) break;
      const failure = moneyFailure(cells[index]);
      // A header row pasted again (two exports stacked) is no currency: `FBT fulfillment fee` only looks like `FBT 1.00`.
      if (failure?.reason === 'currency' && cellText(cells[index]) !== this.header[index].trim())
        return {
          code: failure.currency!,
          row: rowNumber,
          column: this.header[index].trim(),
          value: cellText(cells[index]),
        };
    }
    return null;
  }

  private count(cells: readonly CellValue[]): void {
    let blank = true;
    for (const cell of cells) if (cellText(cell) !== '') blank = false;
    if (blank) return;
    this.rows++;
    if (this.totalIndex < 0) return;
    const units = foreignUnits(cells[this.totalIndex] ?? '', this.sighting!.code);
    if (Number.isNaN(units)) this.totalReadable = false;
    else this.total += units;
  }

  /** The seller-facing refusal (empty while no other currency was seen). */
  message(where: string, layoutName: string): string {
    const s = this.sighting;
    if (s === null) return '';
    const seen = `row ${s.row}, column *${s.column}* reads \`${s.value}\``;
    const total =
      this.totalIndex >= 0 && this.totalReadable
        ? `, ${this.header[this.totalIndex].trim()} ${formatForeign(this.total, s.code)}`
        : '';
    const rows = `${this.rows} row${this.rows === 1 ? '' : 's'}${s.row > 0 ? ` from row ${s.row}` : ''}`;
    return (
      `${where}: the amounts are in ${s.code}, not US dollars (${seen}). ` +
      `Read as a ${layoutName}: ${rows}${total}. ` +
      'TTS Profit reads US-dollar exports only: nothing in it was imported or summed.'
    );
  }
}
