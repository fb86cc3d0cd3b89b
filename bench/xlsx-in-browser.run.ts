/** Prints the in-browser XLSX read benchmark for a 100,000-row × 64-column Statement export. */
import { benchXlsxInBrowser } from './xlsx-in-browser';

const rows = Number(process.argv[2] ?? 100_000);
const cols = Number(process.argv[3] ?? 64);
const result = await benchXlsxInBrowser({ rows, cols });
console.log(
  `XLSX ${rows.toLocaleString('en-US')} rows × ${cols} columns (${(result.bytes / 1024 / 1024).toFixed(1)} MB) in Chromium: ` +
    `readExportFile ${result.seconds.toFixed(2)} s, peak heap ${result.heapMB.toFixed(0)} MB ` +
    `(baseline ${result.baselineHeapMB.toFixed(0)} MB); streaming ${result.streamSeconds.toFixed(2)} s, ` +
    `peak heap ${result.streamHeapMB.toFixed(0)} MB`,
);
console.log(JSON.stringify(result));
