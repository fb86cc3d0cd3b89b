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
 *   a line of several sale rows (one SKU twice in an order, at two prices) also reads a refund
 *   against the sale row whose units it pays back whole, and gives back what the better reading
 *   does ($10 back of a $30 unit and a $10 unit is the $10 unit, not half of two $20 units);
 * - any other row (a fee correction, a shipping adjustment) is neither a sale nor a sample: no units;
 * - the units come back at the unit cost of the sale's date, the one they left at.
 * An order sold without units (a legacy Income row: no SKU, no quantity) gives none back.
 * Without the line's sale in the range (last year's order, a statement not imported) the line's
 * first row in statement order keeps its own reading (a free sample stays a sample) and any later
 * row of the line corrects it: no units, its money the sample's if the first row was one.
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

/**
 * A waiting row paired with its line: the units it adds (minus those its refund gave back, or 0),
 * the sale's date, and whether the line is a sample's (a later row on it is the sample's cost).
 */
export interface Paired {
  units: number;
  date: string;
  sample?: boolean;
}

interface Waiting {
  orderId: string;
  line: string;
  statementDate: string;
  refunded: number;
  /** Read alone, the row is a sample (samples.ts). */
  sample?: boolean;
  /** Counts the row: with its line, or undefined (the first row of a line not sold in the range, read alone). */
  then: (paired?: Paired) => void;
}

/**
 * A line: the refunds no sale row of it took (see {@link OrderLines.settle}), then each sale row's
 * quantity, gross sales and refunded; no sale row for a line not sold in the range.
 */
interface Line extends Omit<Paired, 'units'> {
  sales: number[];
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
  /** The sales' IDs and figures in chunks, {@link NOTED} of each per sale (apart, so the figures stay unboxed). */
  private readonly chunks: [string[], number[]][] = [];
  /** The last chunk's, and how much of them is used. */
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
      this.chunks.push([(this.ids = new Array<string>(CHUNK)), (this.figures = new Array<number>(CHUNK))]);
      this.used = 0;
    }
    const { ids, figures, used: at } = this;
    // A range outlives its tally: the IDs are kept as read, not copied.
    ids[at] = row.orderId;
    ids[at + 1] = row.skuId || row.sellerSku;
    ids[at + 2] = date;
    figures[at] = row.quantity;
    figures[at + 1] = collected.grossSold;
    figures[at + 2] = collected.grossRefunded;
    this.used = at + NOTED;
    return false;
  }

  /** Keeps a row {@link read} said waits, with what counts it once its line is known (see {@link settle}). */
  wait(row: LineFields, collected: CollectedRow, then: Waiting['then'], sample?: boolean): void {
    this.waiting.push({
      orderId: detachedText(row.orderId),
      line: detachedText(lineOf(row.orderId, row.skuId || row.sellerSku)),
      statementDate: detachedText(row.statementDate),
      refunded: collected.grossRefunded,
      sample,
      then,
    });
  }

  /**
   * After the last row: counts each waiting row. A line's rows are taken in statement order, so a
   * unit comes back with the refund that completed its price, and a line not sold in the range is
   * its first row's (a sample, say): the later rows correct it.
   */
  settle(): void {
    const waiting = this.waiting;
    if (waiting.length === 0) return;
    this.waiting = [];
    const orders = new Set(waiting.map((w) => w.orderId));
    const lines = new Map<string, Line>();
    for (const [ids, figures] of this.chunks) {
      const end = ids === this.ids ? this.used : CHUNK;
      for (let i = 0; i < end; i += NOTED) {
        if (!orders.has(ids[i])) continue;
        // A sale without units is its order's: a refund of the order, whatever its SKU, gives none back.
        const key = figures[i] ? lineOf(ids[i], ids[i + 1]) : ids[i];
        const line = lines.get(key);
        if (line) line.sales.push(figures[i], figures[i + 1], figures[i + 2]);
        else lines.set(key, { sales: [0, figures[i], figures[i + 1], figures[i + 2]], date: ids[i + 2] });
      }
    }
    // Dates are ISO text: compared as text (localeCompare is many times slower).
    waiting.sort(({ statementDate: a }, { statementDate: b }) => (a < b ? -1 : a > b ? 1 : 0));
    for (const { line: key, orderId, refunded, sample, then } of waiting) {
      const line = lines.get(key) || lines.get(orderId);
      if (!line) {
        lines.set(key, { sales: [0], date: '', sample });
        then();
        continue;
      }
      // The line's units read from its whole price, and from each sale row's own: the refund is of
      // the sale row whose units it completes the most of, within what that row has left (else of
      // the line's whole). The line keeps the fewer units of the two readings.
      const sales = line.sales;
      let quantity = 0;
      let sold = 0;
      let earlier = sales[0];
      let each = 0;
      let most = -1;
      let of = 0;
      for (let i = 1; i < sales.length; i += NOTED) {
        const q = sales[i];
        const s = sales[i + 1];
        const r = sales[i + 2];
        const kept = unitsFrom(q, s, r);
        const units = kept - unitsFrom(q, s, r + refunded);
        quantity += q;
        sold += s;
        earlier += r;
        each += kept;
        if (s + r + refunded >= 0 && units > most) {
          most = units;
          of = i;
        }
      }
      sales[of && of + 2] += refunded;
      then({
        units:
          Math.min(unitsFrom(quantity, sold, earlier + refunded), each - (of && most)) -
          Math.min(unitsFrom(quantity, sold, earlier), each),
        date: line.date,
        sample: line.sample,
      });
    }
  }
}
