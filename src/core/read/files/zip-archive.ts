/**
 * Random access to the files inside a ZIP archive held in memory. The central directory gives
 * each entry's place, so an XLSX can be read in the order its parts depend on each other
 * (workbook, shared strings, styles, then sheets), whatever order the writer stored them in, and
 * a big sheet can be inflated piece by piece instead of into one giant buffer.
 */
import { Inflate, inflateSync, strFromU8 } from 'fflate';

export interface ZipEntry {
  /** Path inside the archive, with `/` separators. */
  name: string;
  /** 0 = stored, 8 = deflate. */
  compression: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the local file header. */
  headerOffset: number;
  encrypted: boolean;
}

/** The archive's structure is broken (cut short, overwritten, not really a ZIP). */
export class DamagedZipError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'DamagedZipError';
  }
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const MAX_32 = 0xffffffff;

/** True when the bytes start like a ZIP archive (XLSX files are ZIPs), whatever the file is called. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

function u64(bytes: Uint8Array, at: number): number {
  return u32(bytes, at) + u32(bytes, at + 4) * 0x100000000;
}

/** Every entry of the archive, keyed by lower-cased name (writers disagree on case). */
export function listZipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const end = findEndOfCentralDirectory(bytes);
  let entryCount = u16(bytes, end + 10);
  let directoryOffset = u32(bytes, end + 16);
  if (directoryOffset === MAX_32 || entryCount === 0xffff) {
    const locator = end - 20;
    if (locator < 0 || u32(bytes, locator) !== ZIP64_END_LOCATOR)
      throw new DamagedZipError('the ZIP64 directory is missing');
    const zip64End = u64(bytes, locator + 8);
    if (zip64End + 56 > bytes.length || u32(bytes, zip64End) !== ZIP64_END) {
      throw new DamagedZipError('the ZIP64 directory is damaged');
    }
    entryCount = u64(bytes, zip64End + 32);
    directoryOffset = u64(bytes, zip64End + 48);
  }

  const entries = new Map<string, ZipEntry>();
  let at = directoryOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL_HEADER) {
      throw new DamagedZipError('the file directory is damaged');
    }
    const flags = u16(bytes, at + 8);
    const compression = u16(bytes, at + 10);
    let compressedSize = u32(bytes, at + 20);
    let uncompressedSize = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    let headerOffset = u32(bytes, at + 42);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    // Bit 11 marks UTF-8 names; XLSX part names are ASCII either way.
    const name = strFromU8(nameBytes, (flags & 0x800) === 0)
      .replace(/\\/g, '/')
      .replace(/^\//, '');

    if (uncompressedSize === MAX_32 || compressedSize === MAX_32 || headerOffset === MAX_32) {
      let extra = at + 46 + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = u16(bytes, extra);
        const size = u16(bytes, extra + 2);
        if (id === 0x0001) {
          let field = extra + 4;
          if (uncompressedSize === MAX_32) {
            uncompressedSize = u64(bytes, field);
            field += 8;
          }
          if (compressedSize === MAX_32) {
            compressedSize = u64(bytes, field);
            field += 8;
          }
          if (headerOffset === MAX_32) headerOffset = u64(bytes, field);
          break;
        }
        extra += 4 + size;
      }
    }
    entries.set(name.toLowerCase(), {
      name,
      compression,
      compressedSize,
      uncompressedSize,
      headerOffset,
      encrypted: (flags & 1) === 1,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end of the file.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (bytes[at] === 0x50 && u32(bytes, at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new DamagedZipError('the end of the archive is missing');
}

function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.headerOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL_HEADER) {
    throw new DamagedZipError(`the entry ${entry.name} is damaged`);
  }
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new DamagedZipError(`the entry ${entry.name} is cut short`);
  return bytes.subarray(start, end);
}

function checkReadable(entry: ZipEntry): void {
  if (entry.encrypted) throw new DamagedZipError(`the entry ${entry.name} is password protected`);
  if (entry.compression !== 0 && entry.compression !== 8) {
    throw new DamagedZipError(`the entry ${entry.name} uses compression method ${entry.compression}`);
  }
}

/** The whole uncompressed content of one (small) entry. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  checkReadable(entry);
  const data = compressedData(bytes, entry);
  if (entry.compression === 0) return data;
  try {
    return inflateSync(data);
  } catch (error) {
    throw new DamagedZipError(`the entry ${entry.name} cannot be decompressed (${(error as Error).message})`);
  }
}

const INPUT_CHUNK_BYTES = 64 * 1024;
/** Compressed bytes inflated piece by piece before the rest is inflated in one pass. */
const STREAMED_PREFIX_BYTES = 256 * 1024;
/** Largest entry inflated in one pass into a buffer of its exact size. */
const MAX_ONE_PASS_BYTES = 1024 * 1024 * 1024;

/**
 * Hands the uncompressed content of one entry to `onChunk` in order. `onChunk` returns false to
 * stop early, and the rest is then never inflated.
 *
 * The first few hundred kilobytes are inflated as a stream, so a reader that only needs the first
 * rows (to recognise a layout) stops cheaply. The rest is inflated in one pass into a buffer of
 * the size the directory states: fflate's one-pass inflate is several times faster than its
 * stream, which reallocates its output on every piece.
 */
export function streamZipEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  onChunk: (chunk: Uint8Array, final: boolean) => boolean,
): void {
  checkReadable(entry);
  const data = compressedData(bytes, entry);
  if (entry.compression === 0) {
    for (let start = 0; ; start += INPUT_CHUNK_BYTES) {
      const end = Math.min(data.length, start + INPUT_CHUNK_BYTES);
      if (!onChunk(data.subarray(start, end), end === data.length) || end === data.length) return;
    }
  }
  const onePass =
    data.length > STREAMED_PREFIX_BYTES &&
    entry.uncompressedSize > 0 &&
    entry.uncompressedSize <= MAX_ONE_PASS_BYTES;
  const streamedLength = onePass ? STREAMED_PREFIX_BYTES : data.length;
  let keepGoing = true;
  let produced = 0;
  const inflater = new Inflate((chunk, final) => {
    produced += chunk.length;
    if (keepGoing) keepGoing = onChunk(chunk, final);
  });
  try {
    for (let start = 0; keepGoing && start < streamedLength; start += INPUT_CHUNK_BYTES) {
      const end = Math.min(streamedLength, start + INPUT_CHUNK_BYTES);
      inflater.push(data.subarray(start, end), !onePass && end === data.length);
    }
    if (data.length === 0 && !onePass) inflater.push(data, true);
    if (!keepGoing || !onePass) return;
    const whole = inflateSync(data, { out: new Uint8Array(entry.uncompressedSize) });
    if (whole.length !== entry.uncompressedSize) {
      throw new DamagedZipError(
        `the entry ${entry.name} holds ${whole.length} bytes, not the ${entry.uncompressedSize} its directory states`,
      );
    }
    onChunk(whole.subarray(Math.min(produced, whole.length)), true);
  } catch (error) {
    if (error instanceof DamagedZipError || !isInflateError(error)) throw error;
    throw new DamagedZipError(`the entry ${entry.name} cannot be decompressed (${(error as Error).message})`);
  }
}

