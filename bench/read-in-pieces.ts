/**
 * Reads a UTF-8 file as decoded text pieces, without ever holding the whole file: a fixed byte
 * buffer is refilled and a streaming TextDecoder carries characters split across reads.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** 64 KB reads: larger pieces decode to strings that cost more to allocate and collect. */
export const PIECE_BYTES = 1 << 16;

export function readTextInPieces(path: string, visit: (text: string) => void, pieceBytes = PIECE_BYTES): void {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(pieceBytes);
    const decoder = new TextDecoder('utf-8');
    for (;;) {
      const read = readSync(fd, buffer, 0, pieceBytes, null);
      if (read === 0) break;
      visit(decoder.decode(buffer.subarray(0, read), { stream: true }));
    }
    visit(decoder.decode());
  } finally {
    closeSync(fd);
  }
}
