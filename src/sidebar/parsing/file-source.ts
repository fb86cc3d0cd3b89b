/** A dropped file as the core reads it: a range of its bytes at a time, never the whole file at once. */
import type { ByteSource } from '../../core/read/files/read-file';

export function fileSource(file: Blob): ByteSource {
  return {
    size: file.size,
    read: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()),
  };
}
