// @vitest-environment happy-dom
/**
 * The import preview names an amount column TTS Profit does not know that it counted under Fees,
 * on the real On-hold export's columns (made a US file) with one new fee column.
 */
import { describe, expect, it } from 'vitest';
import { parsedBySidebar } from '../helpers/sidebar-reader';
import { renderPreview } from '../../src/sidebar/import/file-preview';
import { REAL, realCsvRows } from '../helpers/real-fixtures';

describe('preview of an unrecognised fee column', () => {
  it('says which column was counted in Fees, and the row still reconciles', async () => {
    const [header, row] = realCsvRows(REAL.ukOnHold);
    const at = header.indexOf('GMV Max ad fee') + 1;
    const rows = [
      [...header.slice(0, at), 'Creator bonus fee', ...header.slice(at)],
      [...row.slice(0, at), '-0.50', ...row.slice(at)],
    ];
    const set = (name: string, value: string) => (rows[1][rows[0].indexOf(name)] = value);
    set('Currency', 'USD');
    set('Fees', '-1.22');
    set('Total estimated settlement amount', '6.78');
    const outcome = await parsedBySidebar(
      new TextEncoder().encode(rows.map((r) => r.join(',')).join('\n')),
      'onhold.csv',
    );
    const [file] = outcome.files;
    expect(file.reconciliation.ok).toBe(true);
    expect(file.totals).toEqual({ settlement: 678, netSales: 800, fees: -122, grossSales: 800 });
    const text = renderPreview(file).textContent;
    expect(text).toContain('Counted in Fees though not recognised: Creator bonus fee');
    expect(text).toContain('Reconciled: 1 row add up to the cent.');
  });
});
