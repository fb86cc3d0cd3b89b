/**
 * The TTS Dashboard tab, rebuilt from the ledger on every refresh: the monthly table at the top
 * left, the calendar-year and fee-category blocks to its right, a few facts below them, and four
 * charts over those blocks. The tab belongs to the add-on: columns A–P are rewritten each time;
 * charts the seller adds stay.
 */
import type { DashboardResult, SalesMetric, Settings } from '../../core/contract';
import { axisTopWithoutTarget } from '../../core/analysis/chart-scale';
import {
  dashboardModel,
  type DashboardModel,
  type OutlookOptions,
} from '../../core/analysis/dashboard-model';
import { formatDollars } from '../../core/analysis/threshold';
import { drawDashboardCharts, type ChartBlocks } from './dashboard-charts';
import { FRESHNESS_LABEL, markDashboardRefreshed } from './dashboard-freshness';
import { DASHBOARD_TAB, OWNED_COLUMNS } from './dashboard-tab';
import { checkDashboardEdits, rememberDashboard } from './dashboard-ownership';
import { withDocumentLock } from '../sheets/document-lock';
import { readCogs, readLedger } from '../sheets/ledger-reader';
import { skippedRowsText } from '../../core/ledger/keyless-rows';
import { supersededText } from '../../core/ledger/settled-estimates';
import { readSettings } from '../settings';
import { adsDashboardModel, adsSummary } from '../../core/analysis/ads-dashboard-model';
import { readAdRows } from '../sheets/ads-sheet';
import { ADS_TAB } from '../../core/ledger/ads-format';
import { readCampaignSkus } from '../sheets/ad-skus-sheet';
import { adsCharts, writeAdsBlocks } from './ads-dashboard';
import { COSTS_SHEET, costsSheet, readCostsTab } from '../sheets/costs-sheet';
import { totalsSkippedText } from '../../core/analysis/running-costs';
import { NO_ADS_NOTE } from '../../core/analysis/ad-spend';
import { adSpendByMonth } from '../../core/analysis/ads-profit';
import { dollars, moneyFlowChart, netProfitChart, writeProfitBlocks, type Block } from './profit-blocks';
import {
  CURRENCY_FORMAT,
  TEXT_FORMAT,
  ensureColumns,
  textCell,
  writeBlock,
  type Cell,
} from '../sheets/sheet-writing';
import { spreadsheet } from '../sheets/spreadsheet';
import { plural } from '../../core/words';
import { unitlessText } from '../../core/analysis/unitless-rows';
import { IMPORT_FIRST } from '../../core/ledger/ledger-format';

export { DASHBOARD_TAB } from './dashboard-tab';

/** The last column is the 80 % range's width, what the chart stacks on the low bound to shade the band. */
export const TABLE_HEADER = [
  'Month',
  'Sales',
  'Monthly target',
  'Forecast',
  'Low (80%)',
  'High (80%)',
  'Net profit',
  'Fees paid',
  'High − low (80%)',
];
export const YEAR_HEADER = ['Month', 'Sales this year', 'Expected', 'Annual target'];
export const FEES_HEADER = ['Fee category', 'Fees paid'];

const TABLE_COLUMN = 1; // A
const YEAR_COLUMN = 10; // J
const FEES_COLUMN = 15; // O
const FACTS_ROW = 16;
const CHART_COLUMN = 18;

const NO_LEDGER = `Nothing to chart yet: ${IMPORT_FIRST}`;

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

function dashboardSheet(): GoogleAppsScript.Spreadsheet.Sheet {
  const ss = spreadsheet();
  const sheet = ss.getSheetByName(DASHBOARD_TAB) ?? ss.insertSheet(DASHBOARD_TAB);
  ensureColumns(sheet, OWNED_COLUMNS);
  sheet.getRange(1, 1, sheet.getMaxRows(), OWNED_COLUMNS).clear();
  return sheet;
}

function writeHeaderedBlock(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  row: number,
  column: number,
  header: string[],
  body: Cell[][],
  formats: string[],
): void {
  writeBlock(
    sheet,
    row,
    column,
    [header, ...body],
    [header.map(() => TEXT_FORMAT), ...body.map(() => formats)],
  );
  sheet.getRange(row, column, 1, header.length).setFontWeight('bold');
}

/** What the rows of "About these numbers" need to know beside the model. */
interface FactsContext {
  problems: string[];
  ledger: { skipped: number; superseded: number };
  costs: number;
  /** The TTS Costs tab's totals rows skipped, in words, or ''. */
  costsSkipped: string;
  hasAds: boolean;
  /** Whether the dashboard is up to date, in words (dashboard-freshness.ts). */
  freshness: string;
}

