/**
 * Rows TikTok posts for an order line in a later statement than its sale: a refund after the
 * payout, a referral fee given back, a shipping charge for an overweight parcel. Such a row carries
 * the line's Order/adjustment ID, SKU ID and often its Quantity again, but no gross sales: read on
 * its own (pnl.ts `unitsFrom`) it is units sold for free, or a sample when it charges shipping, and a
 * refund on it gives back its own quantity whatever it refunded.
 *
 * So a row without gross sales of its own waits until the whole range is read, and is then paired
 * with the sale rows of its line (same order ID and SKU) wherever they are in the range. With the
 * line's sale found:
 * - a refund gives back the units whose whole price it refunded, worked out from the sale's gross
 *   sales and quantity after the line's earlier refunds (the to-the-cent rule of `unitsFrom`, as for
 *   a refund on the sale's own row): several refunds of a line never give back more than it sold;
 * - any other row (a fee correction, a shipping adjustment) is neither a sale nor a sample: no units;
 * - the units come back at the unit cost of the sale's date, the one they left at.
 * Without the line's sale in the range (last year's order, a statement not imported) the row keeps
 * its own reading, and a free sample (units, no sales, no sale row anywhere) stays a sample.
 *
 * Cost: the pass over the rows notes each sale's order, SKU, date and four figures in flat arrays
 * (no key built, nothing hashed); only when rows wait does a second pass, after the last row, look at
 * the sales of their orders.
 */
import { detachedText } from '../read/detached-text';
import { unitsFrom, type CollectedRow } from './pnl';

/** What pairing reads of a row besides its P&L (a LedgerRow or a RowView). */
export interface LineFields {
  orderId: string;
  skuId: string;
  sellerSku: string;
  statementDate: string;
  quantity: number;
}

/** A waiting row's units once paired with its line's sale. */
export interface PairedUnits {
  /** Units sold and units that carry COGS the row adds: minus the units its refund gave back, or 0. */
  sold: number;
  costed: number;
  /** The sale's date: the returned units' unit cost is the one they left at. */
  date: string;
}

interface Waiting<T> {
  orderId: string;
  line: string;
  statementDate: string;
  refunded: number;
  costedRefunded: number;
  payload: T;
}

/** The sales of a line: units, gross sales and the refunds on their own rows (then the later ones). */
interface Line {
  quantity: number;
  sold: number;
  refunded: number;
  costedSold: number;
  costedRefunded: number;
  date: string;
}

/** The figures noted per sale, in {@link OrderLines.saleFigures}. */
const FIGURES = 5;

const lineOf = (orderId: string, sku: string) => `${orderId}\u0000${sku}`;
const skuOf = (row: LineFields) => row.skuId || row.sellerSku;

/** Pairs the rows without gross sales of a range with their lines' sales; `T`: what the caller keeps of a waiting row. */
export class OrderLines<T> {
  private readonly saleOrders: string[] = [];
  private readonly saleSkus: string[] = [];
  private readonly saleDates: string[] = [];
  /** Per sale: quantity, gross sales, gross sales refunded, and those two of the goods that carry COGS. */
  private readonly saleFigures: number[] = [];
  private waiting: Waiting<T>[] = [];

  /**
   * Reads a row as the rows stream past: notes a sale (dated `date`, the day its unit cost is
   * read on); true for a row that must wait for its line's sale: hand it to {@link wait}, not to a tally.
   */
  read(row: LineFields, collected: CollectedRow, date: string): boolean {
    if (row.orderId === '') return false;
    if (collected.grossSold > 0) {
      // A range's text outlives the tally, so the sale's IDs are kept as they are, not copied.
      this.saleOrders.push(row.orderId);
      this.saleSkus.push(skuOf(row));
      this.saleDates.push(date);
      this.saleFigures.push(
        row.quantity,
        collected.grossSold,
        collected.grossRefunded,
        collected.costedSold,
        collected.costedRefunded,
      );
      return false;
    }
    return row.quantity > 0 || collected.grossRefunded !== 0;
  }

  /** Keeps a row {@link read} said waits, with `payload` (text in it copied with `detachedText`). */
  wait(row: LineFields, collected: CollectedRow, payload: T): void {
    this.waiting.push({
      orderId: detachedText(row.orderId),
      line: detachedText(lineOf(row.orderId, skuOf(row))),
      statementDate: detachedText(row.statementDate),
      refunded: collected.grossRefunded,
      costedRefunded: collected.costedRefunded,
      payload,
    });
  }

  /**
   * After the last row: hands each waiting row's payload to `each` with its units when its line's
   * sale is in the range, else undefined (the row keeps its own reading). A line's refunds are taken
   * in statement order, so a unit comes back with the refund that completed its price.
   */
  settle(each: (payload: T, paired: PairedUnits | undefined) => void): void {
    const waiting = this.waiting;
    if (waiting.length === 0) return;
    this.waiting = [];
    const orders = new Set(waiting.map((w) => w.orderId));
    const lines = new Map<string, Line>();
    const figures = this.saleFigures;
    for (let i = 0; i < this.saleOrders.length; i++) {
      if (!orders.has(this.saleOrders[i])) continue;
      const key = lineOf(this.saleOrders[i], this.saleSkus[i]);
      let line = lines.get(key);
      if (line === undefined) {
        line = { quantity: 0, sold: 0, refunded: 0, costedSold: 0, costedRefunded: 0, date: this.saleDates[i] };
        lines.set(key, line);
      }
      const at = i * FIGURES;
      line.quantity += figures[at];
      line.sold += figures[at + 1];
      line.refunded += figures[at + 2];
      line.costedSold += figures[at + 3];
      line.costedRefunded += figures[at + 4];
    }
    waiting.sort((a, b) => (a.statementDate < b.statementDate ? -1 : a.statementDate > b.statementDate ? 1 : 0));
    for (const w of waiting) {
      const line = lines.get(w.line);
      if (line === undefined) {
        each(w.payload, undefined);
        continue;
      }
      const sold = unitsFrom(line.quantity, line.sold, line.refunded + w.refunded);
      const costed = unitsFrom(line.quantity, line.costedSold, line.costedRefunded + w.costedRefunded);
      each(w.payload, {
        sold: sold - unitsFrom(line.quantity, line.sold, line.refunded),
        costed: costed - unitsFrom(line.quantity, line.costedSold, line.costedRefunded),
        date: line.date,
      });
      line.refunded += w.refunded;
      line.costedRefunded += w.costedRefunded;
    }
  }
}
