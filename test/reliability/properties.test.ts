/**
 * Properties of money, CSV and reconciliation over generated inputs: amounts parse to the value a
 * BigInt reference computes, text round-trips through CSV exactly, valid statements reconcile and
 * a one-cent change to any leaf amount is caught.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateStatementCsv } from '../../bench/synthetic-export';
import { lookupColumn } from '../../src/core/read/catalog';
import { parseCsv, toCsv } from '../../src/core/read/files/csv';
import { readExportFile } from '../../src/core/read/files/read-file';
import { formatCents, parseCents } from '../../src/core/money';
import { reconcilePlan } from '../../src/core/analysis/reconcile';
import { centsOfText, utf16le } from '../corpus/generate';
import { parseClassified } from './classify';
import { recordInput } from './record';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** An amount as text in one of the spellings exports and sheets use, with its exact value in cents. */
const formattedAmount = fc
  .record({
    negative: fc.boolean(),
    whole: fc.bigInt({ min: 0n, max: 10n ** 16n }),
    fraction: fc.integer({ min: 0, max: 99 }),
    style: fc.constantFrom(
      'plain',
      'grouped',
      'dollar',
      'dollar-after-sign',
      'parentheses',
      'code',
      'code-after',
      'padded',
    ),
    extraZeros: fc.integer({ min: 0, max: 3 }),
    decimals: fc.constantFrom(0, 1, 2),
  })
  .map(({ negative, whole, fraction, style, extraZeros, decimals }) => {
    // 0 or 1 decimals only when the value has that few.
    const frac = decimals === 0 ? 0 : decimals === 1 ? fraction - (fraction % 10) : fraction;
    const fracText =
      decimals === 0 ? '' : '.' + String(frac).padStart(2, '0').slice(0, decimals) + '0'.repeat(extraZeros);
    const wholeText =
      style === 'grouped' ? whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole.toString();
    const body = wholeText + fracText;
    const cents = whole * 100n + BigInt(frac);
    const signed = negative ? -cents : cents;
    const minus = negative ? '-' : '';
    const text = {
      plain: minus + body,
      grouped: minus + body,
      dollar: `${minus}$${body}`,
      'dollar-after-sign': negative ? `$-${body}` : `$${body}`,
      parentheses: negative ? `(${body})` : body,
      code: `USD ${minus}${body}`,
      'code-after': `${minus}${body} USD`,
      padded: `\u00a0 ${minus}${body} `,
    }[style];
    return { text, cents: signed };
  });

const NUM_RUNS = 400;

describe('money', () => {
  it('parses any formatted amount to the cents a BigInt reference computes, or says it is too large', () => {
    fc.assert(
      fc.property(formattedAmount, ({ text, cents }) => {
        const abs = cents < 0n ? -cents : cents;
        if (abs > MAX_SAFE) {
          expect(() => parseCents(text)).toThrow(/too large/);
        } else {
          expect(parseCents(text)).toBe(Number(cents));
        }
      }),
      { numRuns: NUM_RUNS * 3 },
    );
  });

  it('formats then parses back to the same cents, with or without a dollar sign', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.boolean(), (cents, dollarSign) => {
        const text = formatCents(cents, { dollarSign });
        expect(parseCents(text)).toBe(cents);
        expect(centsOfText(text.replace(/[$,]/g, ''))).toBe(BigInt(cents));
      }),
      { numRuns: NUM_RUNS * 3 },
    );
  });

  it('reads a sheet number of dollars back to its cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 13), max: 10 ** 13 }), (cents) => {
        expect(parseCents(cents / 100)).toBe(cents);
      }),
      { numRuns: NUM_RUNS * 3 },
    );
  });

  it('never turns a sub-cent amount into a silent zero or a rounded value', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 1, max: 9 }), (whole, third) => {
        expect(() => parseCents(`${whole}.${String(third % 100).padStart(2, '0')}${third}`)).toThrow(
          /not a whole number of cents|expected an amount/,
        );
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

/** Cell text with everything that breaks naive CSV: quotes, delimiters, line breaks, unicode, formulas. */
const hostileCell = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({
    unit: fc.constantFrom(
      '"',
      ',',
      '\t',
      '\r',
      '\n',
      ';',
      '=',
      '+',
      '-',
      '@',
      ' ',
      'a',
      'é',
      '日',
      '🍵',
      '\uFEFF',
    ),
    maxLength: 10,
  }),
  fc.constantFrom(
    '=HYPERLINK("http://x","y")',
    '=1+1',
    '"',
    '""',
    ',',
    '\r\n',
    '\n',
    '\r',
    '',
    ' lead',
    'trail ',
    '5.77E+17',
    '577000000000000001',
  ),
);
const hostileRows = fc.array(fc.array(hostileCell, { minLength: 1, maxLength: 6 }), {
  minLength: 1,
  maxLength: 8,
});