function facts(
  model: DashboardModel,
  settings: Settings,
  { problems, ledger, costs, costsSkipped, hasAds, freshness }: FactsContext,
): Cell[][] {
  const s = model.status;
  const lines: [string, string][] = [
    [FRESHNESS_LABEL, freshness],
    ['As of', `${s.asOf} (latest order date in the TTS Ledger tab)`],
    ['Sales metric', METRIC_LABELS[settings.metric]],
    [
      'Targets',
      `${formatDollars(s.monthlyTargetCents)} a month, ${formatDollars(s.annualTargetCents)} a year`,
    ],
    ['This month', s.paceLine],
    ['Forecast', s.forecastMessage],
    ['Unit costs', beforeProductCost(model, true) || 'Every sold SKU has a unit cost.'],
    ['Running costs', `${costsLine(costs)}${costsSkipped && ` ${costsSkipped}`}`],
    [
      'Ad spend',
      hasAds ? 'From the TTS Ads tab: in net profit above, by month and product below.' : NO_ADS_NOTE,
    ],
  ];
  if (model.undatedRows > 0)
    lines.push([
      'Undated rows',
      `${model.undatedRows} ledger rows have no order or statement date and are in no month.`,
    ]);
  if (ledger.skipped > 0) lines.push(['Skipped rows', skippedRowsText(ledger.skipped)]);
  if (ledger.superseded > 0) lines.push(['Settled estimates', supersededText(ledger.superseded)]);
  if (problems.length > 0)
    lines.push(['Unread rows', `${problems.length} ledger rows could not be read: ${problems[0]}`]);
  return lines.map(([label, value]) => [label, textCell(value)]);
}

function costsLine(count: number): string {
  return count === 0
    ? `None yet: add software, staff or storage in the ${COSTS_SHEET} tab.`
    : `${count} from the ${COSTS_SHEET} tab, each month its share by days.`;
}

/**
 * "Net profit is before product cost for 3 sold SKUs with no unit cost in TTS COGS" (`listed`: and
 * which), and for rows sold without units; '' when every sale is costed.
 */
function beforeProductCost(
  { missingCostSkus: missing, unitlessRows }: DashboardModel,
  listed: boolean,
): string {
  const skus =
    missing.length === 0
      ? ''
      : `${plural(missing.length, 'sold SKU')} with no unit cost in TTS COGS` +
        (listed ? `: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ' …' : ''}` : '');
  const what = [skus, unitlessText(unitlessRows)].filter(Boolean).join('; and for ');
  return what && `Net profit is before product cost for ${what}`;
}

/** "Net profit by month", or "… before product cost for 3 SKUs" while sold SKUs have no unit cost. */
function profitTitle({ missingCostSkus: { length } }: DashboardModel): string {
  return `Net profit and margin by month${length ? `, before product cost for ${plural(length, 'SKU')}` : ''}`;
}

/** Writes every block; returns where they are for the charts. */
function writeBlocks(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  model: DashboardModel,
  settings: Settings,
  context: FactsContext,
): ChartBlocks & { profit: Block; flow: Block } {
  const target = model.status.monthlyTargetCents;
  const table = model.months.map((m): Cell[] => [
    m.month,
    dollars(m.sales),
    dollars(target),
    dollars(m.forecast),
    dollars(m.low80),
    dollars(m.high80),
    dollars(m.netProfit),
    dollars(m.feesPaid),
    m.low80 === null || m.high80 === null ? '' : dollars(m.high80 - m.low80),
  ]);
  const money = [TEXT_FORMAT, ...TABLE_HEADER.slice(1).map(() => CURRENCY_FORMAT)];
  writeHeaderedBlock(sheet, 1, TABLE_COLUMN, TABLE_HEADER, table, money);

  const annual = model.status.annualTargetCents;
  const year = model.year.map((y): Cell[] => [
    y.month,
    dollars(y.actual),
    dollars(y.expected),
    dollars(annual),
  ]);
  writeHeaderedBlock(sheet, 1, YEAR_COLUMN, YEAR_HEADER, year, money.slice(0, 4));

  // A bar chart needs a row to draw: a year without fees shows one empty category.
  const fees: Cell[][] =
    model.feesByCategory.length > 0
      ? model.feesByCategory.map((f) => [f.category, dollars(f.paid)])
      : [['No fees this year', 0]];
  writeHeaderedBlock(sheet, 1, FEES_COLUMN, FEES_HEADER, fees, money.slice(0, 2));

  const about = facts(model, settings, context);
  writeHeaderedBlock(sheet, FACTS_ROW, YEAR_COLUMN, ['About these numbers', ''], about, [
    TEXT_FORMAT,
    TEXT_FORMAT,
  ]);
  const below = Math.max(table.length + 1, FACTS_ROW + about.length) + 2;
  const { profit, flow } = writeProfitBlocks(sheet, below, TABLE_COLUMN, model.profit, profitTitle(model));
  sheet.setFrozenRows(1);
  const historyRows = model.months.filter((m) => m.sales !== null).length;
  return {
    table: { row: 1, column: TABLE_COLUMN, rows: table.length, historyRows },
    year: { row: 1, column: YEAR_COLUMN },
    fees: { row: 1, column: FEES_COLUMN, rows: fees.length },
    chartColumn: CHART_COLUMN,
    profit,
    flow,
  };
}

