/**
 * Every real export in test/fixtures/real through the sidebar's reader (parseStreamingRows, what the
 * parse worker runs, on the bytes in memory and on a file read a piece at a time): none is a US-dollar file, so each is refused for its
 * currency, after its structure was read: the message names the currency, the layout, the rows
 * under the header and the file's own total, which the test works out itself from the file.
 */
import { describe, expect, it } from 'vitest';
import { parsedBySidebar } from '../helpers/sidebar-reader';
import {
  factsOf,
  REAL,
  realBytes,
  realCsvRows,
  realSheetRows,
  shown,
  unitsIn,
  type FileFacts,
} from '../helpers/real-fixtures';

interface Case {
  file: string;
  code: string;
  layout: string;
  /** Where the currency was seen, as the message quotes it. */
  seen: string;
  facts: () => FileFacts;
}

const CASES: Case[] = [
  {
    file: REAL.ukOnHold,
    code: 'GBP',
    layout: 'US On hold / unsettled export',
    seen: 'row 2, column *Currency* reads `GBP`',
    facts: () => factsOf(realCsvRows(REAL.ukOnHold), 0, 'Total estimated settlement amount', 'GBP'),
  },
  {
    file: REAL.ukOrders,
    code: 'GBP',
    layout: 'Seller Center order export',
    seen: 'row 2, column *SKU Unit Original Price* reads `GBP 8.00`',
    facts: () => factsOf(realCsvRows(REAL.ukOrders), 0, 'SKU Subtotal After Discount', 'GBP'),
  },
  {
    file: REAL.idIncome202409,
    code: 'IDR',
    layout: 'Legacy Income export',
    seen: 'row 2, column *Currency* reads `IDR`',
    facts: () =>
      factsOf(realSheetRows(REAL.idIncome202409, 'Order details'), 0, 'Total settlement amount', 'IDR'),
  },
  {
    file: REAL.idIncome202411,
    code: 'IDR',
    layout: 'Legacy Income export',
    seen: 'row 2, column *Currency* reads `IDR`',
    facts: () =>
      factsOf(realSheetRows(REAL.idIncome202411, 'Order details'), 0, 'Total settlement amount', 'IDR'),
  },
  {
    file: REAL.idOrders202409,
    code: 'IDR',
    layout: 'Seller Center order export',
    seen: 'row 3, column *SKU Unit Original Price* reads `IDR 389.000`',
    // Row 2 holds TikTok's descriptions of the fields.
    facts: () =>
      factsOf(realSheetRows(REAL.idOrders202409, 'OrderSKUList'), 0, 'SKU Subtotal After Discount', 'IDR', 1),
  },
  {
    file: REAL.idOrders202411,
    code: 'IDR',
    layout: 'Seller Center order export',
    seen: 'row 3, column *SKU Unit Original Price* reads `IDR 199.000`',
    facts: () =>
      factsOf(realSheetRows(REAL.idOrders202411, 'OrderSKUList'), 0, 'SKU Subtotal After Discount', 'IDR', 1),
  },
];

/** What a refusal for currency must never be: a complaint about the header it read. */
const HEADER_COMPLAINT = /no TikTok Shop export header|looks like a|first non-empty row/;

describe('real exports through the sidebar reader', () => {
  it.each(CASES.map((c) => [c.file, c] as const))(
    '%s: refused for its currency, with its rows and total',
    async (file, c) => {
      const facts = c.facts();
      const total = shown(facts.total, c.code);
      for (const outcome of [
        await parsedBySidebar(realBytes(file), file),
        await parsedBySidebar(realBytes(file), file, { asFile: true }),
      ]) {
        expect(outcome.files).toEqual([]);
        expect(outcome.errors).toHaveLength(1);
        const message = outcome.errors[0].message;
        expect(message).not.toMatch(HEADER_COMPLAINT);
        expect(message).toContain(`the amounts are in ${c.code}, not US dollars (${c.seen})`);
        expect(message).toContain(
          `Read as a ${c.layout}: ${facts.rows} row${facts.rows === 1 ? '' : 's'} from row`,
        );
        expect(message).toContain(`${facts.totalColumn} ${total}.`);
        expect(message).toContain('nothing in it was imported or summed');
      }
    },
  );

  it('the figures the files state: settlement 7.28 GBP, IDR 32,670,368 and 23,667,759, 256 order lines', () => {
    expect(CASES[0].facts()).toEqual({
      rows: 1,
      totalColumn: 'Total estimated settlement amount',
      total: 728,
    });
    expect(CASES[2].facts().total).toBe(32_670_368);
    expect(CASES[3].facts().total).toBe(23_667_759);
    expect(CASES[5].facts().rows).toBe(256);
  });

  it("an Income workbook's Reports sheet states the same settlement as the rows add up to (label in B, value in F)", () => {
    for (const file of [REAL.idIncome202409, REAL.idIncome202411]) {
      const reports = realSheetRows(file, 'Reports');
      const line = reports.find((row) => row[1] === 'Total settlement amount')!;
      expect(line.slice(2, 5).every((cell) => cell === '')).toBe(true);
      const settlement = factsOf(
        realSheetRows(file, 'Order details'),
        0,
        'Total settlement amount',
        'IDR',
      ).total;
      expect(unitsIn(line[5], 'IDR')).toBe(settlement);
    }
  });

  it('the Income header-only workbook is refused for the currency its Reports sheet names', async () => {
    const file = REAL.idIncomeHeader;
    const outcome = await parsedBySidebar(realBytes(file), file);
    expect(outcome.errors).toEqual([
      {
        fileName: file,
        message:
          `${file}: sheet Reports gives the currency as IDR (row 3), not US dollars. TTS ` +
          `Profit reads TikTok Shop US exports in US dollars only and never adds ` +
          `up IDR as dollars: nothing in it was imported or summed.`,
      },
    ]);
  });

  it('the order-export header with its rows deleted is read as an order export with nothing under it, never as 0', async () => {
    const file = REAL.idOrderHeader;
    const outcome = await parsedBySidebar(realBytes(file), file);
    expect(outcome.files).toEqual([]);
    expect(outcome.errors[0].message).toBe(
      `${file}, sheet OrderSKUList: the header of a Seller Center order export is on ` +
        `row 1, but no rows are under it; export a period that has orders.`,
    );
  });

  it('a real header with a signature column cut out names what is missing, not the header it has', async () => {
    const rows = realSheetRows(REAL.idOrders202411, 'OrderSKUList').slice(0, 3);
    const skuId = rows[0].indexOf('SKU ID');
    const csv = rows
      .map((row) =>
        row
          .filter((_, c) => c !== skuId)
          .map((cell) => `"${cell.replace(/"/g, '""')}"`)
          .join(','),
      )
      .join('\n');
    const outcome = await parsedBySidebar(new TextEncoder().encode(csv), 'orders.csv');
    expect(outcome.errors[0].message).toBe(
      'orders.csv: row 1 has *Order ID*, *Order Status* but no *SKU ID* column, so it is not a complete Seller Center order export header. ' +
        'Export the file again from Seller Center without removing columns.',
    );
  });
});
