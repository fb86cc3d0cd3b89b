import { describe, expect, it } from 'vitest';
import {
  buildFormula,
  columnLetters,
  columnsReference,
  FORMULA_CHOICES,
  quoteSheetName,
} from '../../src/core/formula-builder';

describe('formula builder', () => {
  it('names columns as Sheets does', () => {
    expect([1, 26, 27, 52, 53, 64, 104, 702, 703, 18278].map(columnLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'BL',
      'CZ',
      'ZZ',
      'AAA',
      'ZZZ',
    ]);
    expect(() => columnLetters(0)).toThrow('A column number starts at 1, found 0.');
  });

  it('quotes every tab name, doubling apostrophes', () => {
    expect(quoteSheetName('Statement')).toBe("'Statement'");
    expect(quoteSheetName("Bob's 2026")).toBe("'Bob''s 2026'");
    expect(columnsReference('TTS Ledger', 33)).toBe("'TTS Ledger'!A:AG");
  });

  it('adds the COGS tab only to functions that read unit costs, leaving a gap when it is missing', () => {
    const src = { name: 'Statement', lastColumn: 64 };
    const cogs = { name: 'TTS COGS', lastColumn: 6 };
    expect(buildFormula('TTS_NET_PROFIT', src, cogs)).toBe(
      "=TTS_NET_PROFIT('Statement'!A:BL, 'TTS COGS'!A:F)",
    );
    expect(buildFormula('TTS_NET_PROFIT', src, null)).toBe("=TTS_NET_PROFIT('Statement'!A:BL)");
    expect(buildFormula('TTS_PNL', src, null)).toBe('=TTS_PNL(\'Statement\'!A:BL, , "month")');
    expect(buildFormula('TTS_PNL', src, cogs)).toBe("=TTS_PNL('Statement'!A:BL, 'TTS COGS'!A:F, \"month\")");
    expect(buildFormula('TTS_THRESHOLD', src, cogs)).toBe("=TTS_THRESHOLD('Statement'!A:BL)");
    for (const c of FORMULA_CHOICES) expect(buildFormula(c.fn, src, cogs)).not.toMatch(/NOW|TODAY|RAND|A:CZ/);
  });

  it('gives the functions that count every cost the TTS Costs and TTS Ads tabs, in their argument places', () => {
    const src = { name: 'TTS Ledger', lastColumn: 22 };
    const cogs = { name: 'TTS COGS', lastColumn: 11 };
    const costs = { name: 'TTS Costs', lastColumn: 7 };
    const ads = { name: 'TTS Ads', lastColumn: 24 };
    // TTS_NET_PROFIT(statement, cogs, other_costs, costs, ads); TTS_PNL(statement, cogs, group_by, costs, ads).
    expect(buildFormula('TTS_NET_PROFIT', src, cogs, costs, ads)).toBe(
      "=TTS_NET_PROFIT('TTS Ledger'!A:V, 'TTS COGS'!A:K, , 'TTS Costs'!A:G, 'TTS Ads'!A:X)",
    );
    expect(buildFormula('TTS_PNL', src, null, costs, null)).toBe(
      "=TTS_PNL('TTS Ledger'!A:V, , \"month\", 'TTS Costs'!A:G)",
    );
    expect(buildFormula('TTS_FEES', src, cogs, costs, ads)).toBe("=TTS_FEES('TTS Ledger'!A:V)");
  });
});
