/**
 * Amount columns TTS Profit does not know, sitting under a parent. TikTok adds fee and shipping
 * columns over time and writes each right after its parent's other children (`Fees`, then every
 * fee, then `Shipping`…). A column the catalog does not know, met between a parent and the next
 * column outside that parent, is one of its children: its amounts are added to an "unrecognised"
 * line of that parent (`Other fees (unrecognised)`), so the fee total, the P&L and the
 * reconciliation of the row still add up, and the column is named wherever the line is shown.
 */
import { ancestorsOf, lookupColumn } from './catalog';
import { parseCentsOrNaN } from '../money';
import type { RowView } from './row-view';
import type { CellValue, ParsedExport } from '../types';

/** Parent subtotal → the catalog line its unrecognised children are added to. */
const LINES = [
  {
    parent: 'fees',
    id: 'unrecognised_fees',
    header: 'Other fees (unrecognised)',
  },
  {
    parent: 'shipping',
    id: 'unrecognised_shipping',
    header: 'Other shipping (unrecognised)',
  },
] as const;

/** Unknown columns under one parent, and the line (catalog id) their sum is kept in. */
export type UnrecognisedUnder = NonNullable<ParsedExport['unrecognisedMoney']>[number];

/** The unknown columns of a header that sit under a parent, by parent. */
export function unrecognisedUnderParents(
  header: readonly string[],
): (UnrecognisedUnder & { indexes: number[] })[] {
  const found = LINES.map((l) => ({
    parent: l.parent as string,
    line: l.id as string,
    columns: [] as string[],
    indexes: [] as number[],
  }));
  let context = -1;
  header.forEach((raw, index) => {
    const name = (raw || '').trim();
    if (name === '') return;
    const def = lookupColumn(name);
    if (def === undefined) {
      if (context >= 0) {
        found[context].columns.push(name);
        found[context].indexes.push(index);
      }
      return;
    }
    const opens = LINES.findIndex((l) => l.parent === def.id);
    if (opens >= 0) context = opens;
    else if (context >= 0 && !ancestorsOf(def.id).includes(LINES[context].parent)) context = -1;
  });
  return found.filter((f) => f.columns.length > 0);
}

/** `Other (unrecognised): Creator bonus fee` — how a line is shown, naming its columns. */
export function unrecognisedLabel(under: UnrecognisedUnder): string {
  return `Other (unrecognised): ${under.columns.join(', ')}`;
}

/** Header names the normalizer is given after the file's own, one per parent with such columns. */
export function unrecognisedLineHeaders(under: readonly UnrecognisedUnder[]): string[] {
  return under.map((u) => LINES.find((l) => l.id === u.line)!.header);
}

/** Adds each row's unrecognised amounts into their parent's line (a view slot the normalizer made). */
export class UnrecognisedMoney {
  private readonly slots: number[];

  constructor(
    private readonly under: readonly (UnrecognisedUnder & {
      indexes: number[];
    })[],
    amountIds: readonly string[],
  ) {
    this.slots = under.map((u) => amountIds.lastIndexOf(u.line));
  }

  apply(view: RowView, cells: readonly CellValue[]): void {
    for (let u = 0; u < this.under.length; u++) {
      let sum = 0;
      for (const index of this.under[u].indexes) {
        const cents = parseCentsOrNaN(cells[index] ?? '');
        if (cents === cents) sum += cents;
      }
      const slot = this.slots[u];
      if (sum === 0 || slot < 0) continue;
      view.cents[slot] = sum;
      view.filled[view.filledCount++] = slot;
    }
  }
}
