/** A file's bytes read a range at a time, so that no reader needs the whole file in memory at once. */

/**
 * A file's bytes, read a range at a time: a File in the sidebar's worker (never read whole), or
 * an array already in memory.
 */
export interface ByteSource {
  readonly size: number;
  read(start: number, end: number): Promise<Uint8Array> | Uint8Array;
}

export function arraySource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (start, end) => bytes.subarray(start, end) };
}
