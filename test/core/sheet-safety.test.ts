import { describe, expect, it } from 'vitest';
import { looksLikeFormula, neutralizeFormulaText } from '../../src/core/ledger/sheet-safety';

describe('neutralizeFormulaText', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1', `'\t=1`],
    ['\r=1', `'\r=1`],
  ])('prefixes an apostrophe to %j', (input, expected) => {
    expect(neutralizeFormulaText(input)).toBe(expected);
    expect(looksLikeFormula(input)).toBe(true);
  });

  it.each(['Phone case', '', '1729384756102938475', 'a=b', ' =1', "'quoted"])('leaves %j alone', (text) => {
    expect(neutralizeFormulaText(text)).toBe(text);
    expect(looksLikeFormula(text)).toBe(false);
  });
});
