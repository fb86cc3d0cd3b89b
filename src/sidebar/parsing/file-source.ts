/** A dropped file as the core reads it: a range of its bytes at a time, never the whole file at once. */
import type { ByteSource, BytePieces } from '../../core/read/files/byte-source';

export function fileSource(file: Blob, fileName: string): ByteSource {
  const unreadable = (error: unknown): never => {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`${fileName}: the browser could not read this file (${why}). Choose it again.`);
  };
  return {
    size: file.size,
    read: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer().catch(unreadable)),
    pieces: (start, end) => bytePieces(file.slice(start, end), unreadable),
  };
}

/**
 * The blob's bytes read into the caller's buffer (a byte stream's "bring your own buffer" reader):
 * a buffer the browser made for each piece would stay in the heap until its next full collection,
 * so a 25 MB workbook would leave 25 MB of them behind. Null where the browser has no such reader.
 */
function bytePieces(blob: Blob, unreadable: (error: unknown) => never): BytePieces | null {
  let reader: ReadableStreamBYOBReader;
  try {
    reader = blob.stream().getReader({ mode: 'byob' });
  } catch {
    return null;
  }
  return {
    async next(buffer) {
      const { done, value } = await reader.read(buffer as Uint8Array<ArrayBuffer>).catch(unreadable);
      return done || value === undefined ? null : value;
    },
    cancel() {
      reader.cancel().catch(() => undefined);
    },
  };
}
