/** Prints the in-browser XLSX read benchmark (default: a 100,000-row × 64-column Statement export). */
import { benchXlsxInBrowser, xlsxBenchLines } from './xlsx-in-browser';

const rows = Number(process.argv[2] ?? 100_000);
const cols = Number(process.argv[3] ?? 64);
const result = await benchXlsxInBrowser({ rows, cols });
console.log(xlsxBenchLines(result, cols).join('\n'));
console.log(JSON.stringify(result));
