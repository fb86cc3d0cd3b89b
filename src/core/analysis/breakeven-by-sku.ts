/**
 * Break-even ROAS of every SKU from the seller's own settlements: what a unit really sold for
 * (net sales ÷ units sold over a period), what TikTok's fees and the shipping took from it, and the
 * unit cost in force at the period's end, in the TTS COGS tab. The ROAS below which an ad-driven
 * sale loses money is the price ÷ what a unit leaves after fees, shipping and its cost.
 *
 * Amounts per unit are integer ten-thousandths of a dollar (the unit cost's own scale, see
 * unit-cost.ts), each rounded once, half away from zero; nothing is a float of dollars. Rows stream
 * past once (a 50,000-row statement never becomes row objects); each SKU holds one accumulator.
 */
import { costEntryOn, type CogsTable } from './cogs';
import { adFeeIn } from './ads-profit';
import { viewPnl } from './pnl';
import { OrderLines } from './order-lines';
import { rowDate } from './row-dates';
import { isSampleOrder } from './samples';
import { UNIT_COST_PER_CENT } from './unit-cost';
import { detachedText } from '../read/detached-text';
import type { RowView } from '../read/row-view';

/** One SKU's figures over the period. Per-unit amounts in ten-thousandths of a dollar. */
export interface SkuBreakeven {
  sku: string;
  product: string;
  units: number;
  /** Net sales ÷ units sold; null without units sold. */
  price: number | null;
  /** Fees (GMV Max ad fees left out: ad spend) ÷ net sales (positive fraction), 4 decimals; null without net sales. */
  feeRate: number | null;
  feesPerUnit: number | null;
  shippingPerUnit: number | null;
  /** The unit cost in force on the period's last day (the parts' total); null: no cost in COGS. */
  unitCost: number | null;
  /** Price − fees − shipping − unit cost, per unit; null without units or without a unit cost. */
  contribution: number | null;
  /** Price ÷ contribution, 2 decimals; null when there is none to divide (see `note`). */
  roas: number | null;
  /** Why there is no ROAS, in the seller's words; '' when there is one. */
  note: string;
}

export const NO_UNITS_NOTE = 'No units sold in the period';
export const NO_COST_NOTE = 'No unit cost: add it to TTS COGS';
export const LOSS_NOTE = 'Loses money before ads';

interface SkuSums {
  sku: string;
  sellerSku: string;
  product: string;
  units: number;
  netSales: number;
  fees: number;
  shipping: number;
  /** The SKU's last sale date in the period. */
  last: string;
}

/** `numerator ÷ denominator` rounded to an integer, half away from zero (integers in, integer out). */
export function roundedQuotient(numerator: number, denominator: number): number {
  const negative = numerator < 0 !== denominator < 0;
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  const whole = Math.floor(n / d);
  const q = whole + (2 * (n - whole * d) >= d ? 1 : 0);
  return negative ? -q : q;
}

/** A row of a SKU: what its sums read (the row view, or a row waiting for its line's sale). */
interface SkuRow {
  skuId: string;
  sellerSku: string;
  productName: string;
  skuName: string;
}

/**
 * Adds up each SKU's units, net sales, fees and shipping from the rows dated `from…to` (ISO days,
 * '' = open). Free samples are left out: they sold nothing. Rows without a SKU (adjustments) too.
 * A row without gross sales counts after the last row, once its order line's sale is known
 * (order-lines.ts): a later refund gives back the units whose price it refunded.
 */
export class SkuBreakevenTally {
  private readonly skus = new Map<string, SkuSums>();
  private readonly lines = new OrderLines();
  /** The last day of the rows counted, for the unit cost when the period has no end. */
  private lastDay = '';

  constructor(
    private readonly from = '',
    private readonly to = '',
  ) {}

