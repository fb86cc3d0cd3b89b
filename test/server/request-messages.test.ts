/**
 * The words of a refused request, one per kind of problem: every top-level function is a public
 * endpoint, and the message is all a caller gets to find the field that was wrong.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseExportFile } from '../../src/core/read/parse-export-file';
import {
  AdsImportSchema,
  FinishImportSchema,
  ImportChunkSchema,
} from '../../src/server/import/import-schemas';
import { checkRequest } from '../../src/server/import/request-check';
import { either, object, oneOf, text } from '../../src/server/import/request-shapes';

const root = new URL('../../', import.meta.url).pathname;
const row = parseExportFile(
  new Uint8Array(readFileSync(root + 'samples/statement-2026-05.csv')),
  'statement-2026-05.csv',
).files[0].rows[0];

const refusal = (check: () => unknown): string => {
  try {
    check();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('accepted');
};
const chunk = (rows: unknown[]) => ({ importId: 'abcdefgh-123', chunkIndex: 0, rows });

describe('a refused request names the field, what was expected and what was found', () => {
  it('accepts a well-formed chunk as it is', () => {
    expect(checkRequest(ImportChunkSchema, chunk([row]), 'Import chunk').rows).toEqual([row]);
  });

  it('a value of the wrong kind, deep in a row, and how many more problems there are', () => {
    expect(
      refusal(() => checkRequest(ImportChunkSchema, chunk([row, { ...row, quantity: '2' }]), 'Import chunk')),
    ).toBe('Import chunk rejected: rows[1].quantity: expected number, found "2".');
    expect(
      refusal(() =>
        checkRequest(
          ImportChunkSchema,
          chunk([{ ...row, amounts: { a: 1.5, b: 'x' }, skuId: 7 }]),
          'Import chunk',
        ),
      ),
    ).toBe('Import chunk rejected: rows[0].skuId: expected string, found 7 (and 2 more problems).');
    expect(
      refusal(() =>
        checkRequest(ImportChunkSchema, chunk([{ ...row, amounts: { a: 1.5 } }]), 'Import chunk'),
      ),
    ).toBe('Import chunk rejected: rows[0].amounts.a: expected a whole number, found 1.5.');
  });

  it('limits: characters of text, items of a list, a number out of range, a name in a record', () => {
    const long = 'x'.repeat(600);
    expect(
      refusal(() =>
        checkRequest(ImportChunkSchema, chunk([{ ...row, unknown: { [long]: 'v' } }]), 'Import chunk'),
      ),
    ).toBe(`Import chunk rejected: rows[0].unknown.${long}: is not valid.`);
    expect(
      refusal(() => checkRequest(ImportChunkSchema, chunk(new Array(5001).fill(row)), 'Import chunk')),
    ).toBe('Import chunk rejected: rows: expected at most 5000 items.');
    expect(
      refusal(() => checkRequest(ImportChunkSchema, { ...chunk([row]), chunkIndex: -1 }, 'Import chunk')),
    ).toBe('Import chunk rejected: chunkIndex: expected at least 0.');
    expect(
      refusal(() =>
        checkRequest(
          FinishImportSchema,
          { importId: 'abcdefgh-123', status: 'complete', message: long.repeat(4) },
          'Finish',
        ),
      ),
    ).toBe('Finish rejected: message: expected at most 2000 characters.');
  });

  it('a value outside a list, a format, and either of two shapes', () => {
    expect(
      refusal(() => checkRequest(FinishImportSchema, { importId: 'abcdefgh-123', status: 'done' }, 'Finish')),
    ).toBe('Finish rejected: status: expected one of "complete", "cancelled", "failed", found "done".');
    expect(
      refusal(() => checkRequest(FinishImportSchema, { importId: 'abc', status: 'failed' }, 'Finish')),
    ).toBe('Finish rejected: importId: is not in the expected format (found "abc").');
    const ads = {
      fileName: 'a.csv',
      clock: 'UTC',
      rows: [],
      replace: [],
      add: [],
      file: { layoutLabel: 'GMV Max', period: { first: '', last: '' }, rowsTotal: 0, rejected: 0 },
      end: 'last',
    };
    // Neither '' nor an import ID: the format problem of the shape it nearly was.
    expect(refusal(() => checkRequest(AdsImportSchema, { ...ads, importId: 'x' }, 'Ad import'))).toBe(
      'Ad import rejected: importId: is not in the expected format (found "x").',
    );
    expect(refusal(() => checkRequest(AdsImportSchema, { ...ads, importId: 5 }, 'Ad import'))).toBe(
      'Ad import rejected: importId: expected string, found 5.',
    );
    // Either of two shapes: the problem of the one the value nearly was, else one problem for the field.
    const idOrNothing = object({ id: either(oneOf(['']), text({ pattern: /^[0-9a-z-]{8,40}$/ })) });
    expect(refusal(() => checkRequest(idOrNothing, { id: 'x' }, 'Check'))).toBe(
      'Check rejected: id: is not in the expected format (found "x").',
    );
    expect(refusal(() => checkRequest(idOrNothing, { id: 5 }, 'Check'))).toBe(
      'Check rejected: id: is not valid.',
    );
    expect(refusal(() => checkRequest(AdsImportSchema, null, 'Ad import'))).toBe(
      'Ad import rejected: the request: expected object, found null.',
    );
  });
});
