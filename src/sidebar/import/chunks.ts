/**
 * Splits normalized rows into chunks for `google.script.run`. Each call is one server execution
 * with no documented payload cap but a practical one near a few MB, so chunks are bounded both by
 * row count and by their JSON size in UTF-8 bytes (product names are often not ASCII).
 */
import type { LedgerRow } from '../../core/types';

export interface ChunkLimits {
  maxRows: number;
  maxBytes: number;
}

export const DEFAULT_CHUNK_LIMITS: ChunkLimits = { maxRows: 2000, maxBytes: 1_000_000 };

/** UTF-8 byte length of `text`, without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Rows in order, cut so no chunk exceeds `maxRows` rows or `maxBytes` of JSON (a single larger row travels alone). */
export function chunkRows<Row = LedgerRow>(
  rows: readonly Row[],
  limits: ChunkLimits = DEFAULT_CHUNK_LIMITS,
): Row[][] {
  const chunks: Row[][] = [];
  let current: Row[] = [];
  let bytes = 2; // the enclosing []
  for (const row of rows) {
    const rowBytes = utf8Length(JSON.stringify(row)) + 1; // + the separating comma
    if (current.length > 0 && (current.length >= limits.maxRows || bytes + rowBytes > limits.maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 2;
    }
    current.push(row);
    bytes += rowBytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
