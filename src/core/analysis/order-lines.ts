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
 *   a line sold at two prices (one SKU twice in an order) also reads each refund against the sales
 *   of the price it fits, and gives back what the better reading does ($10 back of $30 + $10 is the
 *   $10 unit, not half of two $20 units);
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
  sample?: boolean;
  /** Counts the row: with its line, or undefined (the first row of a line not sold in the range, read alone). */
  then: (paired?: Paired) => void;
}

interface Sales {
  quantity: number;
  sold: number;
  refunded: number;
}

/** A line's sales, and (sold at two prices) each price's; a line not sold in the range has none. */
interface Line extends Sales, Omit<Paired, 'units'> {
  prices?: Sales[];
}

/** The units a line keeps: by its whole price, or by each price's own when that gives back more. */
const kept = ({ quantity, sold, refunded, prices }: Line) =>
  Math.min(
    unitsFrom(quantity, sold, refunded),
    prices ? prices.reduce((n, p) => n + unitsFrom(p.quantity, p.sold, p.refunded), 0) : Infinity,
  );
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
   * unit comes back with the refund that completed its price, and a line's first row is its sample.
   */
  settle(): void {
    const waiting = this.waiting;
    if (waiting.length === 0) return;
    this.waiting = [];
    const orders = new Set(waiting.map((w) => w.orderId));
    const lines = new Map<string, Line>();
    this.idChunks.forEach((ids, c) => {
      const figures = this.figureChunks[c];
      const end = ids === this.ids ? this.used : CHUNK;
      for (let i = 0; i < end; i += NOTED) {
        if (!orders.has(ids[i])) continue;
        const quantity = figures[i];
        const sold = figures[i + 1];
        const refunded = figures[i + 2];
        // A sale without units is its order's: a refund of the order, whatever its SKU, gives none back.
        const key = quantity ? lineOf(ids[i], ids[i + 1]) : ids[i];
        const line = lines.get(key);
        if (line === undefined) {
          lines.set(key, { quantity, sold, refunded, date: ids[i + 2] });
          continue;
        }
        // A sale at another price than the line's so far: each price's sales kept apart too.
        if (line.prices || line.sold * quantity !== sold * line.quantity) {
          const prices = (line.prices ??= [{ ...line }]);
          const same = prices.find((p) => p.sold * quantity === sold * p.quantity);
          if (same) add(same, quantity, sold, refunded);
          else prices.push({ quantity, sold, refunded });
        }
        add(line, quantity, sold, refunded);
      }
    });
    // Dates are ISO text: compared as text (localeCompare is many times slower).
    waiting.sort((a, b) =>
      a.statementDate < b.statementDate ? -1 : a.statementDate > b.statementDate ? 1 : 0,
    );
    for (const w of waiting) {
      const line = lines.get(w.line) ?? lines.get(w.orderId);
      if (line === undefined) {
        lines.set(w.line, { quantity: 0, sold: 0, refunded: 0, date: '', sample: w.sample });
        w.then();
        continue;
      }
      const before = kept(line);
      line.refunded += w.refunded;
      // The refund is of the price whose units it completes the most of, within what that price has left.
      let most = -1;
      let of: Sales | undefined;
      for (const p of line.prices ?? [])
        if (w.refunded < 0 && p.sold + p.refunded + w.refunded >= 0) {
          const units =
            unitsFrom(p.quantity, p.sold, p.refunded) -
            unitsFrom(p.quantity, p.sold, p.refunded + w.refunded);
          if (units > most) [most, of] = [units, p];
        }
      if (of) of.refunded += w.refunded;
      w.then({ units: kept(line) - before, date: line.date, sample: line.sample });
    }
  }
}

function add(to: Sales, quantity: number, sold: number, refunded: number): void {
  to.quantity += quantity;
  to.sold += sold;
  to.refunded += refunded;
}
