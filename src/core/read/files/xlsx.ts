/**
 * Reads XLSX workbooks into rows of cell text, in the browser or in Node, without a DOM: small
 * parts (workbook, relationships, styles) are read whole, and shared strings and sheets are
 * inflated and scanned as UTF-8 bytes piece by piece, from bytes in memory or from a file read a
 * range at a time.
 *
 * Cell text is what the seller saw in Excel, as text: strings as typed (rich text runs joined),
 * numbers exactly as stored (so 18- and 19-digit IDs never pass through a float), TRUE/FALSE,
 * error codes, and numbers with a date format as `YYYY-MM-DD` or `YYYY-MM-DD HH:mm:ss`.
 */
import { strFromU8 } from 'fflate';
import { builtInDateFormatKind, customDateFormatKind, type DateFormatKind } from './excel-dates';
import { XmlByteBlockSplitter, xmlBytesToText } from './xml-bytes';
import { decodeExcelEscapes, forEachTag } from './xml-text';
import {
  SheetRowScanner,
  STYLE_DATE,
  STYLE_DATETIME,
  STYLE_NOT_DATE,
  STYLE_TIME,
  type SheetScanContext,
  type StyleDateKinds,
} from './xlsx-sheet-scanner';
import type { ByteSource } from './byte-source';
import {
  listZipEntries,
  listZipEntriesFrom,
  readZipEntry,
  readZipEntryFrom,
  streamZipEntry,
  streamZipEntryFrom,
  ZIP_PIECE_SIZES,
  type ZipEntry,
  type ZipPieceSizes,
} from './zip-archive';

/** The archive opened but is not a workbook TTS Profit can read. */
export class XlsxFormatError extends Error {
  readonly reason: 'not-a-workbook' | 'no-sheets';
  constructor(reason: 'not-a-workbook' | 'no-sheets', message: string) {
    super(message);
    this.name = 'XlsxFormatError';
    this.reason = reason;
  }
}

export type SheetRowVisitor = (sheet: string, cells: string[], rowNumber: number) => void | false;

interface SheetPart {
  name: string;
  entry: ZipEntry;
}

export interface XlsxWorkbook {
  /** Worksheet names in workbook order (chart sheets are left out: they hold no cells). */
  readonly sheetNames: string[];
  /**
   * Calls `visit` for each `<row>` of every worksheet, in order, with the row's cells and its
   * 1-based row number as Excel shows it. Rows Excel has no record of are not visited. Return
   * false from `visit` to stop; the rest of the workbook is then not inflated at all.
   */
  forEachRow(visit: SheetRowVisitor): void;
}

/** A workbook read a range of its bytes at a time (see `openXlsxFrom`). */
export interface XlsxSourceWorkbook {
  readonly sheetNames: string[];
  /**
   * The rows `XlsxWorkbook.forEachRow` visits, with shared strings and sheets read and inflated
   * piece by piece: neither the file nor any part of it is held whole. `onProgress` hears the
   * share of those parts' compressed bytes read so far, 0–1.
   */
  forEachRow(visit: SheetRowVisitor, onProgress?: (fraction: number) => void): Promise<void>;
}

const RELATIONSHIP_TYPE_SUFFIX = {
  officeDocument: '/officeDocument',
  worksheet: '/worksheet',
  sharedStrings: '/sharedStrings',
  styles: '/styles',
};

/** What a workbook holds and where, from its small parts. */
interface WorkbookParts {
  sheets: SheetPart[];
  sharedStringsEntry: ZipEntry | undefined;
  stylesEntry: ZipEntry | undefined;
  date1904: boolean;
}

/**
 * Reads the workbook's structure from its small parts (relationships, workbook), yielding each
 * entry whose text it needs next, so that one logic serves archives in memory and archives read
 * a range at a time.
 */
