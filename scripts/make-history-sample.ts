/**
 * Writes samples/statement-history.csv: 17 months of a growing shop (Jan 2025 – May 2026) in the
 * 2024 statement layout, so the playground's forecast and threshold charts have history to show.
 * Run with `npx tsx scripts/make-history-sample.ts`; the output is deterministic.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateStatementRows } from '../bench/synthetic-export';

const lines: string[] = [];
let firstOrder = 0;
for (let m = 0; m < 17; m++) {
  const year = 2025 + Math.floor(m / 12);
  const month = String((m % 12) + 1).padStart(2, '0');
  // Growth with a holiday bump: about 40 orders in January 2025 rising to about 120 in 2026.
  const rows = Math.round((40 + 5 * m) * (month === '11' || month === '12' ? 1.5 : 1));
  generateStatementRows({ rows, seed: 1000 + m, start: `${year}-${month}-01`, months: 28 / 30, firstOrder, omitHeader: m > 0 }, (line) => lines.push(line));
  firstOrder += rows + 1;
}
writeFileSync(join(import.meta.dirname, '../samples/statement-history.csv'), lines.join('\r\n') + '\r\n');
console.log(`samples/statement-history.csv: ${lines.length - 1} rows`);
