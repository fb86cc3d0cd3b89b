/**
 * The few pieces of XML an XLSX reader needs, written for speed on strings: entity decoding,
 * Excel's `_xHHHH_` escapes, attribute lists and tag names with any namespace prefix removed.
 */

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Replaces `&amp;`, `&#10;`, `&#x1F600;`… with the characters they stand for. */
export function decodeXmlEntities(text: string): string {
  if (text.indexOf('&') === -1) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.charCodeAt(0) === 35 /* # */) {
      const code =
        body.charCodeAt(1) === 120 /* x */ ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

/**
 * Excel stores characters XML cannot hold (CR, other control characters) as `_x000D_`, and a
 * literal `_x` sequence as `_x005F_x…`.
 */
export function decodeExcelEscapes(text: string): string {
  if (text.indexOf('_x') === -1) return text;
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_whole, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/** Attributes of the tag whose attribute text lies in `xml[start, end)`, names without prefixes. */
export function readAttributes(xml: string, start: number, end: number): Record<string, string> {
  const attributes: Record<string, string> = {};
  const pattern = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  const source = xml.slice(start, end);
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(source)) !== null) {
    const name = match[1];
    const value = decodeXmlEntities(match[3] ?? match[4] ?? '');
    attributes[name] = value;
    const colon = name.indexOf(':');
    if (colon !== -1 && !(name.slice(colon + 1) in attributes)) attributes[name.slice(colon + 1)] = value;
  }
  return attributes;
}

export interface XmlTag {
  /** Local name (prefix removed). */
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attributes: Record<string, string>;
}

/**
 * Calls `visit` for every element tag of a small XML part (workbook, relationships, styles).
 * Processing instructions, comments and CDATA are skipped.
 */
export function forEachTag(xml: string, visit: (tag: XmlTag) => void): void {
  let pos = 0;
  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt === -1) return;
    const next = xml.charCodeAt(lt + 1);
    if (next === 33 /* ! */) {
      const terminator = xml.startsWith('<!--', lt) ? '-->' : xml.startsWith('<![CDATA[', lt) ? ']]>' : '>';
      const close = xml.indexOf(terminator, lt);
      if (close === -1) return;
      pos = close + terminator.length;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt === -1) return;
    pos = gt + 1;
    if (next === 63 /* ? */) continue;
    const closing = next === 47; /* / */
    const nameStart = closing ? lt + 2 : lt + 1;
    let nameEnd = nameStart;
    while (nameEnd < gt) {
      const c = xml.charCodeAt(nameEnd);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) break;
      nameEnd++;
    }
    const qualified = xml.slice(nameStart, nameEnd);
    const colon = qualified.indexOf(':');
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    visit({
      name: colon === -1 ? qualified : qualified.slice(colon + 1),
      closing,
      selfClosing,
      attributes: closing ? {} : readAttributes(xml, nameEnd, selfClosing ? gt - 1 : gt),
    });
  }
}
