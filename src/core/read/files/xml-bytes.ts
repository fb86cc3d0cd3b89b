/**
 * Scanning XML as UTF-8 bytes. The markup of an XLSX part is ASCII, so a scanner can walk the
 * inflated bytes directly and turn only cell values into strings: no 200 MB decoded string for a
 * big sheet, and number text is copied out of bytes that are thrown away right after.
 */
import { strFromU8 } from 'fflate';
import { decodeXmlEntities } from './xml-text';

const LT = 60;
const AMPERSAND = 38;

/** Text of the UTF-8 bytes `bytes[start, end)`, with XML entities decoded. */
export function xmlBytesToText(bytes: Uint8Array, start: number, end: number): string {
  const length = end - start;
  if (length <= 0) return '';
  let plainAscii = true;
  let hasEntity = false;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b >= 0x80) plainAscii = false;
    else if (b === AMPERSAND) hasEntity = true;
  }
  const text = plainAscii ? asciiBytesToString(bytes, start, end) : strFromU8(bytes.subarray(start, end));
  return hasEntity ? decodeXmlEntities(text) : text;
}

/** A fresh string from ASCII bytes (short values, the bulk of a sheet, take the fast path). */
export function asciiBytesToString(b: Uint8Array, s: number, end: number): string {
  const fromCharCode = String.fromCharCode;
  switch (end - s) {
    case 0:
      return '';
    case 1:
      return fromCharCode(b[s]);
    case 2:
      return fromCharCode(b[s], b[s + 1]);
    case 3:
      return fromCharCode(b[s], b[s + 1], b[s + 2]);
    case 4:
      return fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3]);
    case 5:
      return fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4]);
    case 6:
      return fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5]);
    case 7:
      return fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6]);
    case 8:
      return fromCharCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5], b[s + 6], b[s + 7]);
    default:
      // fflate's Latin-1 decoding (ASCII is a subset); spreading the bytes would walk an iterator.
      return strFromU8(b.subarray(s, end), true);
  }
}

/**
 * Cuts a stream of inflated XML bytes into blocks that end right after a closing tag (`</row>`,
 * `</si>`), so a scanner only ever sees whole elements. Blocks are handed over as ranges of the
 * incoming chunks; only an element cut in two by a chunk boundary is copied, into a buffer that
 * grows by doubling, so the work stays linear even for a row holding a million characters.
 */
export class XmlByteBlockSplitter {
  private closeTag: Uint8Array | null = null;
  private buffer = new Uint8Array(1 << 16);
  private length = 0;

  constructor(
    private readonly elementName: string,
    private readonly onBlock: (bytes: Uint8Array, start: number, end: number) => void,
  ) {}

  push(chunk: Uint8Array, final: boolean): void {
    if (this.closeTag === null) {
      this.append(chunk, 0, chunk.length);
      const prefix = rootElementPrefix(this.buffer, this.length);
      if (prefix === null && !final) return;
      // Elements share the root's namespace prefix (`x:worksheet` → `</x:row>`).
      const tag = `</${prefix ?? ''}${this.elementName}>`;
      this.closeTag = new Uint8Array(tag.length);
      for (let i = 0; i < tag.length; i++) this.closeTag[i] = tag.charCodeAt(i);
      chunk = this.buffer.slice(0, this.length);
      this.length = 0;
    }
    const tag = this.closeTag;
    let offset = 0;
    if (this.length > 0) {
      // Finish the element left over from the previous chunk.
      let firstEnd = firstTagEnd(this.buffer, this.length, chunk, tag);
      if (firstEnd === -1) {
        if (!final) {
          this.append(chunk, 0, chunk.length);
          return;
        }
        firstEnd = chunk.length;
      }
      this.append(chunk, 0, firstEnd);
      const pendingLength = this.length;
      this.length = 0;
      this.onBlock(this.buffer, 0, pendingLength);
      offset = firstEnd;
    }
    if (final) {
      if (offset < chunk.length) this.onBlock(chunk, offset, chunk.length);
      return;
    }
    const cut = lastTagEnd(chunk, offset, chunk.length, tag);
    if (cut === -1) {
      this.append(chunk, offset, chunk.length);
      return;
    }
    this.onBlock(chunk, offset, cut);
    this.append(chunk, cut, chunk.length);
  }

  private append(bytes: Uint8Array, start: number, end: number): void {
    const needed = this.length + (end - start);
    if (needed > this.buffer.length) {
      const grown = new Uint8Array(Math.max(needed, this.buffer.length * 2));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(bytes.subarray(start, end), this.length);
    this.length = needed;
  }
}

/** Index just past the last occurrence of `tag` in `bytes[from, to)`, or -1. */
function lastTagEnd(bytes: Uint8Array, from: number, to: number, tag: Uint8Array): number {
  const tagLength = tag.length;
  outer: for (let i = to - tagLength; i >= from; i--) {
    if (bytes[i] !== LT) continue;
    for (let k = 1; k < tagLength; k++) if (bytes[i + k] !== tag[k]) continue outer;
    return i + tagLength;
  }
  return -1;
}

/**
 * Index in `chunk` just past the first `tag` that ends there, counting one that starts at the end
 * of `pending[0, pendingLength)` and finishes at the start of `chunk`; -1 when there is none.
 */
function firstTagEnd(pending: Uint8Array, pendingLength: number, chunk: Uint8Array, tag: Uint8Array): number {
  const tagLength = tag.length;
  for (let split = 1; split < tagLength; split++) {
    // `split` bytes of the tag at the end of pending, the rest at the start of chunk.
    if (split > pendingLength || tagLength - split > chunk.length) continue;
    let matches = true;
    for (let k = 0; k < tagLength && matches; k++) {
      const byte = k < split ? pending[pendingLength - split + k] : chunk[k - split];
      matches = byte === tag[k];
    }
    if (matches) return tagLength - split;
  }
  outer: for (let i = 0; i + tagLength <= chunk.length; i++) {
    if (chunk[i] !== LT) continue;
    for (let k = 1; k < tagLength; k++) if (chunk[i + k] !== tag[k]) continue outer;
    return i + tagLength;
  }
  return -1;
}

/** `x:` for `<x:worksheet …>`, '' for `<worksheet …>`, null when the root tag has not arrived yet. */
function rootElementPrefix(bytes: Uint8Array, length: number): string | null {
  // Non-ASCII bytes become '?' so a multi-byte character cannot be misread as markup.
  // eslint-disable-next-line no-control-regex
  const head = asciiBytesToString(bytes, 0, Math.min(length, 4096)).replace(/[^\u0000-\u007f]/g, '?');
  let pos = 0;
  for (;;) {
    const lt = head.indexOf('<', pos);
    if (lt === -1) return null;
    const next = head.charCodeAt(lt + 1);
    if (next === 63 /* ? */ || next === 33 /* ! */) {
      const close = head.indexOf('>', lt);
      if (close === -1) return null;
      pos = close + 1;
      continue;
    }
    const match = /^<([^\s/>:]+:)?[^\s/>:]+[\s/>]/.exec(head.slice(lt, lt + 200));
    if (match === null) return head.length - lt < 200 && length < 4096 ? null : '';
    return match[1] ?? '';
  }
}
