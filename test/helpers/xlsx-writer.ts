/**
 * Builds small (or, for benchmarks, very large) XLSX workbooks for tests, with the quirks real
 * exports have: a stale `<dimension>`, IDs as shared strings or as long number text, date cells
 * carrying a date style, several sheets, cells without `r` attributes, gaps between rows.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * One cell. Plain strings become shared strings (or inline strings), numbers and `{ number }`
 * become `<v>` number text (`{ number }` written verbatim, e.g. an 18-digit ID), `{ date }` is an
 * ISO date (`2024-04-12` or `2024-04-12 13:45:00`) stored as a serial with a date style,
 * `{ rich }` is a shared string made of formatted runs, `{ inline }` forces an inline string.
 * null, undefined and '' leave the cell out.
 */
export type XlsxCell =
  | string
  | number
  | boolean
  | null
  | undefined
  | { number: string }
  | { date: string; format?: 'builtin' | 'custom' }
  | { rich: string[] }
  | { inline: string }
  | { formulaText: string; formula: string }
  | { error: string };

export interface XlsxSheetSpec {
  name: string;
  /** Rows from row 1; a null row is not written at all (a gap Excel has no record of). */
  rows: (XlsxCell[] | null)[];
  /** Written verbatim (e.g. a stale `A1:G2`); null leaves it out; default is the true range. */
  dimension?: string | null;
}

export interface XlsxWriteOptions {
  /** How plain strings are stored (default shared). */
  strings?: 'shared' | 'inline';
  /** Use the 1904 date system (old Mac Excel). */
  date1904?: boolean;
  /** Leave out every cell's `r` attribute, as some writers do. */
  omitCellReferences?: boolean;
  /** Prefix every element of the sheet XML (`x:`), as the Open XML SDK can. */
  namespacePrefix?: string;
  /** Deflate level, 0–9 (default 6). */
  compressionLevel?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** Leave out xl/workbook.xml, to make a ZIP that is not a workbook. */
  omitWorkbook?: boolean;
  /** One `<row>` element per cell, the row number repeated, as TikTok's writer does in some exports. */
  rowPerCell?: boolean;
}

const STYLE_DATE = 1; // numFmtId 14
const STYLE_DATETIME = 2; // numFmtId 22
const STYLE_CUSTOM_DATE = 3; // numFmtId 164 "yyyy/mm/dd"
const STYLE_CUSTOM_DATETIME = 4; // numFmtId 165 "yyyy-mm-dd hh:mm:ss"

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

/** Excel serial for an ISO date or date-time, in the 1900 or 1904 date system. */
export function isoToExcelSerial(iso: string, date1904 = false): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(iso);
  if (match === null) throw new Error(`not an ISO date: ${iso}`);
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return (ms - epoch) / 86_400_000;
}

class SharedStrings {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();
  add(xml: string): number {
    let i = this.index.get(xml);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(xml);
      this.index.set(xml, i);
    }
    return i;
  }
}