function* workbookParts(entries: Map<string, ZipEntry>): Generator<ZipEntry, WorkbookParts, string> {
  const rootRelationships = entries.get('_rels/.rels');
  const workbookPath = findWorkbookPath(
    entries,
    rootRelationships === undefined ? null : yield rootRelationships,
  );
  const workbookEntry = workbookPath === null ? undefined : entries.get(workbookPath.toLowerCase());
  if (workbookPath === null || workbookEntry === undefined) {
    throw new XlsxFormatError('not-a-workbook', 'the archive has no xl/workbook.xml');
  }

  const sheetRefs: { name: string; relationshipId: string }[] = [];
  let date1904 = false;
  forEachTag(yield workbookEntry, (tag) => {
    if (tag.closing) return;
    if (tag.name === 'sheet')
      sheetRefs.push({ name: tag.attributes.name ?? '', relationshipId: tag.attributes.id ?? '' });
    if (tag.name === 'workbookPr') {
      const value = (tag.attributes.date1904 ?? '').toLowerCase();
      date1904 = value === '1' || value === 'true';
    }
  });

  const slash = workbookPath.lastIndexOf('/');
  const directory = slash === -1 ? '' : workbookPath.slice(0, slash + 1);
  const relsEntry = entries.get(`${directory}_rels/${workbookPath.slice(slash + 1)}.rels`.toLowerCase());
  const relationships = relsEntry === undefined ? new Map() : readRelationships(yield relsEntry, directory);
  const sheets: SheetPart[] = [];
  sheetRefs.forEach((ref, index) => {
    const relationship = relationships.get(ref.relationshipId);
    if (relationship !== undefined && !relationship.type.endsWith(RELATIONSHIP_TYPE_SUFFIX.worksheet)) return;
    const path = relationship?.path ?? `xl/worksheets/sheet${index + 1}.xml`;
    const entry = entries.get(path.toLowerCase());
    if (entry !== undefined) sheets.push({ name: ref.name, entry });
  });
  if (sheets.length === 0) throw new XlsxFormatError('no-sheets', 'the workbook has no worksheets');

  const partPath = (typeSuffix: string, fallback: string): ZipEntry | undefined => {
    for (const relationship of relationships.values()) {
      if (relationship.type.endsWith(typeSuffix)) return entries.get(relationship.path.toLowerCase());
    }
    return entries.get(fallback);
  };
  return {
    sheets,
    sharedStringsEntry: partPath(RELATIONSHIP_TYPE_SUFFIX.sharedStrings, 'xl/sharedstrings.xml'),
    stylesEntry: partPath(RELATIONSHIP_TYPE_SUFFIX.styles, 'xl/styles.xml'),
    date1904,
  };
}

const rowScanner = (context: SheetScanContext, sheet: SheetPart, visit: SheetRowVisitor): SheetRowScanner =>
  new SheetRowScanner(context, (cells, rowNumber) => visit(sheet.name, cells, rowNumber) !== false);

/** Opens the archive and reads the workbook's structure; sheets are read later by `forEachRow`. */
export function openXlsx(bytes: Uint8Array): XlsxWorkbook {
  const entries = listZipEntries(bytes);
  const reading = workbookParts(entries);
  let step = reading.next();
  while (step.done !== true) step = reading.next(readText(bytes, step.value));
  const { sheets, sharedStringsEntry, stylesEntry, date1904 } = step.value;

  let sharedStrings: string[] | null = null;
  let styleDateKinds: StyleDateKinds | null = null;
  const styles = (): StyleDateKinds =>
    (styleDateKinds ??=
      stylesEntry === undefined ? new Uint8Array(0) : readStyleDateKinds(readText(bytes, stylesEntry)));

  return {
    sheetNames: sheets.map((sheet) => sheet.name),
    forEachRow(visit: SheetRowVisitor): void {
      if (sharedStrings === null) {
        const reader = new SharedStringsReader();
        if (sharedStringsEntry !== undefined)
          streamXmlBlocks(bytes, sharedStringsEntry, 'si', reader.scan, () => false);
        sharedStrings = reader.strings;
      }
      const context = { sharedStrings, styleDateKinds: styles(), date1904 };
      for (const sheet of sheets) {
        const scanner = rowScanner(context, sheet, visit);
        streamXmlBlocks(
          bytes,
          sheet.entry,
          'row',
          (xml, start, end) => scanner.scan(xml, start, end),
          () => scanner.done,
        );
        scanner.flush();
        if (scanner.stopped) return;
      }
    },
  };
}

/**
 * `openXlsx` for a file read a range at a time: its directory and small parts are read first,
 * shared strings and sheets later, by `forEachRow`, piece by piece. `sizes` sets the pieces.
 */
