/**
 * The real TikTok exports in test/fixtures/real (see its README), with what each file states about
 * itself worked out here, independently of the add-on's reader: the rows under the header and the
 * file's own total column, summed in the file's currency (cents for GBP, whole rupiah for IDR).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbookIndependently, sheetTexts } from './independent-xlsx';

export const REAL_DIR = join('test', 'fixtures', 'real');

export const REAL = {
  ukOrders: 'Adenola777__My-ShopEdge__testdata__real_payloads__order_export_gb_2026-09-23.csv',
  ukOnHold: 'Adenola777__My-ShopEdge__testdata__real_payloads__unsettled_orders_gb_2026-09-23.csv',
  idOrderHeader: 'iswaniswan__report-marketplace__web__uploads__tiktok-header.xlsx',
  idIncomeHeader: 'iswaniswan__report-marketplace__web__uploads__tiktok-income-header.xlsx',
  idOrders202409: 'iswaniswan__report-marketplace__web__uploads__tiktok202409.xlsx',
  idOrders202411: 'iswaniswan__report-marketplace__web__uploads__tiktok202411.xlsx',
  idIncome202409: 'iswaniswan__report-marketplace__web__uploads__tiktok_income202409.xlsx',
  idIncome202411: 'iswaniswan__report-marketplace__web__uploads__tiktok_income202411.xlsx',
} as const;

export function realBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(REAL_DIR, name)));
}

/** The UK CSVs hold no quoted fields (checked), so a line splits on commas. */
export function realCsvRows(name: string): string[][] {
  const text = readFileSync(join(REAL_DIR, name), 'utf8');
  if (text.includes('"')) throw new Error(`${name}: quoted fields; split it with a CSV reader`);
  return text
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map((line) => line.split(','));
}

/** A sheet of a real workbook as text rows, read by the independent reader. */
export function realSheetRows(name: string, sheet: string): string[][] {
  const rows = readWorkbookIndependently(realBytes(name)).get(sheet);
  if (!rows) throw new Error(`${name}: no sheet ${sheet}`);
  return sheetTexts(rows);
}

/** `IDR 21.144` → 21144 (rupiah: `.` groups thousands); `GBP 8.00` or `7.28` → cents. */
export function unitsIn(text: string, code: string): number {
  const bare = text.trim().replace(new RegExp(`^${code}\\s*`), '');
  if (bare === '' || bare === '/') return 0;
  if (code === 'IDR') return Number(bare.replace(/\./g, ''));
  const [whole, fraction = ''] = bare.replace('-', '').split('.');
  const cents = Number(whole) * 100 + Number((fraction + '00').slice(0, 2));
  return bare.startsWith('-') ? -cents : cents;
}

/** 32670368 → `32,670,368` (IDR), 728 → `7.28` (GBP): as a seller reads the amount. */
export function shown(units: number, code: string): string {
  if (code === 'IDR') return `${code} ${units.toLocaleString('en-US')}`;
  return `${code} ${(units / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
}

export interface FileFacts {
  /** Data rows under the header (description rows not counted). */
  rows: number;
  /** The total column's header and its sum in the file's currency. */
  totalColumn: string;
  total: number;
}

/** Rows and total of one column under a header row, from text rows. */
export function factsOf(
  rows: string[][],
  headerIndex: number,
  totalColumn: string,
  code: string,
  skip = 0,
): FileFacts {
  const header = rows[headerIndex].map((h) => h.trim());
  const column = header.indexOf(totalColumn);
  if (column < 0) throw new Error(`no column ${totalColumn}`);
  const data = rows.slice(headerIndex + 1 + skip).filter((row) => row.some((cell) => cell.trim() !== ''));
  return {
    rows: data.length,
    totalColumn,
    total: data.reduce((sum, row) => sum + unitsIn(row[column] ?? '', code), 0),
  };
}
