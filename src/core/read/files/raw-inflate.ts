/**
 * Raw DEFLATE (RFC 1951) inflated piece by piece into one buffer that is reused to the end: the
 * compressed bytes may arrive in pieces of any size, and the output is handed on in pieces of a
 * fixed size, the 32 KB the format may refer back to kept in front. A 190 MB sheet then costs
 * two small buffers instead of thousands of fresh ones, which a browser's heap would hold until
 * its next full collection (the platform's `DecompressionStream` returns a new buffer per piece).
 *
 * Corrupt data is reported in the words fflate uses, so the synchronous reader (fflate) and this
 * one describe a damaged workbook alike.
 */

/** The deflate data is damaged or cut short. */
export class InflateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InflateError';
  }
}

/** How far back a match may reach. */
const WINDOW = 32768;
/** Longest match. */
const MAX_MATCH = 258;
/** Compressed bytes kept ahead of a symbol: its code, extra bits, distance code and extra bits fit in 6. */
const SYMBOL_MARGIN_BITS = 64;
/** Compressed bytes kept ahead of a block header: a dynamic header's code lengths fit in 600. */
const HEADER_MARGIN_BITS = 1024 * 8;

const LENGTH_BASE = new Uint16Array([
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
  227, 258,
]);
const LENGTH_EXTRA = new Uint8Array([
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
]);
const DISTANCE_BASE = new Uint16Array([
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
  6145, 8193, 12289, 16385, 24577,
]);
const DISTANCE_EXTRA = new Uint8Array([
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
]);
/** The order a dynamic block lists its code-length code's lengths in. */
const CODE_LENGTH_ORDER = new Uint8Array([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);

const MAX_BITS = 15;

/** 15-bit bit reversal: Huffman codes are read from the low bit up. */
let reversed15: Uint16Array | null = null;
function reversals(): Uint16Array {
  if (reversed15 !== null) return reversed15;
  const table = new Uint16Array(1 << MAX_BITS);
  for (let i = 0; i < table.length; i++) {
    let r = 0;
    for (let b = 0; b < MAX_BITS; b++) r |= ((i >> b) & 1) << (MAX_BITS - 1 - b);
    table[i] = r;
  }
  return (reversed15 = table);
}

const codeCounts = new Uint16Array(MAX_BITS + 1);
const nextCodes = new Uint16Array(MAX_BITS + 1);

/**
 * Fills `table` (indexed by the next `maxBits` input bits) with `symbol << 4 | codeLength` for
 * the code the lengths describe; 0 marks bits no code starts with. Returns `maxBits`.
 */
function fillDecodeTable(lengths: Uint8Array, from: number, count: number, table: Uint16Array): number {
  let maxBits = 0;
  codeCounts.fill(0);
  for (let i = 0; i < count; i++) {
    const length = lengths[from + i];
    codeCounts[length]++;
    if (length > maxBits) maxBits = length;
  }
  const size = 1 << maxBits;
  table.fill(0, 0, size);
  if (maxBits === 0) return 0;
  codeCounts[0] = 0;
  let code = 0;
  for (let bits = 1; bits <= MAX_BITS; bits++) {
    code = (code + codeCounts[bits - 1]) << 1;
    nextCodes[bits] = code;
  }
  const reverse = reversals();
  for (let symbol = 0; symbol < count; symbol++) {
    const length = lengths[from + symbol];
    if (length === 0) continue;
    const entry = (symbol << 4) | length;
    const first = reverse[(nextCodes[length]++ << (MAX_BITS - length)) & 0x7fff];
    for (let index = first; index < size; index += 1 << length) table[index] = entry;
  }
  return maxBits;
}

let fixedTables: {
  literals: Uint16Array;
  literalBits: number;
  distances: Uint16Array;
  distanceBits: number;
} | null = null;
function fixedHuffman(): NonNullable<typeof fixedTables> {
  if (fixedTables !== null) return fixedTables;
  const lengths = new Uint8Array(288 + 32);
  lengths.fill(8, 0, 144);
  lengths.fill(9, 144, 256);
  lengths.fill(7, 256, 280);
  lengths.fill(8, 280, 288);
  lengths.fill(5, 288, 320);
  const literals = new Uint16Array(1 << 9);
  const distances = new Uint16Array(1 << 5);
  return (fixedTables = {
    literals,
    literalBits: fillDecodeTable(lengths, 0, 288, literals),
    distances,
    distanceBits: fillDecodeTable(lengths, 288, 32, distances),
  });
}

/** Up to 17 bits of `input` from bit `pos` on (bytes past the end read as 0). */
function bits(input: Uint8Array, pos: number): number {
  const at = pos >> 3;
  return (input[at] | (input[at + 1] << 8) | (input[at + 2] << 16)) >> (pos & 7);
}

const STATE_HEADER = 0;
const STATE_CODES = 1;
const STATE_STORED = 2;
const STATE_DONE = 3;

/**
 * A raw deflate stream inflated as its compressed pieces are pushed. `onOutput` hears each piece
 * of output (a view of the reused buffer: it must use or copy it before returning) and returns
 * false to stop; nothing more is inflated then.
 */
export class RawInflater {
  /** Bytes of output handed on so far. */
  produced = 0;
  private input = new Uint8Array(0);
  private inputLength = 0;
  /** Bit position in `input`. */
  private pos = 0;
  private readonly output: Uint8Array;
  private outputPos = 0;
  private state = STATE_HEADER;
  private lastBlock = false;
  private storedLeft = 0;
  private literals: Uint16Array;
  private literalBits = 0;
  private distances: Uint16Array;
  private distanceBits = 0;
  private readonly ownLiterals = new Uint16Array(1 << MAX_BITS);
  private readonly ownDistances = new Uint16Array(1 << MAX_BITS);
  private readonly codeLengths = new Uint8Array(288 + 32 + 138);
  /** True when `onOutput` asked to stop. */
  stopped = false;
  /** Where the output not yet handed on starts. */
  private emittedTo = 0;

  constructor(
    private readonly onOutput: (bytes: Uint8Array, final: boolean) => boolean,
    outputPieceBytes = 256 * 1024,
  ) {
    this.output = new Uint8Array(WINDOW + Math.max(outputPieceBytes, MAX_MATCH));
    this.literals = this.ownLiterals;
    this.distances = this.ownDistances;
  }

  /** True once the final block was read or `onOutput` asked to stop. */
  get finished(): boolean {
    return this.state === STATE_DONE || this.stopped;
  }

  /** Inflates what `piece` completes; `final` says no more compressed bytes follow. */
  push(piece: Uint8Array, final: boolean): void {
    this.take(piece);
    this.inflate(final);
  }

  /**
   * Copies `piece` in after the bytes not yet inflated, dropping those already read. `take` and
   * `inflate` apart let a caller drop the piece before the long work, so that a piece read from a
   * File is collected young instead of outliving the many collections that inflating it causes.
   */
  take(piece: Uint8Array): void {
    if (this.finished) return;
    const consumed = this.pos >> 3;
    const kept = this.inputLength - consumed;
    const needed = kept + piece.length;
    if (needed > this.input.length) {
      const grown = new Uint8Array(Math.max(needed, this.input.length * 2));
      grown.set(this.input.subarray(consumed, this.inputLength));
      this.input = grown;
    } else if (consumed > 0) {
      this.input.copyWithin(0, consumed, this.inputLength);
    }
    this.input.set(piece, kept);
    this.inputLength = needed;
    this.pos &= 7;
  }

  /** Inflates what the pieces taken so far hold; `final` says no more compressed bytes follow. */
  inflate(final: boolean): void {
    if (this.finished) return;
    if (final && this.inputLength === 0 && this.produced === 0 && this.outputPos === 0) {
      // No data at all is an empty entry, as fflate reads it.
      this.state = STATE_DONE;
      this.emit(true);
      return;
    }
    this.run(final);
    if (final && !this.finished) throw new InflateError('unexpected EOF');
  }

  private run(final: boolean): void {
    const totalBits = this.inputLength * 8;
    for (;;) {
      if (this.stopped) return;
      if (this.state === STATE_HEADER) {
        if (this.lastBlock) {
          this.state = STATE_DONE;
          this.emit(true);
          return;
        }
        if (!final && this.pos + HEADER_MARGIN_BITS > totalBits) return;
        this.readHeader();
        if (this.pos > totalBits) throw new InflateError('unexpected EOF');
      } else if (this.state === STATE_STORED) {
        if (!this.copyStored()) return;
      } else if (this.state === STATE_CODES) {
        if (!this.inflateCodes(final ? totalBits : totalBits - SYMBOL_MARGIN_BITS, totalBits)) return;
      } else {
        return;
      }
    }
  }

  private readHeader(): void {
    const input = this.input;
    let pos = this.pos;
    const header = bits(input, pos);
    this.lastBlock = (header & 1) === 1;
    const type = (header >> 1) & 3;
    pos += 3;
    if (type === 0) {
      const at = (pos + 7) >> 3;
      this.storedLeft = input[at] | (input[at + 1] << 8);
      this.pos = (at + 4) * 8;
      this.state = STATE_STORED;
      return;
    }
    if (type === 1) {
      const fixed = fixedHuffman();
      this.literals = fixed.literals;
      this.literalBits = fixed.literalBits;
      this.distances = fixed.distances;
      this.distanceBits = fixed.distanceBits;
      this.pos = pos;
      this.state = STATE_CODES;
      return;
    }
    if (type !== 2) throw new InflateError('invalid block type');
    const literalCount = (bits(input, pos) & 31) + 257;
    const distanceCount = (bits(input, pos + 5) & 31) + 1;
    const codeLengthCount = (bits(input, pos + 10) & 15) + 4;
    pos += 14;
    const lengths = this.codeLengths;
    lengths.fill(0, 0, 19);
    for (let i = 0; i < codeLengthCount; i++) lengths[CODE_LENGTH_ORDER[i]] = bits(input, pos + i * 3) & 7;
    pos += codeLengthCount * 3;
    const codeTable = this.ownDistances; // free until the distance code is built below
    const codeBits = fillDecodeTable(lengths, 0, 19, codeTable);
    const codeMask = (1 << codeBits) - 1;
    const total = literalCount + distanceCount;
    const symbols = this.codeLengths.subarray(19);
    for (let i = 0; i < total;) {
      const entry = codeTable[bits(input, pos) & codeMask];
      pos += entry & 15;
      const symbol = entry >> 4;
      if (symbol < 16) {
        symbols[i++] = symbol;
        continue;
      }
      let repeat: number;
      let value = 0;
      if (symbol === 16) {
        repeat = 3 + (bits(input, pos) & 3);
        pos += 2;
        value = i > 0 ? symbols[i - 1] : 0;
      } else if (symbol === 17) {
        repeat = 3 + (bits(input, pos) & 7);
        pos += 3;
      } else {
        repeat = 11 + (bits(input, pos) & 127);
        pos += 7;
      }
      while (repeat-- > 0 && i < symbols.length) symbols[i++] = value;
    }
    this.literals = this.ownLiterals;
    this.literalBits = fillDecodeTable(symbols, 0, literalCount, this.ownLiterals);
    this.distances = this.ownDistances;
    this.distanceBits = fillDecodeTable(symbols, literalCount, distanceCount, this.ownDistances);
    this.pos = pos;
    this.state = STATE_CODES;
  }

  /** Copies what the input holds of a stored block; false when more input is needed. */
  private copyStored(): boolean {
    const available = this.inputLength - (this.pos >> 3);
    if (this.storedLeft === 0) {
      this.state = STATE_HEADER;
      return true;
    }
    if (available <= 0) {
      if (this.pos > this.inputLength * 8) throw new InflateError('unexpected EOF');
      return false;
    }
    if (this.outputPos === this.output.length) this.emit(false);
    if (this.stopped) return false;
    const count = Math.min(this.storedLeft, available, this.output.length - this.outputPos);
    const at = this.pos >> 3;
    this.output.set(this.input.subarray(at, at + count), this.outputPos);
    this.outputPos += count;
    this.pos += count * 8;
    this.storedLeft -= count;
    return true;
  }

  /**
   * Inflates literals and matches while a whole symbol is sure to be in the input (`safeBits`);
   * true when the block ended, false when more input is needed or the reader stopped.
   */
  private inflateCodes(safeBits: number, totalBits: number): boolean {
    const input = this.input;
    const output = this.output;
    const literals = this.literals;
    const distances = this.distances;
    const literalMask = (1 << this.literalBits) - 1;
    const distanceMask = (1 << this.distanceBits) - 1;
    const outputLimit = output.length - MAX_MATCH;
    let pos = this.pos;
    let out = this.outputPos;
    for (;;) {
      if (pos > safeBits) break;
      if (out > outputLimit) {
        this.outputPos = out;
        this.emit(false);
        if (this.stopped) return false;
        out = this.outputPos;
      }
      const entry = literals[bits(input, pos) & literalMask];
      pos += entry & 15;
      const symbol = entry >> 4;
      if (symbol < 256) {
        if (entry === 0) throw new InflateError('invalid length/literal');
        output[out++] = symbol;
        continue;
      }
      if (symbol === 256) {
        if (pos > totalBits) throw new InflateError('unexpected EOF');
        this.pos = pos;
        this.outputPos = out;
        this.state = STATE_HEADER;
        return true;
      }
      const lengthIndex = symbol - 257;
      if (lengthIndex >= 29) throw new InflateError('invalid length/literal');
      const lengthExtra = LENGTH_EXTRA[lengthIndex];
      let length = LENGTH_BASE[lengthIndex];
      if (lengthExtra > 0) {
        length += bits(input, pos) & ((1 << lengthExtra) - 1);
        pos += lengthExtra;
      }
      const distanceEntry = distances[bits(input, pos) & distanceMask];
      const distanceSymbol = distanceEntry >> 4;
      if (distanceEntry === 0 || distanceSymbol >= 30) throw new InflateError('invalid distance');
      pos += distanceEntry & 15;
      const distanceExtra = DISTANCE_EXTRA[distanceSymbol];
      let distance = DISTANCE_BASE[distanceSymbol];
      if (distanceExtra > 0) {
        distance += bits(input, pos) & ((1 << distanceExtra) - 1);
        pos += distanceExtra;
      }
      if (distance > out) throw new InflateError('invalid distance');
      let from = out - distance;
      const end = out + length;
      while (out < end) output[out++] = output[from++];
    }
    this.pos = pos;
    this.outputPos = out;
    if (pos > totalBits) throw new InflateError('unexpected EOF');
    return false;
  }

  /** Hands on the output since the last piece and keeps the window in front of the buffer. */
  private emit(final: boolean): void {
    const output = this.output;
    const fresh = output.subarray(this.emittedTo, this.outputPos);
    this.produced += fresh.length;
    // What the reader says after the last piece changes nothing: there is nothing left to skip.
    if (!this.onOutput(fresh, final) && !final) {
      this.stopped = true;
      return;
    }
    if (this.outputPos > WINDOW) {
      output.copyWithin(0, this.outputPos - WINDOW, this.outputPos);
      this.outputPos = WINDOW;
    }
    this.emittedTo = this.outputPos;
  }
}
