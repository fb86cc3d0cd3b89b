/**
 * What a tally works out from a row's date text (its day, its month's group), worked out once
 * per date: a year holds a few hundred, and rows next to each other often share one.
 */
import { detachedText } from '../read/detached-text';

/** Dates remembered (bounded: dates with times can be many). */
const DATES_KEPT = 4096;

export class DateMemo<T> {
  private readonly known = new Map<string, T>();
  // The last row's date and value. A row's date text is built by the reader, never cut from a file.
  private lastDate = '\u0000';
  private lastValue!: T;

  constructor(private readonly make: (date: string) => T) {}

  get(date: string): T {
    if (date === this.lastDate) return this.lastValue;
    let value = this.known.get(date);
    if (value === undefined) {
      value = this.make(date);
      if (this.known.size >= DATES_KEPT) this.known.clear();
      // Kept past the row: detached, or the key would pin the text it came from.
      this.known.set(detachedText(date), value);
    }
    this.lastDate = date;
    return (this.lastValue = value);
  }
}
