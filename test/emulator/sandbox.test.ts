import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonRoundTrip, loadBundleInVm, loadBundleWithGasLocal } from '../../emulator/sandbox';
import { Workbook } from '../../emulator/workbook';

const dir = mkdtempSync(join(tmpdir(), 'tts-sandbox-'));
function bundle(name: string, source: string): string {
  const file = join(dir, name);
  writeFileSync(file, source);
  return file;
}

const counter = bundle(
  'counter.js',
  `
var calls = 0;
function bump() { calls += 1; return calls; }
function writeRows(rows) {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1');
  sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
  return sheet.getLastRow();
}
function kinds(v) { return [v instanceof Array, Array.isArray(v)]; }
function isDateValue(d) { return [d instanceof Date, Object.prototype.toString.call(d) === '[object Date]']; }
`,
);

describe.each([
  ['node:vm', loadBundleInVm],
  ['gas-local', loadBundleWithGasLocal],
])('%s loader', (_label, load) => {
  it('gives each load a fresh global scope', () => {
    const a = load({ file: counter });
    expect([a.call('bump'), a.call('bump')]).toEqual([1, 2]);
    expect(load({ file: counter }).call('bump')).toBe(1);
  });

  it('runs the script against the given workbook with the emulated services', () => {
    const workbook = new Workbook();
    const rt = load({ file: counter, workbook });
    expect(
      rt.call('writeRows', [
        ['a', 1],
        ['b', 2],
      ]),
    ).toBe(2);
    expect(workbook.valuesOf('Sheet1')).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(workbook.calls.count('Range.setValues')).toBe(1);
  });

  it('shows the cross-realm rule: instanceof fails on test-realm values, Array.isArray works', () => {
    const rt = load({ file: counter });
    expect(rt.call('kinds', [1])).toEqual([false, true]);
    expect(rt.call('kinds', rt.inRealm('[1]'))).toEqual([true, true]);
    expect(rt.call('isDateValue', new Date())).toEqual([false, true]);
  });

  it('names a missing function like Apps Script', () => {
    expect(() => load({ file: counter }).call('nope')).toThrow('Script function not found: nope');
  });
});

describe('loadBundleInVm', () => {
  it('rejects ES module syntax, as Apps Script does', () => {
    const esm = bundle('esm.js', 'export function onOpen() {}\n');
    expect(() => loadBundleInVm({ file: esm })).toThrow(SyntaxError);
  });

  it('reloads a bundle rebuilt on disk', () => {
    const file = bundle('changing.js', 'function v() { return 1; }');
    expect(loadBundleInVm({ file }).call('v')).toBe(1);
    writeFileSync(file, 'function v() { return 2; }');
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    expect(loadBundleInVm({ file }).call('v')).toBe(2);
  });
});

describe('jsonRoundTrip mimics google.script.run serialization', () => {
  it('copies plain data, turns undefined in arrays into null and drops undefined properties', () => {
    const input = { a: [1, undefined, 'x'], b: undefined, c: { d: null } };
    const out = jsonRoundTrip(input);
    expect(out).toEqual({ a: [1, null, 'x'], c: { d: null } });
    expect(out).not.toBe(input);
  });

  it('nulls a result holding a Date and rejects a Date argument', () => {
    expect(jsonRoundTrip({ when: new Date() })).toBeNull();
    expect(() => jsonRoundTrip([{ when: new Date() }], 'argument')).toThrow(
      'Failed due to illegal value in property: 0.when',
    );
    expect(() => jsonRoundTrip({ f: () => 1 }, 'argument')).toThrow('illegal value in property: f');
  });
});
