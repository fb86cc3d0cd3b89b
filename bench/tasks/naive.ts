/**
 * The obvious implementation, as a baseline: papaparse materializes every row, decimal.js parses
 * every money cell, and P&L sums are Decimal additions grouped by month and SKU.
 */
import Decimal from 'decimal.js';
import Papa from 'papaparse';

const MONEY_COLUMNS = [
  'Total settlement amount',
  'Net sales',
  'Gross sales',
  'Gross sales refund',
  'Seller discount',
  'Seller discount refund',
  'Shipping',
  'TikTok Shop shipping fee',
  'Customer-paid shipping fee',
  'Fees',
  'Transaction fee',
  'Referral fee',
  'Refund administration fee',
  'Affiliate commission',
  'Affiliate partner commission',
  'Adjustment amount',
];

export function naivePnl(text: string): {
  rows: number;
  groups: number;
  settlement: string;
  mismatches: number;
} {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  const col = (name: string) => header.indexOf(name);
  const money = MONEY_COLUMNS.map(col);
  const settlementAt = col('Total settlement amount');
  const parts = ['Net sales', 'Shipping', 'Fees', 'Adjustment amount'].map(col);
  const monthAt = col('Order created date');
  const statementDateAt = col('Statement date (UTC)');
  const skuAt = col('SKU ID');
  const byMonth = new Map<string, Decimal[]>();
  const bySku = new Map<string, Decimal[]>();
  let total = new Decimal(0);
  let mismatches = 0;
  const add = (map: Map<string, Decimal[]>, key: string, values: Decimal[]) => {
    const sums = map.get(key);
    if (!sums) map.set(key, values.slice());
    else for (let i = 0; i < values.length; i++) sums[i] = sums[i].plus(values[i]);
  };
  for (const row of rows) {
    const values = money.map(
      (i) => new Decimal(row[i] === '' || row[i] === '/' || row[i] === undefined ? 0 : row[i]),
    );
    const settlement = new Decimal(row[settlementAt] || 0);
    const sum = parts.reduce((acc, i) => acc.plus(new Decimal(row[i] || 0)), new Decimal(0));
    if (!sum.equals(settlement)) mismatches++;
    total = total.plus(settlement);
    const date = row[monthAt] || row[statementDateAt];
    add(byMonth, date.slice(0, 7), values);
    add(bySku, row[skuAt] || row[col('Type')], values);
  }
  return { rows: rows.length, groups: byMonth.size + bySku.size, settlement: total.toFixed(2), mismatches };
}
