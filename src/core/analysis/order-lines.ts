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
 * Cost: the pass over the rows notes each sale's order, SKU, date and three figures in fixed-size
 * chunks (no key built, nothing hashed, nothing copied); only when rows wait does a second pass,
 * after the last row, look at the sales of their orders.
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

/** A waiting row paired with its line's sale: the units it adds (minus those its refund gave back, or 0) and the sale's date. */
export interface Paired {
  units: number;
  date: string;
}

interface Waiting {
  orderId: string;
  line: string;
  statementDate: string;
  refunded: number;
  /** Counts the row: with its line's sale, or undefined (no sale in the range: the row as read alone). */
  then: (paired?: Paired) => void;
}

/** What is noted per sale: its order ID, SKU and date in one chunk, its quantity, gross sales and refund in another. */
const NOTED = 3;
/**
 * Sales are noted in chunks of this many entries: one growing array would be copied at every
 * growth, and once large reallocated in the old generation, which cost a fifth of a 50,000-row call.
 */
const CHUNK = NOTED * 2048;

const lineOf = (orderId: string, sku: string) => `${orderId}\u0000${sku}`;

/** Pairs the rows without gross sales of a range with the sales of their order lines. */
export class OrderLines {
  /** The sales' IDs and figures, {@link NOTED} of each per sale (apart, so the figures stay unboxed). */
  private readonly idChunks: string[][] = [];
  private readonly figureChunks: number[][] = [];
  /** The last chunks, and how much of them is used. */
  private ids: string[] = [];
  private figures: number[] = [];
  private used = CHUNK;
  private waiting: Waiting[] = [];

  /**
   * Reads a row as the rows stream past: notes a sale (its unit cost read on `date`); true for a
   * row that waits for its line's sale: hand it to {@link wait}, not to a tally.
   */
  read(row: LineFields, collected: CollectedRow, date: string): boolean {
    if (row.orderId === '') return false;
    if (collected.grossSold <= 0) return row.quantity > 0 || collected.grossRefunded !== 0;
    if (this.used === CHUNK) {
      this.idChunks.push((this.ids = new Array<string>(CHUNK)));
      this.figureChunks.push((this.figures = new Array<number>(CHUNK)));
      this.used = 0;
    }
    const at = this.used;
    // A range outlives its tally: the IDs are kept as read, not copied.
    this.ids[at] = row.orderId;
    this.ids[at + 1] = row.skuId || row.sellerSku;
    this.ids[at + 2] = date;
    this.figures[at] = row.quantity;
    this.figures[at + 1] = collected.grossSold;
    this.figures[at + 2] = collected.grossRefunded;
    this.used = at + NOTED;
    return false;
  }

  /** Keeps a row {@link read} said waits, with what counts it once its line is known (see {@link settle}). */
  wait(row: LineFields, collected: CollectedRow, then: Waiting['then']): void {
    this.waiting.push({
      orderId: detachedText(row.orderId),
      line: detachedText(lineOf(row.orderId, row.skuId || row.sellerSku)),
      statementDate: detachedText(row.statementDate),
      refunded: collected.grossRefunded,
      then,
    });
  }

  /**
   * After the last row: counts each waiting row. A line's refunds are taken in statement order, so
   * a unit comes back with the refund that completed its price.
   */
  settle(): void {
    const waiting = this.waiting;
    if (waiting.length === 0) return;
    this.waiting = [];
    const orders = new Set(waiting.map((w) => w.orderId));
    const lines = new Map<string, { quantity: number; sold: number; refunded: number; date: string }>();
    this.idChunks.forEach((ids, c) => {
      const figures = this.figureChunks[c];
      const end = ids === this.ids ? this.used : CHUNK;
      for (let i = 0; i < end; i += NOTED) {
        if (!orders.has(ids[i])) continue;
        const key = lineOf(ids[i], ids[i + 1]);
        const line = lines.get(key) ?? { quantity: 0, sold: 0, refunded: 0, date: ids[i + 2] };
        lines.set(key, line);
        line.quantity += figures[i];
        line.sold += figures[i + 1];
        line.refunded += figures[i + 2];
      }
    });
    // Dates are ISO text: compared as text (localeCompare is many times slower).
    waiting.sort((a, b) =>
      a.statementDate < b.statementDate ? -1 : a.statementDate > b.statementDate ? 1 : 0,
    );
    for (const w of waiting) {
      const line = lines.get(w.line);
      if (line === undefined) {
        w.then();
        continue;
      }
      const before = unitsFrom(line.quantity, line.sold, line.refunded);
      line.refunded += w.refunded;
      w.then({ units: unitsFrom(line.quantity, line.sold, line.refunded) - before, date: line.date });
    }
  }
}
