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
    '4/15/2026',
    '',
  ])('does not read %j', (text) => expect(monthFromText(text)).toBeNull());
});
