/**
 * Rows read twice. The rule is the import's: a row whose key and content fingerprint
 * (row-keys.ts) equal an earlier row's repeats it; rows that share a key but differ (a statement
 * line split in two) are two rows. A file's repeat is written once (ready-to-import.ts); a range a
 * function or the dashboard reads is refused, naming both rows, so the seller deletes the copy (an
 * export pasted twice). On the TTS Ledger tab the Key alone decides: the import never writes one
 * Key twice, so a second row with it is a copy.
 */
import { KEEP_IDS_AS_TEXT } from './rounded-ids';

export class RepeatedRows {
  /** For each key seen more than once: its rows' content fingerprints and row numbers, in pairs. */
  private readonly rows = new Map<string, number[]>();
  /** The first repeat: its key, the row it repeats and its own row. */
  found?: [string, number, number];

  /**
   * `rounded`: IDs are compared as far as a spreadsheet's rounding left them (`5.77E+17`), so that
   * an export pasted again with its IDs rounded still meets its first copy. `rowCount`: the rows of
   * the range, so that its key table is made for them at once (doubling it as rows come costs more
   * than the rows' lookups).
   */
  constructor(
    readonly rounded = false,
    readonly rowCount?: number,
  ) {}

  /**
   * A row (number `row`) whose key an earlier row has: `first`, the key's first row, with its
   * fingerprint `firstContent`. Returns how many rows have the key.
   */
  see(key: string, firstContent: number, first: number, content: number, row: number): number {
    let earlier = this.rows.get(key);
    if (!earlier) this.rows.set(key, (earlier = [firstContent, first]));
    for (let i = 0; i < earlier.length; i += 2)
      if (earlier[i] === content) {
        if (!this.found) this.found = [key, earlier[i + 1], row];
        break;
      }
    earlier.push(content, row);
    return earlier.length / 2;
  }

  /** Why the range (`where`) is refused, '' when no row repeats. */
  refusal(where: string, ledger: boolean): string {
    if (!this.found) return '';
    const [key, first, row] = this.found;
    const copy = `row ${row} repeats row ${first}`;
    // A fill-down over the Key column makes the same "copy" of a row with its own amounts.
    if (ledger)
      return `TTS Ledger ${copy}'s Key \`${key}\`: a copy, counted twice (delete it), or its own Key typed over (type that back).`;
    return this.rounded || /E\+/.test(key)
      ? `${where}: ${copy} as far as the IDs the spreadsheet rounded show: a copy, or another line of one order? ${KEEP_IDS_AS_TEXT}`
      : `${where}: ${copy} (key \`${key}\`, the same amounts): is an export pasted twice? Delete the copy.`;
  }
}

/** A key part as a spreadsheet's rounding leaves it: an ID and its rounded copy (`5.7738915002012224E+17`) alike. */
export function asRounded(part: string): string {
  const n = Number(part);
  return part !== '' && n === n ? String(n) : part;
}
