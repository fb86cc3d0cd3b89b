/**
 * Random access to the files inside a ZIP archive, held in memory or read a range at a time. The
 * central directory gives each entry's place, so an XLSX can be read in the order its parts
 * depend on each other (workbook, shared strings, styles, then sheets), whatever order the writer
 * stored them in, and a big sheet can be inflated piece by piece instead of into one giant buffer.
 */
import { inflateSync, strFromU8 } from 'fflate';
import type { BytePieces, ByteSource } from './byte-source';
import { InflateError, RawInflater } from './raw-inflate';

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
  let { entryCount, directoryOffset } = directoryLocation(bytes, end);
  if (directoryOffset === MAX_32 || entryCount === 0xffff) {
    const zip64End = zip64EndOffset(bytes.subarray(Math.max(0, end - 20), end), end - 20, bytes.length);
    ({ entryCount, directoryOffset } = zip64DirectoryLocation(bytes.subarray(zip64End, zip64End + 56)));
  }
  return readDirectory(bytes.subarray(Math.min(directoryOffset, bytes.length)), entryCount);
}

/**
 * `listZipEntries` for an archive read a range at a time: its end (the end record and any
 * comment), then its directory; none of its entries' data.
 */
export async function listZipEntriesFrom(source: ByteSource): Promise<Map<string, ZipEntry>> {
  const size = source.size;
  const tailStart = Math.max(0, size - 22 - 0xffff);
  const tail = await source.read(tailStart, size);
  const endInTail = findEndOfCentralDirectory(tail);
  let { entryCount, directoryOffset } = directoryLocation(tail, endInTail);
  if (directoryOffset === MAX_32 || entryCount === 0xffff) {
    const locator = tailStart + endInTail - 20;
    const zip64End = zip64EndOffset(await source.read(Math.max(0, locator), locator + 20), locator, size);
    ({ entryCount, directoryOffset } = zip64DirectoryLocation(await source.read(zip64End, zip64End + 56)));
  }
  return readDirectory(await source.read(Math.min(directoryOffset, size), size), entryCount);
}

/** Entry count and directory offset from the end record at `end`. */
function directoryLocation(bytes: Uint8Array, end: number): { entryCount: number; directoryOffset: number } {
  return { entryCount: u16(bytes, end + 10), directoryOffset: u32(bytes, end + 16) };
}

/** Offset of the ZIP64 end record, from the 20-byte locator found at `locator` in a file of `size` bytes. */
function zip64EndOffset(locatorBytes: Uint8Array, locator: number, size: number): number {
  if (locator < 0 || locatorBytes.length < 20 || u32(locatorBytes, 0) !== ZIP64_END_LOCATOR)
    throw new DamagedZipError('the ZIP64 directory is missing');
  const zip64End = u64(locatorBytes, 8);
  if (zip64End + 56 > size) throw new DamagedZipError('the ZIP64 directory is damaged');
  return zip64End;
}

function zip64DirectoryLocation(record: Uint8Array): { entryCount: number; directoryOffset: number } {
  if (record.length < 56 || u32(record, 0) !== ZIP64_END)
    throw new DamagedZipError('the ZIP64 directory is damaged');
  return { entryCount: u64(record, 32), directoryOffset: u64(record, 48) };
}