/** fflate reports corrupt or truncated data as Errors with a numeric `code`. */
function isInflateError(error: unknown): boolean {
  return error instanceof Error && typeof (error as Error & { code?: unknown }).code === 'number';
}

/**
 * The platform's own raw-deflate decompressor (`DecompressionStream`, in Chromium since 123 and in
 * Node 20), typed here because core compiles without the DOM library.
 */
interface ByteStreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
}
interface ByteStreamWriter {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
interface RawInflateStream {
  readable: { getReader(): ByteStreamReader };
  writable: { getWriter(): ByteStreamWriter };
}
type RawInflateStreamConstructor = new (format: 'deflate-raw') => RawInflateStream;

/** A native raw-deflate stream, or null where the platform has none (older browsers, Apps Script). */
function nativeRawInflateStream(): RawInflateStream | null {
  const Native = (globalThis as { DecompressionStream?: RawInflateStreamConstructor }).DecompressionStream;
  if (typeof Native !== 'function') return null;
  try {
    return new Native('deflate-raw');
  } catch {
    return null; // before Chromium 123 only 'deflate' and 'gzip' exist
  }
}

/** True when `streamZipEntryAsync` inflates with the platform's native decompressor. */
export function hasNativeInflate(): boolean {
  return nativeRawInflateStream() !== null;
}

/** Pieces of inflated output requested ahead of the one being scanned. */
const READ_AHEAD = 8;
/** Compressed bytes handed to the native decompressor at a time. */
const NATIVE_INPUT_CHUNK_BYTES = 256 * 1024;

/**
 * Like `streamZipEntry`, but inflates with the platform's native decompressor when there is one:
 * several times faster than fflate's JavaScript inflate, and the entry arrives in small pieces,
 * so even a sheet of hundreds of megabytes is never held whole. Where no native decompressor
 * exists it falls back to `streamZipEntry`. `onChunk` returns false to stop early.
 */
export async function streamZipEntryAsync(
  bytes: Uint8Array,
  entry: ZipEntry,
  onChunk: (chunk: Uint8Array, final: boolean) => boolean,
  inflateStream: () => RawInflateStream | null = nativeRawInflateStream,
): Promise<void> {
  checkReadable(entry);
  const data = compressedData(bytes, entry);
  const stream = entry.compression === 8 ? inflateStream() : null;
  if (stream === null) {
    streamZipEntry(bytes, entry, onChunk);
    return;
  }

  const writer = stream.writable.getWriter();
  // The writer runs alongside the reader; its failures are the reader's failures, reported there.
  const writing = (async () => {
    for (let start = 0; start < data.length; start += NATIVE_INPUT_CHUNK_BYTES) {
      await writer.write(data.subarray(start, Math.min(data.length, start + NATIVE_INPUT_CHUNK_BYTES)));
    }
    await writer.close();
  })().catch(() => undefined);

  const reader = stream.readable.getReader();
  // Reads are requested ahead, so a decompressor that works off the thread (Node's zlib) can
  // keep inflating while the pieces before are scanned.
  const pending: Promise<{ done: boolean; value?: Uint8Array }>[] = [];
  for (let i = 0; i < READ_AHEAD; i++) pending.push(reader.read());
  let produced = 0;
  // Each piece is handed on one read late, so the last one can be flagged final.
  let held: Uint8Array | null = null;
  try {
    for (;;) {
      const { done, value } = await pending.shift()!;
      if (done) break;
      pending.push(reader.read());
      if (value === undefined || value.length === 0) continue;
      produced += value.length;
      if (held !== null && !onChunk(held, false)) {
        await reader.cancel().catch(() => undefined);
        await writing;
        return;
      }
      held = value;
    }
  } catch (error) {
    for (const read of pending) read.catch(() => undefined);
    await writing;
    throw new DamagedZipError(`the entry ${entry.name} cannot be decompressed (${inflateFailure(error)})`);
  }
  await writing;
  if (produced !== entry.uncompressedSize) {
    throw new DamagedZipError(
      `the entry ${entry.name} holds ${produced} bytes, not the ${entry.uncompressedSize} its directory states`,
    );
  }
  onChunk(held ?? new Uint8Array(0), true);
}

/** The decompressor's reason, without the platform's wording around it. */
function inflateFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (
    message.replace(/^The compressed data was not valid:\s*/i, '').replace(/\.$/, '') ||
    'invalid compressed data'
  );
}
