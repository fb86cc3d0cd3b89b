/**
 * Reads a UTF-8 file (or a byte range of it) as decoded text pieces, without ever holding the
 * whole file: a fixed byte buffer is refilled and a streaming TextDecoder carries characters
 * split across reads.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** 64 KB reads: larger pieces decode to strings that cost more to allocate and collect. */
export const PIECE_BYTES = 1 << 16;

export function readTextInPieces(path: string, visit: (text: string) => void, pieceBytes = PIECE_BYTES): void {
  const fd = openSync(path, 'r');
  try {
    const pieces = new PieceReader(fd, pieceBytes);
    pieces.read(0, Infinity, visit);
    pieces.finish(visit);
  } finally {
    closeSync(fd);
  }
}

/** Reads byte ranges of an open file as text, one decoder across consecutive ranges. */
export class PieceReader {
  private readonly buffer: Buffer;
  private readonly decoder = new TextDecoder('utf-8');

  constructor(
    private readonly fd: number,
    private readonly pieceBytes = PIECE_BYTES,
  ) {
    this.buffer = Buffer.allocUnsafe(pieceBytes);
  }

  /** Visits the text of bytes [start, end) (to the end of the file at most). */
  read(start: number, end: number, visit: (text: string) => void): void {
    this.readBytes(start, end, (bytes) => visit(this.decoder.decode(bytes, { stream: true })));
  }

  /** Visits bytes [start, end) (to the end of the file at most), in one buffer refilled for each piece. */
  readBytes(start: number, end: number, visit: (bytes: Uint8Array) => void): void {
    for (let position = start; position < end; ) {
      const read = readSync(this.fd, this.buffer, 0, Math.min(this.pieceBytes, end - position), position);
      if (read === 0) break;
      position += read;
      visit(this.buffer.subarray(0, read));
    }
  }

  /** Visits what the decoder still holds (an incomplete character at the end of the file). */
  finish(visit: (text: string) => void): void {
    const rest = this.decoder.decode();
    if (rest !== '') visit(rest);
  }
}
