/**
 * Cuts a stream of XML text into blocks that end right after a closing tag (`</row>`, `</si>`),
 * so a scanner only ever sees whole elements while the part is still being inflated. Work stays
 * linear even when one element spans many pieces (a cell holding a million characters).
 */
export class XmlBlockSplitter {
  private closeTag: string | null = null;
  private pending: string[] = [];
  /** The last characters of the pending text, to find a closing tag cut in two. */
  private tail = '';

  constructor(
    private readonly elementName: string,
    private readonly onBlock: (xml: string) => void,
  ) {}

  push(text: string, final: boolean): void {
    if (this.closeTag === null) {
      this.pending.push(text);
      const head = this.pending.join('');
      const prefix = rootElementPrefix(head);
      if (prefix === null && !final) {
        this.pending = [head];
        return;
      }
      // Elements share the root's namespace prefix (`x:worksheet` → `</x:row>`).
      this.closeTag = `</${prefix ?? ''}${this.elementName}>`;
      this.pending = [];
      text = head;
    }
    const tag = this.closeTag;
    if (final) {
      this.pending.push(text);
      const all = this.pending.join('');
      this.pending = [];
      this.tail = '';
      this.onBlock(all);
      return;
    }
    const found =
      text.lastIndexOf(tag) !== -1 ||
      (this.tail !== '' && (this.tail + text.slice(0, tag.length - 1)).indexOf(tag) !== -1);
    this.pending.push(text);
    if (!found) {
      this.tail = (this.tail + text).slice(-(tag.length - 1));
      return;
    }
    const all = this.pending.length === 1 ? text : this.pending.join('');
    const cut = all.lastIndexOf(tag) + tag.length;
    const rest = all.slice(cut);
    this.pending = rest === '' ? [] : [rest];
    this.tail = rest.slice(-(tag.length - 1));
    this.onBlock(cut === all.length ? all : all.slice(0, cut));
  }
}

/** `x:` for `<x:worksheet …>`, '' for `<worksheet …>`, null when the root tag has not arrived yet. */
function rootElementPrefix(xml: string): string | null {
  let pos = 0;
  for (;;) {
    const lt = xml.indexOf('<', pos);
    if (lt === -1) return null;
    const next = xml.charCodeAt(lt + 1);
    if (next === 63 /* ? */ || next === 33 /* ! */) {
      const close = xml.indexOf('>', lt);
      if (close === -1) return null;
      pos = close + 1;
      continue;
    }
    const match = /^<([^\s/>:]+:)?[^\s/>:]+[\s/>]/.exec(xml.slice(lt, lt + 200));
    if (match === null) return xml.length - lt < 200 ? null : '';
    return match[1] ?? '';
  }
}
