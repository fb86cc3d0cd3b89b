/**
 * Workbooks for the dashboard tests: a TTS Ledger tab written in the ledger's own format (text
 * columns as text, dates typed as dates, money in dollars) and a TTS COGS tab as the seller fills it.
 */
import { Workbook } from '../../emulator/index';
import {
  LEDGER_FIXED_HEADER,
  LEDGER_TAB,
  amountIdsOf,
  ledgerHeader,
  ledgerRowToCells,
} from '../../src/core/ledger/ledger-format';
import type { LedgerRow } from '../../src/core/types';

let serial = 0;

/** An order row: gross sales, a 6 % referral fee, an optional affiliate commission; settlement = the sum. */
export function sale(
  date: string,
  grossDollars: number,
  opts: { sku?: string; qty?: number; affiliate?: number } = {},
): LedgerRow {
  const gross = Math.round(grossDollars * 100);
  const referral = -Math.round(gross * 0.06);
  const affiliate = -Math.round((opts.affiliate ?? 0) * 100);
  const amounts: Record<string, number> = {
    gross_sales: gross,
    referral_fee: referral,
    total_settlement_amount: gross + referral + affiliate,
  };
  if (affiliate) amounts.affiliate_commission = affiliate;
  serial++;
  return {
    key: `S1|${577000000000000000n + BigInt(serial)}|${opts.sku ?? '1729000000000000001'}|Order`,
    layout: 'statement',
    type: 'Order',
    statementId: 'S1',
    orderId: String(577000000000000000n + BigInt(serial)),
    relatedOrderId: '',
    skuId: opts.sku ?? '1729000000000000001',
    sellerSku: 'TANK-BLK',
    productName: 'Tank top',
    skuName: 'Black',
    quantity: opts.qty ?? 1,
    orderDate: date,
    statementDate: date,
    currency: 'USD',
    amounts,
    unknown: {},
    source: { file: 'statement.csv', row: serial + 1 },
  };
}

/** Jan–Apr 2026 full months (50k, 55k, 60k, 70k gross), then May 1–10 at 2,000 a day. */
export function fourMonthsAndTenDays(): LedgerRow[] {
  const rows = [
    sale('2026-01-15', 50_000, { qty: 1000, affiliate: 2_000 }),
    sale('2026-02-15', 55_000, { qty: 1100 }),
    sale('2026-03-15', 60_000, { qty: 1200 }),
    sale('2026-04-15', 70_000, { qty: 1400, affiliate: 3_000 }),
  ];
  for (let d = 1; d <= 10; d++) rows.push(sale(`2026-05-${String(d).padStart(2, '0')}`, 2_000, { qty: 40 }));
  return rows;
}

/** Selling from 1 September 2025: eight full months (enough for an 80% band), then May 1–10. */
export function eightMonthsAndTenDays(): LedgerRow[] {
  const autumn = [
    sale('2025-09-01', 0),
    sale('2025-09-15', 40_000),
    sale('2025-10-15', 42_000),
    sale('2025-11-15', 45_000),
    sale('2025-12-15', 48_000),
  ];
  return [...autumn, ...fourMonthsAndTenDays()];
}

const NUMBER_COLUMNS = new Set(['Source row', 'Quantity']);
const DATE_COLUMNS = new Set(['Order date', 'Statement date']);

/** Writes the rows as the TTS Ledger tab: IDs forced to text, dates typed, amounts in dollars. */
export function seedLedger(workbook: Workbook, rows: readonly LedgerRow[]): void {
  const header = ledgerHeader(amountIdsOf(rows));
  const cells = rows.map((row) =>
    ledgerRowToCells(row, header, 'import-1').map((cell, c) => {
      const label = header[c];
      if (!LEDGER_FIXED_HEADER.includes(label) || NUMBER_COLUMNS.has(label) || DATE_COLUMNS.has(label))
        return cell;
      return `'${cell}`;
    }),
  );
  workbook.seed(LEDGER_TAB, [header, ...cells]);
}

export const COGS_TAB = 'TTS COGS';
export const COGS_HEADER = [
  'SKU ID',
  'Seller SKU',
  'Product name',
  'SKU name',
  'Unit cost',
  'Effective from',
];

/** The TTS COGS tab with one line per [SKU ID, unit cost, effective from]. */
export function seedCogs(workbook: Workbook, lines: [string, number | string, string?][]): void {
  workbook.seed(COGS_TAB, [
    COGS_HEADER,
    ...lines.map(([sku, cost, from]) => [`'${sku}`, 'TANK-BLK', 'Tank top', 'Black', cost, from ?? '']),
  ]);
}

export function dashboardWorkbook(rows: readonly LedgerRow[] = fourMonthsAndTenDays()): Workbook {
  const workbook = new Workbook();
  seedLedger(workbook, rows);
  seedCogs(workbook, [['1729000000000000001', 10]]);
  return workbook;
}
