/**
 * The add-on's tabs as sellers leave them: each state of test/corpus/workbook-states.ts runs the
 * sidebar's reader on real bytes, the import handlers of the built bundle in the emulator, and the
 * ledger readers (TTS_SETTLEMENT on the tab, the dashboard) on the same in-memory workbook.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm } from '../../emulator/index';
import { LEDGER_TAB } from '../../src/core/ledger/ledger-format';
import { baseKeyOf, currentLedgerKeys } from '../../src/core/ledger/ledger-keys';
import type { ParsedExport } from '../../src/core/types';
import { WORKBOOK_STATES, type StateFile } from '../corpus/workbook-states';
import { IMPORTS, ensureBuilt, harness, type Harness } from '../server/import-harness';
import { privateBundleCopy } from '../helpers/built-bundle';
import { parseClassified } from './classify';
import { countAlreadyImported } from '../../src/sidebar/import/already-imported';
import { alreadyImportedText } from '../../src/sidebar/import/file-preview';
import { recordInput } from './record';

let bundle = '';
beforeAll(() => {
  ensureBuilt();
  bundle = privateBundleCopy();
});

function parse(file: StateFile): ParsedExport {
  const parsed = parseClassified(file.bytes(), file.name);
  if (parsed.kind === 'crash') throw parsed.error as Error;
  expect(parsed.defects).toEqual([]);
  expect(parsed.result.errors).toEqual([]);
  return parsed.result.files[0];
}

/** The ledger's rows by header, wherever the seller moved its header row and columns. */
export function ledgerByHeader(h: Harness): {
  keys: string[];
  settlementCents: number;
  fields: Map<string, string>;
  /** Key → every cell but the import's own (key, import, source, marks): what the row says. */
  content: Map<string, string>;
} {
  const values = h.values(LEDGER_TAB);
  const headerIndex = values.findIndex(
    (row) =>
      row.some((v) => String(v).trim().toLowerCase() === 'key') && row.some((v) => String(v) === 'Import ID'),
  );
  if (headerIndex < 0) return { keys: [], settlementCents: 0, fields: new Map(), content: new Map() };
  const header = values[headerIndex].map((v) => String(v).trim().toLowerCase());
  const key = header.indexOf('key');
  const settlement = header.indexOf('total settlement amount');
  const ids = ['order/adjustment id', 'sku id', 'quantity', 'type'].map((label) => header.indexOf(label));
  const date = header.indexOf('order date');
  const keys: string[] = [];
  const fields = new Map<string, string>();
  const content = new Map<string, string>();
  const own = ['key', 'import id', 'source file', 'source row', 'superseded by'].map((label) =>
    header.indexOf(label),
  );
  let cents = 0;
  for (const row of values.slice(headerIndex + 1)) {
    const k = String(row[key] ?? '').trim();
    // Every key the add-on writes has `|` in it: a `Total` the seller typed in the Key column is theirs.
    if (!k.includes('|')) continue;
    keys.push(k);
    const day =
      row[date] instanceof Date ? (row[date] as Date).toISOString().slice(0, 10) : String(row[date]);
    fields.set(k, [...ids.map((c) => String(row[c])), day !== '' ? 'dated' : 'undated'].join('|'));
    content.set(k, JSON.stringify(row.filter((_, c) => !own.includes(c))));
    cents += Math.round(Number(row[settlement] === '' ? 0 : row[settlement]) * 100);
  }
  return { keys, settlementCents: cents, fields, content };
}

