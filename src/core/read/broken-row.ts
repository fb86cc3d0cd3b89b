/**
 * A CSV row cut by a line break inside a cell left without quotes (a hand edit, a tool other than
 * Excel): short rows one after another whose fields, each cut cell counted once, make exactly the
 * widest row's (the header's). TikTok writes every row as wide as its header. Excel leaves out the
 * empty cells that end a row, which makes a row short, but the row after it then holds a whole
 * row, not the rest of one. Checked by field counts as the rows are read.
 */
import { detachedText } from './detached-text';

export class BrokenRowWatch {
  private widest = 0;
  /** Fields of the short rows read one after another, the cut cells counted once (0: none). */
  private joined = 0;
  private first = 0;
  private firstWidth = 0;
  private cutText = '';
  private found: { first: number; last: number; width: number; fields: number; cut: string } | null = null;

  see(cells: readonly string[], rowNumber: number): void {
    const width = cells.length;
    if (width >= this.widest) {
      // A wider row (the header): rows cut above it were a banner's.
      if (width > this.widest) this.found = null;
      this.widest = width;
      this.joined = 0;
      return;
    }
    if (this.joined > 0 && width > 0) {
      this.joined += width - 1;
      if (this.joined < this.widest) return;
      if (this.joined === this.widest) {
        const { first, firstWidth, cutText, widest } = this;
        this.found ??= { first, last: rowNumber, width: firstWidth, fields: widest, cut: cutText };
        this.joined = 0;
        return;
      }
    }
    // A blank line (no cells) ends a run without starting one.
    this.joined = width;
    this.first = rowNumber;
    this.firstWidth = width;
    if (width > 0) this.cutText = detachedText(cells[width - 1]);
  }

  /** The file's refusal when rows under its header row were cut, or ''. */
  refusal(fileName: string, headerRow: number): string {
    const found = this.found;
    if (found === null || found.first <= headerRow) return '';
    const { first, last, width, fields } = found;
    const rest = last === first + 1 ? `row ${last}` : `rows ${first + 1} to ${last}`;
    const cut = found.cut.trim();
    const shown = cut.length > 40 ? cut.slice(0, 37) + '…' : cut;
    return (
      `${fileName}: row ${first} has ${width} of the header's ${fields} fields and ${rest} the rest: ` +
      `one row cut by a line break inside a cell without quotes around it (after \`${shown}\`). ` +
      'Nothing was imported. Join the lines in a text editor, or put that cell in double quotes, and import ' +
      'the file again, or download the export again from Seller Center.'
    );
  }
}
