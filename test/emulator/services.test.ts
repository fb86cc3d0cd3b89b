import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GAS_FAILURES } from '../../emulator/call-log';
import { formatString, LOCK_TIMEOUT_MESSAGE, parseCsv } from '../../emulator/services';
import { gas } from './helpers';

describe('call counting', () => {
  it("counts every API call by method name, not the emulator's own internal calls", () => {
    const { g, workbook } = gas();
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.getSheetByName('Sheet1');
    sheet.getRange(1, 1, 3, 2).setValues([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    sheet.getRange('A1:B3').getValues();
    ss.getRange('Sheet1!A1').getValue();
    expect(workbook.calls.snapshot()).toEqual({
      'Range.getValue': 1,
      'Range.getValues': 1,
      'Range.setValues': 1,
      'Sheet.getRange': 2,
      'Spreadsheet.getRange': 1,
      'Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
    expect(workbook.calls.countMatching('Range.')).toBe(3);
    workbook.calls.reset();
    expect(workbook.calls.count('Range.setValues')).toBe(0);
  });

  it('can list calls in order', () => {
    const { g, workbook } = gas();
    workbook.calls.recordOrder = true;
    g.SpreadsheetApp.getActiveSheet().getRange('A1').setValue(1);
    expect(workbook.calls.sequence()).toEqual([
      'SpreadsheetApp.getActiveSheet',
      'Sheet.getRange',
      'Range.setValue',
    ]);
  });
});

describe('strict objects', () => {
  it('name the unimplemented member instead of returning undefined', () => {
    const { ss } = gas();
    const range = ss.getActiveSheet().getRange('A1');
    expect(() => range.setRichTextValues([[]])).toThrow(
      'Emulator: SpreadsheetApp.Range.setRichTextValues is not implemented',
    );
    expect(() => ss.getActiveSheet().getBandings()).toThrow(
      'Emulator: SpreadsheetApp.Sheet.getBandings is not implemented',
    );
    const { g } = gas();
    expect(() => g.HtmlService.createTemplateFromFile('x')).toThrow(
      'Emulator: HtmlService.createTemplateFromFile is not implemented',
    );
  });

  it('hide internal state and stay inspectable by test tooling', () => {
    const { ss } = gas();
    const range = ss.getActiveSheet().getRange('A1');
    expect(() => range._sheet).toThrow('Emulator: SpreadsheetApp.Range._sheet is not implemented');
    expect(range.then).toBeUndefined();
    expect(String(range)).toBe('Range');
    expect(() => {
      range.foo = 1;
    }).toThrow('Emulator: cannot assign SpreadsheetApp.Range.foo');
  });
});

describe('failure injection', () => {
  it("makes the Nth setValues throw Apps Script's message, then work again", () => {
    const { ss, workbook } = gas();
    const sheet = ss.getActiveSheet();
    workbook.calls.failOnCall('Range.setValues', 2, GAS_FAILURES.timedOut(workbook.id));
    sheet.getRange('A1').setValues([[1]]);
    expect(() => sheet.getRange('A2').setValues([[2]])).toThrow(
      `Service Spreadsheets timed out while accessing document with id ${workbook.id}.`,
    );
    sheet.getRange('A3').setValues([[3]]);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[1], [''], [3]]);
  });

  it('can keep failing from the Nth call on', () => {
    const { ss, workbook } = gas();
    workbook.calls.failOnCall('Range.setValues', 1, GAS_FAILURES.maxExecutionTime, { sticky: true });
    const r = ss.getActiveSheet().getRange('A1');
    expect(() => r.setValues([[1]])).toThrow('Exceeded maximum execution time');
    expect(() => r.setValues([[1]])).toThrow('Exceeded maximum execution time');
    workbook.calls.clearFailures();
    r.setValues([[1]]);
    expect(r.getValue()).toBe(1);
  });
});

describe('auth modes', () => {
  it('AuthMode.NONE allows building menus but no document, properties or lock access', () => {
    const { g, services } = gas({ authMode: 'NONE' });
    g.SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'showSidebar').addToUi();
    expect(services.ui.menus).toHaveLength(1);
    expect(() => g.SpreadsheetApp.getActiveSpreadsheet()).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet',
    );
    expect(() => g.PropertiesService.getDocumentProperties()).toThrow(
      'You do not have permission to call PropertiesService.getDocumentProperties',
    );
    expect(() => g.LockService.getDocumentLock()).toThrow('You do not have permission to call');
    services.setAuthMode('FULL');
    expect(g.SpreadsheetApp.getActiveSpreadsheet().getName()).toBe('Untitled spreadsheet');
  });

  it('CUSTOM_FUNCTION allows reads but no writes and no UI', () => {
    const { g, services } = gas();
    const sheet = g.SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1').setValue(5);
    services.setAuthMode('CUSTOM_FUNCTION');
    expect(sheet.getRange('A1').getValue()).toBe(5);
    expect(() => sheet.getRange('A1').setValue(6)).toThrow(
      'You do not have permission to call Range.setValue',
    );
    expect(() => sheet.insertRowsAfter(1, 1)).toThrow(
      'You do not have permission to call Sheet.insertRowsAfter',
    );
    expect(() => g.SpreadsheetApp.getUi()).toThrow('You do not have permission to call SpreadsheetApp.getUi');
    expect(g.PropertiesService.getDocumentProperties().getProperty('x')).toBeNull();
  });
});

