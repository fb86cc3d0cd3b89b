import { forEachSheetRow } from '../src/core/files/read-file';
import { readFileSync } from 'node:fs';
const bytes = new Uint8Array(readFileSync('/tmp/bench100k.xlsx'));
for (let k = 0; k < 2; k++) {
const t = performance.now();
forEachSheetRow(bytes, 'a.xlsx', () => {});
console.log('full', ((performance.now() - t) / 1000).toFixed(2));
}
