/**
 * The TTS Ledger tab leaves out amount columns that are 0 in every row, so a renamed or deleted
 * amount header would read as "no such fee": a 0 that means "not read". The functions on the tab
 * and the dashboard refuse instead, naming the tab and the header, as the import does; a range of
 * an earlier ledger (renamed to keep it) still answers. Through dist/Code.js on a ledger the import
 * wrote from March's statement.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { loadBundleInVm } from '../../emulator/index';
import * as sellerEdits from '../../emulator/seller-edits';
import { privateBundleCopy } from '../helpers/built-bundle';
import { ensureBuilt, harness, LEDGER, type Harness } from '../server/import-harness';
import { parseClassified } from '../reliability/classify';
import { APRIL, MARCH, MARCH_CENTS, columnNumber } from '../corpus/workbook-states';

let h: Harness;

async function imported(...files: (typeof MARCH)[]): Promise<void> {
  for (const file of files) {
    const parsed = parseClassified(file.bytes(), file.name);
    if (parsed.kind !== 'parsed') throw parsed.error as Error;
    const [outcome] = await h.importFiles(parsed.result.files);
    expect(outcome.status, outcome.message).toBe('complete');
  }
}

beforeEach(async () => {
  ensureBuilt();
  h = harness();
  await imported(MARCH);
});

/** A function's answer on a tab as the seller left it, or its error. */
function answer(fn: string, tab = LEDGER, ...rest: unknown[]): unknown {
  const rt = loadBundleInVm({ file: privateBundleCopy(), workbook: h.workbook });
  try {
    return rt.call(fn, h.values(tab), ...rest);
  } catch (error) {
    return (error as Error).message;
  }
}

function refresh(): string {
  try {
    return (h.run('refreshDashboard', null) as { message: string }).message;
  } catch (error) {
    return (error as Error).message;
  }
}

const refused = (label: string) =>
  new RegExp(
    `^The TTS Ledger tab has no \\*${label}\\* column in its header row \\(deleted or renamed\\)\\. ` +
      `Its amounts would read as 0\\. Rename the header back to ${label}, or bring the column back with Edit → Undo`,
  );
const dollars = (cents: number) => cents / 100;

describe('a TTS Ledger tab that lost an amount column the add-on wrote', () => {
  it('the functions and the dashboard refuse a renamed Total settlement amount, naming it, instead of 0', () => {
    expect(answer('TTS_SETTLEMENT')).toBe(dollars(MARCH_CENTS));
    h.workbook.seed(LEDGER, [['Payout']], 1, columnNumber(h.workbook, LEDGER, 'Total settlement amount'));
    for (const fn of ['TTS_SETTLEMENT', 'TTS_PNL', 'TTS_RECONCILE', 'TTS_SALES'])
      expect(answer(fn), fn).toMatch(refused('Total settlement amount'));
    const before = JSON.stringify(h.values('TTS Dashboard'));
    expect(refresh()).toMatch(refused('Total settlement amount'));
    expect(JSON.stringify(h.values('TTS Dashboard'))).toBe(before);
  });

  it('refuse a deleted fee column, and answer again once its header is typed back in capitals', () => {
    const fee = columnNumber(h.workbook, LEDGER, 'Referral fee');
    const referral = answer('TTS_FEE', LEDGER, 'Referral fee') as number;
    expect(referral).toBeLessThan(0);
    h.workbook.seed(LEDGER, [['TikTok cut']], 1, fee);
    expect(answer('TTS_FEE', LEDGER, 'Referral fee')).toMatch(refused('Referral fee'));
    expect(answer('TTS_FEES')).toMatch(refused('Referral fee'));
    h.workbook.seed(LEDGER, [['REFERRAL FEE ']], 1, fee);
    expect(answer('TTS_FEE', LEDGER, 'Referral fee')).toBe(referral);
    expect(refresh()).toMatch(/^TTS Dashboard refreshed/);
    sellerEdits.deleteColumns(h.workbook.requireSheet(LEDGER), fee);
    expect(answer('TTS_NET_PROFIT')).toMatch(refused('Referral fee'));
    expect(refresh()).toMatch(refused('Referral fee'));
  });

  it('an earlier ledger, renamed to keep it, still answers though the new one has columns it lacks', async () => {
    const old = h.workbook.requireSheet(LEDGER);
    old.name = 'Ledger 2026 Q1';
    // The seller had deleted a column of the earlier ledger that the new ledger holds too.
    sellerEdits.deleteColumns(old, columnNumber(h.workbook, 'Ledger 2026 Q1', 'Referral fee'));
    await imported(APRIL);
    expect(columnNumber(h.workbook, LEDGER, 'Referral fee')).toBeGreaterThan(0);
    expect(answer('TTS_SETTLEMENT', 'Ledger 2026 Q1')).toBe(dollars(MARCH_CENTS));
  });
});

describe('a TTS Ledger tab sorted with its header row', () => {
  it("the functions and the dashboard name the ledger's header, not an export's, wherever it went", async () => {
    await imported(APRIL);
    const sheet = h.workbook.requireSheet(LEDGER);
    expect(sheet.lastRow()).toBeGreaterThan(40);
    sellerEdits.sortRows(sheet, 1, sheet.lastRow(), 1);
    expect(h.values(LEDGER)[0][0]).not.toBe('Key');
    const lost =
      /^The TTS Ledger tab has no header row with Key, Import ID, Layout above its rows\. Nothing was counted\. Restore the header row with Edit → Undo/;
    expect(answer('TTS_SETTLEMENT')).toMatch(lost);
    expect(answer('TTS_PNL')).toMatch(lost);
    expect(refresh()).toMatch(lost);
  });

  it('on a ledger of fewer than 30 rows, the message says only what is true: no header above its rows', async () => {
    const sheet = h.workbook.requireSheet(LEDGER);
    expect(sheet.lastRow()).toBeLessThan(30);
    sellerEdits.sortRows(sheet, 1, sheet.lastRow(), 1);
    const headerAt = h.values(LEDGER).findIndex((row) => row[0] === 'Key') + 1;
    expect(headerAt).toBeGreaterThan(1);
    expect(headerAt).toBeLessThan(30);
    const lost =
      'The TTS Ledger tab has no header row with Key, Import ID, Layout above its rows. Nothing was counted. ' +
      'Restore the header row with Edit → Undo or File → Version history; to start a new TTS Ledger instead, rename this tab.';
    expect(answer('TTS_SETTLEMENT')).toBe(lost);
    expect(answer('TTS_SALES')).toBe(lost);
    expect(refresh()).toMatch(
      /^The TTS Ledger tab has no header row with Key, Import ID, Layout above its rows\./,
    );
    // The import, which would write the rows above the header again, is refused in the same words.
    const parsed = parseClassified(APRIL.bytes(), APRIL.name);
    if (parsed.kind !== 'parsed') throw parsed.error as Error;
    const [outcome] = await h.importFiles(parsed.result.files);
    expect(outcome.message).toMatch(
      /The TTS Ledger tab has no header row with Key, Import ID, Layout above its rows\. Nothing was written\./,
    );
    expect(JSON.stringify([answer('TTS_SETTLEMENT'), refresh(), outcome.message])).not.toContain('30 rows');
  });
});
