/**
 * The dashboard's profit blocks, below the monthly table and the facts: profit by month with every
 * cost (COGS, gross profit, samples, running costs, ad spend, net profit, net margin), and where
 * each month's gross sales went; and the two charts drawn from them.
 */
import { centsToDollars } from '../../core/money';
import { MONEY_FLOW_PARTS, type MonthProfit } from '../../core/analysis/dashboard-profit';
import { CURRENCY_FORMAT, TEXT_FORMAT, writeBlock, type Cell } from '../sheets/sheet-writing';
import { dashboardChart } from './dashboard-charts';
import { PNL_COLUMNS } from '../custom-functions/profit';

/** TTS_PNL's columns from Settlement on: the dashboard and the formula name each line alike. */
export const PROFIT_HEADER = ['Month', ...PNL_COLUMNS.slice(PNL_COLUMNS.indexOf('Settlement'))];
export const FLOW_HEADER = ['Month', ...MONEY_FLOW_PARTS.map(([, label]) => label)];
const PERCENT_FORMAT = '0.0%';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

/** Where a block landed: its header row, first column and number of data rows. */
export interface Block {
  row: number;
  column: number;
  rows: number;
}

/** Cents as a dollars cell; blank for a figure that does not apply. */
export const dollars = (cents: number | null): Cell => (cents === null ? '' : centsToDollars(cents));

function write(
  sheet: Sheet,
  row: number,
  column: number,
  title: string,
  header: string[],
  body: Cell[][],
  formats: string[],
): Block {
  writeBlock(
    sheet,
    row,
    column,
    [[title, ...header.slice(1).map(() => '')], header, ...body],
    [header.map(() => TEXT_FORMAT), header.map(() => TEXT_FORMAT), ...body.map(() => formats)],
  );
  sheet.getRange(row, column, 2, header.length).setFontWeight('bold');
  return { row: row + 1, column, rows: body.length };
}

/** Writes both blocks from `row` down in column `column`; returns where they are. */
export function writeProfitBlocks(
  sheet: Sheet,
  row: number,
  column: number,
  months: readonly MonthProfit[],
  title: string,
): { profit: Block; flow: Block } {
  const body = months.map((m): Cell[] => [
    m.month,
    dollars(m.lines.settlement),
    dollars(m.cogs),
    dollars(m.grossProfit),
    dollars(m.samples),
    dollars(m.runningCosts),
    dollars(m.adSpend),
    dollars(m.netProfit),
    m.netMargin === null ? '' : Math.round(m.netMargin * 10_000) / 10_000,
  ]);
  const money = PROFIT_HEADER.map((_, i) =>
    i === 0 ? TEXT_FORMAT : i === PROFIT_HEADER.length - 1 ? PERCENT_FORMAT : CURRENCY_FORMAT,
  );
  const profit = write(sheet, row, column, title, PROFIT_HEADER, body, money);
  const flowBody = months.map((m): Cell[] => [
    m.month,
    ...MONEY_FLOW_PARTS.map(([part]) => dollars(m.flow[part])),
  ]);
  const flow = write(
    sheet,
    profit.row + profit.rows + 2,
    column,
    'Where the money went (gross sales = the sum of the parts)',
    FLOW_HEADER,
    flowBody,
    FLOW_HEADER.map((_, i) => (i === 0 ? TEXT_FORMAT : CURRENCY_FORMAT)),
  );
  return { profit, flow };
}

const GREEN = '#0f9d58';
const GREY = '#9aa0a6';
const FLOW_COLORS = [
  '#f4b400',
  '#db4437',
  '#ab47bc',
  '#8d6e63',
  '#ff7043',
  '#5c6bc0',
  '#00acc1',
  GREY,
  GREEN,
];

/** Net profit (columns) and net margin (line, right axis) by month. */
export function netProfitChart(
  sheet: Sheet,
  block: Block,
  at: { row: number; column: number },
  title: string,
): Chart {
  return dashboardChart(
    sheet.newChart().asComboChart(),
    [
      sheet.getRange(block.row, block.column, block.rows + 1, 1),
      sheet.getRange(block.row, block.column + 7, block.rows + 1, 2),
    ],
    {
      title,
      seriesType: 'bars',
      series: {
        0: { type: 'bars', color: GREEN, targetAxisIndex: 0 },
        1: { type: 'line', color: GREY, targetAxisIndex: 1, pointSize: 4 },
      },
      vAxes: { 0: { format: '$#,##0' }, 1: { format: '0%' } },
      legend: { position: 'bottom' },
    },
    at.row,
    at.column,
  );
}

/** Each month's gross sales stacked by where they went. */
export function moneyFlowChart(
  sheet: Sheet,
  block: Block,
  at: { row: number; column: number },
  title: string,
): Chart {
  return dashboardChart(
    sheet.newChart().asColumnChart(),
    [sheet.getRange(block.row, block.column, block.rows + 1, FLOW_HEADER.length)],
    {
      isStacked: true,
      title,
      colors: FLOW_COLORS,
      vAxis: { format: '$#,##0' },
      legend: { position: 'right' },
    },
    at.row,
    at.column,
  );
}
