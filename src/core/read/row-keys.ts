/**
 * A file's ledger keys as its rows are read: the layout's key fields joined with `|`, and which
 * keys repeat inside the file. Keys are counted by their hashes (see KeyTable), so no key string
 * is kept for a row whose key is new; a repeated key gets a `#n` suffix on its n-th row.
 */
import { detachedText } from './detached-text';
import { KeyTable } from '../ledger/key-table';
import type { RowField } from './row-fields';
import { asRounded, RepeatedRows } from './repeated-rows';
import type { RowView } from './row-view';

export class RowKeys {
  // Duplicate detection without keeping key strings alive (see KeyTable).
  private readonly table: KeyTable;
  /** The last counted row's key, the `serial` of its view, and its occurrence: 1, or n for the n-th row with that key. */
  private key = '';
  private keySerial = -1;
  private keyCount = 1;

  constructor(
    private readonly prefix: string,
    private readonly fields: readonly RowField[],
    /** Counts the rows of each repeated key, and finds the exact repeats. */
    private readonly repeated = new RepeatedRows(),
  ) {
    this.table = new KeyTable(repeated.rowCount);
  }

  /** Counts the row's key; `content` fingerprints the row, to tell exact duplicates from other rows with its key. */
  count(row: RowView, content: number): void {
    this.hash(row);
    const firstContent = this.table.add(this.h1 & 0x3fffffff, this.h2 & 0x3fffffff, content, row.rowNumber);
    if (firstContent === undefined) {
      this.keyCount = 1;
      return;
    }
    // Kept for the whole import: detached, or each key would pin the piece of file text it came from.
    this.keyCount = this.repeated.see(
      detachedText(this.join(row)),
      firstContent,
      this.table.firstRow,
      content,
      row.rowNumber,
    );
  }

  /** The key of the row last counted, `#n`-suffixed for the n-th row with the same key. */
  keyOf(row: RowView): string {
    const key = this.join(row);
    return this.keyCount === 1 ? key : key + '#' + this.keyCount;
  }

  /** The key's two hashes, as `hash` left them. */
  private h1 = 0;
  private h2 = 0;

  /**
   * Hashes the key's parts into `h1` and `h2`, each part's length first, so that `a|bc` and `ab|c`
   * stay two keys. No key text is built: most rows' keys are new, and only a key that repeats, or
   * a row that is kept, needs its text (`join`).
   */
  private hash(row: RowView): void {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let f = 0; f < this.fields.length; f++) {
      const part = this.partOf(row, this.fields[f]);
      const length = part.length;
      h1 = Math.imul(h1 ^ (length | 0x7c0000), 16777619);
      h2 = Math.imul(h2 ^ (length | 0x7c0000), 0x5bd1e995);
      // Two characters a step; rotated before each multiply, so the high half reaches the low bits too.
      for (let i = 0; i < length; i += 2) {
        const c = (part.charCodeAt(i) << 16) | (i + 1 < length ? part.charCodeAt(i + 1) : 0);
        h1 = Math.imul(((h1 << 13) | (h1 >>> 19)) ^ c, 16777619);
        h2 = Math.imul((h2 << 5) ^ (h2 >>> 27) ^ c, 0x5bd1e995);
      }
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /** The key's parts, the layout's key fields, prefixed and joined with `|`; kept for the row's view (its `serial`). */
  private join(row: RowView): string {
    if (row.serial === this.keySerial) return this.key;
    let key = this.prefix;
    for (let f = 0; f < this.fields.length; f++) {
      const part = this.partOf(row, this.fields[f]);
      key = key === '' && f === 0 ? part : key + '|' + part;
    }
    this.key = key;
    this.keySerial = row.serial;
    return key;
  }

  private partOf(row: RowView, field: RowField): string {
    return this.repeated.rounded ? asRounded(keyPartOf(row, field)) : keyPartOf(row, field);
  }
}

/** A text field of the row that a key is built from. */
function keyPartOf(row: RowView, field: RowField): string {
  // Adjustment rows have no SKU: the adjustment ID stands in.
  if (field === 'skuId') return row.skuId === '' ? row.orderId : row.skuId;
  // The calendar date only: a time's seconds (dropped by Excel) or zone (from the file name) never change a key.
  if (field === 'statementDate' || field === 'orderDate') return row[field].slice(0, 10);
  if (field === 'type') return keyType(row.type);
  return String(row[field] ?? '');
}

/**
 * A type as keys spell it: its letters, digits and spaces. `Violation fee （settlement fee）` reads
 * as `Violation fee (settlement fee)`, and Excel re-saving the file as Windows-1252 writes it
 * `Violation fee ?settlement fee?`: one row, one key.
 */
export function keyType(type: string): string {
  return /[^A-Za-z0-9 ]/.test(type) ? type.replace(/[^A-Za-z0-9 ]/g, '') : type;
}
