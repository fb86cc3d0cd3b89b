import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCentsOrNaN } from '../../src/core/money';

describe('parseCentsOrNaN on plain export amounts', () => {
  it('reads the way exports write amounts', () => {
    expect(parseCentsOrNaN('0.00')).toBe(0);
    expect(parseCentsOrNaN('-0.00')).toBe(0);
    expect(Object.is(parseCentsOrNaN('-0.00'), 0)).toBe(true);
    expect(parseCentsOrNaN('-1.17')).toBe(-117);
    expect(parseCentsOrNaN('1234.5')).toBe(123450);
    expect(parseCentsOrNaN('007')).toBe(700);
    expect(parseCentsOrNaN('999999999.99')).toBe(99999999999);
  });

  it('gives the same cents as the same text with spaces around it (property)', () => {
    // Spaces send the text through the general scanner, so both readings must agree.
    const digitText = fc
      .array(fc.constantFrom('0', '1', '5', '9'), { minLength: 0, maxLength: 17 })
      .map((d) => d.join(''));
    const amountText = fc
      .tuple(
        fc.constantFrom('', '-', '+'),
        digitText,
        fc.constantFrom('', '.'),
        digitText,
        fc.constantFrom('', 'x', ',', 'E2'),
      )
      .map(([sign, whole, dot, fraction, tail]) => sign + whole + dot + fraction + tail);
    fc.assert(
      fc.property(amountText, (text) => {
        expect(parseCentsOrNaN(text)).toBe(parseCentsOrNaN(` ${text} `));
      }),
      { numRuns: 5000 },
    );
  });
});