export async function openXlsxFrom(
  source: ByteSource,
  sizes: ZipPieceSizes = ZIP_PIECE_SIZES,
): Promise<XlsxSourceWorkbook> {
  const entries = await listZipEntriesFrom(source);
  const textOf = async (entry: ZipEntry): Promise<string> => strFromU8(await readZipEntryFrom(source, entry));
  const reading = workbookParts(entries);
  let step = reading.next();
  while (step.done !== true) step = reading.next(await textOf(step.value));
  const { sheets, sharedStringsEntry, stylesEntry, date1904 } = step.value;

  return {
    sheetNames: sheets.map((sheet) => sheet.name),
    async forEachRow(visit: SheetRowVisitor, onProgress?: (fraction: number) => void): Promise<void> {
      const streamed = [
        ...(sharedStringsEntry === undefined ? [] : [sharedStringsEntry]),
        ...sheets.map((s) => s.entry),
      ];
      const total = streamed.reduce((sum, entry) => sum + entry.compressedSize, 0);
      let done = 0;
      const stream = async (
        entry: ZipEntry,
        elementName: string,
        onBlock: BlockHandler,
        isDone: () => boolean,
      ) => {
        await streamXmlBlocksFrom(source, entry, elementName, onBlock, isDone, sizes, (read) => {
          if (total > 0) onProgress?.((done + read) / total);
        });
        done += entry.compressedSize;
      };
      const reader = new SharedStringsReader();
      if (sharedStringsEntry !== undefined) await stream(sharedStringsEntry, 'si', reader.scan, () => false);
      const styleDateKinds =
        stylesEntry === undefined ? new Uint8Array(0) : readStyleDateKinds(await textOf(stylesEntry));
      const context = { sharedStrings: reader.strings, styleDateKinds, date1904 };
      for (const sheet of sheets) {
        const scanner = rowScanner(context, sheet, visit);
        await stream(
          sheet.entry,
          'row',
          (xml, start, end) => scanner.scan(xml, start, end),
          () => scanner.done,
        );
        scanner.flush();
        if (scanner.stopped) return;
      }
    },
  };
}

type BlockHandler = (xml: Uint8Array, start: number, end: number) => void;

/** Inflates and splits one XML part into whole elements, stopping as soon as `isDone` says so. */
function streamXmlBlocks(
  bytes: Uint8Array,
  entry: ZipEntry,
  elementName: string,
  onBlock: BlockHandler,
  isDone: () => boolean,
): void {
  const splitter = new XmlByteBlockSplitter(elementName, (xml, start, end) => {
    if (!isDone()) onBlock(xml, start, end);
  });
  streamZipEntry(bytes, entry, (chunk, final) => {
    splitter.push(chunk, final);
    return !isDone();
  });
}

/** `streamXmlBlocks` from an archive read a range at a time (see `streamZipEntryFrom`). */
function streamXmlBlocksFrom(
  source: ByteSource,
  entry: ZipEntry,
  elementName: string,
  onBlock: BlockHandler,
  isDone: () => boolean,
  sizes: ZipPieceSizes,
  onRead: (compressedBytes: number) => void,
): Promise<void> {
  const splitter = new XmlByteBlockSplitter(elementName, (xml, start, end) => {
    if (!isDone()) onBlock(xml, start, end);
  });
  return streamZipEntryFrom(
    source,
    entry,
    (chunk, final) => {
      splitter.push(chunk, final);
      return !isDone();
    },
    sizes,
    onRead,
  );
}

function readText(bytes: Uint8Array, entry: ZipEntry): string {
  return strFromU8(readZipEntry(bytes, entry));
}

/** The main document from `_rels/.rels` (almost always `xl/workbook.xml`). */
function findWorkbookPath(entries: Map<string, ZipEntry>, rootRelationships: string | null): string | null {
  if (rootRelationships !== null) {
    let target: string | null = null;
    forEachTag(rootRelationships, (tag) => {
      if (
        target === null &&
        tag.name === 'Relationship' &&
        !tag.closing &&
        (tag.attributes.Type ?? '').endsWith(RELATIONSHIP_TYPE_SUFFIX.officeDocument)
      ) {
        target = resolvePartPath('', tag.attributes.Target ?? '');
      }
    });
    if (target !== null && entries.has((target as string).toLowerCase())) return target;
  }
  return entries.has('xl/workbook.xml') ? 'xl/workbook.xml' : null;
}

interface Relationship {
  type: string;
  path: string;
}

