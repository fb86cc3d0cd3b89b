/** A file's bytes read a range at a time, so that no reader needs the whole file in memory at once. */

/**
 * A file's bytes, read a range at a time: a File in the sidebar's worker (never read whole), or
 * an array already in memory.
 */
export interface ByteSource {
  readonly size: number;
  read(start: number, end: number): Promise<Uint8Array> | Uint8Array;
  /**
   * The bytes `[start, end)` in order, each piece read into a buffer the reader passes and reuses
   * (where the platform can: a File's byte stream), so that a long read makes no buffer per piece.
   * Absent or null where it cannot; `read` serves then.
   */
  pieces?(start: number, end: number): BytePieces | null;
}

/** Pieces of a range read in order into the caller's buffer. */
export interface BytePieces {
  /**
   * Fills the start of `buffer` with the next bytes and returns them: a view of the same memory,
   * possibly through a new ArrayBuffer object (the old one is then detached: read on from the
   * returned view's buffer). null at the end of the range.
   */
  next(buffer: Uint8Array): Promise<Uint8Array | null>;
  /** Stops reading before the end. */
  cancel(): void;
}

export function arraySource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (start, end) => bytes.subarray(start, end) };
}