  addView(view: RowView): void {
    if (view.skuId === '' && view.sellerSku === '') return;
    const collected = viewPnl(view);
    const lines = collected.lines;
    const sample = isSampleOrder(view.quantity, lines, view.sampleType);
    // Every sale of the range is noted, in the period or not: a refund in it may be of an earlier sale.
    const waits = this.lines.read(view, collected, '');
    const day = rowDate(view);
    if (
      (this.from !== '' && (day === '' || day < this.from)) ||
      (this.to !== '' && (day === '' || day > this.to))
    )
      return;
    // A GMV Max ad fee is ad spend, as in the P&L: in the threshold too it would count the ads twice.
    const fees = lines.fees - adFeeIn(collected);
    if (!waits) {
      if (!sample) this.count(view, day, collected.unitsSold, lines.netSales, fees, lines.shipping);
      return;
    }
    const row: SkuRow = {
      skuId: detachedText(view.skuId),
      sellerSku: detachedText(view.sellerSku),
      productName: detachedText(view.productName),
      skuName: detachedText(view.skuName),
    };
    const { unitsSold } = collected;
    const { netSales, shipping } = lines;
    const at = detachedText(day);
    // Paired with its sale a row is no sample: a fee or shipping charge of a sold line, or its refund;
    // a later row on a sample's line is the sample's, left out with it.
    this.lines.wait(
      view,
      collected,
      (paired) => {
        if (paired ? !paired.sample : !sample)
          this.count(row, at, paired ? paired.units : unitsSold, netSales, fees, shipping);
      },
      sample,
    );
  }

  /** One line per SKU, most units first; `cogs` undefined = no unit costs given. */
  result(cogs: CogsTable | undefined): SkuBreakeven[] {
    this.lines.settle();
    const costDay = this.to || this.lastDay;
    const out: SkuBreakeven[] = [];
    for (const sums of this.skus.values()) out.push(lineOf(sums, cogs, costDay));
    return out.sort((a, b) => b.units - a.units || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  }

  private count(
    row: SkuRow,
    day: string,
    units: number,
    netSales: number,
    fees: number,
    shipping: number,
  ): void {
    const sku = row.skuId || row.sellerSku;
    let sums = this.skus.get(sku);
    if (sums === undefined) {
      sums = {
        sku: detachedText(sku),
        sellerSku: detachedText(row.sellerSku),
        product: '',
        units: 0,
        netSales: 0,
        fees: 0,
        shipping: 0,
        last: '',
      };
      this.skus.set(sums.sku, sums);
    }
    if (sums.product === '' && row.productName !== '')
      sums.product = detachedText(row.skuName ? `${row.productName} — ${row.skuName}` : row.productName);
    sums.units += units;
    sums.netSales += netSales;
    sums.fees += fees;
    sums.shipping += shipping;
    if (day > sums.last) sums.last = detachedText(day);
    if (day > this.lastDay) this.lastDay = sums.last;
  }
}

function lineOf(sums: SkuSums, cogs: CogsTable | undefined, costDay: string): SkuBreakeven {
  const entry = cogs ? costEntryOn(cogs, { skuId: sums.sku, sellerSku: sums.sellerSku }, costDay) : undefined;
  const unitCost = entry ? entry.unitCost : null;
  const line: SkuBreakeven = {
    sku: sums.sku,
    product: sums.product,
    units: sums.units,
    price: null,
    feeRate: sums.netSales > 0 ? roundedQuotient(-sums.fees * 10_000, sums.netSales) / 10_000 : null,
    feesPerUnit: null,
    shippingPerUnit: null,
    unitCost,
    contribution: null,
    roas: null,
    note: '',
  };
  if (sums.units <= 0) {
    line.note = NO_UNITS_NOTE;
    return line;
  }
  const perUnit = (cents: number) => roundedQuotient(cents * UNIT_COST_PER_CENT, sums.units);
  line.price = perUnit(sums.netSales);
  line.feesPerUnit = perUnit(-sums.fees);
  line.shippingPerUnit = perUnit(-sums.shipping);
  if (unitCost === null) {
    line.note = NO_COST_NOTE;
    return line;
  }
  const contribution = line.price - line.feesPerUnit - line.shippingPerUnit - unitCost;
  line.contribution = contribution;
  if (contribution <= 0 || line.price <= 0) line.note = LOSS_NOTE;
  else line.roas = roundedQuotient(line.price * 100, contribution) / 100;
  return line;
}
