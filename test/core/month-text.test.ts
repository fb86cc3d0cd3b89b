import { describe, expect, it } from 'vitest';
import { monthFromText } from '../../src/core/month-text';

describe('a month typed by a seller', () => {
  it.each([
    ['2026-05', '2026-05'],
    ['2026-5', '2026-05'],
    ['2026/05', '2026-05'],
    [' 2026-04 ', '2026-04'],
    ['2026-04-15', '2026-04'],
    ['2026/4/15', '2026-04'],
    ['5/2026', '2026-05'],
    ['05/2026', '2026-05'],
    ['May 2026', '2026-05'],
    ['may 2026', '2026-05'],
    ['Apr-2026', '2026-04'],
    ['September 2026', '2026-09'],
    ['Sept. 2026', '2026-09'],
    ['Dec 2025', '2025-12'],
    // Any day the day arguments read stands for its month, as the refusal says.
    ['4/15/2026', '2026-04'],
    ['May 15, 2026', '2026-05'],
    ['May 15 2026', '2026-05'],
    ['20260515', '2026-05'],
  ])('reads %j as %s', (text, month) => expect(monthFromText(text)).toBe(month));

  it.each([
    '5',
    '202605',
    '46143',
    '2026-13',
    '2026-00',
    '13/2026',
    'Foo 2026',
    '2026',
    'May',
    '',
    // No such day; a slash date that reads either way (3 May or 5 March?).
    '2026-05-40',
    '2026-02-30',
    '3/5/2026',
  ])('does not read %j', (text) => expect(monthFromText(text)).toBeNull());
});
