/**
 * A function marked `@customfunction` runs, when the emulator calls it, with the permissions
 * Sheets gives formulas: read-only spreadsheet getters and Utilities, no writes, no UI. The same
 * body called as a menu item runs with full authorization.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm } from '../../emulator/sandbox';
import { Workbook } from '../../emulator/workbook';
import { codeFile, ensureBuilt } from '../bundle/custom-functions-sheet';

const SCRIPT = `
function write_(v) { SpreadsheetApp.getActiveSheet().getRange('A1').setValue(v); return 'written'; }
/**
 * Writes A1.
 * @customfunction
 */
function TTS_WRITE(v) { return write_(v); }
function menuWrite(v) { return write_(v); }
/**
 * Reads A1 and formats today.
 * @customfunction
 */
function TTS_READ() { return SpreadsheetApp.getActiveSheet().getRange('A1').getValue() + ' ' + Utilities.formatDate(new Date(0), 'Etc/UTC', 'yyyy'); }
/**
 * Opens a dialog.
 * @customfunction
 */
function TTS_UI() { SpreadsheetApp.getUi().alert('hi'); }
/**
 * Adds a tab.
 * @customfunction
 */
function TTS_TAB() { SpreadsheetApp.getActiveSpreadsheet().insertSheet('New'); }
`;

let file: string;
beforeAll(() => {
  file = join(mkdtempSync(join(tmpdir(), 'tts-cf-')), 'Code.js');
  writeFileSync(file, SCRIPT);
});

describe('custom functions run in the custom-function authorization', () => {
  it('finds them by their @customfunction JSDoc', () => {
    expect([...loadBundleInVm({ file }).customFunctions].sort()).toEqual([
      'TTS_READ',
      'TTS_TAB',
      'TTS_UI',
      'TTS_WRITE',
    ]);
  });

  it('refuses writes, new tabs and UI; allows reads and Utilities', () => {
    const rt = loadBundleInVm({ file, workbook: new Workbook() });
    expect(() => rt.call('TTS_WRITE', 5)).toThrow('You do not have permission to call Range.setValue');
    expect(() => rt.call('TTS_TAB')).toThrow('You do not have permission to call Spreadsheet.insertSheet');
    expect(() => rt.call('TTS_UI')).toThrow('You do not have permission to call SpreadsheetApp.getUi');
    expect(rt.call('menuWrite', 5)).toBe('written');
    expect(rt.call('TTS_READ')).toBe('5 1970');
    expect(rt.services.authMode).toBe('FULL'); // restored after each formula call
  });

  it('covers every TTS_ function of the built add-on', () => {
    ensureBuilt();
    const names = [...loadBundleInVm({ file: codeFile }).customFunctions];
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(names.every((n) => n.startsWith('TTS_'))).toBe(true);
  });
});