describe('CSV', () => {
  it('reads back exactly the rows it wrote, for commas and tabs, whatever the text holds', () => {
    fc.assert(
      fc.property(hostileRows, fc.constantFrom(',' as const, '\t' as const), (rows, delimiter) => {
        const text = toCsv(rows, delimiter);
        expect(parseCsv(text, { delimiter })).toEqual(rows);
        // Detecting the delimiter gives the same rows.
        expect(parseCsv(text)).toEqual(rows);
      }),
      { numRuns: NUM_RUNS * 2 },
    );
  });

  it('reads back the same rows from UTF-8 and UTF-16 bytes of the file', () => {
    fc.assert(
      fc.property(hostileRows, fc.boolean(), (rows, utf16) => {
        const text = toCsv(rows);
        fc.pre(
          text.trim() !== '' && !/[\uD800-\uDFFF]/.test(text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')),
        );
        const bytes = utf16 ? utf16le(text) : new TextEncoder().encode(text);
        if (looksSemicolonSeparated(text)) {
          // A first line like `a;b;c` is how Excel saves CSV in European regions: refused by name.
          expect(() => readExportFile(bytes, 'rows.csv')).toThrow('it uses semicolons (;) between fields');
          return;
        }
        expect(readExportFile(bytes, 'rows.csv').sheets[0].rows).toEqual(rows);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

/** The first line with text is unquoted and has two or more semicolons (and so no comma or tab). */
function looksSemicolonSeparated(text: string): boolean {
  const line = text.split(/\r\n|\n|\r/).find((l) => l.replace(/[ \uFEFF]/g, '') !== '') ?? '';
  return !/[",\t]/.test(line) && (line.match(/;/g) ?? []).length >= 2;
}

/** A generated statement's CSV rows, with the cells a one-cent change may touch. */
function statementRows(rows: number, seed: number): string[][] {
  return parseCsv(generateStatementCsv({ rows, seed, start: '2026-02-01', months: 2 }).csv);
}

describe('reconciliation', () => {
  it('generated valid statements always reconcile, and their totals are the generator’s', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (rows, seed) => {
        const generated = generateStatementCsv({ rows, seed, start: '2026-02-01', months: 2 });
        const name = `statement-${seed}.csv`;
        const parsed = parseClassified(new TextEncoder().encode(generated.csv), name);
        if (parsed.kind === 'crash') throw parsed.error;
        const file = parsed.result.files[0];
        expect(file.rejects).toEqual([]);
        expect(file.reconciliation.ok).toBe(true);
        expect(file.rows).toHaveLength(generated.totals.rows);
        expect(file.totals.settlement).toBe(generated.totals.settlement);
        expect(file.totals.fees).toBe(generated.totals.fees);
        recordInput({ suite: 'reconciliation', input: name, outcome: 'imported', lost: 0, duplicated: 0 });
      }),
      { numRuns: 60 },
    );
  });

  it('catches a one-cent change to any leaf amount of any row', () => {
    const header = statementRows(1, 1)[0];
    const amountIds = header.map((h) => lookupColumn(h)?.id).filter((id): id is string => id !== undefined);
    const leaves = new Set(reconcilePlan(amountIds).leaves);
    const leafColumns = header
      .map((h, i) => [h, i] as const)
      .filter(([h]) => leaves.has(lookupColumn(h)?.id ?? ''));
    expect(leafColumns.length).toBeGreaterThan(10);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.nat(),
        fc.nat(leafColumns.length - 1),
        fc.constantFrom(1n, -1n),
        (rows, seed, rowPick, leafPick, delta) => {
          const cells = statementRows(rows, seed);
          const r = 1 + (rowPick % (cells.length - 1));
          const [label, c] = leafColumns[leafPick];
          const before = centsOfText(cells[r][c]);
          const after = before + delta;
          const abs = after < 0n ? -after : after;
          cells[r][c] = `${after < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
          const name = `one-cent-${seed}.csv`;
          const parsed = parseClassified(new TextEncoder().encode(toCsv(cells)), name);
          if (parsed.kind === 'crash') throw parsed.error;
          const result = parsed.result.files[0].reconciliation;
          expect(result.ok, `${label} of row ${r + 1} changed by ${delta} cent`).toBe(false);
          const rowMismatch = result.mismatches.find((m) => m.source.row === r + 1);
          const subtotalMismatch = (result.subtotalMismatches ?? []).find((m) => m.source.row === r + 1);
          expect(rowMismatch ?? subtotalMismatch, `a mismatch on row ${r + 1}`).toBeDefined();
          if (rowMismatch) expect(Math.abs(rowMismatch.difference)).toBe(1);
          recordInput({ suite: 'reconciliation', input: name, outcome: 'imported', lost: 0, duplicated: 0 });
        },
      ),
      { numRuns: 150 },
    );
  });
});