export function refreshDashboard(_arg: null): DashboardResult {
  // Columns A–P are rewritten: a refresh that would clear what the seller typed there refuses first.
  checkDashboardEdits();
  const ledger = readLedger();
  if (!ledger || ledger.rows.length === 0) return { message: NO_LEDGER, months: 0, charts: 0 };
  const settings = readSettings();
  const cogs = readCogs();
  const totals: number[] = [];
  const costs = withDocumentLock(() => {
    costsSheet();
    return readCostsTab(totals);
  });
  const costsSkipped = totalsSkippedText(totals, COSTS_SHEET);
  const { rows: adRows, skipped: adsSkipped } = readAdRows();
  // Net profit counts the ad spend, as TTS_PNL with its ads argument does.
  const adSpend = adSpendByMonth(adRows, ledger.rows);
  const model = dashboardModel(ledger.rows, cogs, outlookOptions(settings), { costs, adSpend });
  if (!model.status.hasData) return { message: model.status.message, months: 0, charts: 0 };

  const year = model.status.asOf.slice(0, 4);
  const mapping = readCampaignSkus();
  // The ad blocks work from the profit before ads, of every month the profit table has.
  const beforeAds = model.profit.map((m) => [m.month, m.netProfit + (adSpend.get(m.month) || 0)] as const);
  const adsModel = adsDashboardModel(adRows, ledger.rows, cogs, new Map(beforeAds), mapping.skus);
  const charts = withDocumentLock(() => {
    const sheet = dashboardSheet();
    const freshness = markDashboardRefreshed(new Date());
    const blocks = writeBlocks(sheet, model, settings, {
      problems: ledger.problems,
      ledger,
      costs: costs.length,
      costsSkipped,
      hasAds: Boolean(adsModel),
      freshness,
    });
    const ads = adsModel && writeAdsBlocks(sheet, sheet.getLastRow() + 3, adsModel);
    rememberDashboard(sheet);
    sheet.activate(); // the seller's next look is the answer
    const monthlyTarget = formatDollars(model.status.monthlyTargetCents);
    const annualTarget = formatDollars(model.status.annualTargetCents);
    const tops = {
      monthly: axisTopWithoutTarget(
        model.months.flatMap((m) => [m.sales, m.forecast, m.high80]),
        model.status.monthlyTargetCents,
      ),
      year: axisTopWithoutTarget(
        model.year.flatMap((y) => [y.actual, y.expected]),
        model.status.annualTargetCents,
      ),
    };
    return drawDashboardCharts(
      sheet,
      blocks,
      {
        monthly:
          tops.monthly === null
            ? `Monthly sales vs the ${monthlyTarget} target, with forecast`
            : `Monthly sales with forecast; the ${monthlyTarget} target is above the chart`,
        year:
          tops.year === null
            ? `Sales in ${year} vs the ${annualTarget} annual target`
            : `Sales in ${year}; the ${annualTarget} annual target is above the chart`,
        fees: `Fees paid by category, ${year}`,
      },
      tops,
      [
        (s, column) => netProfitChart(s, blocks.profit, { row: 20, column: column + 7 }, profitTitle(model)),
        (s, column) => moneyFlowChart(s, blocks.flow, { row: 39, column }, 'Where the money went, by month'),
        (s, column) => (ads ? adsCharts(s, ads, column) : []),
      ],
    );
  });
  const months = model.months.filter((m) => m.sales !== null).length;
  const beforeCost = beforeProductCost(model, false);
  const unitCosts = beforeCost && ` ${beforeCost}.`;
  return {
    message:
      `${DASHBOARD_TAB} refreshed: ` +
      `${plural(months, 'month')} of sales, ${charts} charts. ${model.status.message}${unitCosts}${adsModel ? ` ${adsSummary(adsModel)}` : ''}${[
        skippedRowsText(ledger.skipped),
        skippedRowsText(adsSkipped, ADS_TAB),
        costsSkipped,
        supersededText(ledger.superseded),
        adsModel ? mapping.problem : '',
      ]
        .filter(Boolean)
        .map((t) => ` ${t}`)
        .join('')}`,
    months,
    charts,
  };
}