/** The entries of a directory; `bytes` runs from the directory's start to the end of the file. */
function readDirectory(bytes: Uint8Array, entryCount: number): Map<string, ZipEntry> {
  const entries = new Map<string, ZipEntry>();
  let at = 0;
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

/**
 * Hands the uncompressed content of one entry to `onChunk` in order (see raw-inflate.ts: the same
 * inflater as `streamZipEntryFrom`, fed from bytes already in memory). `onChunk` must use or copy
 * each chunk before it returns, and returns false to stop early; the rest is then never inflated.
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
  const inflater = new RawInflater(onChunk);
  try {
    for (let start = 0; !inflater.finished && start < data.length; start += INPUT_CHUNK_BYTES) {
      const end = Math.min(data.length, start + INPUT_CHUNK_BYTES);
      inflater.push(data.subarray(start, end), end === data.length);
    }
    if (data.length === 0) inflater.push(data, true);
  } catch (error) {
    if (!(error instanceof InflateError)) throw error;
    throw new DamagedZipError(`the entry ${entry.name} cannot be decompressed (${error.message})`);
  }
  checkInflatedSize(entry, inflater);
}

/** Where an entry's compressed bytes lie in an archive read a range at a time. */
async function compressedRange(source: ByteSource, entry: ZipEntry): Promise<{ start: number; end: number }> {
  const at = entry.headerOffset;
  const header = at + 30 > source.size ? null : await source.read(at, at + 30);
  if (header === null || header.length < 30 || u32(header, 0) !== LOCAL_HEADER) {
    throw new DamagedZipError(`the entry ${entry.name} is damaged`);
  }
  const start = at + 30 + u16(header, 26) + u16(header, 28);
  const end = start + entry.compressedSize;
  if (end > source.size) throw new DamagedZipError(`the entry ${entry.name} is cut short`);
  return { start, end };
}

/** `readZipEntry` for an archive read a range at a time (for small parts: the entry is read whole). */
export async function readZipEntryFrom(source: ByteSource, entry: ZipEntry): Promise<Uint8Array> {
  checkReadable(entry);
  const { start, end } = await compressedRange(source, entry);
  const data = await source.read(start, end);
  if (entry.compression === 0) return data;
  try {
    return inflateSync(data);
  } catch (error) {
    throw new DamagedZipError(`the entry ${entry.name} cannot be decompressed (${(error as Error).message})`);
  }
}

/** Piece sizes for `streamZipEntryFrom`: compressed bytes read at a time, inflated bytes handed on at a time. */
export interface ZipPieceSizes {
  readBytes: number;
  outputBytes: number;
}

export const ZIP_PIECE_SIZES: ZipPieceSizes = { readBytes: 256 * 1024, outputBytes: 256 * 1024 };

/**
 * Hands the uncompressed content of one entry to `onChunk` in order, reading its compressed bytes
 * a piece at a time (into one reused buffer where the source can, see `ByteSource.pieces`) and
 * inflating them into another (see raw-inflate.ts): neither the file nor the entry is ever held
 * whole. `onChunk` must use or copy each chunk before it returns,
 * and returns false to stop; the rest is then neither read nor inflated. `onRead` hears how many
 * compressed bytes of the entry were read so far.
 */
export async function streamZipEntryFrom(
  source: ByteSource,
  entry: ZipEntry,
  onChunk: (chunk: Uint8Array, final: boolean) => boolean,
  sizes: ZipPieceSizes = ZIP_PIECE_SIZES,
  onRead?: (compressedBytes: number) => void,
): Promise<void> {
  checkReadable(entry);
  const { start, end } = await compressedRange(source, entry);
  if (entry.compression === 0) {
    let at = start;
    let keepGoing: boolean;
    do {
      const next = Math.min(end, at + sizes.readBytes);
      keepGoing = onChunk(await source.read(at, next), next === end);
      onRead?.(next - start);
      at = next;
    } while (keepGoing && at < end);
    return;
  }
  const inflater = new RawInflater(onChunk, sizes.outputBytes);
  try {
    const pieces = source.pieces?.(start, end) ?? null;
    if (pieces === null) await inflateRanges(source, start, end, inflater, sizes, onRead);
    else await inflatePieces(pieces, end - start, inflater, sizes, onRead);
  } catch (error) {
    if (!(error instanceof InflateError)) throw error;
    throw new DamagedZipError(`the entry ${entry.name} cannot be decompressed (${error.message})`);
  }
  checkInflatedSize(entry, inflater);
}

/** An entry inflated to its end holds the size its directory states, else it is damaged. */
function checkInflatedSize(entry: ZipEntry, inflater: RawInflater): void {
  if (inflater.stopped) return;
  if (inflater.produced !== entry.uncompressedSize) {
    throw new DamagedZipError(
      `the entry ${entry.name} holds ${inflater.produced} bytes, not the ${entry.uncompressedSize} its directory states`,
    );
  }
}

/** Inflates `[start, end)` of the source read a range at a time. */
async function inflateRanges(
  source: ByteSource,
  start: number,
  end: number,
  inflater: RawInflater,
  sizes: ZipPieceSizes,
  onRead: ((compressedBytes: number) => void) | undefined,
): Promise<void> {
  // Each piece is copied in by a call of its own and its promise dropped before it is inflated,
  // so that no frame holds it meanwhile; the next piece is read while this one is inflated.
  const take = async (piece: Promise<Uint8Array> | Uint8Array): Promise<void> => inflater.take(await piece);
  let at = start;
  let next = Math.min(end, at + sizes.readBytes);
  let reading: Promise<Uint8Array> | Uint8Array | null = source.read(at, next);
  try {
    while (reading !== null) {
      await take(reading);
      onRead?.(next - start);
      const final = next === end;
      at = next;
      next = Math.min(end, at + sizes.readBytes);
      reading = final ? null : source.read(at, next);
      inflater.inflate(final);
      if (inflater.finished) return;
    }
  } finally {
    // A piece still being read when the entry ended early is not waited for; its failure is no one's.
    if (reading instanceof Promise) reading.catch(() => undefined);
  }
}

/** Inflates `length` bytes read in order into one reused buffer. */
async function inflatePieces(
  pieces: BytePieces,
  length: number,
  inflater: RawInflater,
  sizes: ZipPieceSizes,
  onRead: ((compressedBytes: number) => void) | undefined,
): Promise<void> {
  let buffer: Uint8Array = new Uint8Array(Math.max(1, Math.min(length, sizes.readBytes)));
  let read = 0;
  try {
    while (!inflater.finished) {
      let piece = read < length ? await pieces.next(buffer) : null;
      if (piece !== null && piece.length === 0) piece = null; // a stream that stalls has ended
      if (piece !== null) {
        read += piece.length;
        inflater.take(piece);
        buffer = new Uint8Array(piece.buffer);
        onRead?.(read);
      }
      inflater.inflate(piece === null || read >= length);
    }
  } finally {
    if (read < length) pieces.cancel();
  }
}
