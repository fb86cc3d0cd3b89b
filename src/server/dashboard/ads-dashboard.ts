/**
 * The ad blocks of the TTS Dashboard, under the sales blocks: ad spend and profit after ads by
 * month (with TACoS and ROAS), ads per product against break-even (money-losing first), the facts
 * behind them, and two charts. Written only when the TTS Ads tab holds rows.
 */
import { centsToDollars } from '../../core/money';
import type { AdsDashboardModel } from '../../core/analysis/ads-dashboard-model';
import { CURRENCY_FORMAT, TEXT_FORMAT, textCell, writeBlock, type Cell } from '../sheets/sheet-writing';
import { dashboardChart } from './dashboard-charts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

export const ADS_MONTH_HEADER = [
  'Month',
  'Ad spend',
  'Attributed revenue',
  'Net profit',
  'GMV Pay transfers',
  'Ad fees in settlement',
  'Profit after ads',
  'TACoS',
  'Blended ROAS',
  'Attributed ROAS',
];
export const ADS_PRODUCT_HEADER = [
  'Product',
  'Ad spend',
  'GMV Max revenue',
  'ROAS',
  'Break-even ROAS',
  'Profit after ads',
  'Affiliate share',
  'Note',
];

const PERCENT = '0.00%';
const RATIO = '0.00';

export interface AdsBlocks {
  months: { row: number; rows: number };
  products: { row: number; rows: number };
}

const dollars = (cents: number | null): Cell => (cents === null ? '' : centsToDollars(cents));
const num = (value: number | null): Cell => (value === null ? '' : value);

function headered(sheet: Sheet, row: number, header: string[], body: Cell[][], formats: string[]): void {
  writeBlock(sheet, row, 1, [header, ...body], [header.map(() => TEXT_FORMAT), ...body.map(() => formats)]);
  sheet.getRange(row, 1, 1, header.length).setFontWeight('bold');
}

/** Writes the ad blocks from `row` down (column A on); returns where they are for the charts. */
export function writeAdsBlocks(sheet: Sheet, row: number, model: AdsDashboardModel): AdsBlocks {
  writeBlock(sheet, row, 1, [['Ads: spend, profit after ads, ROAS']], [[TEXT_FORMAT]]);
  sheet.getRange(row, 1).setFontWeight('bold');
  const monthsRow = row + 1;
  const months = model.months.map((m): Cell[] => [
    m.month,
    dollars(m.spend),
    dollars(m.attributedRevenue),
    dollars(m.netProfit),
    dollars(m.gmvPayTransfers),
    dollars(m.adFeesInSettlement),
    dollars(m.profitAfterAds),
    num(m.tacos),
    num(m.blendedRoas),
    num(m.attributedRoas),
  ]);
  headered(sheet, monthsRow, ADS_MONTH_HEADER, months, [
    TEXT_FORMAT,
    CURRENCY_FORMAT,
    CURRENCY_FORMAT,
    CURRENCY_FORMAT,
    CURRENCY_FORMAT,
    CURRENCY_FORMAT,
    CURRENCY_FORMAT,
    PERCENT,
    RATIO,
    RATIO,
  ]);

  const productsRow = monthsRow + months.length + 2;
  const products = model.products.products.map((p): Cell[] => [
    textCell(p.product),
    dollars(p.spend),
    dollars(p.revenue),
    num(p.actualRoas),
    num(p.breakevenRoas),
    dollars(p.profitAfterAds),
    num(p.affiliateShare),
    textCell(p.note || (p.losing ? 'Ads lose money after product cost.' : '')),
  ]);
  const productBody =
    products.length > 0
      ? products
      : [['No GMV Max rows by product yet', '', '', '', '', '', '', ''] as Cell[]];
  headered(sheet, productsRow, ADS_PRODUCT_HEADER, productBody, [
    TEXT_FORMAT,
    CURRENCY_FORMAT,
    CURRENCY_FORMAT,
    RATIO,
    RATIO,
    CURRENCY_FORMAT,
    PERCENT,
    TEXT_FORMAT,
  ]);

  const factsRow = productsRow + productBody.length + 2;
  headered(
    sheet,
    factsRow,
    ['About the ad figures', ''],
    model.facts.map(([label, text]) => [label, textCell(text)]),
    [TEXT_FORMAT, TEXT_FORMAT],
  );
  return {
    months: { row: monthsRow, rows: months.length },
    products: { row: productsRow, rows: products.length },
  };
}

/** Spend vs profit after ads per month; ROAS vs break-even per product. */
export function adsCharts(sheet: Sheet, blocks: AdsBlocks, chartColumn: number): Chart[] {
  const charts: Chart[] = [];
  const { row, rows } = blocks.months;
  if (rows > 0) {
    charts.push(
      dashboardChart(
        sheet.newChart().asColumnChart(),
        [sheet.getRange(row, 1, rows + 1, 2), sheet.getRange(row, 7, rows + 1, 1)],
        {
          title: 'Ad spend vs profit after ads, by month',
          colors: ['#db4437', '#0f9d58'],
          vAxis: { format: '$#,##0' },
          legend: { position: 'bottom' },
        },
        row,
        chartColumn,
      ),
    );
  }
  const p = blocks.products;
  if (p.rows > 0) {
    charts.push(
      dashboardChart(
        sheet.newChart().asBarChart(),
        [sheet.getRange(p.row, 1, p.rows + 1, 1), sheet.getRange(p.row, 4, p.rows + 1, 2)],
        {
          title: 'ROAS vs break-even ROAS per product (money-losing first)',
          colors: ['#4285f4', '#db4437'],
          legend: { position: 'bottom' },
        },
        p.row,
        chartColumn + 7,
      ),
    );
  }
  return charts;
}
