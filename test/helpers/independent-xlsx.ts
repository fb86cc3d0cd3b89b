/**
 * A deliberately plain XLSX reader for tests, sharing no code with `src/core/read/files`: it
 * unzips with fflate and places each cell by its `r="A1"` reference with regular expressions, so
 * totals a test computes from it are an independent check of the add-on's reader.
 */
import { unzipSync, strFromU8 } from 'fflate';

export interface IndependentCell {
  text: string;
  /** A number cell (no `t`, or `t="n"`), as opposed to text. */
  numeric: boolean;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

function runsText(xml: string): string {
  const withoutPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  return [...withoutPhonetic.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)]
    .map((m) => unescapeXml(m[1]))
    .join('');
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Every sheet of the workbook by name: rows (1-based row r → index r − 1) of cells by reference. */
export function readWorkbookIndependently(bytes: Uint8Array): Map<string, IndependentCell[][]> {
  const files = unzipSync(bytes);
  const text = (path: string) => (files[path] ? strFromU8(files[path]) : '');
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    runsText(m[1]),
  );
  const rels = new Map<string, string>();
  for (const m of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[1])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[1])?.[1];
    if (id && target) rels.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets = new Map<string, IndependentCell[][]>();
  for (const m of text('xl/workbook.xml').matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = unescapeXml(/\bname="([^"]*)"/.exec(m[1])![1]);
    const rid = /\br:id="([^"]+)"/.exec(m[1])![1];
    const xml = text(rels.get(rid)!);
    const rows: IndependentCell[][] = [];
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = /\br="([A-Z]+)(\d+)"/.exec(c[1]);
      if (!ref) throw new Error('independent reader: a cell without a reference');
      const type = /\bt="([^"]+)"/.exec(c[1])?.[1] ?? 'n';
      const body = c[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value = '';
      if (type === 's') value = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') value = runsText(body);
      else if (v !== undefined) value = unescapeXml(v);
      const r = Number(ref[2]) - 1;
      const col = columnIndex(ref[1]);
      const row = (rows[r] ??= []);
      while (row.length < col) row.push({ text: '', numeric: false });
      row[col] = { text: value, numeric: type === 'n' && value !== '' };
    }
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    sheets.set(name, rows);
  }
  return sheets;
}

/** The sheet's rows as text. */
export function sheetTexts(sheet: IndependentCell[][]): string[][] {
  return sheet.map((row) => row.map((cell) => (cell ? cell.text : '')));
}
