/**
 * The TTS Costs tab: running costs that are not per unit (software, staff, storage, an agency's
 * retainer or a share of sales), typed by the seller. The add-on makes it once with its header,
 * notes, formats and validation, and only reads it afterwards, columns found by header.
 */
import { COSTS_HEADER, readRunningCosts, type RunningCost } from '../../core/analysis/running-costs';
import { COSTS_NOTES } from '../../core/analysis/cost-tabs';
import { CURRENCY_FORMAT, DATE_FORMAT, TEXT_FORMAT, sheetWithHeader, strictRule } from './sheet-writing';
import { dateTextConverter } from './sheet-dates';
import type { CellValue } from '../../core/types';
import { tabNamed } from './tab-named';
import { isDateCell } from '../../core/date-cell';

export const COSTS_SHEET = 'TTS Costs';

type CostsColumn = (typeof COSTS_HEADER)[number];

const FORMATS: Record<CostsColumn, string> = {
  Cost: TEXT_FORMAT,
  Amount: CURRENCY_FORMAT,
  Every: TEXT_FORMAT,
  Percent: '0.00%',
  Of: TEXT_FORMAT,
  Starts: DATE_FORMAT,
  Ends: DATE_FORMAT,
};

/** The TTS Costs tab, made with its header, notes and validation when missing. */
export function costsSheet(): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = tabNamed(COSTS_SHEET);
  if (existing && existing.getLastRow() > 0) return existing;
  const sheet = sheetWithHeader(COSTS_SHEET, COSTS_HEADER);
  const rows = sheet.getMaxRows() - 1;
  COSTS_HEADER.forEach((name, i) => {
    sheet.getRange(1, i + 1).setNote(COSTS_NOTES[name]);
    if (rows > 0) sheet.getRange(2, i + 1, rows, 1).setNumberFormat(FORMATS[name]);
  });
  if (rows > 0) {
    const column = (name: CostsColumn) => sheet.getRange(2, COSTS_HEADER.indexOf(name) + 1, rows, 1);
    column('Amount').setDataValidation(
      strictRule('An amount in dollars, 0 or more.', (r) => r.requireNumberGreaterThanOrEqualTo(0)),
    );
    column('Every').setDataValidation(
      strictRule('month, week, year or once.', (r) =>
        r.requireValueInList(['month', 'week', 'year', 'once'], true),
      ),
    );
    column('Of').setDataValidation(
      strictRule('net sales, gross sales or settlement.', (r) =>
        r.requireValueInList(['net sales', 'gross sales', 'settlement'], true),
      ),
    );
    for (const name of ['Starts', 'Ends'] as const) {
      column(name).setDataValidation(
        strictRule('A date such as 2026-05-01, or blank.', (r) => r.requireDate()),
      );
    }
  }
  return sheet;
}

/** The running costs typed in the TTS Costs tab (none when there is no tab); totals rows skipped go in `totals`. */
export function readCostsTab(totals?: number[]): RunningCost[] {
  const sheet = tabNamed(COSTS_SHEET);
  if (!sheet || sheet.getLastRow() < 2) return [];
  const toText = dateTextConverter();
  const values = (sheet.getDataRange().getValues() as CellValue[][]).map((row) =>
    row.map((cell) => (isDateCell(cell) ? toText(cell as Date) : cell)),
  );
  return readRunningCosts(values, COSTS_SHEET, totals);
}
