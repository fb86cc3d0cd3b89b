/**
 * Google Sheets holds at most 10,000,000 cells per spreadsheet (every tab's rows × columns, empty
 * or not). An import that passes the limit part-way fails with part of the file written, so the
 * cells an import needs are counted before anything is written, and the import is refused up
 * front with the numbers when they do not fit.
 */

/** `1234567` → `1,234,567`. */
const count = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const SHEETS_CELL_LIMIT = 10_000_000;
/** A tab Sheets creates: 1,000 rows × 26 columns. */
export const NEW_TAB_CELLS = 1000 * 26;

export interface TabSize {
  rows: number;
  columns: number;
  /** Last row and column holding anything. */
  lastRow: number;
  lastColumn: number;
}

/** Cells a tab must grow by to hold `rows` more rows and `columns` more columns right of its used cells. */
export function growthOf(tab: TabSize | null, rows: number, columns: number): number {
  if (!tab) {
    const width = Math.max(26, columns);
    return Math.max(1000, rows + 1) * width;
  }
  const width = Math.max(tab.columns, tab.lastColumn + columns);
  const height = Math.max(tab.rows, tab.lastRow + rows);
  return width * height - tab.rows * tab.columns;
}

/** The refusal, or '' when `needed` more cells fit beside `used`. */
export function cellLimitMessage(fileName: string, needed: number, used: number, rows: number): string {
  if (used + needed <= SHEETS_CELL_LIMIT) return '';
  const left = Math.max(0, SHEETS_CELL_LIMIT - used);
  return (
    `${fileName}: importing its ${count(rows)} new rows needs about ${count(needed)} more cells, and this spreadsheet has ${count(left)} left ` +
    `of Google Sheets' limit of 10,000,000 cells (${count(used)} used, empty cells included). Nothing was written. ` +
    (`Delete empty rows and columns or tabs you no longer use, or keep older ` +
      `years in another spreadsheet (copy it, then rename TTS Ledger there), and import again.`)
  );
}

/**
 * Whether `rows` more ledger rows of `columns` cells each can fit in any spreadsheet at all, even
 * an empty one: the sidebar stops keeping a file's rows once they cannot.
 */
export function fitsAnySpreadsheet(rows: number, columns: number): boolean {
  return rows * columns <= SHEETS_CELL_LIMIT;
}

/**
 * The refusal of a file whose rows no spreadsheet can hold, whatever it already holds: its rows,
 * the cells they need, and what to do. `period`: its first and last dates, when it has any.
 */
export function tooManyRowsMessage(
  fileName: string,
  rows: number,
  columns: number,
  period: { first: string; last: string },
): string {
  const dates = period.first && period.last ? ` dated ${period.first} to ${period.last}` : '';
  const most = Math.floor(SHEETS_CELL_LIMIT / columns);
  return (
    `${fileName} holds ${count(rows)} rows${dates}: importing them needs about ${count(rows * columns)} cells ` +
    `(${columns} a row in TTS Ledger), more than the 10,000,000 cells a Google spreadsheet holds in all, so nothing ` +
    `from it can be imported. Export a shorter date range from Seller Center (fewer than ${count(most)} rows a file, ` +
    `e.g. one month at a time) and import each file.`
  );
}
