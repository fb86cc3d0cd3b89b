/**
 * Which way a column writes its slash dates, month first (`03/25/2026`, as Seller Center's US
 * exports do) or day first (`25/03/2026`, a file re-saved by Excel in a UK or EU locale). A date
 * like `05/03/2026` reads either way, so the order is decided per file and column, never per
 * value: a value whose first part is over 12 settles the column as day first (and one whose second
 * part is, as month first); a column of values that all read either way follows the US exports,
 * month first, and the preview says so; a column that has both is refused, naming row and column.
 */

import type { DayOrder } from '../dates';

export type { DayOrder };

const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/\d{4}(?: \d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]m)?)?$/i;

/**
 * How a slash date reads: `dmy` when its first part can only be a day, `mdy` when its second can
 * only be, `either` when both parts could be the month (and differ), '' otherwise (another form,
 * or the same date whichever way it is read).
 */
export function slashDateOrder(text: string): DayOrder | 'either' | '' {
  const m = SLASH_DATE.exec(text.trim());
  if (!m) return '';
  const first = Number(m[1]);
  const second = Number(m[2]);
  if (first > 12 && second <= 12) return 'dmy';
  if (second > 12 && first <= 12) return 'mdy';
  return first <= 12 && second <= 12 && first !== second ? 'either' : '';
}

const ORDER_WORDS: Record<DayOrder, string> = { mdy: 'month first', dmy: 'day first' };

interface Seen {
  row: number;
  text: string;
}

/** One date column's order, decided as its values are read. */
/** What a file refused for a date column written both ways is told to do. */
export const MIXED_DATES_IN_FILE =
  ' Nothing was imported. Download the file again from Seller Center and import it without saving it in Excel.';

export class DateOrderWatch {
  /** The value that settled the column's order, and the first that read either way (for the preview's note). */
  settled: (Seen & { order: DayOrder }) | null = null;
  firstEither: Seen | null = null;
  /** Values read month first before the column's order was known. */
  private readBeforeSettled = 0;
  private conflict: (Seen & { order: DayOrder }) | null = null;

  /** `preset`: the order a first read of the file settled (the file is being read again). */
  constructor(
    readonly column: string,
    readonly preset?: DayOrder,
  ) {}

  /** The order to read `text` (row `row`) in. */
  orderFor(text: string, row: number): DayOrder {
    const kind = slashDateOrder(text);
    const known = this.settled?.order ?? this.preset;
    if (kind === '') return known ?? 'mdy';
    if (kind === 'either') {
      if (this.firstEither === null) this.firstEither = { row, text: text.trim() };
      if (known === undefined) this.readBeforeSettled++;
      return known ?? 'mdy';
    }
    if (this.settled === null) this.settled = { order: kind, row, text: text.trim() };
    else if (this.settled.order !== kind && this.conflict === null)
      this.conflict = { order: kind, row, text: text.trim() };
    return kind;
  }

  /**
   * Day first, when values that read either way were read month first before a value settled
   * the column: the file must be read again with the order known from its first row.
   */
  get rereadAs(): DayOrder | undefined {
    return this.preset === undefined && this.readBeforeSettled > 0 && this.settled?.order === 'dmy'
      ? 'dmy'
      : undefined;
  }

  /** Why the file (or a range, `range`) is refused ('' when the column writes its dates one way). */
  refusal(where: string, range = false): string {
    const a = this.settled;
    const b = this.conflict;
    if (a === null || b === null) return '';
    return (
      `${where}: column *${this.column}* has dates written both ways: row ${a.row} has \`${a.text}\` ` +
      `(${ORDER_WORDS[a.order]}) and row ${b.row} has \`${b.text}\` (${ORDER_WORDS[b.order]}), ` +
      'so no date in it can be trusted.' +
      // A file's advice is the sidebar's to add (MIXED_DATES_IN_FILE), so the server never carries it.
      (range
        ? ' Give every date of the column one form (2026-05-14 is read the same everywhere), or import the file with the TTS Profit sidebar.'
        : '')
    );
  }
}
