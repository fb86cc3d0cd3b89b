/**
 * *Insert formula*: the seller picks a TTS_ function and a source tab; the formula goes into the
 * selected cell with that tab's real columns (and those of TTS COGS, TTS Costs and TTS Ads for a
 * function that counts every cost), so nobody types a range. A cell that already holds something
 * is replaced only after the seller confirms.
 */
import { boolean, object, oneOf, text } from '../import/request-shapes';
import type {
  FormulaSourceTab,
  FormulaSources,
  InsertFormulaRequest,
  InsertFormulaResult,
} from '../../core/contract';
import {
  FORMULA_CHOICES,
  buildFormula,
  columnLetters,
  formulaChoice,
  quoteSheetName,
  type FormulaSource,
} from '../../core/formula-builder';
import { COSTS_HEADER } from '../../core/analysis/running-costs';
import { ADS_TAB } from '../../core/ledger/ads-format';
import { LEDGER_TAB } from '../../core/ledger/ledger-format';
import { detectLayout, HEADER_SCAN_ROWS } from '../../core/read/layouts';
import { isAdsLayout } from '../../core/read/ads-layouts';
import { checkRequest } from '../import/request-check';
import { COGS_SHEET } from '../sheets/cogs-sheet';
import { COSTS_SHEET, costsSheet } from '../sheets/costs-sheet';
import { withDocumentLock } from '../sheets/document-lock';
import { IMPORTS_SHEET } from '../sheets/imports-log';
import { DASHBOARD_TAB } from '../dashboard/dashboard-tab';
import { spreadsheet } from '../sheets/spreadsheet';

/** Tabs the add-on rewrites: a formula typed there would be overwritten or break the tab. */
const NO_FORMULA_TABS = new Set([LEDGER_TAB, IMPORTS_SHEET, COGS_SHEET, DASHBOARD_TAB, ADS_TAB]);

const InsertFormulaSchema = object({
  fn: oneOf(FORMULA_CHOICES.map((c) => c.fn)),
  source: text({ min: 1, max: 200 }),
  overwrite: boolean(),
});

function sourceTab(sheet: GoogleAppsScript.Spreadsheet.Sheet): FormulaSourceTab | null {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow === 0 || lastColumn === 0) return null;
  const top = sheet.getRange(1, 1, Math.min(lastRow, HEADER_SCAN_ROWS), lastColumn).getValues();
  const found = detectLayout(top, sheet.getName());
  // An ad report (the TTS Ads tab) is an argument of these functions, never their statement.
  return {
    name: sheet.getName(),
    lastColumn,
    layout: found.ok && !isAdsLayout(found.layout) ? found.label : '',
  };
}

/** A tab's name and width, or null when it is missing or empty. */
function tabWidth(name: string): FormulaSource | null {
  const sheet = spreadsheet().getSheetByName(name);
  const lastColumn = sheet ? sheet.getLastColumn() : 0;
  return lastColumn > 0 ? { name, lastColumn } : null;
}

function cellName(range: GoogleAppsScript.Spreadsheet.Range): string {
  return `${range.getSheet().getName()}!${columnLetters(range.getColumn())}${range.getRow()}`;
}

export function listFormulaSources(_arg: null): FormulaSources {
  const ss = spreadsheet();
  const tabs = ss
    .getSheets()
    .filter((s) => s.getName() !== COGS_SHEET)
    .map(sourceTab)
    .filter((t): t is FormulaSourceTab => t !== null && t.layout !== '');
  // The ledger first (it holds every import), then exports in tab order.
  tabs.sort((a, b) => Number(b.name === LEDGER_TAB) - Number(a.name === LEDGER_TAB));
  return {
    sources: tabs,
    cogs: tabWidth(COGS_SHEET),
    cell: cellName(ss.getCurrentCell() ?? ss.getActiveSheet().getRange(1, 1)),
  };
}

function shown(value: unknown, formula: string): string {
  const text = formula || String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function insertFormula(arg: InsertFormulaRequest): InsertFormulaResult {
  const request = checkRequest(InsertFormulaSchema, arg, 'Insert formula');
  const ss = spreadsheet();
  const source = ss.getSheetByName(request.source);
  if (!source) throw new Error(`There is no tab named ${request.source}: pick a tab from the list again.`);
  const from = sourceTab(source);
  if (!from) throw new Error(`The ${request.source} tab is empty: import or paste an export into it first.`);
  const choice = formulaChoice(request.fn)!;
  // A TTS Costs tab added later would not be in a formula written without it: the tab is made
  // with the formula (as the dashboard's refresh makes it), so costs typed later count.
  const formula = buildFormula(
    choice.fn,
    from,
    tabWidth(COGS_SHEET),
    tabWidth(COSTS_SHEET) ?? { name: COSTS_SHEET, lastColumn: COSTS_HEADER.length },
    tabWidth(ADS_TAB),
  );

  const cell = ss.getCurrentCell() ?? ss.getActiveSheet().getRange(1, 1);
  const target = cell.getSheet().getName();
  const where = cellName(cell);
  if (NO_FORMULA_TABS.has(target)) {
    throw new Error(
      `${where} is in the ${target} tab, which TTS Profit rewrites. Select a cell in one of your own tabs (or a new tab), then Insert again.`,
    );
  }
  if (target === from.name && cell.getColumn() <= from.lastColumn) {
    throw new Error(
      `${where} is inside the range the formula reads (${quoteSheetName(from.name)}!A:${columnLetters(from.lastColumn)}` +
        `): Sheets would report a circular reference. Select a cell to the ` +
        `right of the data or in another tab.`,
    );
  }
  const existingFormula = cell.getFormula();
  const existing = cell.getValue();
  if (!request.overwrite && (existingFormula !== '' || (existing !== '' && existing !== null))) {
    return { status: 'confirm', cell: where, formula, existing: shown(existing, existingFormula) };
  }
  if (choice.costs !== undefined) withDocumentLock(costsSheet);
  cell.setFormula(formula);
  cell.activate(); // a new TTS Costs tab is brought to the front
  return { status: 'inserted', cell: where, formula };
}
