/**
 * The TTS Dashboard tab, rebuilt from the ledger on every refresh: the monthly table at the top
 * left, the calendar-year and fee-category blocks to its right, a few facts below them, and four
 * charts over those blocks. The tab belongs to the add-on: columns A–P are rewritten each time;
 * charts the seller adds stay.
 */
import { centsToDollars } from '../../core/money';
import type { DashboardResult, SalesMetric, Settings } from '../../core/contract';
import { axisTopWithoutTarget } from '../../core/analysis/chart-scale';
import { dashboardModel, type DashboardModel, type OutlookOptions } from '../../core/analysis/dashboard-model';
import { formatDollars } from '../../core/analysis/threshold';
import { drawDashboardCharts, type ChartBlocks } from './dashboard-charts';
import { FRESHNESS_LABEL, markDashboardRefreshed } from './dashboard-freshness';
import { DASHBOARD_TAB, OWNED_COLUMNS } from './dashboard-tab';
import { withDocumentLock } from '../sheets/document-lock';
import { readCogs, readLedger } from '../sheets/ledger-reader';
import { readSettings } from '../settings';
import { CURRENCY_FORMAT, TEXT_FORMAT, ensureColumns, textCell, writeBlock, type Cell } from '../sheets/sheet-writing';

export { DASHBOARD_TAB } from './dashboard-tab';

export const TABLE_HEADER = ['Month', 'Sales', 'Monthly target', 'Forecast', 'Low (80%)', 'High (80%)', 'Net profit', 'Fees paid'];
export const YEAR_HEADER = ['Month', 'Sales this year', 'Expected', 'Annual target'];
export const FEES_HEADER = ['Fee category', 'Fees paid'];

const TABLE_COLUMN = 1; // A
const YEAR_COLUMN = 10; // J
const FEES_COLUMN = 15; // O
const FACTS_ROW = 16;
const CHART_COLUMN = 18;

const NO_LEDGER = 'Nothing to chart yet: import a statement export first.';

export const METRIC_LABELS: Record<SalesMetric, string> = {
  gross: 'Gross sales (items sold and kept, before discounts)',
  net: 'Net sales (after seller discounts and refunds)',
  settlement: 'Total settlement amount (after fees)',
};

export function outlookOptions(settings: Settings): OutlookOptions {
  return {
    monthlyTargetCents: Math.round(settings.monthlyTarget * 100),
    annualTargetCents: Math.round(settings.annualTarget * 100),
    metric: settings.metric,
  };
}

const dollars = (cents: number | null): Cell => (cents === null ? '' : centsToDollars(cents));

function dashboardSheet(): GoogleAppsScript.Spreadsheet.Sheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName(DASHBOARD_TAB) ?? ss.insertSheet(DASHBOARD_TAB);
  ensureColumns(sheet, OWNED_COLUMNS);
  sheet.getRange(1, 1, sheet.getMaxRows(), OWNED_COLUMNS).clear();
  return sheet;
}

function writeHeaderedBlock(sheet: GoogleAppsScript.Spreadsheet.Sheet, row: number, column: number, header: string[], body: Cell[][], formats: string[]): void {
  writeBlock(sheet, row, column, [header, ...body], [header.map(() => TEXT_FORMAT), ...body.map(() => formats)]);
  sheet.getRange(row, column, 1, header.length).setFontWeight('bold');
}

function facts(model: DashboardModel, settings: Settings, problems: string[], freshness: string): Cell[][] {
  const s = model.status;
  const missing = model.missingCostSkus;
  const lines: [string, string][] = [
    [FRESHNESS_LABEL, freshness],
    ['As of', `${s.asOf} (latest date in the TTS Ledger tab)`],
    ['Sales metric', METRIC_LABELS[settings.metric]],
    ['Targets', `${formatDollars(s.monthlyTargetCents)} a month, ${formatDollars(s.annualTargetCents)} a year`],
    ['This month', s.paceLine],
    ['Forecast', s.forecastMessage],
    ['Unit costs', missing.length === 0
      ? 'Every sold SKU has a unit cost.'
      : `No unit cost in TTS COGS for ${missing.length} sold SKU${missing.length === 1 ? '' : 's'} (counted as $0): ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ' …' : ''}`],
  ];
  if (model.undatedRows > 0) lines.push(['Undated rows', `${model.undatedRows} ledger rows have no order or statement date and are in no month.`]);
  if (problems.length > 0) lines.push(['Unread rows', `${problems.length} ledger rows could not be read: ${problems[0]}`]);
  return lines.map(([label, value]) => [label, textCell(value)]);
}

