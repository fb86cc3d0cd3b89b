/**
 * Writes samples/statement-history.csv: 17 months of a growing shop (Jan 2025 – May 2026) in the
 * 2024 statement layout, so the playground's forecast and threshold charts have history to show.
 * Its April and May 2026 hold every row of samples/statement-2026-05.csv as it is (same statement,
 * order and SKU IDs), plus generated orders up to the month's usual sales: a seller who imports
 * both samples gets each order line once. Run with `npx tsx scripts/make-history-sample.ts`; the
 * output is deterministic.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateStatementRows, STATEMENT_HEADER_2024 } from '../bench/synthetic-export';

const samples = join(import.meta.dirname, '../samples');
const GROSS = STATEMENT_HEADER_2024.indexOf('Gross sales');
const REFUND = STATEMENT_HEADER_2024.indexOf('Gross sales refund');
const CREATED = STATEMENT_HEADER_2024.indexOf('Order created date');
const STATEMENT_DATE = STATEMENT_HEADER_2024.indexOf('Statement date (UTC)');

/** The cells of one CSV line (quoted cells may hold commas and doubled quotes). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      out.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
  }
  out.push(cell);
  return out;
}

/** Gross sales kept (gross sales + gross sales refund) of a line, in cents. */
const grossKept = (line: string): number => {
  const c = cells(line);
  return Math.round(100 * (Number(c[GROSS] || 0) + Number(c[REFUND] || 0)));
};

/** The month (`YYYY-MM`) a line counts in: its order's creation, else its statement date. */
const monthOf = (line: string): string => {
  const c = cells(line);
  const date = /^\d{4}\/\d\d/.test(c[CREATED]) ? c[CREATED] : c[STATEMENT_DATE]; // adjustments: `/`
  return date.slice(0, 7).replace('/', '-');
};

const statementLines = readFileSync(join(samples, 'statement-2026-05.csv'), 'utf8')
  .split(/\r?\n/)
  .slice(1)
  .filter((l) => l !== '');
const lines: string[] = [STATEMENT_HEADER_2024.join(',')];
let firstOrder = 0;
for (let m = 0; m < 17; m++) {
  const year = 2025 + Math.floor(m / 12);
  const month = String((m % 12) + 1).padStart(2, '0');
  // Growth with a holiday bump: about 40 orders in January 2025 rising to about 120 in 2026.
  const rows = Math.round((40 + 5 * m) * (month === '11' || month === '12' ? 1.5 : 1));
  const generated: string[] = [];
  generateStatementRows(
    { rows, seed: 1000 + m, start: `${year}-${month}-01`, months: 28 / 30, firstOrder, omitHeader: true },
    (line) => generated.push(line),
  );
  firstOrder += rows + 1;
  // The sample statement's rows of this month take the place of generated ones of about the same sales.
  const kept = statementLines.filter((line) => monthOf(line) === `${year}-${month}`);
  let room =
    generated.reduce((sum, line) => sum + grossKept(line), 0) -
    kept.reduce((sum, line) => sum + grossKept(line), 0);
  const filled = kept.length === 0 ? generated : generated.filter((line) => (room -= grossKept(line)) >= 0);
  lines.push(...filled, ...kept);
}
writeFileSync(join(samples, 'statement-history.csv'), lines.join('\r\n') + '\r\n');
console.log(`samples/statement-history.csv: ${lines.length - 1} rows`);
