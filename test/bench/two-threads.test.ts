import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateStatementCsv } from '../../bench/synthetic-export';
import { pipelinePnl, pipelinePnlInTwoThreads } from '../../bench/tasks/pipeline';
import { parseCsv, toCsv } from '../../src/core/read/files/csv';

let dir = '';
let workerScript = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tts-two-threads-'));
  workerScript = join(dir, 'pipeline-part.mjs');
  buildSync({ entryPoints: ['bench/tasks/pipeline-part.ts'], bundle: true, platform: 'node', format: 'esm', outfile: workerScript, logLevel: 'error' });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeCsv(name: string, rows: string[][]): string {
  const file = join(dir, name);
  writeFileSync(file, toCsv(rows));
  return file;
}

/** A statement with repeats that straddle the halves: its first 40 rows copied at the end. */
function statementRows(): string[][] {
  const rows = parseCsv(generateStatementCsv({ rows: 3000, seed: 11, months: 3 }).csv);
  return [...rows, ...rows.slice(1, 41)];
}

describe('the benchmark pipeline in two threads', () => {
  it('gives what one thread gives: rows, groups, settlement, mismatches and repeated keys', async () => {
    const file = writeCsv('statement.csv', statementRows());
    const one = pipelinePnl(file);
    const two = await pipelinePnlInTwoThreads(file, workerScript);
    expect(two).toEqual({ ...one, threads: 2 });
    expect(one.rows).toBe(3040);
    // The copies at the end repeat keys first seen in the first half: found across the cut.
    expect(one.duplicateKeys).toBeGreaterThan(30);
  });

  it('reads on alone when the cut falls inside a quoted field with line breaks', async () => {
    const rows = statementRows();
    const header = rows[0];
    const name = header.indexOf('Product name');
    // A product name as long as the rest of the file, full of line breaks, on the middle row:
    // the first line break after the middle of the file is inside it.
    const size = toCsv(rows).length;
    const middle = rows[1500].slice();
    middle[name] = Array.from({ length: Math.ceil(size / 40) }, (_, i) => `line ${i}, of a very long name`).join('\n');
    rows[1500] = middle;
    const file = writeCsv('long-field.csv', rows);
    const one = pipelinePnl(file);
    const two = await pipelinePnlInTwoThreads(file, workerScript);
    expect(two).toEqual(one);
    expect(two.threads).toBe(1);
  });
});