/** A part's relationships from its `.rels` text; targets resolved against the part's `directory`. */
function readRelationships(relsXml: string, directory: string): Map<string, Relationship> {
  const relationships = new Map<string, Relationship>();
  forEachTag(relsXml, (tag) => {
    if (tag.name !== 'Relationship' || tag.closing) return;
    if ((tag.attributes.TargetMode ?? '').toLowerCase() === 'external') return;
    relationships.set(tag.attributes.Id ?? '', {
      type: tag.attributes.Type ?? '',
      path: resolvePartPath(directory, tag.attributes.Target ?? ''),
    });
  });
  return relationships;
}

/** Resolves a relationship target (`worksheets/sheet1.xml`, `/xl/…`, `../…`) to an archive path. */
function resolvePartPath(directory: string, target: string): string {
  const combined = target.startsWith('/') ? target.slice(1) : directory + target;
  const parts: string[] = [];
  for (const part of combined.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

/**
 * Collects shared strings in index order from blocks of whole `<si>` elements; rich text runs
 * are joined, phonetic guides left out.
 */
class SharedStringsReader {
  readonly strings: string[] = [];
  private current = '';
  private inItem = false;
  private inPhonetic = false;

  readonly scan = (xml: Uint8Array, start: number, end: number): void => {
    let pos = start;
    for (;;) {
      while (pos < end && xml[pos] !== 60 /* < */) pos++;
      const lt = pos;
      let gt = lt;
      while (gt < end && xml[gt] !== 62 /* > */) gt++;
      if (gt >= end) return;
      pos = gt + 1;
      const closing = xml[lt + 1] === 47;
      let nameEnd = closing ? lt + 2 : lt + 1;
      let local = nameEnd;
      for (; nameEnd < gt; nameEnd++) {
        const c = xml[nameEnd];
        if (c === 58) local = nameEnd + 1;
        else if (c <= 32 || c === 47) break;
      }
      const length = nameEnd - local;
      const selfClosing = xml[gt - 1] === 47;
      if (length === 2 && xml[local] === 115 && xml[local + 1] === 105) {
        // <si> … </si>: one string
        if (closing) {
          this.strings.push(decodeExcelEscapes(this.current));
          this.inItem = false;
        } else if (selfClosing) {
          this.strings.push('');
        } else {
          this.inItem = true;
          this.current = '';
        }
      } else if (length === 1 && xml[local] === 116 && !closing) {
        // <t>: a text run, directly in <si> or inside a rich text <r>
        if (this.inItem && !this.inPhonetic && !selfClosing) {
          let textEnd = pos;
          while (textEnd < end && xml[textEnd] !== 60) textEnd++;
          this.current += xmlBytesToText(xml, pos, textEnd);
          pos = textEnd;
        }
      } else if (length === 3 && xml[local] === 114 && xml[local + 1] === 80 && xml[local + 2] === 104) {
        // <rPh>: a phonetic guide, not part of the text
        this.inPhonetic = !closing && !selfClosing;
      }
    }
  };
}

/** Which cell styles (cellXfs entries) show numbers as dates or times. */
function readStyleDateKinds(stylesXml: string): StyleDateKinds {
  const customFormats = new Map<number, string>();
  const xfFormatIds: number[] = [];
  let inCellXfs = false;
  forEachTag(stylesXml, (tag) => {
    if (tag.name === 'numFmt' && !tag.closing) {
      customFormats.set(Number(tag.attributes.numFmtId), tag.attributes.formatCode ?? '');
    } else if (tag.name === 'cellXfs') {
      inCellXfs = !tag.closing && !tag.selfClosing;
    } else if (tag.name === 'xf' && inCellXfs && !tag.closing) {
      xfFormatIds.push(Number(tag.attributes.numFmtId ?? '0'));
    }
  });
  const kinds = new Uint8Array(xfFormatIds.length);
  xfFormatIds.forEach((numFmtId, index) => {
    const custom = customFormats.get(numFmtId);
    const kind: DateFormatKind =
      custom !== undefined ? customDateFormatKind(custom) : builtInDateFormatKind(numFmtId);
    kinds[index] =
      kind === 'date'
        ? STYLE_DATE
        : kind === 'datetime'
          ? STYLE_DATETIME
          : kind === 'time'
            ? STYLE_TIME
            : STYLE_NOT_DATE;
  });
  return kinds;
}