describe('workbook states a seller leaves the tabs in', () => {
  it.each(WORKBOOK_STATES.map((c) => [c.name, c] as const))('%s', async (name, state) => {
    const h = harness();
    const before = state.before.map(parse);
    const after = state.after.map(parse);
    const first = await h.importFiles(before, { maxRows: 7 });
    expect(
      first.every((o) => o.status === 'complete'),
      JSON.stringify(first),
    ).toBe(true);
    state.edit(h.workbook);
    const tabs = () => JSON.stringify(h.workbook.sheets.map((s) => [s.name, h.workbook.valuesOf(s.name)]));
    const edited = tabs();
    const expected = state.expected;
    // The preview asks before anything is written: for the first file the ledger is as Import finds it.
    const previewed =
      expected.outcome === 'imported'
        ? await Promise.all(after.map((f) => countAlreadyImported(f, h.call)))
        : [];
    if (expected.outcome === 'imported' && expected.alreadyImported) {
      const lines = after.map((f, i) => alreadyImportedText(previewed[i], f.rows.length));
      expect(lines).toEqual(expected.alreadyImported);
    }
    const outcomes = await h.importFiles(after, {
      maxRows: after.some((f) => f.rows.length > 100) ? 500 : 7,
    });
    if (expected.outcome === 'imported')
      expect(previewed[0], 'the preview counts as repeats the rows Import skips').toBe(
        outcomes[0].duplicates,
      );

    if (expected.outcome === 'refused') {
      for (const o of outcomes) {
        expect(o.status).toBe('failed');
        expect(o.message).toMatch(expected.message);
      }
      // Nothing written: every tab holds exactly what the seller left in it.
      expect(tabs()).toBe(edited);
      if (expected.readers) {
        const rt = loadBundleInVm({ file: bundle, workbook: h.workbook });
        expect(() => rt.call('TTS_SETTLEMENT', h.values(LEDGER_TAB))).toThrow(expected.readers);
        expect(() => h.run('refreshDashboard', null)).toThrow(expected.readers);
      }
      recordInput({ suite: 'workbook-states', input: name, outcome: 'rejected', lost: 0, duplicated: 0 });
      return;
    }

    for (const o of outcomes) expect(o.status, o.message).toBe('complete');
    expect(outcomes.reduce((n, o) => n + o.written, 0)).toBe(expected.written);
    expect(outcomes.reduce((n, o) => n + o.settledEstimates, 0)).toBe(expected.settled ?? 0);
    const { keys, settlementCents, fields, content } = ledgerByHeader(h);
    const wanted = new Set(
      (expected.newLedger ? after : [...before, ...after]).flatMap((f) => f.rows.map((r) => r.key)),
    );
    // Keys of an older format count as their current spelling (ledger-keys.ts).
    const present = currentLedgerKeys(keys);
    const lost = [...wanted].filter((k) => !present.has(k)).length;
    // A row under the next number of a file's key (`…#2`) is another line of that key when it says
    // something no other row of the key says (a later estimate, a line of a split file): not a repeat.
    const anotherLine = (k: string) => {
      const base = baseKeyOf(k).base;
      return (
        wanted.has(base) &&
        keys.every((o) => o === k || baseKeyOf(o).base !== base || content.get(o) !== content.get(k))
      );
    };
    const duplicated =
      keys.length -
      new Set(keys).size +
      keys.filter((k) => !wanted.has(k) && !baseKeyOf(k).changed && !anotherLine(k)).length;
    recordInput({ suite: 'workbook-states', input: name, outcome: 'imported', lost, duplicated });
    expect({ lost, duplicated }).toEqual({ lost: 0, duplicated: 0 });
    expect(keys).toHaveLength(expected.rows);
    // Every row whole: IDs, quantity, type and date under their own headers.
    for (const row of [...before, ...after].flatMap((f) => f.rows)) {
      if (!fields.has(row.key)) continue;
      expect(fields.get(row.key), row.key).toBe(
        [row.orderId, row.skuId, String(row.quantity), row.type, row.orderDate ? 'dated' : 'undated'].join(
          '|',
        ),
      );
    }
    expect(settlementCents).toBe(expected.settlementCents);
    if (expected.marked !== undefined) {
      const marks = h.values(LEDGER_TAB);
      const c = marks[0].indexOf('Superseded by');
      expect(marks.slice(1).filter((r) => r[c] !== '' && r[c] !== undefined)).toHaveLength(expected.marked);
    }
    for (const cell of expected.kept ?? []) expect(h.values(cell.sheet)[cell.row - 1]).toContain(cell.value);
    // The log's last row is complete, found by header.
    const log = h.values(IMPORTS);
    const logHeader = log.findIndex((row) => row.includes('Status'));
    expect(log[log.length - 1][log[logHeader].indexOf('Status')]).toBe('complete');

    // The ledger readers: the function on the whole tab, and the dashboard.
    const rt = loadBundleInVm({ file: bundle, workbook: h.workbook });
    expect(Math.round((rt.call('TTS_SETTLEMENT', h.values(LEDGER_TAB)) as number) * 100)).toBe(
      expected.countedCents ?? expected.settlementCents,
    );
    const dashboard = h.run('refreshDashboard', null) as { message: string };
    if (expected.dashboard) expect(dashboard.message).toMatch(expected.dashboard);
    expect(dashboard.message).not.toMatch(/could not be read/);
    // Every counted cent is in the dashboard's profit by month, whatever its date.
    const tab = h.values('TTS Dashboard');
    const top = tab.findIndex((r) => r[0] === 'Month' && r[1] === 'Settlement');
    let shown = 0;
    for (let r = top + 1; r < tab.length && /^\d{4}-\d\d$/.test(String(tab[r][0])); r++)
      shown += Math.round(Number(tab[r][1]) * 100);
    expect(shown).toBe(expected.countedCents ?? expected.settlementCents);
  });
});
