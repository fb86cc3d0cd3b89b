/**
 * A dropped file looked at as a unit cost table before the export reader: a cost table is read
 * whole into its card, anything else is left to the export reader after its first row only.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCostTableFile } from '../../src/sidebar/costs/cost-table-file';
import { generateStatementCsv } from '../../bench/synthetic-export';
import { writeXlsx } from '../helpers/xlsx-writer';

/** A File that counts whole-file reads (the export reader's own reads are pieces of it). */
class CountedFile extends File {
  wholeReads = 0;
  override arrayBuffer(): Promise<ArrayBuffer> {
    this.wholeReads++;
    return super.arrayBuffer();
  }
}

const file = (bytes: Uint8Array | string, name: string) => new CountedFile([bytes as BlobPart], name);

describe('readCostTableFile', () => {
  it('reads the sample cost table whole: every SKU and unit cost, in file order', async () => {
    const costs = await readCostTableFile(file(readFileSync('samples/cogs.csv'), 'cogs.csv'));
    expect(costs?.error).toBeUndefined();
    expect(costs?.entries[0]).toMatchObject({ sku: '1732440158393635811', unitCost: 65000, row: 2 });
    expect(costs?.entries[1]).toMatchObject({ unitCost: 70000, effectiveFrom: '2026-05-01', row: 3 });
  });

  it('leaves a 4 MB statement to the export reader without reading it whole', async () => {
    const { csv } = generateStatementCsv({ rows: 13_000, months: 2 });
    const statement = file(csv, 'statement.csv');
    expect(statement.size).toBeGreaterThan(4_000_000);
    expect(await readCostTableFile(statement)).toBeNull();
    expect(statement.wholeReads).toBe(0);
  });

  it('finds the header below blank rows, in a file Excel saved as Windows-1252', async () => {
    // `MUG-é` as Windows-1252 writes it: not UTF-8, so the file is read again in that encoding.
    const bytes = Uint8Array.from([
      ...Buffer.from('\r\n,,\r\nSKU,Unit cost\r\nMUG-'),
      0xe9,
      ...Buffer.from(',2.50\r\n'),
    ]);
    const costs = await readCostTableFile(file(bytes, 'costs.csv'));
    expect(costs?.entries.map((e) => [e.sku, e.unitCost])).toEqual([['MUG-é', 25000]]);
  });

  it('says so when the cost column is empty', async () => {
    const costs = await readCostTableFile(file('SKU,Unit cost\nA-1,\n', 'costs.csv'));
    expect(costs?.entries).toEqual([]);
    expect(costs?.error).toBe('costs.csv lists no unit cost: fill the cost column and drop it again.');
  });

  it('reads a workbook by its first sheet only', async () => {
    const costSheet = {
      name: 'Costs',
      rows: [
        ['SKU', 'Unit cost'],
        ['A-1', 3.25],
      ],
    };
    const first = await readCostTableFile(file(writeXlsx([costSheet]), 'costs.xlsx'));
    expect(first?.entries.map((e) => [e.sku, e.unitCost])).toEqual([['A-1', 32500]]);
    const blankFirst = writeXlsx([{ name: 'Notes', rows: [] }, costSheet]);
    expect(await readCostTableFile(file(blankFirst, 'costs.xlsx'))).toBeNull();
  });

  it('leaves an unreadable file to the export reader, which says why', async () => {
    expect(
      await readCostTableFile(file(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0]), 'broken.xlsx')),
    ).toBeNull();
    expect(await readCostTableFile(file('', 'empty.csv'))).toBeNull();
  });
});
