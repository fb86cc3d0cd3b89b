// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  alreadyImportedText,
  outcomeText,
  renderFileError,
  renderPreview,
} from '../../src/sidebar/import/file-preview';
import { parsedExport } from './parsed-fixture';
import { readFileSync } from 'node:fs';
import { readyFiles } from '../../src/core/ledger/ready-to-import';
import { parseExportFile } from '../../src/core/read/parse-export-file';

describe('renderPreview', () => {
  it('says which rows of the file repeat an earlier one, and the settlement they held, before Import', () => {
    const text = readFileSync('samples/statement-2026-05.csv', 'utf8').trimEnd().split('\n');
    // Row 11 ($18.79) listed twice, right after itself.
    const file = [...text.slice(0, 11), text[10], ...text.slice(11)].join('\n') + '\n';
    const [parsed] = readyFiles(
      parseExportFile(new TextEncoder().encode(file), 'statement-2026-05.csv').files,
    ).files;
    const card = renderPreview(parsed).textContent ?? '';
    expect(card).toContain(
      'Row 12 repeats row 11 in every cell and is written once: the settlement leaves out its $18.79.',
    );
    expect(card).toContain('Settlement$4,613.85');
  });

  it('shows layout, period, rows and totals of a clean file', () => {
    const card = renderPreview(parsedExport(3));
    const text = card.textContent ?? '';
    expect(card.querySelector('h3')?.textContent).toBe('statement-2026-05.csv');
    expect(text).toContain('US Statement export (2024 CSV)');
    expect(text).toContain('May 1 – May 31, 2026');
    expect(text).toContain('Settlement$55.26');
    expect(text).toContain('Net sales$75.00');
    expect(text).toContain('Fees-$19.74');
    expect(text).toContain('Reconciled: 3 rows add up to the cent.');
  });

  it('lists the first differences, rejected rows with their reasons, and unknown columns', () => {
    const parsed = parsedExport(2, {
      reconciliation: {
        rowsChecked: 2,
        ok: false,
        unclassifiedColumns: [],
        totalChecks: [],
        mismatches: [
          {
            source: { file: 'x.csv', row: 7 },
            orderId: '577000000000000006',
            type: 'Order',
            settlement: 1000,
            sumOfParts: 950,
            difference: 50,
          },
        ],
      },
      rejects: Array.from({ length: 7 }, (_, i) => ({
        file: 'x.csv',
        row: 214 + i,
        column: 'Referral fee',
        message: 'expected an amount, found "abc"',
      })),
      unknownColumns: ['Mystery credit'],
    });
    const card = renderPreview(parsed);
    const text = card.textContent ?? '';
    expect(text).toContain('1 row differs from the sum of its parts.');
    expect(text).toContain(
      'Row 7 (577000000000000006): settlement $10.00, parts add to $9.50, difference $0.50',
    );
    expect(text).toContain('7 rows cannot be imported:');
    expect(text).toContain('Row 214, column Referral fee: expected an amount, found "abc"');
    expect(card.querySelectorAll('.rejects li')).toHaveLength(6); // 5 listed + "and 2 more"
    expect(text).toContain('and 2 more');
    expect(text).toContain('Columns kept but not recognised: Mystery credit');
  });

  it('counts rows, not problems: one row with three bad cells is one row', () => {
    const rejects = ['Referral fee', 'Fees', 'Order created date'].map((column) => ({
      file: 'x.csv',
      row: 9,
      column,
      message: `Row 9, column *${column}*: bad`,
    }));
    const text = renderPreview(parsedExport(2, { rejects })).textContent ?? '';
    expect(text).toContain('1 row cannot be imported (3 problems):');
    expect(text).not.toContain('3 rows cannot');
  });

  it('counts every rejected row when the problems kept stop at 1,000', () => {
    // 195 rows with 12 bad cells each: the reader keeps 1,000 problems (83 rows' worth) and counts all 195.
    const rejects = Array.from({ length: 1000 }, (_, i) => ({
      file: 'x.csv',
      row: 2 + Math.floor(i / 12),
      column: 'Gross sales',
      message: 'bad',
    }));
    const text = renderPreview(parsedExport(0, { rejects, rejectedRows: 195 })).textContent ?? '';
    expect(text).toContain('195 rows cannot be imported (the first 1,000 problems):');
  });

  it('says what the ledger already holds, before Import', () => {
    expect(alreadyImportedText(1453, 1453)).toBe(
      '1,453 of 1,453 rows already imported: importing it again adds nothing.',
    );
    expect(alreadyImportedText(3, 10)).toBe('3 of 10 rows already imported.');
    expect(alreadyImportedText(0, 10)).toBe('None of its 10 rows are in TTS Ledger yet.');
  });

  it('shows an unreadable file on its own card, as an alert', () => {
    const card = renderFileError({
      fileName: 'orders.pdf',
      message: 'orders.pdf: expected a CSV or XLSX export, found a PDF.',
    });
    expect(card.getAttribute('role')).toBe('alert');
    expect(card.textContent).toContain('expected a CSV or XLSX export, found a PDF.');
  });
});

describe('outcomeText', () => {
  const base = {
    fileName: 'a.csv',
    layoutLabel: 'x',
    written: 120,
    duplicates: 4,
    rejected: 2,
    cogsAdded: 0,
    settledEstimates: 0,
  };
  it('words each outcome', () => {
    expect(outcomeText({ ...base, status: 'complete' })).toBe(
      'Imported: 120 new rows, 4 duplicates skipped, 2 rejected.',
    );
    expect(outcomeText({ ...base, status: 'complete', cogsAdded: 3 })).toBe(
      'Imported: 120 new rows, 4 duplicates skipped, 2 rejected; 3 new SKUs added to TTS COGS.',
    );
    expect(outcomeText({ ...base, status: 'complete', settledEstimates: 12 })).toBe(
      'Imported: 120 new rows, 4 duplicates skipped, 2 rejected; 12 estimated rows now settled.',
    );
    expect(outcomeText({ ...base, status: 'cancelled' })).toBe(
      'Cancelled: 120 new rows, 4 duplicates skipped, 2 rejected. Import again to add the rest.',
    );
    expect(outcomeText({ ...base, status: 'failed', message: 'Service error: Spreadsheets' })).toBe(
      'Failed: Service error: Spreadsheets (120 new rows, 4 duplicates skipped, 2 rejected before the failure; import again to add the rest).',
    );
  });
});