function textElement(text: string, prefix: string): string {
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<${prefix}t${space}>${escapeXml(text)}</${prefix}t>`;
}

function cellXml(
  cell: XlsxCell,
  ref: string,
  shared: SharedStrings,
  options: XlsxWriteOptions,
  p: string,
): string {
  const r = ref === '' ? '' : ` r="${ref}"`;
  if (typeof cell === 'string') {
    if (options.strings === 'inline')
      return `<${p}c${r} t="inlineStr"><${p}is>${textElement(cell, p)}</${p}is></${p}c>`;
    return `<${p}c${r} t="s"><${p}v>${shared.add(textElement(cell, ''))}</${p}v></${p}c>`;
  }
  if (typeof cell === 'number') return `<${p}c${r}><${p}v>${String(cell)}</${p}v></${p}c>`;
  if (typeof cell === 'boolean') return `<${p}c${r} t="b"><${p}v>${cell ? 1 : 0}</${p}v></${p}c>`;
  if (cell === null || cell === undefined) return '';
  if ('number' in cell) return `<${p}c${r}><${p}v>${cell.number}</${p}v></${p}c>`;
  if ('date' in cell) {
    const hasTime = cell.date.length > 10;
    const style =
      cell.format === 'custom'
        ? hasTime
          ? STYLE_CUSTOM_DATETIME
          : STYLE_CUSTOM_DATE
        : hasTime
          ? STYLE_DATETIME
          : STYLE_DATE;
    return `<${p}c${r} s="${style}"><${p}v>${isoToExcelSerial(cell.date, options.date1904)}</${p}v></${p}c>`;
  }
  if ('rich' in cell) {
    const runs = cell.rich
      .map((run, i) => `<r>${i % 2 === 1 ? '<rPr><b/></rPr>' : ''}${textElement(run, '')}</r>`)
      .join('');
    return `<${p}c${r} t="s"><${p}v>${shared.add(runs)}</${p}v></${p}c>`;
  }
  if ('inline' in cell)
    return `<${p}c${r} t="inlineStr"><${p}is>${textElement(cell.inline, p)}</${p}is></${p}c>`;
  if ('formula' in cell) {
    return `<${p}c${r} t="str"><${p}f>${escapeXml(cell.formula)}</${p}f><${p}v>${escapeXml(cell.formulaText)}</${p}v></${p}c>`;
  }
  return `<${p}c${r} t="e"><${p}v>${escapeXml(cell.error)}</${p}v></${p}c>`;
}

/** Encodes many XML pieces into one byte array without ever joining them into one huge string. */
function encodePieces(pieces: Iterable<string>): Uint8Array {
  const chunks: Uint8Array[] = [];
  let batch: string[] = [];
  let batchLength = 0;
  let total = 0;
  const flush = (): void => {
    const bytes = strToU8(batch.join(''));
    chunks.push(bytes);
    total += bytes.length;
    batch = [];
    batchLength = 0;
  };
  for (const piece of pieces) {
    batch.push(piece);
    batchLength += piece.length;
    if (batchLength > 1 << 20) flush();
  }
  flush();
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function* sheetXmlPieces(
  sheet: XlsxSheetSpec,
  shared: SharedStrings,
  options: XlsxWriteOptions,
): Generator<string> {
  const p = options.namespacePrefix ?? '';
  const ns = p === '' ? `xmlns="${MAIN_NS}"` : `xmlns:${p.slice(0, -1)}="${MAIN_NS}"`;
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns} xmlns:r="${REL_NS}">`;
  let widest = 0;
  for (const row of sheet.rows) if (row !== null) widest = Math.max(widest, row.length);
  const trueRange = `A1:${columnLetters(Math.max(0, widest - 1))}${Math.max(1, sheet.rows.length)}`;
  const dimension = sheet.dimension === undefined ? trueRange : sheet.dimension;
  if (dimension !== null) yield `<${p}dimension ref="${dimension}"/>`;
  yield `<${p}sheetViews><${p}sheetView workbookViewId="0"/></${p}sheetViews><${p}sheetFormatPr defaultRowHeight="15"/><${p}sheetData>`;
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (row === null) continue;
    const rowNumber = r + 1;
    const cells: string[] = [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell === null || cell === undefined || cell === '') continue;
      if (
        options.omitCellReferences &&
        c > 0 &&
        (row[c - 1] === null || row[c - 1] === undefined || row[c - 1] === '')
      ) {
        throw new Error('cells without references cannot have gaps');
      }
      cells.push(
        cellXml(
          cell,
          options.omitCellReferences ? '' : `${columnLetters(c)}${rowNumber}`,
          shared,
          options,
          p,
        ),
      );
    }
    if (options.rowPerCell) for (const cell of cells) yield `<${p}row r="${rowNumber}">${cell}</${p}row>`;
    else yield `<${p}row r="${rowNumber}">${cells.join('')}</${p}row>`;
  }
  yield `</${p}sheetData><${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></${p}worksheet>`;
}

const STYLES_XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">` +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy/mm/dd"/><numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd\\ hh:mm:ss"/></numFmts>' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
  '<borders count="1"><border/></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** A complete .xlsx file as bytes. */
export function writeXlsx(sheets: XlsxSheetSpec[], options: XlsxWriteOptions = {}): Uint8Array {
  const shared = new SharedStrings();
  const files: Zippable = {};
  const level = options.compressionLevel ?? 6;
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = [
      encodePieces(sheetXmlPieces(sheet, shared, options)),
      { level },
    ];
  });

  const sheetOverrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ` +
        `ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  files['[Content_Types].xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      ('<Default Extension="rels" ' +
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default ' +
        'Extension="xml" ContentType="application/xml"/>') +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheetOverrides +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      ('<Override PartName="/xl/sharedStrings.xml" ' +
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'),
  );
  files['_rels/.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_REL_NS}">` +
      ('<Relationship Id="rId1" ' +
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" ' +
        'Target="xl/workbook.xml"/></Relationships>'),
  );
  if (!options.omitWorkbook) {
    files['xl/workbook.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
        (options.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>') +
        '<sheets>' +
        sheets
          .map((sheet, i) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
          .join('') +
        '</sheets></workbook>',
    );
  }
  const n = sheets.length;
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_REL_NS}">` +
      sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  files['xl/styles.xml'] = strToU8(STYLES_XML);
  // Excel stores shared strings after the sheets that use them; readers must not rely on order.
  files['xl/sharedStrings.xml'] = [
    encodePieces(
      (function* () {
        yield (
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ` +
          `xmlns="${MAIN_NS}" count="${shared.items.length}" uniqueCount="${shared.items.length}">`
        );
        for (const item of shared.items) yield `<si>${item}</si>`;
        yield '</sst>';
      })(),
    ),
    { level },
  ];
  return zipSync(files);
}