describe('LockService', () => {
  it('grants, reports and releases the lock', () => {
    const { g, services } = gas();
    const lock = g.LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(services.locks.isHeld('document')).toBe(true);
    lock.releaseLock();
    expect(services.locks.isHeld('document')).toBe(false);
    expect(g.LockService.getScriptLock().tryLock(0)).toBe(true);
    expect(g.LockService.getUserLock().hasLock()).toBe(false);
  });

  it('is unavailable while another user holds it', () => {
    const { g, services } = gas();
    services.locks.holdByAnotherUser('document');
    const lock = g.LockService.getDocumentLock();
    expect(lock.tryLock(5000)).toBe(false);
    expect(() => lock.waitLock(5000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(LOCK_TIMEOUT_MESSAGE).toBe('Lock timeout: another process was holding the lock for too long.');
    services.locks.releaseByAnotherUser('document');
    expect(lock.tryLock(5000)).toBe(true);
  });

  it('can become free after a number of attempts (for retry logic)', () => {
    const { g, services } = gas();
    services.locks.holdByAnotherUser('document', { forAttempts: 2 });
    const lock = g.LockService.getDocumentLock();
    expect([lock.tryLock(10), lock.tryLock(10), lock.tryLock(10)]).toEqual([false, false, true]);
  });
});

describe('PropertiesService', () => {
  it('keeps document, user and script stores apart, as text', () => {
    const { g, workbook } = gas();
    const doc = g.PropertiesService.getDocumentProperties();
    doc.setProperty('monthlyTarget', 65000).setProperties({ metric: 'gross', annualTarget: '1000000' });
    g.PropertiesService.getUserProperties().setProperty('seen', 'yes');
    expect(doc.getProperty('monthlyTarget')).toBe('65000');
    expect(doc.getKeys().sort()).toEqual(['annualTarget', 'metric', 'monthlyTarget']);
    expect(g.PropertiesService.getScriptProperties().getProperties()).toEqual({});
    expect(workbook.properties.user).toEqual({ seen: 'yes' });
    doc.deleteProperty('metric');
    expect(doc.getProperty('metric')).toBeNull();
    doc.setProperties({ only: '1' }, true);
    expect(doc.getProperties()).toEqual({ only: '1' });
    doc.deleteAllProperties();
    expect(doc.getKeys()).toEqual([]);
  });

  it('refuses values over 9 KB and stores over 500 KB', () => {
    const { g } = gas();
    const doc = g.PropertiesService.getDocumentProperties();
    expect(() => doc.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    doc.setProperty('ok', 'x'.repeat(9 * 1024));
    for (let i = 0; i < 54; i++) doc.setProperty(`k${i}`, 'x'.repeat(9 * 1024));
    expect(() => doc.setProperty('k99', 'x'.repeat(9 * 1024))).toThrow(
      'You have exceeded the property storage quota',
    );
  });
});

describe('HtmlService and Ui', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tts-html-'));
  writeFileSync(join(dir, 'Sidebar.html'), '<!doctype html><p>hi</p>');

  it('serves files from the html folder and records the sidebar', () => {
    const { g, services } = gas({ htmlDir: dir });
    const out = g.HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('TTS Profit').setWidth(300);
    expect(out.getContent()).toBe('<!doctype html><p>hi</p>');
    g.SpreadsheetApp.getUi().showSidebar(out);
    expect(services.ui.sidebars).toMatchObject([
      { title: 'TTS Profit', fileName: 'Sidebar', content: '<!doctype html><p>hi</p>' },
    ]);
    expect(() => g.HtmlService.createHtmlOutputFromFile('Missing')).toThrow(
      'No HTML file named Missing was found.',
    );
    expect(g.HtmlService.XFrameOptionsMode.ALLOWALL).toBe('ALLOWALL');
    expect(g.HtmlService.createHtmlOutput('<b>x</b>').append('!').getContent()).toBe('<b>x</b>!');
  });

  it('records add-on and custom menus with items, separators and submenus', () => {
    const { g, services } = gas();
    const ui = g.SpreadsheetApp.getUi();
    const sub = ui.createMenu('More').addItem('Help', 'showHelp');
    ui.createAddonMenu().addItem('Open', 'showSidebar').addSeparator().addSubMenu(sub).addToUi();
    expect(services.ui.menus).toEqual([
      {
        kind: 'addon',
        name: 'TTS Profit',
        entries: [
          { kind: 'item', caption: 'Open', functionName: 'showSidebar' },
          { kind: 'separator' },
          {
            kind: 'submenu',
            menu: {
              kind: 'custom',
              name: 'More',
              entries: [{ kind: 'item', caption: 'Help', functionName: 'showHelp' }],
            },
          },
        ],
      },
    ]);
    expect(() => ui.createMenu('x').addItem('Private', 'helper_')).toThrow(
      'must name a public top-level function',
    );
  });

  it('records alerts and dialogs and answers alerts with the configured button', () => {
    const { g, services } = gas();
    const ui = g.SpreadsheetApp.getUi();
    expect(ui.alert('Done')).toBe(ui.Button.OK);
    services.ui.alertResponse = 'NO';
    expect(ui.alert('Replace?', 'Replace the ledger?', ui.ButtonSet.YES_NO)).toBe('NO');
    ui.showModalDialog(g.HtmlService.createHtmlOutput('<p>help</p>'), 'Help');
    expect(services.ui.alerts).toEqual([
      { title: '', prompt: 'Done', buttons: 'OK' },
      { title: 'Replace?', prompt: 'Replace the ledger?', buttons: 'YES_NO' },
    ]);
    expect(services.ui.dialogs[0]).toMatchObject({
      modal: true,
      dialogTitle: 'Help',
      content: '<p>help</p>',
    });
  });
});

describe('Utilities, Session, Logger, ScriptApp', () => {
  it('formats dates in the given time zone with Java patterns', () => {
    const { g } = gas();
    const d = new Date('2024-03-10T07:30:05Z');
    expect(g.Utilities.formatDate(d, 'America/Los_Angeles', 'yyyy-MM-dd HH:mm:ss')).toBe(
      '2024-03-09 23:30:05',
    );
    expect(g.Utilities.formatDate(d, 'Etc/UTC', "yyyy-MM-dd'T'HH:mm:ss'Z'")).toBe('2024-03-10T07:30:05Z');
    expect(g.Utilities.formatDate(d, 'Asia/Tokyo', 'MMM d, yyyy h:mm a XXX')).toBe(
      'Mar 10, 2024 4:30 PM +09:00',
    );
  });

  it('parses CSV like Utilities.parseCsv', () => {
    expect(parseCsv('a,"b,c","say ""hi"""\r\n1,,"multi\nline"\n')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['1', '', 'multi\nline'],
    ]);
    expect(parseCsv('x;y', ';')).toEqual([['x', 'y']]);
    expect(formatString('%s rows, %.2f%%', 3, 12.345)).toBe('3 rows, 12.35%');
  });

  it('exposes sleep (no wait), uuid, session zone, Logger and AuthMode', () => {
    const { g, services } = gas();
    const t = Date.now();
    g.Utilities.sleep(60_000);
    expect(Date.now() - t).toBeLessThan(1000);
    expect(g.Utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
    expect(g.Session.getScriptTimeZone()).toBe('Etc/UTC');
    g.Logger.log('Imported %s rows', 12);
    expect(services.logs).toEqual(['Imported 12 rows']);
    expect(g.ScriptApp.AuthMode.NONE).toBe('NONE');
  });
});
