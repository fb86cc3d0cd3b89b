import { readFileSync } from 'node:fs';
import { DecodeUTF8 } from 'fflate';
import { listZipEntries, streamZipEntry } from '../src/core/files/zip-archive';
import { XmlBlockSplitter } from '../src/core/files/xml-block-splitter';
const bytes = new Uint8Array(readFileSync('/tmp/bench100k.xlsx'));
const sheet = listZipEntries(bytes).get('xl/worksheets/sheet1.xml')!;
const texts: string[] = [];
const d = new DecodeUTF8((s) => { texts.push(s); });
streamZipEntry(bytes, sheet, (c, f) => { d.push(c, f); return true; });
console.log('chunks', texts.length, 'avg', texts.reduce((a, s) => a + s.length, 0) / texts.length);
for (let k = 0; k < 3; k++) {
let t = performance.now(); let blocks = 0;
const sp = new XmlBlockSplitter('row', (b) => { blocks++; });
texts.forEach((s, i) => sp.push(s, i === texts.length - 1));
console.log('split', (performance.now() - t).toFixed(0), 'ms', blocks);
t = performance.now(); let x = 0;
for (const s of texts) x += s.lastIndexOf('</row>');
console.log('lastIndexOf', (performance.now() - t).toFixed(0), 'ms');
t = performance.now(); x = 0;
for (const s of texts) { let p = 0; while ((p = s.indexOf('<', p) + 1) > 0) x++; }
console.log('indexOf < loop', (performance.now() - t).toFixed(0), 'ms', x);
}
