import { readFileSync } from 'node:fs';
import { DecodeUTF8 } from 'fflate';
import { listZipEntries, streamZipEntry } from '../src/core/files/zip-archive';
import { SheetRowScanner } from '../src/core/files/xlsx-sheet-scanner';
const bytes = new Uint8Array(readFileSync('/tmp/bench100k.xlsx'));
const sheet = listZipEntries(bytes).get('xl/worksheets/sheet1.xml')!;
const texts: string[] = [];
const d = new DecodeUTF8((s) => { texts.push(s); });
streamZipEntry(bytes, sheet, (c, f) => { d.push(c, f); return true; });
let t = performance.now();
const internal = texts.map((s) => { const x = (' ' + s).slice(1); x.charCodeAt(5); return x; });
console.log('copy', (performance.now() - t).toFixed(0));
const ctx = { sharedStrings: [], styleDateKinds: new Uint8Array(10), date1904: false };
for (const [label, arr] of [['external', texts], ['internal', internal], ['external', texts], ['internal', internal]] as const) {
  t = performance.now(); let n = 0;
  const sc = new SheetRowScanner(ctx, () => { n++; return true; });
  for (const s of arr) sc.scan(s);
  console.log(label, (performance.now() - t).toFixed(0), n);
}