/** Writes every block; returns where they are for the charts. */
function writeBlocks(sheet: GoogleAppsScript.Spreadsheet.Sheet, model: DashboardModel, settings: Settings, problems: string[], freshness: string): ChartBlocks {
  const target = model.status.monthlyTargetCents;
  const table = model.months.map((m): Cell[] => [
    m.month, dollars(m.sales), dollars(target), dollars(m.forecast), dollars(m.low80), dollars(m.high80), dollars(m.netProfit), dollars(m.feesPaid),
  ]);
  const money = [TEXT_FORMAT, CURRENCY_FORMAT, CURRENCY_FORMAT, CURRENCY_FORMAT, CURRENCY_FORMAT, CURRENCY_FORMAT, CURRENCY_FORMAT, CURRENCY_FORMAT];
  writeHeaderedBlock(sheet, 1, TABLE_COLUMN, TABLE_HEADER, table, money);

  const annual = model.status.annualTargetCents;
  const year = model.year.map((y): Cell[] => [y.month, dollars(y.actual), dollars(y.expected), dollars(annual)]);
  writeHeaderedBlock(sheet, 1, YEAR_COLUMN, YEAR_HEADER, year, money.slice(0, 4));

  // A bar chart needs a row to draw: a year without fees shows one empty category.
  const fees: Cell[][] = model.feesByCategory.length > 0
    ? model.feesByCategory.map((f) => [f.category, dollars(f.paid)])
    : [['No fees this year', 0]];
  writeHeaderedBlock(sheet, 1, FEES_COLUMN, FEES_HEADER, fees, money.slice(0, 2));

  writeHeaderedBlock(sheet, FACTS_ROW, YEAR_COLUMN, ['About these numbers', ''], facts(model, settings, problems, freshness), [TEXT_FORMAT, TEXT_FORMAT]);
  sheet.setFrozenRows(1);
  const historyRows = model.months.filter((m) => m.sales !== null).length;
  return {
    table: { row: 1, column: TABLE_COLUMN, rows: table.length, historyRows },
    year: { row: 1, column: YEAR_COLUMN },
    fees: { row: 1, column: FEES_COLUMN, rows: fees.length },
    chartColumn: CHART_COLUMN,
  };
}

export function refreshDashboard(_arg: null): DashboardResult {
  const ledger = readLedger();
  if (!ledger || ledger.rows.length === 0) return { message: NO_LEDGER, months: 0, charts: 0 };
  const settings = readSettings();
  const model = dashboardModel(ledger.rows, readCogs(), outlookOptions(settings));
  if (!model.status.hasData) return { message: model.status.message, months: 0, charts: 0 };

  const year = model.status.asOf.slice(0, 4);
  const charts = withDocumentLock(() => {
    const sheet = dashboardSheet();
    const blocks = writeBlocks(sheet, model, settings, ledger.problems, markDashboardRefreshed(new Date()));
    sheet.activate(); // the seller's next look is the answer
    const monthlyTarget = formatDollars(model.status.monthlyTargetCents);
    const annualTarget = formatDollars(model.status.annualTargetCents);
    const tops = {
      monthly: axisTopWithoutTarget(model.months.flatMap((m) => [m.sales, m.forecast, m.high80]), model.status.monthlyTargetCents),
      year: axisTopWithoutTarget(model.year.flatMap((y) => [y.actual, y.expected]), model.status.annualTargetCents),
    };
    return drawDashboardCharts(sheet, blocks, {
      monthly: tops.monthly === null
        ? `Monthly sales vs the ${monthlyTarget} target, with forecast`
        : `Monthly sales with forecast; the ${monthlyTarget} target is above the chart`,
      year: tops.year === null
        ? `Sales in ${year} vs the ${annualTarget} annual target`
        : `Sales in ${year}; the ${annualTarget} annual target is above the chart`,
      fees: `Fees paid by category, ${year}`,
      profit: 'Net profit by month',
    }, tops);
  });
  const months = model.months.filter((m) => m.sales !== null).length;
  const missing = model.missingCostSkus.length;
  const costs = missing === 0 ? '' : ` ${missing} sold SKU${missing === 1 ? ' has' : 's have'} no unit cost in TTS COGS.`;
  return {
    message: `${DASHBOARD_TAB} refreshed: ${months} month${months === 1 ? '' : 's'} of sales, ${charts} charts. ${model.status.message}${costs}`,
    months,
    charts,
  };
}
