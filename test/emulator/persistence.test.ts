import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkbook, saveWorkbook, workbookFromJson, workbookToJson } from '../../emulator/persist';
import { createServices } from '../../emulator/services';
import { Workbook } from '../../emulator/workbook';
import { gas } from './helpers';

function richWorkbook() {
  const { g, workbook } = gas({ timeZone: 'America/Chicago' });
  const ss = g.SpreadsheetApp.getActiveSpreadsheet();
  const ledger = ss.insertSheet('TTS Ledger');
  ledger.getRange('A:A').setNumberFormat('@');
  ledger.getRange('A1:D2').setValues([
    ['Order ID', 'Date', 'Amount', 'Note'],
    ['577123456789012345', new Date('2025-02-03T06:00:00Z'), 12.5, '=1+1'],
  ]);
  ledger.getRange('A1:D1').setFontWeight('bold');
  ledger.setFrozenRows(1);
  ledger.protect().setDescription('ledger').setWarningOnly(true);
  ledger.insertChart(
    ledger.newChart().asColumnChart().addRange(ledger.getRange('B1:C2')).setOption('title', 'T').build(),
  );
  g.PropertiesService.getDocumentProperties().setProperty('monthlyTarget', '65000');
  return workbook;
}

describe('workbook persistence', () => {
  it('round-trips through JSON with dates, formats, formulas, charts and properties', () => {
    const wb = richWorkbook();
    const back = workbookFromJson(JSON.parse(JSON.stringify(workbookToJson(wb))));
    expect(back.valuesOf('TTS Ledger')).toEqual(wb.valuesOf('TTS Ledger'));
    expect(back.valuesOf('TTS Ledger')[1][1]).toBeInstanceOf(Date);
    expect(back.formulaCells()).toEqual([{ sheet: 'TTS Ledger', a1: 'D2', formula: '=1+1' }]);
    expect(back.properties.document).toEqual({ monthlyTarget: '65000' });
    expect(workbookToJson(back)).toEqual(workbookToJson(wb));

    const g = createServices({ workbook: back }).globals as Record<string, any>;
    const ledger = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('TTS Ledger');
    expect(ledger.getRange('A2').getNumberFormat()).toBe('@');
    expect(ledger.getRange('A1').getFontWeight()).toBe('bold');
    expect(ledger.getFrozenRows()).toBe(1);
    expect(ledger.getCharts()[0].getOptions().get('title')).toBe('T');
    expect(ledger.getRange('B2').getDisplayValue()).toBe('2025-02-03');
  });

  it('saves atomically to a file and loads it back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tts-wb-'));
    const file = join(dir, 'nested', 'workbook.json');
    const wb = richWorkbook();
    saveWorkbook(wb, file);
    saveWorkbook(wb, file);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['workbook.json']);
    const back = loadWorkbook(file);
    expect(back.id).toBe(wb.id);
    expect(back.timeZone).toBe('America/Chicago');
    expect(back.sheets.map((s) => s.name)).toEqual(['Sheet1', 'TTS Ledger']);
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });

  it('refuses a file of another format version', () => {
    expect(() => workbookFromJson({ ...workbookToJson(new Workbook()), version: 99 })).toThrow(
      'Workbook file version 99 is not supported (expected 1).',
    );
  });
});
